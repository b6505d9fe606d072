"""Tests of the fake's views.* methods."""

from __future__ import annotations

from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from handlers.sandbox.workspace import SimulatedSlack


def _modal(blocks: int = 1, **extra: Any) -> dict[str, Any]:
    """Return a modal view with `blocks` input blocks."""
    return {
        "type": "modal",
        "callback_id": "new_case",
        "private_metadata": "C123",
        "title": {"type": "plain_text", "text": "Uusi tapaus"},
        "submit": {"type": "plain_text", "text": "Luo"},
        "blocks": [
            {
                "type": "input",
                "block_id": f"b{i}",
                "label": {"type": "plain_text", "text": "Nimi"},
                "element": {"type": "plain_text_input", "action_id": "name"},
            }
            for i in range(blocks)
        ],
        **extra,
    }


async def _error(call: Any) -> str:
    """Await a call expected to fail and return its error code."""
    with pytest.raises(SlackApiError) as err:
        await call
    return str(err.value.response["error"])


async def test_trigger_id_is_single_use(client: AsyncWebClient, fake_slack: SimulatedSlack) -> None:
    trigger = fake_slack.issue_trigger_id()
    opened = await client.views_open(trigger_id=trigger, view=_modal())
    assert fake_slack.views_opened[0]["trigger_id"] == trigger
    assert fake_slack.views_opened[0]["view_id"] == opened["view"]["id"]
    assert fake_slack.views_opened[0]["view"]["private_metadata"] == "C123"
    assert await _error(client.views_open(trigger_id=trigger, view=_modal())) == (
        "exchanged_trigger_id"
    )
    assert await _error(client.views_open(trigger_id="1.2.3", view=_modal())) == (
        "invalid_trigger_id"
    )


async def test_expired_trigger() -> None:
    async with SimulatedSlack(trigger_ttl=0.0) as fake:
        client = AsyncWebClient(token=fake.token, base_url=fake.base_url, retry_handlers=[])
        call = client.views_open(trigger_id=fake.issue_trigger_id(), view=_modal())
        assert await _error(call) == "expired_trigger_id"


async def test_view_limits(client: AsyncWebClient, fake_slack: SimulatedSlack) -> None:
    too_many = client.views_open(trigger_id=fake_slack.issue_trigger_id(), view=_modal(101))
    assert await _error(too_many) == "invalid_arguments"
    long_title = _modal(title={"type": "plain_text", "text": "x" * 25})
    call = client.views_open(trigger_id=fake_slack.issue_trigger_id(), view=long_title)
    assert await _error(call) == "invalid_arguments"
    no_submit = _modal()
    del no_submit["submit"]
    call = client.views_open(trigger_id=fake_slack.issue_trigger_id(), view=no_submit)
    assert await _error(call) == "invalid_arguments"
    await client.views_open(trigger_id=fake_slack.issue_trigger_id(), view=_modal(100))


async def test_update_and_push(client: AsyncWebClient, fake_slack: SimulatedSlack) -> None:
    opened = await client.views_open(trigger_id=fake_slack.issue_trigger_id(), view=_modal())
    view_id = opened["view"]["id"]
    await client.views_update(view_id=view_id, view=_modal(2))
    assert len(fake_slack.views[view_id]["blocks"]) == 2
    assert await _error(client.views_update(view_id="V404", view=_modal())) == "not_found"
    await client.views_push(trigger_id=fake_slack.issue_trigger_id(), view=_modal())
    assert len(fake_slack.views_pushed) == 1


async def test_publish_home(client: AsyncWebClient, fake_slack: SimulatedSlack) -> None:
    home = {"type": "home", "blocks": [{"type": "divider"}]}
    await client.views_publish(user_id="UANNA", view=home)
    assert fake_slack.home_views["UANNA"]["blocks"] == [{"type": "divider"}]
    wrong = client.views_publish(user_id="UANNA", view=_modal())
    assert await _error(wrong) == "invalid_arguments"
    missing = client.api_call("views.publish", json={"view": home})
    assert await _error(missing) == "invalid_arguments"
