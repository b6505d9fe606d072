"""Status of open teams for coordinators: counts and dates only, never content."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import aliased
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
    deactivated_members: int = 0  # members whose platform account is deactivated
    convenor_deactivated: bool = False


@dataclass(frozen=True)
class OpenTeamCounts:
    open_teams: int
    without_meeting: int
    with_overdue: int


@dataclass(frozen=True)
class OverviewFilter:
    without_meeting: bool = False
    overdue: bool = False
    opened_before: datetime | None = None  # "vanhat"
    convenor_id: str | None = None
    member_id: str | None = None  # a non-coordinator sees only their own teams


class _Status:
    """The per-team figures as columns: one grouped pass over each table, joined to teams
    (cheaper at 10,000 teams than a correlated subquery per team and figure)."""

    def __init__(self, now: datetime, today: date) -> None:
        scheduled = col(Meeting.status) == MeetingStatus.SCHEDULED
        meetings = (
            select(
                col(Meeting.team_id).label("team_id"),
                func.min(case((col(Meeting.starts_at) > now, Meeting.starts_at))).label("next"),
                func.max(case((col(Meeting.starts_at) <= now, Meeting.starts_at))).label("last"),
                func.min(Meeting.starts_at).label("first"),
            )
            .where(scheduled)
            .group_by(col(Meeting.team_id))
            .subquery()
        )
        steps = (
            select(
                col(Step.team_id).label("team_id"),
                func.count().label("open"),
                func.sum(case((col(Step.due_date) < today, 1), else_=0)).label("overdue"),
            )
            .where(col(Step.status) == StepStatus.OPEN)
            .group_by(col(Step.team_id))
            .subquery()
        )
        failed = (
            select(col(Reminder.team_id).label("team_id"), func.count().label("failed"))
            .where(col(Reminder.state) == ReminderState.FAILED)
            .group_by(col(Reminder.team_id))
            .subquery()
        )
        members = (
            select(
                col(Member.team_id).label("team_id"),
                func.count().label("members"),
                func.sum(case((col(Member.deactivated_at).is_not(None), 1), else_=0)).label(
                    "deactivated"
                ),
            )
            .where(col(Member.removed_at).is_(None))
            .group_by(col(Member.team_id))
            .subquery()
        )
        convenor = aliased(Member)
        self.next_meeting = meetings.c.next
        self.overdue = func.coalesce(steps.c.overdue, 0)
        self.opened = func.coalesce(Team.activated_at, Team.created_at)
        self.columns: list[Any] = [
            col(Team.id).label("id"),
            col(Team.code).label("code"),
            col(Team.channel_id).label("channel_id"),
            col(Team.convenor_id).label("convenor_id"),
            self.opened.label("opened"),
            meetings.c.next.label("next_meeting"),
            meetings.c.last.label("last_meeting"),
            meetings.c.first.label("first"),
            func.coalesce(steps.c.open, 0).label("open_steps"),
            self.overdue.label("overdue"),
            func.coalesce(failed.c.failed, 0).label("failed"),
            func.coalesce(members.c.members, 0).label("members"),
            func.coalesce(members.c.deactivated, 0).label("deactivated"),
            col(convenor.deactivated_at).is_not(None).label("convenor_deactivated"),
        ]
        self.source = (
            Team.__table__.outerjoin(meetings, meetings.c.team_id == Team.id)  # type: ignore[attr-defined]
            .outerjoin(steps, steps.c.team_id == Team.id)
            .outerjoin(failed, failed.c.team_id == Team.id)
            .outerjoin(members, members.c.team_id == Team.id)
            .outerjoin(
                convenor,
                (col(convenor.team_id) == Team.id)
                & (col(convenor.user_id) == Team.convenor_id)
                & col(convenor.removed_at).is_(None),
            )
        )


async def open_team_statuses(
    session: AsyncSession,
    *,
    now: datetime,
    today: date,
    where: OverviewFilter,
    limit: int | None,
    offset: int = 0,
) -> tuple[list[TeamStatus], OpenTeamCounts]:
    """A page of open teams, most in need of attention first, and the counts over them all."""
    status = _Status(now, today)
    next_meeting, overdue, opened = status.next_meeting, status.overdue, status.opened
    columns = [
        *status.columns,
        func.count().over().label("total"),
        func.sum(case((next_meeting.is_(None), 1), else_=0)).over().label("unbooked"),
        func.sum(case((overdue > 0, 1), else_=0)).over().label("late"),
    ]
    query = select(*columns).select_from(status.source).where(col(Team.state) == TeamState.ACTIVE)
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
    counts = (
        OpenTeamCounts(int(rows[0].total), int(rows[0].unbooked), int(rows[0].late))
        if rows
        else OpenTeamCounts(0, 0, 0)
    )
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
            deactivated_members=int(r.deactivated),
            convenor_deactivated=bool(r.convenor_deactivated),
        )
        for r in rows
    ]
    return await _with_professions(session, statuses), counts


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
