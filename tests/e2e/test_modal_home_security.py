"""End to end: the new-team modal, App Home with redelivered events, request signing."""

from __future__ import annotations

import asyncio
import json
import time
from urllib.parse import urlencode

import pytest

from bot.home.service import STEP_LIMIT, TEAM_LIMIT
from handlers.sandbox.workspace.sender import FORM
from tests.e2e.harness import RunningBot

CONSENT = {"consent": {"selected_options": [{"value": "client_chose_members"}]}}


def modal_values(members: list[str], *, consent: bool) -> dict[str, dict[str, object]]:
    values: dict[str, dict[str, object]] = {
        "members": {"members": {"type": "multi_users_select", "selected_users": members}}
    }
    values["consent"] = {
        "consent": {
            "type": "checkboxes",
            "selected_options": CONSENT["consent"]["selected_options"],
        }
        if consent
        else {"type": "checkboxes", "selected_options": []}
    }
    return values


async def test_modal_opens_validates_consent_and_opens_team_once(bot: RunningBot) -> None:
    fake = bot.fake
    sent = await bot.sender.command("/tiimi", "uusi", user_id="UANNA", channel_id="DANNA")
    await fake.wait_for(lambda: fake.views_opened)
    opened = fake.views_opened[0]
    view = opened.get("view", opened)
    assert view["callback_id"] == "open_team"
    assert opened.get("trigger_id") == sent.trigger_id

    refused = await bot.sender.view_submission(
        user_id="UANNA", view=view | {"id": "V1"}, values=modal_values(["UBERT"], consent=False)
    )
    assert refused.status == 200
    assert refused.json()["response_action"] == "errors"
    assert "consent" in refused.json()["errors"]
    assert fake.calls_to("conversations.create") == []

    for _ in range(2):  # a double click submits the same view twice
        accepted = await bot.sender.view_submission(
            user_id="UANNA", view=view | {"id": "V1"}, values=modal_values(["UBERT"], consent=True)
        )
        assert accepted.status == 200 and accepted.body == ""
        await fake.wait_for(lambda: len(fake.calls_to("chat.postMessage")) >= 2)
    await fake.wait_for(lambda: len(fake.calls_to("chat.postMessage")) == 3)
    assert len(fake.calls_to("conversations.create")) == 1
    channel_id = bot.channel_named("mt-2026-0001")
    assert fake.channels[channel_id].members == {"UBOT", "UANNA", "UBERT"}
    dms = [c for c in fake.calls_to("chat.postMessage") if c.args["channel"] != channel_id]
    assert all(f"<#{channel_id}>" in c.args["text"] for c in dms)


async def test_app_home_lists_my_teams_once_per_event(bot: RunningBot) -> None:
    fake = bot.fake
    await bot.tiimi("uusi <@UBERT>")
    event = {"type": "app_home_opened", "user": "UBERT", "channel": "DBERT", "tab": "home"}
    first = await bot.sender.event(event, event_id="Ev1")
    assert first.status == 200
    await fake.wait_for(lambda: "UBERT" in fake.home_views)
    home = json.dumps(fake.home_views["UBERT"], ensure_ascii=False)
    assert "MT-2026-0001" in home and "Omat tiimini" in home
    again = await bot.sender.event(event, event_id="Ev1", retry_num=1)
    assert again.status == 200
    await bot.sender.event({**event, "user": "UCARL"}, event_id="Ev2")
    await fake.wait_for(lambda: "UCARL" in fake.home_views)
    assert len(fake.calls_to("views.publish")) == 2
    assert "minkään tiimin jäsen" in json.dumps(fake.home_views["UCARL"], ensure_ascii=False)


async def test_app_home_says_how_many_teams_and_steps_are_left_out(bot: RunningBot) -> None:
    fake = bot.fake
    for _ in range(TEAM_LIMIT + 1):
        await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named(f"mt-2026-{TEAM_LIMIT + 1:04d}")
    for number in range(STEP_LIMIT + 2):
        await bot.askel(f"Askel numero {number} <@UBERT>", channel=channel)
    event = {"type": "app_home_opened", "user": "UBERT", "channel": "DBERT", "tab": "home"}
    await bot.sender.event(event)
    await fake.wait_for(lambda: "UBERT" in fake.home_views)
    home = json.dumps(fake.home_views["UBERT"], ensure_ascii=False)
    assert home.count("MT-2026-") == TEAM_LIMIT + STEP_LIMIT  # each step line names its team
    assert "…ja 1 tiimi lisää. Näet kaikki tiimisi komennolla `/tiimi avoimet`." in home
    assert "…ja 2 askelta lisää. Tiimin kaikki askeleet näet sen kanavalla komennolla" in home
    listed = await bot.tiimi("avoimet", user="UBERT", channel="DBERT")
    assert listed.startswith(f"Omat avoimet tiimisi ({TEAM_LIMIT + 1})")


async def test_unsigned_forged_and_stale_requests_are_refused(bot: RunningBot) -> None:
    body = urlencode(
        {
            "command": "/tiimi",
            "text": "uusi <@UBERT>",
            "user_id": "UANNA",
            "channel_id": "D1",
            "team_id": "T0TEST",
            "trigger_id": "1.2.3",
            "response_url": "http://127.0.0.1:9/x",
        }
    )
    unsigned = await bot.sender.raw(body, content_type=FORM, signed=False)
    forged = await bot.sender.raw(
        body, content_type=FORM, headers={"X-Slack-Signature": "v0=" + "0" * 64}
    )
    stale = await bot.sender.raw(body, content_type=FORM, timestamp=int(time.time()) - 6 * 60)
    assert [unsigned.status, forged.status, stale.status] == [401, 401, 401]
    assert bot.fake.calls_to("conversations.create") == []


async def test_healthz_reports_the_database(bot: RunningBot) -> None:
    import aiohttp

    async with aiohttp.ClientSession() as session, session.get(f"{bot.url}/healthz") as resp:
        assert resp.status == 200
        assert await resp.json() == {"status": "ok", "database": "ok", "work_in_progress": 0}


async def test_unexpected_failure_gets_a_finnish_answer(bot: RunningBot) -> None:
    bot.fake.fail_next("views.open", error="expired_trigger_id")
    answer = await bot.tiimi("uusi")
    assert answer.startswith("Jokin meni vikaan")
    assert "Traceback" not in bot.fake.raw_traffic()


async def test_failing_event_is_logged_without_trying_to_answer(
    bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    event = {"type": "app_home_opened", "user": "UNOBODY", "channel": "D1", "tab": "home"}
    sent = await bot.sender.event(event, event_id="EvFail")
    assert sent.status == 200
    await bot.fake.wait_for(lambda: bot.fake.calls_to("views.publish"))
    for _ in range(10_000):  # the bot shares this event loop: yield until it has logged
        if any(r.name == "handlers.slack" for r in caplog.records):
            break
        await asyncio.sleep(0)
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "listener failed: SlackApiError" in messages
    assert "ValueError" not in messages and "respond is unsupported" not in messages
