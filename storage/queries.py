"""Keyword-only query functions over the tables; callers own the transaction.

The statements run on every request are built once (`functools.cache`) with bound parameters:
building a statement took about a third of a simple select's CPU time (README, "Reliability
and performance").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Update, bindparam, delete, func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from storage.db import run_select
from storage.models import (
    AuditEvent,
    Goal,
    GoalStatus,
    Member,
    ProcessedEvent,
    Step,
    StepStatus,
    Team,
    TeamState,
)


async def next_team_number(session: AsyncSession, *, year: int) -> int:
    result = await session.exec(select(func.max(Team.number)).where(Team.year == year))
    return (result.one() or 0) + 1


async def get_team(session: AsyncSession, *, team_id: int) -> Team | None:
    return await session.get(Team, team_id)


async def lock_team(session: AsyncSession, *, team_id: int) -> None:
    """Lock the team row until the transaction ends, so that changes to one team (numbering
    its steps, booking its meeting) never interleave. PostgreSQL: SELECT … FOR UPDATE. SQLite has
    no row locks: a no-op write takes the database's write lock instead; call this first in the
    transaction."""
    if session.get_bind().dialect.name == "sqlite":
        await session.exec(_touch_team(), params={"team_id": team_id})
    else:
        await session.exec(_lock_team_row(), params={"team_id": team_id})


@cache
def _touch_team() -> Update:
    return update(Team).where(col(Team.id) == bindparam("team_id")).values(id=Team.id)


@cache
def _lock_team_row() -> SelectOfScalar[int | None]:
    return select(col(Team.id)).where(Team.id == bindparam("team_id")).with_for_update()


async def locked_team(session: AsyncSession, *, team_id: int) -> Team:
    """The team row, locked as by `lock_team`."""
    if session.get_bind().dialect.name == "sqlite":
        await lock_team(session, team_id=team_id)
    result = await session.exec(select(Team).where(Team.id == team_id).with_for_update())
    return result.one()


async def get_team_by_channel(session: AsyncSession, *, channel_id: str) -> Team | None:
    result = await session.exec(_team_by_channel(), params={"channel_id": channel_id})
    return result.first()


@cache
def _team_by_channel() -> SelectOfScalar[Team]:
    return select(Team).where(Team.channel_id == bindparam("channel_id"))


async def get_team_by_code(session: AsyncSession, *, code: str) -> Team | None:
    result = await session.exec(select(Team).where(Team.code == code))
    return result.first()


async def get_team_by_request_key(session: AsyncSession, *, request_key: str) -> Team | None:
    result = await session.exec(select(Team).where(Team.request_key == request_key))
    return result.first()


async def stale_pending_teams(session: AsyncSession, *, created_before: datetime) -> Sequence[Team]:
    result = await session.exec(
        select(Team).where(Team.state == TeamState.PENDING, Team.created_at < created_before)
    )
    return result.all()


async def active_members(session: AsyncSession, *, team_id: int) -> Sequence[Member]:
    result = await session.exec(_active_members(), params={"team_id": team_id})
    return result.all()


@cache
def _active_members() -> SelectOfScalar[Member]:
    return (
        select(Member)
        .where(Member.team_id == bindparam("team_id"), col(Member.removed_at).is_(None))
        .order_by(col(Member.added_at), col(Member.id))
    )


async def get_member(session: AsyncSession, *, team_id: int, user_id: str) -> Member | None:
    result = await session.exec(
        select(Member).where(Member.team_id == team_id, Member.user_id == user_id)
    )
    return result.first()


async def delete_members(
    session: AsyncSession, *, team_id: int, user_ids: Sequence[str] | None = None
) -> None:
    """Delete member rows recorded for an invitation that did not happen (all when None)."""
    statement = delete(Member).where(col(Member.team_id) == team_id)
    if user_ids is not None:
        statement = statement.where(col(Member.user_id).in_(list(user_ids)))
    await session.exec(statement)


async def mark_deactivated(
    session: AsyncSession, *, user_id: str, at: datetime | None
) -> list[int]:
    """Set (a time) or clear (None) `deactivated_at` on every member row of the user that
    differs; returns the teams whose rows changed."""
    changed = (
        col(Member.deactivated_at).is_(None) if at else col(Member.deactivated_at).is_not(None)
    )
    rows = await run_select(
        session,
        update(Member)
        .where(col(Member.user_id) == user_id, changed)
        .values(deactivated_at=at)
        .returning(col(Member.team_id)),
    )
    return [int(row[0]) for row in rows]


def add_audit(
    session: AsyncSession,
    *,
    at: datetime,
    actor_id: str,
    action: str,
    team_id: int | None,
    subject_id: str | None = None,
    detail: str | None = None,
) -> None:
    session.add(
        AuditEvent(
            at=at,
            actor_id=actor_id,
            action=action,
            team_id=team_id,
            subject_id=subject_id,
            detail=detail,
        )
    )


async def audit_events(
    session: AsyncSession, *, team_id: int | None = None
) -> Sequence[AuditEvent]:
    query = select(AuditEvent).order_by(col(AuditEvent.at), col(AuditEvent.id))
    if team_id is not None:
        query = query.where(AuditEvent.team_id == team_id)
    result = await session.exec(query)
    return result.all()


def record_request_key(session: AsyncSession, *, key: str, at: datetime) -> None:
    """Remember a request's key; flushing raises IntegrityError when it was seen before."""
    session.add(ProcessedEvent(event_id=key, received_at=at))


async def forget_request_keys(session: AsyncSession, *, received_before: datetime) -> None:
    await session.exec(
        delete(ProcessedEvent).where(col(ProcessedEvent.received_at) < received_before)
    )


async def next_number(
    session: AsyncSession, *, table: type[Goal] | type[Step], team_id: int
) -> int:
    result = await session.exec(_highest_number(table), params={"team_id": team_id})
    return (result.one() or 0) + 1


@cache
def _highest_number(table: type[Goal] | type[Step]) -> SelectOfScalar[Any]:
    return select(func.max(table.number)).where(table.team_id == bindparam("team_id"))


async def goals_of(session: AsyncSession, *, team_id: int) -> Sequence[Goal]:
    """The team's goals by number, without the removed ones."""
    result = await session.exec(_goals_of(), params={"team_id": team_id})
    return result.all()


@cache
def _goals_of() -> SelectOfScalar[Goal]:
    return (
        select(Goal)
        .where(Goal.team_id == bindparam("team_id"), Goal.status != GoalStatus.REMOVED)
        .order_by(col(Goal.number))
    )


async def goal_by_number(session: AsyncSession, *, team_id: int, number: int) -> Goal | None:
    """The goal T<number>, unless it was removed."""
    result = await session.exec(
        select(Goal).where(
            Goal.team_id == team_id, Goal.number == number, Goal.status != GoalStatus.REMOVED
        )
    )
    return result.first()


async def steps_of(
    session: AsyncSession,
    *,
    team_id: int,
    statuses: Sequence[StepStatus],
    offset: int = 0,
    limit: int | None = None,
    by_goal: bool = False,
) -> Sequence[Step]:
    """The team's steps in these statuses by number, optionally only a window of them; with
    `by_goal`, grouped by their goal's number first, the steps without a goal last."""
    if not statuses:
        return []
    params = {"team_id": team_id, "statuses": list(statuses), "offset": offset, "limit": limit}
    result = await session.exec(
        _steps_of(windowed=limit is not None, by_goal=by_goal), params=params
    )
    return result.all()


def _steps_in_statuses() -> Any:
    return Step.team_id == bindparam("team_id"), col(Step.status).in_(
        bindparam("statuses", expanding=True)
    )


@cache
def _steps_of(*, windowed: bool, by_goal: bool) -> SelectOfScalar[Step]:
    query = select(Step).where(*_steps_in_statuses())
    if by_goal:
        query = query.join(Goal, col(Goal.id) == col(Step.goal_id), isouter=True).order_by(
            col(Goal.number).is_(None), col(Goal.number)
        )
    query = query.order_by(col(Step.number))
    query = query.offset(bindparam("offset"))
    return query.limit(bindparam("limit")) if windowed else query


async def count_steps(
    session: AsyncSession, *, team_id: int, statuses: Sequence[StepStatus]
) -> int:
    params = {"team_id": team_id, "statuses": list(statuses)}
    result = await session.exec(_count_steps(), params=params)
    return int(result.one())


@cache
def _count_steps() -> SelectOfScalar[int]:
    return select(func.count()).select_from(Step).where(*_steps_in_statuses())


async def lock_step(session: AsyncSession, *, team_id: int, number: int) -> Step | None:
    result = await session.exec(
        select(Step)
        .where(Step.team_id == team_id, Step.number == number, Step.status != StepStatus.DELETED)
        .with_for_update()
    )
    return result.first()


async def audit_rows(
    session: AsyncSession,
    *,
    team_code: str | None,
    user_id: str | None,
    since: datetime | None,
) -> Sequence[tuple[AuditEvent, str | None]]:
    """Audit events with their team code, oldest first; a user matches as actor or subject."""
    query = (
        select(AuditEvent, Team.code)
        .join(Team, col(Team.id) == col(AuditEvent.team_id), isouter=True)
        .order_by(col(AuditEvent.at), col(AuditEvent.id))
    )
    if team_code is not None:
        query = query.where(Team.code == team_code)
    if user_id is not None:
        query = query.where((AuditEvent.actor_id == user_id) | (AuditEvent.subject_id == user_id))
    if since is not None:
        query = query.where(col(AuditEvent.at) >= since)
    result = await session.exec(query)
    return result.all()


async def set_step_message(session: AsyncSession, *, step_id: int, ts: str) -> None:
    """Remember the timestamp of the step's message in its channel."""
    await session.exec(_set_step_message(), params={"step_id": step_id, "ts": ts})


@cache
def _set_step_message() -> Update:
    return (
        update(Step).where(col(Step.id) == bindparam("step_id")).values(message_ts=bindparam("ts"))
    )
