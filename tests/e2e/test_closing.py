"""End to end: closing clears the bot's posts from the channel before archiving; an interrupted
close is finished by the maintenance; former members export by code; coordinators by code."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
import pytest_asyncio

from bot.privacy.retention import RetentionService
from handlers.sandbox.workspace import SimulatedSlack
from handlers.sandbox.workspace.state import Message
from storage import queries
from storage.db import Database
from storage.models import AuditAction, Team
from tests.e2e.harness import RunningBot, running_bot
from tests.support.clock import FakeClock

MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
PLAN_WORDS = ("Soita Kelaan", "Hae asumistukea", "Kirjasto")  # steps and the meeting place
CODE = "MT-2026-0001"


@pytest_asyncio.fixture
async def bot(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> AsyncIterator[RunningBot]:
    clock.set(MONDAY)
    fake_slack.add_user("UCOORD", name="coordinator")
    env = {"MEETING_REMINDERS": "2h", "QUIET_HOURS": "off", "COORDINATORS": "UCOORD"}
    async with running_bot(fake_slack, database_url, clock, **env) as running:
        yield running


async def team_with_a_plan(bot: RunningBot) -> str:
    """A team with a goal, two steps, a booked meeting with a place and a delivered reminder
    (whose agenda lists the open steps); returns its channel."""
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    await bot.askel("tavoite Oma asunto keväällä", channel=channel)
    await bot.askel("T1: Soita Kelaan <@UBERT> pe mennessä", channel=channel)
    await bot.askel("Hae asumistukea <@UANNA> pe mennessä", channel=channel)
    answer = await bot.tiimi("tapaaminen ma 23.11. klo 15 Kirjasto", channel=channel)
    assert "Kirjasto" in answer
    bot.clock.set(datetime(2026, 11, 23, 11, 0, 5, tzinfo=UTC))  # 2 h before 15.00 local
    assert dict((await bot.worker.run_once()).counts) == {"sent": 1}
    posted = json.dumps(
        [m.blocks or m.text for m in bot.fake.messages[channel]], ensure_ascii=False
    )
    assert all(word in posted for word in PLAN_WORDS)  # the channel carried the whole plan
    return channel


def live(fake: SimulatedSlack, channel: str) -> list[Message]:
    return [m for m in fake.messages[channel] if not m.deleted]


def shown(message: Message) -> str:
    return message.text + json.dumps(message.blocks or [], ensure_ascii=False)


async def team_row(database: Database) -> Team:
    async with database.session() as session:
        team = await queries.get_team_by_code(session, code=CODE)
    assert team is not None
    return team


def summaries(fake: SimulatedSlack) -> list[str]:
    posts = fake.calls_to("chat.postMessage")
    return [
        c.args["text"] for c in posts if c.ok and "tiimi_closing" in str(c.args.get("metadata"))
    ]


async def test_closing_leaves_only_the_summary_then_archives(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock, database: Database
) -> None:
    fake = fake_slack
    clock.set(MONDAY)
    env = {"MEETING_REMINDERS": "2h", "QUIET_HOURS": "off"}
    async with running_bot(fake, database_url, clock, **env) as bot:
        channel = await team_with_a_plan(bot)
        own_words = fake.post_as_user(channel, "UBERT", "Kiitos kaikille!")  # a person's own
        bots = [m for m in live(fake, channel) if m.bot_id is not None]

        answer = await bot.tiimi("sulje tavoitteet saavutettu", channel=channel)

        assert "suljettu" in answer and "poistaa nyt kanavalta" in answer
        await fake.wait_for(lambda: fake.channels[channel].is_archived)
    # the bot has stopped, having finished its work after the answers
    left = live(fake, channel)
    assert [m.ts for m in left if m.bot_id is None] == [own_words]  # not the bot's to delete
    [summary] = [m for m in left if m.bot_id is not None]
    assert summary.metadata == {"event_type": "tiimi_closing", "event_payload": {"team_id": "1"}}
    text = shown(summary)
    assert "Tiimi MT-2026-0001 on suljettu" in text and "tavoitteet saavutettu" in text
    assert "*Jäseniä:* 2 · *askeleita:* 2, joista tehty 0 · *tapaamisia:* 1" in text
    assert "`/tiimi vie MT-2026-0001`" in text
    assert not any(word in shown(m) for m in left for word in PLAN_WORDS)
    methods = [c.method for c in fake.calls if c.ok]
    deletes = [i for i, m in enumerate(methods) if m == "chat.delete"]
    assert len(deletes) == len(bots) == 6  # welcome, goal, 2 steps, meeting confirmation, reminder
    archived = methods.index("conversations.archive")
    assert max(deletes) < methods.index("chat.postMessage", max(deletes)) < archived
    team = await team_row(database)
    assert team.state == "closed" and team.channel_archived_at is not None


@pytest.mark.parametrize(
    ("method", "after"), [("chat.delete", 2), ("conversations.archive", 0)], ids=str
)
async def test_an_interrupted_close_is_finished_by_the_maintenance(
    bot: RunningBot, database: Database, method: str, after: int
) -> None:
    fake = bot.fake
    channel = await team_with_a_plan(bot)
    fake.fail_next(method, error="fatal_error", after=after)

    await bot.tiimi("sulje muu", channel=channel)

    await fake.wait_for(lambda: any(c.error == "fatal_error" for c in fake.calls_to(method)))
    assert not fake.channels[channel].is_archived
    assert (await team_row(database)).channel_archived_at is None
    assert await bot.closing.finish_interrupted() == 0  # a close may still be under way
    bot.clock.advance(timedelta(minutes=31))

    assert await bot.closing.finish_interrupted() == 1

    assert fake.channels[channel].is_archived
    [summary] = [m for m in live(fake, channel) if m.bot_id is not None]
    assert len(summaries(fake)) == 1 and "on suljettu" in summary.text  # posted once
    assert (await team_row(database)).channel_archived_at is not None
    assert await bot.closing.finish_interrupted() == 0  # nothing left to finish


async def test_former_members_export_by_code_until_the_purge(
    bot: RunningBot, database: Database
) -> None:
    channel = await team_with_a_plan(bot)
    sent = await bot.sender.command("/tiimi", f"vie {CODE}", user_id="UBERT", channel_id="DBERT")
    assert "Soita Kelaan" in await bot.answer(sent)  # a member, outside the channel
    await bot.tiimi("sulje muu", channel=channel)
    await bot.fake.wait_for(lambda: bot.fake.channels[channel].is_archived)

    sent = await bot.sender.command("/tiimi", f"vie {CODE}", user_id="UBERT", channel_id="DBERT")
    export = await bot.answer(sent)
    assert "Soita Kelaan" in export and "Oma asunto" in export and "Kirjasto" in export
    assert bot.fake.responses(sent.response_url)[-1]["response_type"] == "ephemeral"
    refused = await bot.tiimi(f"vie {CODE}", user="UCARL", channel="DCARL")
    assert "sinulla ei ole siihen oikeutta" in refused and "Soita" not in refused
    coordinator = await bot.tiimi(f"vie {CODE}", user="UCOORD", channel="DCOORD")
    assert "sinulla ei ole siihen oikeutta" in coordinator  # coordinators never see content
    team = await team_row(database)
    async with database.session() as session:
        events = await queries.audit_events(session, team_id=team.pk)
    exports = [(e.actor_id, e.detail) for e in events if e.action == AuditAction.PLAN_EXPORTED]
    assert exports == [("UBERT", "by_code"), ("UBERT", "by_code")]

    bot.clock.advance(timedelta(days=366))
    await RetentionService(database=database, clock=bot.clock, retention_days=365).purge()
    gone = await bot.tiimi(f"vie {CODE}", user="UBERT", channel="DBERT")
    assert "poistettu säilytysajan päätyttyä" in gone


async def test_a_coordinator_hands_over_and_closes_by_code_from_a_direct_message(
    bot: RunningBot, database: Database
) -> None:
    fake = bot.fake
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")

    refused = await bot.tiimi(f"vastuu {CODE} <@UBERT|bert>", user="UBERT", channel="DBERT")
    assert "vain koordinaattori" in refused
    assert "vain koordinaattori" in await bot.tiimi(f"sulje {CODE} muu", user="UANNA")
    answer = await bot.tiimi(f"vastuu {CODE} <@UBERT|bert>", user="UCOORD", channel="DCOORD")
    assert answer.startswith(f"<@UBERT> on nyt tiimin {CODE} vastuuhenkilö")
    notice = live(fake, channel)[-1].text
    assert notice.startswith("Koordinaattori <@UCOORD> siirsi vastuuhenkilön tehtävän")
    assert "(aiemmin <@UANNA>)" in notice

    sent = await bot.sender.command("/tiimi", f"sulje {CODE}", user_id="UCOORD", channel_id="D1")
    await bot.answer(sent)
    buttons = fake.responses(sent.response_url)[0]["blocks"][-1]["elements"]
    assert buttons[0]["value"] == f"{CODE}:goals_reached"
    pressed = await bot.sender.block_action(
        user_id="UCOORD",
        action_id=buttons[1]["action_id"],
        value=buttons[1]["value"],
        channel_id="D1",
    )
    assert pressed.response_url is not None
    await fake.wait_for(lambda: fake.channels[channel].is_archived)
    assert "on suljettu" in fake.responses(pressed.response_url)[0]["text"]
    [summary] = [m for m in live(fake, channel) if m.bot_id is not None]
    assert "*Sulki:* koordinaattori <@UCOORD>" in shown(summary)
    assert "asiakkaan toive" in shown(summary)
    team = await team_row(database)
    async with database.session() as session:
        events = await queries.audit_events(session, team_id=team.pk)
    by_coordinator = [(e.action, e.detail) for e in events if e.actor_id == "UCOORD"]
    assert by_coordinator == [
        (AuditAction.CONVENOR_CHANGED, "coordinator"),
        (AuditAction.TEAM_CLOSED, "coordinator:client_wish"),
    ]
    assert team.convenor_id == "UBERT" and team.closed_by == "UCOORD"
