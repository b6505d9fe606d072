"""Closing in the core: closed first, the channel cleared after; interrupted closes finished."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from bot.context import Actor
from bot.platform import PlatformError
from bot.privacy.retention import RetentionService
from bot.replies import Reply
from bot.teams.dispatch import TiimiCommands
from storage import queries
from storage.db import Database
from storage.models import Reminder, ReminderState, TeamState
from tests.support.clock import FakeClock
from tests.support.memory_platform import MemoryPlatform
from tests.support.said import said
from tests.support.shown import shown
from tests.support.teams import team_channel

ANNA = Actor("UANNA", "fi")


async def close_without_clearing(tiimi: TiimiCommands, channel: str) -> None:
    """`/tiimi sulje muu`, then the process dies before the channel is cleared."""
    reply = await tiimi.run(actor=ANNA, text=said("sulje muu"), channel_id=channel, request_key="-")
    assert isinstance(reply, Reply) and reply.then is not None


async def test_closed_in_the_database_before_anything_in_the_channel(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database
) -> None:
    channel = await team_channel(tiimi)
    await tiimi.run(
        actor=ANNA, text=said("tapaaminen pe 27.11. klo 14"), channel_id=channel, request_key="-"
    )
    await close_without_clearing(tiimi, channel)
    async with database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=channel)
        assert team is not None
        states = {r.state for r in (await session.exec(select(Reminder))).all()}
    assert team.state == TeamState.CLOSED and team.channel_archived_at is None
    assert states == {ReminderState.CANCELLED}
    assert not platform.channels[channel].archived and platform.channels[channel].live()


async def test_the_maintenance_finishes_an_interrupted_close_once(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database, clock: FakeClock
) -> None:
    channel = await team_channel(tiimi)
    await close_without_clearing(tiimi, channel)
    assert await tiimi.closing.finish_interrupted() == 0  # it may still be under way
    clock.advance(timedelta(minutes=31))
    platform.fail("archive", PlatformError("fatal_error"))
    assert await tiimi.closing.finish_interrupted() == 0  # summary posted, archive failed

    assert await tiimi.closing.finish_interrupted() == 1
    assert await tiimi.closing.finish_interrupted() == 0
    [summary] = platform.channels[channel].live()
    assert "on suljettu" in summary.text and platform.channels[channel].archived


async def test_a_close_finished_after_the_purge_names_nobody(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database, clock: FakeClock
) -> None:
    channel = await team_channel(tiimi)
    await close_without_clearing(tiimi, channel)
    clock.advance(timedelta(days=366))
    assert await RetentionService(database=database, clock=clock, retention_days=365).purge() == 1

    assert await tiimi.closing.finish_interrupted() == 1

    [summary] = platform.channels[channel].live()
    assert "*Jäseniä:* 2" in shown(summary) and "@U" not in shown(summary)


async def test_a_channel_archived_by_hand_ends_the_close_as_it_is(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database, clock: FakeClock
) -> None:
    channel = await team_channel(tiimi)
    await close_without_clearing(tiimi, channel)
    platform.channels[channel].archived = True  # nothing can be removed any more
    clock.advance(timedelta(minutes=31))

    assert await tiimi.closing.finish_interrupted() == 1

    async with database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=channel)
    assert team is not None and team.channel_archived_at is not None
