"""Who may do what: the one place that decides, as a table of actions and roles."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.context import Actor
from bot.errors import UserError
from storage import queries
from storage.models import Member, Team, TeamState


class Role(enum.StrEnum):
    ANYONE = "anyone"
    MEMBER = "member"  # a current member of the team
    CONVENOR = "convenor"  # the team's vastuuhenkilö
    COORDINATOR = "coordinator"  # sees every open team's status, never content
    # a member of the team when it closed (members removed before are not), until the purge
    FORMER_MEMBER = "former_member"


class Action(enum.StrEnum):
    OPEN_TEAM = "open_team"
    HELP = "help"
    LIST_MY_TEAMS = "list_my_teams"
    ADD_MEMBER = "add_member"
    REMOVE_MEMBER = "remove_member"
    LIST_MEMBERS = "list_members"
    HAND_OVER = "hand_over"
    CLOSE_TEAM = "close_team"
    VIEW_PLAN = "view_plan"
    EXPORT_PLAN = "export_plan"
    CHANGE_PLAN = "change_plan"  # goals and steps: add, finish, move, edit, remove
    MEETINGS = "meetings"  # book, move, cancel, show, snooze the nudge
    LIST_ALL_TEAMS = "list_all_teams"  # /tiimi avoimet over every team, and its CSV
    STATISTICS = "statistics"
    # by team code, from anywhere (`/tiimi vie MT-2026-0042` …)
    EXPORT_BY_CODE = "export_by_code"
    HAND_OVER_BY_CODE = "hand_over_by_code"
    CLOSE_BY_CODE = "close_by_code"


_MEMBERS = frozenset({Role.MEMBER})
RULES: Mapping[Action, frozenset[Role]] = {
    Action.OPEN_TEAM: frozenset({Role.ANYONE}),
    Action.HELP: frozenset({Role.ANYONE}),
    Action.LIST_MY_TEAMS: frozenset({Role.ANYONE}),
    Action.ADD_MEMBER: _MEMBERS,
    Action.REMOVE_MEMBER: _MEMBERS,
    Action.LIST_MEMBERS: _MEMBERS,
    Action.HAND_OVER: frozenset({Role.CONVENOR}),
    Action.CLOSE_TEAM: frozenset({Role.CONVENOR}),
    Action.VIEW_PLAN: _MEMBERS,
    Action.EXPORT_PLAN: _MEMBERS,
    Action.CHANGE_PLAN: _MEMBERS,
    Action.MEETINGS: _MEMBERS,
    Action.LIST_ALL_TEAMS: frozenset({Role.COORDINATOR}),
    Action.STATISTICS: frozenset({Role.COORDINATOR}),
    Action.EXPORT_BY_CODE: frozenset({Role.MEMBER, Role.FORMER_MEMBER}),
    Action.HAND_OVER_BY_CODE: frozenset({Role.COORDINATOR}),  # the convenor: in the channel
    Action.CLOSE_BY_CODE: frozenset({Role.COORDINATOR}),
}
_BY_CODE_FOR_COORDINATORS = (Action.HAND_OVER_BY_CODE, Action.CLOSE_BY_CODE)


def roles_of(
    user_id: str, *, team: Team | None, members: Sequence[Member], coordinator: bool
) -> frozenset[Role]:
    roles = {Role.ANYONE}
    if coordinator:
        roles.add(Role.COORDINATOR)
    if team is not None and any(m.user_id == user_id for m in members):
        if team.state == TeamState.CLOSED:  # `members`: those of the team when it closed
            roles.add(Role.FORMER_MEMBER)
        else:
            roles.add(Role.MEMBER)
            if team.convenor_id == user_id:
                roles.add(Role.CONVENOR)
    return frozenset(roles)


def allowed(action: Action, roles: frozenset[Role]) -> bool:
    return bool(RULES[action] & roles)


def authorize(action: Action, roles: frozenset[Role], *, team: Team | None = None) -> None:
    """Raise a UserError that explains why, unless one of the roles may take the action."""
    if allowed(action, roles):
        return
    needed = RULES[action]
    if Role.CONVENOR in needed and Role.MEMBER in roles and team is not None:
        raise UserError("only_convenor", convenor=team.convenor_id)
    if Role.COORDINATOR in needed:
        raise UserError("only_coordinators")
    raise UserError("not_a_member", code=team.code if team else "")


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


async def team_for(
    session: AsyncSession, *, channel_id: str, actor: Actor, action: Action
) -> tuple[Team, Sequence[Member]]:
    """The channel's active team and members, once the actor may take the action on it."""
    team = await require_active_team(session, channel_id=channel_id)
    members = await queries.active_members(session, team_id=team.pk)
    roles = roles_of(actor.user_id, team=team, members=members, coordinator=False)
    authorize(action, roles, team=team)
    return team, members


async def team_by_code(
    session: AsyncSession, *, code: str, actor: Actor, action: Action, coordinator: bool
) -> tuple[Team, Sequence[Member]]:
    """The team with this code and its members (for a closed team: those of it when it
    closed), once the actor may take the action on it by code. A code that does not exist and
    a team the actor may not reach get the same answer."""
    team = await queries.get_team_by_code(session, code=code)
    if team is None or team.state in (TeamState.PENDING, TeamState.FAILED):
        team = None
    if action in _BY_CODE_FOR_COORDINATORS:
        if not coordinator:
            raise UserError("by_code_only_coordinators")
        if team is None:
            raise UserError("team_code_refused", code=code)
        if team.state != TeamState.ACTIVE:
            raise UserError("team_closed", code=team.code)
    elif team is not None and team.purged_at is not None:  # nobody's plan is left to give
        raise UserError("team_content_purged", code=team.code)
    if team is None:
        raise UserError("team_code_refused", code=code)
    members = await queries.active_members(session, team_id=team.pk)
    roles = roles_of(actor.user_id, team=team, members=members, coordinator=coordinator)
    if not allowed(action, roles):
        raise UserError("team_code_refused", code=code)
    return team, members
