"""A channel created although the platform's answer was lost is taken over or archived, never
left behind without its team."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.context import Actor
from bot.platform import ChannelNameTaken, PlatformError
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


async def test_a_retry_that_finds_the_name_taken_takes_over_its_own_channel(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database
) -> None:
    platform.fail_after_applying("create", ChannelNameTaken("name_taken"))  # the retry's answer

    assert "on avattu" in await open_team(tiimi, "k")

    [channel] = platform.channels.values()
    assert channel.name == "mt-2026-0001" and channel.members == {"UANNA", "UBERT"}
    assert await team_row_state(database, "k") == (TeamState.ACTIVE, channel.id)


async def test_a_lost_answer_that_fails_the_set_up_archives_the_channel(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database
) -> None:
    platform.fail_after_applying("create", ConnectionResetError("connection reset"))

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
    await platform.create_private_channel("mt-2026-0001")  # created; then the process died

    clock.advance(timedelta(minutes=11))
    assert await tiimi.teams.recover_pending() == 1

    assert [c.archived for c in platform.channels.values()] == [True]


async def test_channels_of_others_or_of_other_teams_are_never_taken_over(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database
) -> None:
    assert "on avattu" in await open_team(tiimi, "first")  # mt-2026-0001 belongs to a team
    taken = await platform.create_private_channel("mt-2026-0002")
    platform.channels[taken].by_bot = False  # a person made it, perhaps with others in it

    assert "on avattu" in await open_team(tiimi, "second")

    state = await team_row_state(database, "second")
    assert state is not None and platform.channels[str(state[1])].name == "mt-2026-0002-2"
    assert platform.channels[taken].members == set() and not platform.channels[taken].archived


async def test_without_the_list_the_next_name_is_taken_as_before(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database
) -> None:
    taken = await platform.create_private_channel("mt-2026-0001")
    platform.channels[taken].by_bot = False
    platform.fail("own_channels", PlatformError("missing_scope"))  # an install without groups:read

    assert "on avattu" in await open_team(tiimi, "k")

    state = await team_row_state(database, "k")
    assert state is not None and platform.channels[str(state[1])].name == "mt-2026-0001-2"
