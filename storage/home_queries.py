"""A person's own view: their teams with the next meeting, their steps, orphaned steps.

Each listing is cut at `limit` and also says how many rows there are in all (a window count,
in the same statement), so that the view can say how many it leaves out. Each statement is
built once with bound parameters (see `storage.queries`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import and_, bindparam, exists, func, or_, select
from sqlalchemy.orm import aliased
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.db import run_select
from storage.models import (
    Meeting,
    MeetingStatus,
    Member,
    Participant,
    Step,
    StepOwner,
    StepStatus,
    Team,
    TeamState,
)


def _my_active_teams() -> Any:
    """Ids of the active teams the user (`user_id`) is a member of."""
    return (
        select(col(Member.team_id))
        .join(Team, col(Team.id) == col(Member.team_id))
        .where(
            col(Member.user_id) == bindparam("user_id"),
            col(Member.removed_at).is_(None),
            col(Team.state) == TeamState.ACTIVE,
        )
    )


async def my_teams(
    session: AsyncSession, *, user_id: str, now: datetime, limit: int
) -> tuple[Sequence[tuple[Team, datetime | None, int]], int]:
    """The user's active teams, newest first, each with its next meeting and how many of its
    members' platform accounts are deactivated; and how many active teams the user has."""
    params = {"user_id": user_id, "now": now, "limit": limit}
    result = await run_select(session, _my_teams(), params)
    rows = [(team, meeting, int(deactivated)) for team, meeting, deactivated, _ in result]
    return rows, _total(result)


def _total(result: Sequence[Any]) -> int:
    """The window count of a listing's rows (its last column), 0 when there are none."""
    return int(result[0][-1]) if result else 0


@cache
def _my_teams() -> Any:
    next_meeting = (
        select(func.min(Meeting.starts_at))
        .where(
            col(Meeting.team_id) == col(Team.id),
            col(Meeting.status) == MeetingStatus.SCHEDULED,
            col(Meeting.starts_at) > bindparam("now"),
        )
        .correlate(Team)
        .scalar_subquery()
    )
    deactivated = (
        select(func.count())
        .where(
            col(Member.team_id) == col(Team.id),
            col(Member.removed_at).is_(None),
            col(Member.deactivated_at).is_not(None),
        )
        .correlate(Team)
        .scalar_subquery()
    )
    return (
        select(Team, next_meeting, deactivated, func.count().over())
        .where(col(Team.id).in_(_my_active_teams()))
        .order_by(col(Team.created_at).desc())
        .limit(bindparam("limit"))
    )


async def my_open_steps(
    session: AsyncSession, *, user_id: str, limit: int
) -> tuple[Sequence[tuple[Step, Team, str | None]], int]:
    """The user's open steps in their active teams, soonest due first; and how many in all.
    A step of a participant whose contact the user is (chosen, or as the convenor) counts
    too: its row names that participant's role; a step the user owns names None."""
    result = await run_select(session, _my_open_steps(), {"user_id": user_id, "limit": limit})
    rows = [(step, team, None if own else role) for step, team, own, role, _ in result]
    return rows, _total(result)


def _owned_by_user() -> Any:
    return exists().where(
        col(StepOwner.step_id) == col(Step.id), col(StepOwner.user_id) == bindparam("user_id")
    )


@cache
def _my_open_steps() -> Any:
    own = _owned_by_user()
    via_contact = (
        select(func.min(Participant.role))
        .select_from(StepOwner)
        .join(Participant, col(Participant.id) == col(StepOwner.participant_id))
        .where(
            col(StepOwner.step_id) == col(Step.id),
            col(Participant.removed_at).is_(None),
            func.coalesce(col(Participant.contact_user_id), col(Team.convenor_id))
            == bindparam("user_id"),
        )
        .correlate(Step, Team)
        .scalar_subquery()
    )
    return (
        select(Step, Team, own, via_contact, func.count().over())
        .join(Team, col(Team.id) == col(Step.team_id))
        .where(
            or_(own, via_contact.is_not(None)),
            col(Step.status) == StepStatus.OPEN,
            col(Step.team_id).in_(_my_active_teams()),
        )
        .order_by(col(Step.due_date).is_(None), col(Step.due_date), col(Step.id))
        .limit(bindparam("limit"))
    )


async def orphaned_steps(
    session: AsyncSession, *, user_id: str, limit: int
) -> tuple[Sequence[tuple[Step, Team, str | Participant]], int]:
    """Open steps in the user's teams of which an owner has left the team, each with one such
    owner: a member who left (their id), else a participant removed; and how many in all."""
    result = await run_select(session, _orphaned_steps(), {"user_id": user_id, "limit": limit})
    rows = [(step, team, gone or removed) for step, team, gone, removed, _ in result]
    return rows, _total(result)


@cache
def _orphaned_steps() -> Any:
    still_member = exists().where(
        and_(
            col(Member.team_id) == col(Step.team_id),
            col(Member.user_id) == col(StepOwner.user_id),
            col(Member.removed_at).is_(None),
        )
    )
    departed = (
        select(func.min(StepOwner.user_id))
        .where(
            col(StepOwner.step_id) == col(Step.id),
            col(StepOwner.user_id).is_not(None),
            ~still_member,
        )
        .correlate(Step)
        .scalar_subquery()
    )
    removed_id = (
        select(func.min(StepOwner.participant_id))
        .join(Participant, col(Participant.id) == col(StepOwner.participant_id))
        .where(col(StepOwner.step_id) == col(Step.id), col(Participant.removed_at).is_not(None))
        .correlate(Step)
        .scalar_subquery()
    )
    removed = aliased(Participant)
    return (
        select(Step, Team, departed, removed, func.count().over())
        .join(Team, col(Team.id) == col(Step.team_id))
        .outerjoin(removed, col(removed.id) == removed_id)
        .where(
            col(Step.team_id).in_(_my_active_teams()),
            col(Step.status) == StepStatus.OPEN,
            or_(departed.is_not(None), removed_id.is_not(None)),
        )
        .order_by(col(Step.id))
        .limit(bindparam("limit"))
    )
