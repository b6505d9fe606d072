"""A space opened although the platform's answer was lost is closed, never left behind without
its team (taking over a Slack channel from a lost answer: tests/handlers/test_slack_spaces.py)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.context import Actor
from bot.replies import Reply
from bot.teams.dispatch import TiimiCommands
from storage import queries
from storage.db import Database
from storage.models import TeamState
from tests.support.clock import FakeClock
from tests.support.memory_platform import MemoryPlatform
from tests.support.said import said

ANNA = Actor("UANNA", "fi")


async def open_team(tiimi: TiimiCommands, key: str) -> str:
    reply = await tiimi.run(
        actor=ANNA, text=said("uusi <@UBERT>"), channel_id="DANNA", request_key=key
    )
    assert isinstance(reply, Reply)
    return reply.message.text


async def team_row_state(database: Database, key: str) -> tuple[TeamState, str | None] | None:
    async with database.session() as session:
        team = await queries.get_team_by_request_key(session, request_key=key)
    return (team.state, team.channel_id) if team else None


async def test_a_lost_answer_that_fails_the_set_up_archives_the_channel(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database
) -> None:
    platform.fail_after_applying("open", ConnectionResetError("connection reset"))

    with pytest.raises(ConnectionResetError):  # the adapter's error handler answers the user
        await open_team(tiimi, "k")

    [channel] = platform.channels.values()
    assert channel.archived
    async with database.session() as session:
        [event] = [e for e in await queries.audit_events(session) if e.detail == "interrupted"]
    assert event.team_id is not None


async def test_a_crash_before_the_channel_id_was_stored_is_cleaned_up_at_start(
    tiimi: TiimiCommands, platform: MemoryPlatform, clock: FakeClock
) -> None:
    _, created = await tiimi.teams._reserve(actor=ANNA, request_key="crash", members=("UANNA",))
    assert created
    platform.add_channel("mt-2026-0001")  # opened; then the process died

    clock.advance(timedelta(minutes=11))
    assert await tiimi.teams.recover_pending() == 1

    assert [c.archived for c in platform.channels.values()] == [True]


async def test_a_space_another_team_holds_is_not_closed_in_a_roll_back(
    tiimi: TiimiCommands, platform: MemoryPlatform, clock: FakeClock
) -> None:
    assert "on avattu" in await open_team(tiimi, "first")  # mt-2026-0001 is its space
    _, created = await tiimi.teams._reserve(actor=ANNA, request_key="crash", members=("UANNA",))
    assert created  # MT-2026-0002, whose space was never opened
    platform.add_channel("mt-2026-0002-5", by_bot=False)  # a person's channel

    clock.advance(timedelta(minutes=11))
    assert await tiimi.teams.recover_pending() == 1

    assert not any(c.archived for c in platform.channels.values())
