"""Who may do what: the one place that decides."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.context import Actor
from bot.errors import UserError
from storage import queries
from storage.models import Member, Team, TeamState


async def require_active_team(session: AsyncSession, *, channel_id: str) -> Team:
    """The active team of this channel, or a clear refusal."""
    team = await queries.get_team_by_channel(session, channel_id=channel_id)
    if team is None or team.state in (TeamState.FAILED,):
        raise UserError("not_team_channel")
    if team.state == TeamState.CLOSED:
        raise UserError("team_closed", code=team.code)
    if team.state == TeamState.PENDING:
        raise UserError("team_not_ready", code=team.code)
    return team


def require_member(team: Team, members: Sequence[Member], actor: Actor) -> None:
    """Only the team's own members may change it."""
    if not any(m.user_id == actor.user_id for m in members):
        raise UserError("not_a_member", code=team.code)


def require_convenor(team: Team, actor: Actor) -> None:
    if team.convenor_id != actor.user_id:
        raise UserError("only_convenor", convenor=team.convenor_id)
