"""End to end: Slack's acknowledgement leaves while the request's work waits on a slow Slack, and
/healthz counts that work."""

from __future__ import annotations

import asyncio

import aiohttp

from tests.e2e.harness import RunningBot


async def work_in_progress(bot: RunningBot) -> int:
    async with aiohttp.ClientSession() as session, session.get(f"{bot.url}/healthz") as resp:
        return int((await resp.json())["work_in_progress"])


async def test_a_command_is_acknowledged_while_slack_holds_its_work(bot: RunningBot) -> None:
    locale = bot.fake.hold("users.info")  # the work's first call: the user's language

    sent = await asyncio.wait_for(
        bot.sender.command("/tiimi", "ohje", user_id="UANNA", channel_id="DANNA"), 10
    )

    assert (sent.status, sent.body) == (200, "")
    await bot.fake.wait_for(lambda: bot.fake.calls_to("users.info"))
    assert bot.fake.responses(sent.response_url) == []
    assert await work_in_progress(bot) == 1
    locale.set()
    await bot.fake.wait_for(lambda: bot.fake.responses(sent.response_url))
    assert len(bot.fake.responses(sent.response_url)) == 1
    assert await work_in_progress(bot) == 0


async def test_an_event_is_acknowledged_while_slack_holds_its_work(bot: RunningBot) -> None:
    publishing = bot.fake.hold("views.publish")
    event = {"type": "app_home_opened", "user": "UANNA", "channel": "DANNA", "tab": "home"}

    sent = await asyncio.wait_for(bot.sender.event(event, event_id="EvHeld"), 10)

    assert sent.status == 200
    await bot.fake.wait_for(lambda: bot.fake.calls_to("views.publish"))
    assert await work_in_progress(bot) == 1
    publishing.set()
    await bot.fake.wait_for(lambda: bot.fake.home_views.get("UANNA"))
