"""Who may do what: the one place that decides, as a table of actions and roles, and that
audits its refusals (bot.audit writes the log)."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.audit import audit_now
from bot.context import Actor, Core
from bot.coordinators.roster import CoordinatorDirectory, CoordinatorStatus
from bot.errors import UserError
from bot.replies import Person
from storage import queries
from storage.models import AuditAction, Member, Team, TeamState


class Role(enum.StrEnum):
    ANYONE = "anyone"
    MEMBER = "member"  # a current member of the team
    CONVENOR = "convenor"  # the team's vastuuhenkilö
    COORDINATOR = "coordinator"  # sees every open team's status, never content
    # The coordinator user group could not be read: grants nothing, explains a refusal.
    COORDINATOR_UNCHECKED = "coordinator_unchecked"
    # a member of the team when it closed (members removed before are not), until the purge
    FORMER_MEMBER = "former_member"
    # of a closed team: its convenor when it closed, or whoever closed it (a coordinator by code)
    CLOSER = "closer"
    FACILITATOR = "facilitator"  # who opened a staff workshop and leads it (bot/workshops)
    EXPERIMENT_OWNER = "experiment_owner"  # one of a Ratkaisupaja experiment's owners


class Action(enum.StrEnum):
    OPEN_TEAM = "open_team"
    HELP = "help"
    LIST_MY_TEAMS = "list_my_teams"
    VIEW_HOME = "view_home"  # one's own Home tab (its coordinator part: LIST_ALL_TEAMS)
    ADD_MEMBER = "add_member"
    REMOVE_MEMBER = "remove_member"
    LIST_MEMBERS = "list_members"
    HAND_OVER = "hand_over"
    CLOSE_TEAM = "close_team"
    VIEW_PLAN = "view_plan"
    EXPORT_PLAN = "export_plan"
    CHANGE_PLAN = "change_plan"  # goals and steps: add, finish, move, edit, remove
    CHANGE_PARTICIPANTS = "change_participants"  # add, remove, choose the contact member
    MEETINGS = "meetings"  # book, move, cancel, show, answer whether held, snooze the nudge
    LIST_ALL_TEAMS = "list_all_teams"  # /tiimi avoimet over every team, its CSV, the Home part
    STATISTICS = "statistics"
    # by team code, from anywhere (`/tiimi vie MT-2026-0042` …)
    EXPORT_BY_CODE = "export_by_code"
    VIEW_PLAN_BY_CODE = "view_plan_by_code"
    HAND_OVER_BY_CODE = "hand_over_by_code"
    CLOSE_BY_CODE = "close_by_code"
    RECORD_FEEDBACK = "record_feedback"  # the client's answer after closing (bot/feedback)
    # the network-work self-rating (/arvio); answering is for those asked (bot/ratings)
    START_RATING = "start_rating"
    CLOSE_RATING = "close_rating"
    VIEW_RATINGS = "view_ratings"
    # staff workshops (bot/workshops), in a space that is no team's
    OPEN_WORKSHOP = "open_workshop"
    WRITE_NOTE = "write_note"  # anonymous: the note keeps no author
    GIVE_DOT = "give_dot"
    LEAD_WORKSHOP = "lead_workshop"  # change its phase, group the notes, see them listed
    # a Ratkaisupaja (bot/workshops/solutions.py); its practices' order: LEAD_WORKSHOP
    WRITE_CASE = "write_case"  # a pseudonymous client case
    ADD_EXPERIMENT = "add_experiment"
    REVIEW_EXPERIMENT = "review_experiment"  # kept, changed or dropped, with a note
    SOLUTION_SUMMARY = "solution_summary"  # the summary and the practices' flow, privately


_MEMBERS = frozenset({Role.MEMBER})
RULES: Mapping[Action, frozenset[Role]] = {
    Action.OPEN_TEAM: frozenset({Role.ANYONE}),
    Action.HELP: frozenset({Role.ANYONE}),
    Action.LIST_MY_TEAMS: frozenset({Role.ANYONE}),
    Action.VIEW_HOME: frozenset({Role.ANYONE}),
    Action.ADD_MEMBER: _MEMBERS,
    Action.REMOVE_MEMBER: _MEMBERS,
    Action.LIST_MEMBERS: _MEMBERS,
    Action.HAND_OVER: frozenset({Role.CONVENOR}),
    Action.CLOSE_TEAM: frozenset({Role.CONVENOR}),
    Action.VIEW_PLAN: _MEMBERS,
    Action.EXPORT_PLAN: _MEMBERS,
    Action.CHANGE_PLAN: _MEMBERS,
    Action.CHANGE_PARTICIPANTS: _MEMBERS,
    Action.MEETINGS: _MEMBERS,
    Action.LIST_ALL_TEAMS: frozenset({Role.COORDINATOR}),
    Action.STATISTICS: frozenset({Role.COORDINATOR}),
    Action.EXPORT_BY_CODE: frozenset({Role.MEMBER, Role.FORMER_MEMBER}),
    Action.VIEW_PLAN_BY_CODE: frozenset({Role.MEMBER, Role.FORMER_MEMBER}),
    Action.HAND_OVER_BY_CODE: frozenset({Role.COORDINATOR}),  # the convenor: in the channel
    Action.CLOSE_BY_CODE: frozenset({Role.COORDINATOR}),
    Action.RECORD_FEEDBACK: frozenset({Role.CLOSER}),
    Action.START_RATING: frozenset({Role.COORDINATOR}),
    Action.CLOSE_RATING: frozenset({Role.COORDINATOR}),
    Action.VIEW_RATINGS: frozenset({Role.COORDINATOR}),
    Action.OPEN_WORKSHOP: frozenset({Role.ANYONE}),
    Action.WRITE_NOTE: frozenset({Role.ANYONE}),
    Action.GIVE_DOT: frozenset({Role.ANYONE}),
    Action.LEAD_WORKSHOP: frozenset({Role.FACILITATOR}),
    Action.WRITE_CASE: frozenset({Role.ANYONE}),
    Action.ADD_EXPERIMENT: frozenset({Role.ANYONE}),
    Action.REVIEW_EXPERIMENT: frozenset({Role.FACILITATOR, Role.EXPERIMENT_OWNER}),
    Action.SOLUTION_SUMMARY: frozenset({Role.ANYONE}),
}
_BY_CODE_FOR_COORDINATORS = (Action.HAND_OVER_BY_CODE, Action.CLOSE_BY_CODE)


class AccessRefused(UserError):
    """The access rules refuse the action; the refusal is audited before it is raised."""

    def __init__(self, key: str, *, action: Action, **params: object) -> None:
        super().__init__(key, **params)
        self.action = action


def roles_of(
    user_id: str,
    *,
    team: Team | None,
    members: Sequence[Member],
    coordinator: bool | CoordinatorStatus,
) -> frozenset[Role]:
    roles = {Role.ANYONE}
    if coordinator is True or coordinator is CoordinatorStatus.YES:
        roles.add(Role.COORDINATOR)
    elif coordinator is CoordinatorStatus.UNKNOWN:
        roles.add(Role.COORDINATOR_UNCHECKED)
    closers = (team.convenor_id, team.closed_by) if team is not None else ()
    if team is not None and team.state == TeamState.CLOSED and user_id in closers:
        roles.add(Role.CLOSER)
    if team is not None and any(m.user_id == user_id for m in members):
        if team.state == TeamState.CLOSED:  # `members`: those of the team when it closed
            roles.add(Role.FORMER_MEMBER)
        else:
            roles.add(Role.MEMBER)
            if team.convenor_id == user_id:
                roles.add(Role.CONVENOR)
    return frozenset(roles)


def experiment_roles(
    user_id: str, *, facilitator_id: str, owners: Sequence[str]
) -> frozenset[Role]:
    """A person's roles as to a Ratkaisupaja's experiment: its workshop's, and its owner."""
    roles = workshop_roles(user_id, facilitator_id=facilitator_id)
    return roles | {Role.EXPERIMENT_OWNER} if user_id in owners else roles


def workshop_roles(user_id: str, *, facilitator_id: str | None) -> frozenset[Role]:
    """A person's roles in a staff workshop (None: one not yet opened): anyone, and its
    facilitator."""
    return frozenset(
        {Role.ANYONE, Role.FACILITATOR} if user_id == facilitator_id else {Role.ANYONE}
    )


def allowed(action: Action, roles: frozenset[Role]) -> bool:
    return bool(RULES[action] & roles)


def authorize(action: Action, roles: frozenset[Role], *, team: Team | None = None) -> None:
    """Raise an AccessRefused that explains why, unless one of the roles may take the action."""
    if allowed(action, roles):
        return
    needed = RULES[action]
    if Role.EXPERIMENT_OWNER in needed:
        raise AccessRefused("solution_review_not_yours", action=action)
    if Role.FACILITATOR in needed:
        raise AccessRefused("workshop_only_facilitator", action=action)
    if Role.CONVENOR in needed and Role.MEMBER in roles and team is not None:
        raise AccessRefused("only_convenor", action=action, convenor=Person(team.convenor_id))
    if Role.CLOSER in needed:
        raise AccessRefused("feedback_not_yours", action=action)
    if Role.COORDINATOR in needed and Role.COORDINATOR_UNCHECKED in roles:
        raise AccessRefused("coordinator_unchecked", action=action)
    if Role.COORDINATOR in needed:
        raise AccessRefused("only_coordinators", action=action)
    raise AccessRefused("not_a_member", action=action, code=team.code if team else "")


async def require(
    core: Core, actor: Actor, action: Action, roles: frozenset[Role], *, team: Team | None = None
) -> None:
    """`authorize`, with a refusal audited (who, which action, which team) in its own
    transaction, so that the caller's rollback does not take it away."""
    try:
        authorize(action, roles, team=team)
    except AccessRefused as refusal:
        unchecked = refusal.key == "coordinator_unchecked"
        event = AuditAction.COORDINATOR_UNCHECKED if unchecked else AuditAction.ACCESS_REFUSED
        await audit_now(core, event, actor=actor, team=team, detail=action)
        raise


async def actor_roles(
    coordinators: CoordinatorDirectory,
    actor: Actor,
    *,
    team: Team | None = None,
    members: Sequence[Member] = (),
) -> frozenset[Role]:
    """The actor's roles, asking the coordinator directory (fails closed: see
    COORDINATOR_UNCHECKED)."""
    status = await coordinators.status(actor.user_id)
    return roles_of(actor.user_id, team=team, members=members, coordinator=status)


async def sees_all_teams(
    core: Core, coordinators: CoordinatorDirectory, actor: Actor
) -> frozenset[Role]:
    """The roles of a coordinator listing (`/tiimi avoimet`): every team for coordinators, one's
    own for others; refused (audited) while the coordinator group cannot be read, so that a
    coordinator is told why instead of being shown less."""
    roles = await actor_roles(coordinators, actor)
    if Role.COORDINATOR_UNCHECKED in roles:
        await require(core, actor, Action.LIST_ALL_TEAMS, roles)
    await require(core, actor, Action.LIST_MY_TEAMS, roles)
    return roles


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
    core: Core, *, channel_id: str, actor: Actor, action: Action
) -> tuple[Team, Sequence[Member]]:
    """The channel's active team and members, once the actor may take the action on it."""
    async with core.database.session() as session:
        team = await require_active_team(session, channel_id=channel_id)
        members = await queries.active_members(session, team_id=team.pk)
    roles = roles_of(actor.user_id, team=team, members=members, coordinator=False)
    await require(core, actor, action, roles, team=team)
    return team, members


async def team_by_code(
    core: Core, *, code: str, actor: Actor, action: Action, coordinator: CoordinatorStatus
) -> tuple[Team, Sequence[Member]]:
    """The team with this code and its members (for a closed team: those of it when it
    closed), once the actor may take the action on it by code. A code that does not exist and
    a team the actor may not reach get the same answer; both refusals are audited."""
    async with core.database.session() as session:
        team = await queries.get_team_by_code(session, code=code)
        if team is not None and team.state in (TeamState.PENDING, TeamState.FAILED):
            team = None
        members = await queries.active_members(session, team_id=team.pk) if team else ()
    roles = roles_of(actor.user_id, team=team, members=members, coordinator=coordinator)
    if action in _BY_CODE_FOR_COORDINATORS:
        try:
            await require(core, actor, action, roles, team=team)
        except AccessRefused as refusal:
            if refusal.key != "only_coordinators":  # e.g. the group could not be read
                raise
            raise AccessRefused("by_code_only_coordinators", action=action) from None
        if team is None:
            raise UserError("team_code_refused", code=code)
        if team.state != TeamState.ACTIVE:
            raise UserError("team_closed", code=team.code)
        return team, members
    if team is not None and team.purged_at is not None:  # nobody's plan is left to give
        raise UserError("team_content_purged", code=team.code)
    if team is None or not allowed(action, roles):
        await audit_now(core, AuditAction.ACCESS_REFUSED, actor=actor, team=team, detail=action)
        raise AccessRefused("team_code_refused", action=action, code=code)
    return team, members
