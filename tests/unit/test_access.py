"""Every action for every kind of user: the access table."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.coordinators.roster import CoordinatorStatus
from bot.errors import UserError
from bot.privacy.access import (
    AccessRefused,
    Action,
    Role,
    allowed,
    authorize,
    experiment_roles,
    roles_of,
    workshop_roles,
)
from bot.replies import Person
from storage.models import Member, Team, TeamState

NOW = datetime(2026, 11, 23, tzinfo=UTC)
TEAM = Team(
    id=1,
    code="MT-2026-0001",
    year=2026,
    number=1,
    convenor_id="UCONV",
    opened_by="UCONV",
    consent_confirmed_by="UCONV",
    consent_confirmed_at=NOW,
    created_at=NOW,
)
MEMBERS = [
    Member(
        team_id=1,
        user_id=u,
        added_by="UCONV",
        added_at=NOW,
        consent_confirmed_by="UCONV",
        consent_confirmed_at=NOW,
    )
    for u in ("UCONV", "UMEMB")
]
USERS = {
    "convenor": roles_of("UCONV", team=TEAM, members=MEMBERS, coordinator=False),
    "member": roles_of("UMEMB", team=TEAM, members=MEMBERS, coordinator=False),
    "coordinator": roles_of("UCOORD", team=TEAM, members=MEMBERS, coordinator=True),
    "outsider": roles_of("UOUT", team=TEAM, members=MEMBERS, coordinator=False),
    # in the coordinator user group, which cannot be read right now: no rights from it
    "unchecked": roles_of(
        "UGROUP", team=TEAM, members=MEMBERS, coordinator=CoordinatorStatus.UNKNOWN
    ),
}
Y, N = True, False
# action: convenor, member, coordinator (not in the team), outsider, unchecked coordinator
TABLE = {
    Action.OPEN_TEAM: (Y, Y, Y, Y, Y),
    Action.HELP: (Y, Y, Y, Y, Y),
    Action.LIST_MY_TEAMS: (Y, Y, Y, Y, Y),
    Action.VIEW_HOME: (Y, Y, Y, Y, Y),
    Action.ADD_MEMBER: (Y, Y, N, N, N),
    Action.REMOVE_MEMBER: (Y, Y, N, N, N),
    Action.LIST_MEMBERS: (Y, Y, N, N, N),
    Action.HAND_OVER: (Y, N, N, N, N),
    Action.CLOSE_TEAM: (Y, N, N, N, N),
    Action.VIEW_PLAN: (Y, Y, N, N, N),
    Action.CHANGE_PARTICIPANTS: (Y, Y, N, N, N),
    Action.EXPORT_PLAN: (Y, Y, N, N, N),
    Action.CHANGE_PLAN: (Y, Y, N, N, N),
    Action.MEETINGS: (Y, Y, N, N, N),
    Action.LIST_ALL_TEAMS: (N, N, Y, N, N),
    Action.STATISTICS: (N, N, Y, N, N),
    Action.EXPORT_BY_CODE: (Y, Y, N, N, N),
    Action.VIEW_PLAN_BY_CODE: (Y, Y, N, N, N),
    Action.HAND_OVER_BY_CODE: (N, N, Y, N, N),  # the convenor hands over in the channel
    Action.CLOSE_BY_CODE: (N, N, Y, N, N),
    Action.RECORD_FEEDBACK: (N, N, N, N, N),  # only once the team is closed: see below
    Action.START_RATING: (N, N, Y, N, N),
    Action.CLOSE_RATING: (N, N, Y, N, N),
    Action.VIEW_RATINGS: (N, N, Y, N, N),
    Action.OPEN_WORKSHOP: (Y, Y, Y, Y, Y),
    Action.WRITE_NOTE: (Y, Y, Y, Y, Y),
    Action.GIVE_DOT: (Y, Y, Y, Y, Y),
    Action.LEAD_WORKSHOP: (N, N, N, N, N),  # a workshop's facilitator only: below
    Action.WRITE_CASE: (Y, Y, Y, Y, Y),
    Action.ADD_EXPERIMENT: (Y, Y, Y, Y, Y),
    Action.REVIEW_EXPERIMENT: (N, N, N, N, N),  # its owners and the facilitator: below
    Action.SOLUTION_SUMMARY: (Y, Y, Y, Y, Y),
}


def test_the_table_covers_every_action() -> None:
    assert set(TABLE) == set(Action)


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("user", list(USERS))
def test_access(action: Action, user: str) -> None:
    expected = TABLE[action][list(USERS).index(user)]
    assert allowed(action, USERS[user]) is expected
    if expected:
        authorize(action, USERS[user], team=TEAM)
    else:
        with pytest.raises(AccessRefused) as raised:
            authorize(action, USERS[user], team=TEAM)
        assert raised.value.action is action  # what the audit row names


def test_refusals_explain_why() -> None:
    with pytest.raises(UserError) as raised:
        authorize(Action.CLOSE_TEAM, USERS["member"], team=TEAM)
    assert raised.value.key == "only_convenor" and raised.value.params["convenor"] == Person(
        "UCONV"
    )
    with pytest.raises(UserError) as raised:
        authorize(Action.STATISTICS, USERS["member"], team=TEAM)
    assert raised.value.key == "only_coordinators"
    with pytest.raises(UserError) as raised:
        authorize(Action.ADD_MEMBER, USERS["outsider"], team=TEAM)
    assert raised.value.key == "not_a_member"
    with pytest.raises(UserError) as raised:
        authorize(Action.LIST_ALL_TEAMS, USERS["unchecked"], team=TEAM)
    assert raised.value.key == "coordinator_unchecked"  # not "only coordinators"
    with pytest.raises(UserError) as raised:
        authorize(Action.ADD_MEMBER, USERS["unchecked"], team=TEAM)
    assert raised.value.key == "not_a_member"


def test_a_coordinator_inside_a_team_is_also_a_member() -> None:
    roles = roles_of("UMEMB", team=TEAM, members=MEMBERS, coordinator=True)
    assert roles == {Role.ANYONE, Role.MEMBER, Role.COORDINATOR}


def test_after_closing_the_members_of_then_may_only_export_and_view_by_code() -> None:
    closed = Team.model_validate(TEAM.model_dump() | {"state": TeamState.CLOSED})
    for user_id in ("UCONV", "UMEMB"):
        roles = roles_of(user_id, team=closed, members=MEMBERS, coordinator=False) - {Role.CLOSER}
        assert roles == {Role.ANYONE, Role.FORMER_MEMBER}
        assert [a for a in Action if allowed(a, roles)] == [
            Action.OPEN_TEAM,
            Action.HELP,
            Action.LIST_MY_TEAMS,
            Action.VIEW_HOME,
            Action.EXPORT_BY_CODE,
            Action.VIEW_PLAN_BY_CODE,
            Action.OPEN_WORKSHOP,  # anyone's, in a staff space: no team's
            Action.WRITE_NOTE,
            Action.GIVE_DOT,
            Action.WRITE_CASE,
            Action.ADD_EXPERIMENT,
            Action.SOLUTION_SUMMARY,
        ]
    outsider = roles_of("UOUT", team=closed, members=MEMBERS, coordinator=True)
    assert not allowed(Action.EXPORT_BY_CODE, outsider)  # a coordinator never sees content
    assert not allowed(Action.VIEW_PLAN_BY_CODE, outsider)


def test_the_client_feedback_is_for_the_convenor_when_it_closed_or_whoever_closed_it() -> None:
    closed = Team.model_validate(
        TEAM.model_dump() | {"state": TeamState.CLOSED, "closed_by": "UCOORD"}
    )
    for user_id, coordinator in (("UCONV", False), ("UCOORD", True)):
        roles = roles_of(user_id, team=closed, members=MEMBERS, coordinator=coordinator)
        assert Role.CLOSER in roles and allowed(Action.RECORD_FEEDBACK, roles), user_id
    for user_id, coordinator in (("UMEMB", False), ("UOUT", False), ("UOTHER", True)):
        roles = roles_of(user_id, team=closed, members=MEMBERS, coordinator=coordinator)
        with pytest.raises(AccessRefused) as raised:
            authorize(Action.RECORD_FEEDBACK, roles, team=closed)
        assert raised.value.key == "feedback_not_yours", user_id
    convenor = roles_of("UCONV", team=TEAM, members=MEMBERS, coordinator=False)
    assert not allowed(Action.RECORD_FEEDBACK, convenor)  # while the team is open: nothing to mark


def test_only_a_workshops_facilitator_leads_it() -> None:
    facilitator = workshop_roles("UFAC", facilitator_id="UFAC")
    assert facilitator == {Role.ANYONE, Role.FACILITATOR}
    authorize(Action.LEAD_WORKSHOP, facilitator)
    for action in (Action.OPEN_WORKSHOP, Action.WRITE_NOTE, Action.GIVE_DOT):
        authorize(action, facilitator)
    with pytest.raises(AccessRefused) as raised:
        authorize(Action.LEAD_WORKSHOP, workshop_roles("UOTHER", facilitator_id="UFAC"))
    assert raised.value.key == "workshop_only_facilitator"


def test_an_experiment_is_reviewed_by_its_owners_and_the_facilitator() -> None:
    for user_id in ("UFAC", "UOWN"):
        roles = experiment_roles(user_id, facilitator_id="UFAC", owners=("UOWN", "UTWO"))
        authorize(Action.REVIEW_EXPERIMENT, roles)
    with pytest.raises(AccessRefused) as raised:
        roles = experiment_roles("UOTHER", facilitator_id="UFAC", owners=("UOWN",))
        authorize(Action.REVIEW_EXPERIMENT, roles)
    assert raised.value.key == "solution_review_not_yours"
