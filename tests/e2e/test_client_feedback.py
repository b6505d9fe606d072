"""End to end, client feedback: every way of closing a team (the command, a reason button, the
service form, a coordinator by code) asks whoever closed it in a direct message; a press
replaces the question with a thank-you naming the answer, once per team; the coordinators'
statistics show the counts only from the fifth answer; no log line, audit row or export
carries an answer with a team or a person."""

from __future__ import annotations

import copy
import dataclasses
import json
import logging
from collections.abc import AsyncIterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import pytest_asyncio
from sqlmodel import select

from bot.privacy.audit_export import audit_csv
from handlers.sandbox.workspace import SimulatedSlack
from handlers.sandbox.workspace.state import Message
from storage import queries
from storage.db import Database
from storage.models import ClientFeedback, Team
from tests.e2e.harness import RunningBot, running_bot
from tests.e2e.test_after_closing import asked, seen
from tests.e2e.test_closing import MONDAY
from tests.support.clock import FakeClock

TOO_FEW = "*Asiakaspalaute ”Sain apua, kun sitä tarvitsin”:* vastauksia on alle 5"


@pytest_asyncio.fixture
async def bot(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> AsyncIterator[RunningBot]:
    clock.set(MONDAY)
    fake_slack.add_user("UCOORD", name="coordinator")
    env = {"QUIET_HOURS": "off", "COORDINATORS": "UCOORD"}
    async with running_bot(fake_slack, database_url, clock, **env) as running:
        yield running


def questions(fake: SimulatedSlack, user: str) -> list[Message]:
    """The bot's messages in the person's direct messages, as they are now (the closing's
    answers come through the command's response_url: these are the feedback questions)."""
    ims = [c.id for c in fake.channels.values() if c.is_im and user in c.members]
    return [m for channel in ims for m in fake.messages.get(channel, [])]


def labels(question: Message) -> list[str]:
    [actions] = [b for b in question.blocks or [] if b["type"] == "actions"]
    return [e["text"]["text"] for e in actions["elements"]]


async def opened(bot: RunningBot, number: int) -> str:
    await bot.tiimi("uusi <@UBERT>")
    return bot.channel_named(f"mt-2026-{number:04d}")


async def closed_by_command(bot: RunningBot, number: int) -> None:
    channel = await opened(bot, number)
    assert "on suljettu" in await bot.tiimi("sulje tavoitteet saavutettu", channel=channel)
    await bot.fake.wait_for(lambda: bot.fake.channels[channel].is_archived)


async def closed_by_button(bot: RunningBot, number: int, *, form: bool = False) -> None:
    """`/tiimi sulje`, then a reason button; *siirtyi yhteen palveluun* then its form."""
    fake, channel = bot.fake, await opened(bot, number)
    sent = await bot.sender.command("/tiimi", "sulje", user_id="UANNA", channel_id=channel)
    await bot.answer(sent)
    assert sent.response_url is not None
    buttons = fake.responses(sent.response_url)[0]["blocks"][-1]["elements"]
    reason = "moved_to_one_service" if form else "client_wish"
    [button] = [b for b in buttons if b["value"].endswith(f":{reason}")]
    await bot.sender.block_action(
        user_id="UANNA", action_id=button["action_id"], value=button["value"], channel_id=channel
    )
    if form:
        await fake.wait_for(lambda: fake.views_opened)
        view = fake.views_opened[-1]["view"]
        values = {
            "profession": {"profession": {"type": "static_select", "selected_option": None}},
            "service": {"service": {"type": "plain_text_input", "value": "kotihoito"}},
        }
        done = await bot.sender.view_submission(
            user_id="UANNA", view=view | {"id": f"VC{number}"}, values=values
        )
        assert done.status == 200
    await fake.wait_for(lambda: fake.channels[channel].is_archived)


async def closed_by_coordinator(bot: RunningBot, number: int) -> None:
    channel = await opened(bot, number)
    code = f"MT-2026-{number:04d}"
    closed = await bot.tiimi(f"sulje {code} muu", user="UCOORD", channel="DCOORD")
    assert "on suljettu" in closed
    await bot.fake.wait_for(lambda: bot.fake.channels[channel].is_archived)


async def answer(bot: RunningBot, user: str, question: Message, label: str) -> dict[str, Any]:
    """Press the question's button with this label; the answer as Slack got it."""
    [actions] = [b for b in question.blocks or [] if b["type"] == "actions"]
    [button] = [e for e in actions["elements"] if e["text"]["text"] == label]
    pressed = await bot.sender.block_action(
        user_id=user,
        action_id=button["action_id"],
        value=button["value"],
        channel_id=question.channel,
        message_ts=question.ts,
    )
    url = pressed.response_url
    assert url is not None
    await bot.fake.wait_for(lambda: bot.fake.responses(url))
    response: dict[str, Any] = bot.fake.responses(url)[-1]
    return response


async def statistics(bot: RunningBot) -> str:
    return seen(await asked(bot, "tilastot", user="UCOORD", channel="DCOORD"))


async def test_every_close_asks_the_closer_and_the_counts_show_from_the_fifth_answer(
    bot: RunningBot, database: Database, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake = bot.fake
    await closed_by_command(bot, 1)

    [question] = questions(fake, "UANNA")
    shown = question.text + json.dumps(question.blocks, ensure_ascii=False)
    assert "MT-2026-0001" in shown and "Sain apua, kun sitä tarvitsin" in shown
    assert "1 = täysin eri mieltä" in shown and "5 = täysin samaa mieltä" in shown
    assert not questions(fake, "UBERT")  # only the closer is asked
    assert labels(question) == ["1", "2", "3", "4", "5", "Ei kysytty"]
    as_sent = dataclasses.replace(question, blocks=copy.deepcopy(question.blocks))

    thanks = await answer(bot, "UANNA", question, "4")

    assert thanks["replace_original"] is True
    [replaced] = questions(fake, "UANNA")  # the question itself, now the thank-you
    assert replaced.ts == question.ts and replaced.updated == 1
    assert replaced.text.startswith("Kiitos! Asiakkaan vastaus on merkitty: 4 (jokseenkin")
    assert "client_feedback" not in json.dumps(replaced.blocks)  # no buttons left
    again = await answer(bot, "UANNA", as_sent, "1")  # pressed again before it was replaced
    assert again["text"].startswith("Tiimin MT-2026-0001 asiakaspalaute on jo merkitty")

    await closed_by_button(bot, 2)
    await closed_by_button(bot, 3, form=True)
    await closed_by_coordinator(bot, 4)
    anna = questions(fake, "UANNA")
    assert len(anna) == 3 and [q.text for q in anna[1:]] == [
        "Tiimi MT-2026-0002 on suljettu: merkitse asiakkaan palaute",
        "Tiimi MT-2026-0003 on suljettu: merkitse asiakkaan palaute",
    ]
    [coordinator_asked] = questions(fake, "UCOORD")
    assert "MT-2026-0004" in coordinator_asked.text
    await answer(bot, "UANNA", anna[1], "5")
    await answer(bot, "UANNA", anna[2], "Ei kysytty")
    await answer(bot, "UCOORD", coordinator_asked, "2")

    assert TOO_FEW in await statistics(bot)  # 3 answers 1–5 and one not asked
    await closed_by_command(bot, 5)
    await closed_by_command(bot, 6)
    fifth, sixth = questions(fake, "UANNA")[-2:]
    await answer(bot, "UANNA", fifth, "5")
    assert TOO_FEW in await statistics(bot)
    await answer(bot, "UANNA", sixth, "3")

    stats = await statistics(bot)
    assert TOO_FEW not in stats
    assert "1: 0 · 2: 1 · 3: 1 · 4: 1 · 5: 2 · keskiarvo 3,8 (5 vastausta) · ei kysytty: 1" in (
        stats
    )
    async with database.session() as session:
        teams = (await session.exec(select(Team))).all()
        counted = (await session.exec(select(ClientFeedback))).all()
    assert all(t.client_feedback_recorded for t in teams) and len(teams) == 6
    assert sorted((c.month.isoformat(), c.answer, c.count) for c in counted) == [
        ("2026-11-01", "2", 1),
        ("2026-11-01", "3", 1),
        ("2026-11-01", "4", 1),
        ("2026-11-01", "5", 2),
        ("2026-11-01", "not_asked", 1),
    ]

    # nothing but the count knows an answer: no log line, audit row or export ties one to a
    # team or a person (a press's log lines, if any, never carry its answer)
    logged = [r.getMessage() for r in caplog.records]
    assert any("MT-2026-0006: 1 posts removed" in line for line in logged)  # the log is read
    assert not [line for line in logged if "feedback" in line or "jokseenkin" in line], logged
    helsinki = ZoneInfo("Europe/Helsinki")
    export = await audit_csv(database, tz=helsinki, team_code=None, user_id=None, since=None)
    assert "feedback" not in export and "not_asked" not in export
    async with database.session() as session:
        events = await queries.audit_events(session)
    assert not [e for e in events if "feedback" in f"{e.action} {e.detail}"]
    plan = await bot.tiimi("vie MT-2026-0001", user="UANNA", channel="DANNA")
    assert "MT-2026-0001" in plan and "Sain apua" not in plan and "palaute" not in plan
