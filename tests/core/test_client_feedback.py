"""Client feedback in the core: asked privately of whoever closed a team, counted once per team
by month with nothing that names the team or a person, refused to others, and shown in the
statistics only from 5 answers 1–5 up."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import UTC, date, datetime

from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlmodel import select

from bot import action_ids
from bot.context import Actor, Core
from bot.platform import PlatformError
from bot.replies import Buttons, Message, Reply
from bot.teams.dispatch import TiimiCommands
from storage import queries
from storage.db import Database
from storage.models import AuditAction, ClientFeedback, Team
from tests.support.clock import FakeClock
from tests.support.memory_platform import MemoryPlatform
from tests.support.said import said
from tests.support.shown import shown
from tests.support.teams import team_channel

ANNA, BERT, COORD = Actor("UANNA", "fi"), Actor("UBERT", "fi"), Actor("UCOORD", "fi")
NOVEMBER = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def with_coordinator(core: Core) -> TiimiCommands:
    return TiimiCommands(dataclasses.replace(core, coordinators=frozenset({"UCOORD"})))


async def closed_team(
    tiimi: TiimiCommands, key: str, *, text: str = "sulje muu", by: Actor = ANNA
) -> Team:
    """Open a team of Anna and Bert and close it (`text`, in its channel or by code), with
    the work after the answer done; the team row."""
    channel = await team_channel(tiimi, key=key)
    async with tiimi.core.database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=channel)
    assert team is not None
    where = channel if by is ANNA else "D"
    command = text.replace("CODE", team.code)
    reply = await tiimi.run(actor=by, text=said(command), channel_id=where, request_key="-")
    assert isinstance(reply, Reply) and reply.then is not None, shown(reply)
    await reply.then()
    async with tiimi.core.database.session() as session:
        closed = await queries.get_team(session, team_id=team.pk)
    assert closed is not None and closed.state == "closed"
    return closed


def question_to(platform: MemoryPlatform, person: str) -> Message:
    [message] = [m for p, m in platform.direct if p == person and "Sain apua" in shown(m)]
    return message


async def press(tiimi: TiimiCommands, actor: Actor, answer: str, team: Team) -> str:
    action_id = action_ids.variant(action_ids.CLIENT_FEEDBACK, answer)
    reply = await tiimi.feedback.press(actor=actor, action_id=action_id, value=str(team.pk))
    return shown(reply)


async def counts(database: Database) -> dict[tuple[date, str], int]:
    async with database.session() as session:
        rows = (await session.exec(select(ClientFeedback))).all()
    return {(row.month, row.answer): row.count for row in rows}


async def audit_rows(database: Database) -> list[tuple[object, ...]]:
    async with database.session() as session:
        events = await queries.audit_events(session)
    return [(e.at, e.actor_id, e.team_id, e.action, e.subject_id, e.detail) for e in events]


async def statistics(tiimi: TiimiCommands, year: int = 2026) -> str:
    reply = await tiimi.run(
        actor=COORD, text=said(f"tilastot {year}"), channel_id="D", request_key="-"
    )
    return shown(reply)


async def test_the_closer_is_asked_privately_with_the_scale_and_six_buttons(
    tiimi: TiimiCommands, platform: MemoryPlatform, clock: FakeClock
) -> None:
    clock.set(NOVEMBER)
    team = await closed_team(tiimi, "a")

    question = question_to(platform, "UANNA")
    text = shown(question)
    assert team.code in text and "”Sain apua, kun sitä tarvitsin”" in text
    assert "1 = täysin eri mieltä" in text and "5 = täysin samaa mieltä" in text
    assert "botti ei ota yhteyttä asiakkaaseen" in text
    [buttons] = [b for b in question.blocks if isinstance(b, Buttons)]
    assert [(b.label, b.action_id, b.value) for b in buttons.buttons] == [
        *((n, f"client_feedback:{n}", str(team.pk)) for n in "12345"),
        ("Ei kysytty", "client_feedback:not_asked", str(team.pk)),
    ]
    assert [p for p, _ in platform.direct] == ["UANNA"]  # nobody else, nothing in the channel
    assert platform.channels[team.live_channel_id].archived  # and the close went on


async def test_the_question_in_the_closers_language(
    tiimi: TiimiCommands, platform: MemoryPlatform
) -> None:
    for key, lang, words in (
        (
            "a",
            "sv",
            ("”Jag fick hjälp när jag behövde det”", "boten kontaktar inte", "Inte frågat"),
        ),
        ("b", "en", ("“I got help when I needed it”", "5 = strongly agree", "Not asked")),
    ):
        channel = await team_channel(tiimi, key=key)
        closer = Actor("UANNA", lang)
        reply = await tiimi.run(
            actor=closer, text=said("sulje muu"), channel_id=channel, request_key="-"
        )
        assert isinstance(reply, Reply) and reply.then is not None
        await reply.then()
        person, question = platform.direct[-1]
        assert person == "UANNA" and all(w in shown(question) for w in words), shown(question)


async def _team(tiimi: TiimiCommands, channel: str) -> Team:
    async with tiimi.core.database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=channel)
    assert team is not None
    return team


async def test_an_answer_is_counted_once_by_month_with_nothing_of_the_team(
    tiimi: TiimiCommands, database: Database, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 11, 30, 22, 30, tzinfo=UTC))  # 1.12. at 00.30 in Helsinki
    team = await closed_team(tiimi, "a")
    audited = await audit_rows(database)

    thanks = await press(tiimi, ANNA, "4", team)

    assert thanks.startswith("Kiitos! Asiakkaan vastaus on merkitty: 4 (jokseenkin samaa mieltä).")
    assert team.code not in thanks
    assert await counts(database) == {(date(2026, 12, 1), "4"): 1}
    again = await press(tiimi, ANNA, "1", team)  # a second press, or another answer
    assert again.startswith(f"Tiimin {team.code} asiakaspalaute on jo merkitty.")
    assert await counts(database) == {(date(2026, 12, 1), "4"): 1}
    async with database.session() as session:
        stored = await queries.get_team(session, team_id=team.pk)
    assert stored is not None and stored.client_feedback_recorded is True
    # the answer is nowhere but in the count, which names no team, person or time of day: no
    # audit row (whose time would match the month) either
    assert await audit_rows(database) == audited
    async with database.engine.connect() as conn:
        columns = await conn.run_sync(_feedback_columns)
    assert columns == {"month", "answer", "count"}


def _feedback_columns(connection: Connection) -> set[str]:
    return {c["name"] for c in inspect(connection).get_columns("client_feedback")}


async def test_answers_of_the_same_month_add_up_also_at_the_same_time(
    tiimi: TiimiCommands, database: Database, clock: FakeClock
) -> None:
    clock.set(NOVEMBER)
    teams = [await closed_team(tiimi, key) for key in "abcd"]
    answers = await asyncio.gather(*(press(tiimi, ANNA, "5", team) for team in teams[:3]))
    assert all(a.startswith("Kiitos!") for a in answers)
    await press(tiimi, ANNA, "not_asked", teams[3])
    assert await counts(database) == {
        (date(2026, 11, 1), "5"): 3,
        (date(2026, 11, 1), "not_asked"): 1,
    }


async def test_only_the_convenor_or_whoever_closed_it_may_answer(
    core: Core, platform: MemoryPlatform, database: Database, clock: FakeClock
) -> None:
    clock.set(NOVEMBER)
    tiimi = with_coordinator(core)
    team = await closed_team(tiimi, "a", text="sulje CODE muu", by=COORD)
    assert question_to(platform, "UCOORD")  # the coordinator closed it: asked
    assert not [m for p, m in platform.direct if p == "UANNA"]

    for outsider in (BERT, Actor("UOUT", "fi")):  # a member, someone else
        refused = await press(tiimi, outsider, "2", team)
        assert refused.startswith("Vain tiimin vastuuhenkilö tai tiimin sulkenut henkilö")
    assert await counts(database) == {}
    async with database.session() as session:
        events = await queries.audit_events(session, team_id=team.pk)
    refusals = [(e.actor_id, e.detail) for e in events if e.action == AuditAction.ACCESS_REFUSED]
    assert refusals == [("UBERT", "record_feedback"), ("UOUT", "record_feedback")]

    assert (await press(tiimi, ANNA, "3", team)).startswith("Kiitos!")  # the convenor
    assert (await press(tiimi, COORD, "3", team)).startswith(f"Tiimin {team.code}")  # once
    assert await counts(database) == {(date(2026, 11, 1), "3"): 1}


async def test_an_open_team_or_a_forged_button_counts_nothing(
    tiimi: TiimiCommands, database: Database
) -> None:
    channel = await team_channel(tiimi)
    team = await _team(tiimi, channel)
    assert (await press(tiimi, ANNA, "5", team)).startswith("Vain")  # not closed yet
    closed = await closed_team(tiimi, "b")
    for action_id, value in (
        ("client_feedback:6", str(closed.pk)),
        ("client_feedback:5", "x"),
        ("client_feedback:5", "999"),
    ):
        reply = await tiimi.feedback.press(actor=ANNA, action_id=action_id, value=value)
        assert shown(reply).startswith("Tätä palautekysymystä ei tunnisteta")
    assert await counts(database) == {}


async def test_an_undelivered_question_leaves_the_close_as_it_is(
    tiimi: TiimiCommands, platform: MemoryPlatform
) -> None:
    platform.fail("direct", PlatformError("cannot_dm_bot"))
    team = await closed_team(tiimi, "a")
    assert platform.direct == [] and platform.channels[team.live_channel_id].archived


async def test_statistics_show_the_answers_only_from_five_of_one_to_five(
    core: Core, clock: FakeClock
) -> None:
    tiimi = with_coordinator(core)
    clock.set(NOVEMBER)
    teams = [await closed_team(tiimi, f"k{n}") for n in range(8)]
    for team, answer in zip(teams, ("5", "4", "not_asked", "4", "not_asked", "2"), strict=False):
        await press(tiimi, ANNA, answer, team)

    shown_now = await statistics(tiimi)  # 4 answers 1–5 and 2 not asked: too few

    assert "*Asiakaspalaute ”Sain apua, kun sitä tarvitsin”:* vastauksia on alle 5" in shown_now
    assert "keskiarvo" not in shown_now and "ei kysytty" not in shown_now

    await press(tiimi, ANNA, "5", teams[6])
    shown_now = await statistics(tiimi)

    assert (
        "1: 0 · 2: 1 · 3: 0 · 4: 2 · 5: 2 · keskiarvo 4,0 (5 vastausta) · ei kysytty: 2"
        in shown_now
    )
    assert "liian vähän" not in shown_now
    assert "vastauksia on alle" in await statistics(tiimi, 2025)  # another period: none
    english = await TiimiCommands(tiimi.core).run(
        actor=Actor("UCOORD", "en"), text=said("tilastot 2026"), channel_id="D", request_key="-"
    )
    assert "mean 4.0 (5 answers) · not asked: 2" in shown(english)


async def test_the_period_takes_the_months_that_begin_in_it(
    core: Core, database: Database, clock: FakeClock
) -> None:
    tiimi = with_coordinator(core)
    for month in (1, 2, 3, 4, 5):  # one 3 in each month from January to May
        clock.set(datetime(2026, month, 15, 10, 0, tzinfo=UTC))
        await press(tiimi, ANNA, "3", await closed_team(tiimi, f"m{month}"))
    clock.set(datetime(2027, 1, 20, 10, 0, tzinfo=UTC))
    # the last 365 days: from 20.1.2026, so January 2026 began before the period
    last_year = shown(
        await tiimi.run(actor=COORD, text=said("tilastot"), channel_id="D", request_key="-")
    )
    assert "vastauksia on alle 5" in last_year
    assert "3: 5 · 4: 0 · 5: 0 · keskiarvo 3,0 (5 vastausta)" in await statistics(tiimi)
