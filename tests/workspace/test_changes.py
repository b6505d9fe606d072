"""Tests of the change counter (version) and changed_since()."""

from __future__ import annotations

import asyncio

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from handlers.sandbox.workspace import SimulatedSlack


async def _until_waiting() -> None:
    """Give the event loop a few turns, so that a changed_since() task blocks in its wait."""
    for _ in range(10):
        await asyncio.sleep(0)


async def test_version_grows_on_changes_only(
    client: AsyncWebClient, fake_slack: SimulatedSlack
) -> None:
    start = fake_slack.version
    cid = fake_slack.add_channel("muutokset", members={"UANNA"})
    assert fake_slack.version == start + 1

    await client.conversations_history(channel=cid)
    await client.users_info(user="UANNA")
    assert fake_slack.version == start + 1

    await client.chat_postMessage(channel=cid, text="viesti")
    assert fake_slack.version == start + 2
    with pytest.raises(SlackApiError):
        await client.chat_postMessage(channel="C9999999A", text="ei kanavaa")
    assert fake_slack.version == start + 2

    await AsyncWebhookClient(fake_slack.new_response_url(channel_id=cid)).send(text="vastaus")
    assert fake_slack.version == start + 3


async def test_changed_since_answers_at_once_or_at_timeout(fake_slack: SimulatedSlack) -> None:
    now = fake_slack.version
    assert await fake_slack.changed_since(now - 1, timeout=10) == now
    assert await fake_slack.changed_since(now, timeout=0) == now


async def test_changed_since_wakes_on_an_api_call(
    client: AsyncWebClient, fake_slack: SimulatedSlack
) -> None:
    cid = fake_slack.add_channel("herätys")
    seen = fake_slack.version
    waiter = asyncio.create_task(fake_slack.changed_since(seen, timeout=600))
    await _until_waiting()
    assert not waiter.done()

    await client.chat_postMessage(channel=cid, text="herää")

    assert await asyncio.wait_for(waiter, 5) == seen + 1  # woken, not timed out


async def test_changed_since_wakes_on_a_setup_helper(fake_slack: SimulatedSlack) -> None:
    seen = fake_slack.version
    waiter = asyncio.create_task(fake_slack.changed_since(seen, timeout=600))
    await _until_waiting()
    assert not waiter.done()

    fake_slack.add_user("UNEW", name="uusi")

    assert await asyncio.wait_for(waiter, 5) == seen + 1  # woken, not timed out
