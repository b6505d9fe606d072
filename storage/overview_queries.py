"""Status of open teams for coordinators: counts and dates only, never content."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.sql import ColumnElement
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.db import run_select
from storage.models import (
    Meeting,
    MeetingStatus,
    Member,
    Reminder,
    ReminderState,
    Step,
    StepStatus,
    Team,
    TeamState,
)


@dataclass(frozen=True)
class TeamStatus:
    team_id: int
    code: str
    channel_id: str | None
    convenor_id: str
    opened_at: datetime
    next_meeting: datetime | None
    last_meeting: datetime | None
    first_meeting: datetime | None
    open_steps: int
    overdue_steps: int
    failed_reminders: int
    member_count: int
    professions: tuple[str, ...] = ()


@dataclass(frozen=True)
class OverviewFilter:
    without_meeting: bool = False
    overdue: bool = False
    opened_before: datetime | None = None  # "vanhat"
    convenor_id: str | None = None
    member_id: str | None = None  # a non-coordinator sees only their own teams


def _scalar(query: object) -> ColumnElement[object]:
    return query.correlate(Team).scalar_subquery()  # type: ignore[attr-defined,no-any-return]


async def open_team_statuses(
    session: AsyncSession,
    *,
    now: datetime,
    today: date,
    where: OverviewFilter,
    limit: int | None,
    offset: int = 0,
) -> tuple[list[TeamStatus], int]:
    """A page of open teams, most in need of attention first, and how many there are."""
    scheduled = (col(Meeting.team_id) == Team.id) & (col(Meeting.status) == MeetingStatus.SCHEDULED)
    open_step = (col(Step.team_id) == Team.id) & (col(Step.status) == StepStatus.OPEN)
    next_meeting = _scalar(
        select(func.min(Meeting.starts_at)).where(scheduled, col(Meeting.starts_at) > now)
    ).label("next_meeting")
    last_meeting = _scalar(
        select(func.max(Meeting.starts_at)).where(scheduled, col(Meeting.starts_at) <= now)
    ).label("last_meeting")
    first_meeting = _scalar(select(func.min(Meeting.starts_at)).where(scheduled)).label("first")
    open_steps = _scalar(select(func.count()).where(open_step)).label("open_steps")
    overdue = _scalar(select(func.count()).where(open_step, col(Step.due_date) < today)).label(
        "overdue"
    )
    failed = _scalar(
        select(func.count()).where(
            col(Reminder.team_id) == Team.id, col(Reminder.state) == ReminderState.FAILED
        )
    ).label("failed")
    members = _scalar(
        select(func.count()).where(col(Member.team_id) == Team.id, col(Member.removed_at).is_(None))
    ).label("members")
    opened = func.coalesce(Team.activated_at, Team.created_at).label("opened")
    columns: list[Any] = [
        Team.id,
        Team.code,
        Team.channel_id,
        Team.convenor_id,
        opened,
        next_meeting,
        last_meeting,
        first_meeting,
        open_steps,
        overdue,
        failed,
        members,
        func.count().over().label("total"),
    ]
    query = select(*columns).where(col(Team.state) == TeamState.ACTIVE)
    if where.without_meeting:
        query = query.where(next_meeting.is_(None))
    if where.overdue:
        query = query.where(overdue > 0)
    if where.opened_before is not None:
        query = query.where(opened < where.opened_before)
    if where.convenor_id is not None:
        query = query.where(col(Team.convenor_id) == where.convenor_id)
    if where.member_id is not None:
        mine = select(col(Member.team_id)).where(
            col(Member.user_id) == where.member_id, col(Member.removed_at).is_(None)
        )
        query = query.where(col(Team.id).in_(mine))
    query = query.order_by(
        case((next_meeting.is_(None), 0), else_=1), overdue.desc(), opened, col(Team.id)
    ).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    rows = await run_select(session, query)
    total = rows[0].total if rows else 0
    statuses = [
        TeamStatus(
            r.id,
            r.code,
            r.channel_id,
            r.convenor_id,
            _required(r.opened),
            _aware(r.next_meeting),
            _aware(r.last_meeting),
            _aware(r.first),
            r.open_steps,
            r.overdue,
            r.failed,
            r.members,
        )
        for r in rows
    ]
    return await _with_professions(session, statuses), total


async def _with_professions(session: AsyncSession, rows: list[TeamStatus]) -> list[TeamStatus]:
    if not rows:
        return rows
    result = await run_select(
        session,
        select(col(Member.team_id), col(Member.profession))
        .where(col(Member.team_id).in_([r.team_id for r in rows]), col(Member.removed_at).is_(None))
        .distinct(),
    )
    found: dict[int, list[str]] = defaultdict(list)
    for team_id, profession in result:
        if profession:
            found[team_id].append(profession)
    return [
        TeamStatus(**{**r.__dict__, "professions": tuple(sorted(found[r.team_id]))}) for r in rows
    ]


def _required(value: object) -> datetime:
    moment = _aware(value)
    assert moment is not None
    return moment


def _aware(value: object) -> datetime | None:
    """Aggregates over UTCDateTime come back naive (SQLite) or aware; always UTC-aware."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value if value.tzinfo else value.replace(tzinfo=UTC)
