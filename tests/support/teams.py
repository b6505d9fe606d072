"""Opening a team through the core, for core tests."""

from __future__ import annotations

from bot.context import Actor
from bot.teams.dispatch import TiimiCommands
from storage import queries
from tests.support.said import said


async def team_channel(tiimi: TiimiCommands, *, key: str = "k") -> str:
    """Open a team of UANNA and UBERT and return its channel's id."""
    anna = Actor("UANNA", "fi")
    await tiimi.run(actor=anna, text=said("uusi <@UBERT>"), channel_id="D", request_key=key)
    async with tiimi.core.database.session() as session:
        team = await queries.get_team_by_request_key(session, request_key=key)
    assert team is not None
    return team.live_channel_id
