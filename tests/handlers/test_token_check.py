"""The Slack adapter's connect(): auth.test at start, Slack's refusals and outages as the core's
typed errors, whose messages never hold the token."""

from __future__ import annotations

import pytest

from bot.platform import ChatPlatform
from bot.plugins import PlatformRefused, PlatformUnreachable, configure
from handlers.sandbox.workspace import SimulatedSlack
from handlers.slack.serving import SlackAdapter
from storage.db import Database

SECRET = "token0check0signing0secret"


def unused_database() -> Database:
    """Slack's connect() keeps no records of its own."""
    return Database("sqlite://")


def adapter_for(
    fake: SimulatedSlack, token: str | None = None, api_url: str | None = None
) -> SlackAdapter:
    _, adapter = configure(
        {
            "SLACK_BOT_TOKEN": token or fake.token,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": api_url or fake.base_url,
        }
    )
    assert isinstance(adapter, SlackAdapter)
    return adapter


async def test_a_token_slack_accepts_connects(fake_slack: SimulatedSlack) -> None:
    adapter = adapter_for(fake_slack)
    platform: ChatPlatform = await adapter.connect(unused_database())
    try:
        assert [c.method for c in fake_slack.calls] == ["auth.test"]
        await platform.find_spaces("MT-2026-0001")  # needs the bot's user id: not asked again
        assert len(fake_slack.calls_to("auth.test")) == 1
    finally:
        await adapter.close()


async def test_a_wrong_token_is_refused_without_repeating_it(fake_slack: SimulatedSlack) -> None:
    adapter = adapter_for(fake_slack, "xoxb-9-9-notOurs")
    with pytest.raises(PlatformRefused) as raised:
        await adapter.connect(unused_database())
    message = str(raised.value)
    assert "SLACK_BOT_TOKEN" in message and "(invalid_auth)" in message
    assert "notOurs" not in message
    assert adapter._http is not None and adapter._http.closed  # nothing left open


@pytest.mark.parametrize(
    "code",
    ["not_authed", "account_inactive", "token_revoked", "token_expired", "not_allowed_token_type"],
)
async def test_slacks_refusals_are_refusals(fake_slack: SimulatedSlack, code: str) -> None:
    fake_slack.fail_next("auth.test", error=code)
    with pytest.raises(PlatformRefused, match=f"SLACK_BOT_TOKEN \\({code}\\)"):
        await adapter_for(fake_slack).connect(unused_database())


@pytest.mark.parametrize("code", ["service_unavailable", "internal_error", "fatal_error"])
async def test_slacks_own_trouble_is_not_the_tokens(fake_slack: SimulatedSlack, code: str) -> None:
    fake_slack.fail_next("auth.test", error=code)
    with pytest.raises(PlatformUnreachable, match=f"\\({code}\\), a problem on Slack's side"):
        await adapter_for(fake_slack).connect(unused_database())


async def test_an_answer_that_is_not_slacks_points_at_the_api_url(
    fake_slack: SimulatedSlack,
) -> None:
    elsewhere = fake_slack.base_url.replace("/api/", "/not-the-api/")  # aiohttp's 404 page
    with pytest.raises(PlatformUnreachable, match=r"did not answer auth\.test as Slack does"):
        await adapter_for(fake_slack, api_url=elsewhere).connect(unused_database())
