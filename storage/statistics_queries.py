"""Rows for anonymous statistics over a period (aggregated in the core)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.db import run_select
from storage.models import Meeting, MeetingStatus, Member, Step, StepStatus, Team


async def opened_count(session: AsyncSession, *, start: datetime, end: datetime) -> int:
    result = await run_select(
        session,
        select(func.count()).where(col(Team.activated_at) >= start, col(Team.activated_at) < end),
    )
    return int(result[0][0])


async def closing_reasons(
    session: AsyncSession, *, start: datetime, end: datetime
) -> dict[str, int]:
    result = await run_select(
        session,
        select(col(Team.close_reason), func.count())
        .where(col(Team.closed_at) >= start, col(Team.closed_at) < end)
        .group_by(col(Team.close_reason)),
    )
    return {str(reason): int(count) for reason, count in result}


async def closed_to_services(
    session: AsyncSession, *, start: datetime, end: datetime
) -> dict[str, int]:
    """Closures as moved to one service in the period, per service named."""
    result = await run_select(
        session,
        select(col(Team.closed_to_service), func.count())
        .where(
            col(Team.closed_at) >= start,
            col(Team.closed_at) < end,
            col(Team.closed_to_service).is_not(None),
        )
        .group_by(col(Team.closed_to_service)),
    )
    return {str(service): int(count) for service, count in result}


async def first_meetings(
    session: AsyncSession, *, start: datetime, end: datetime
) -> list[tuple[datetime, datetime]]:
    """(opened, first meeting) of the teams opened in the period that have met."""
    first = func.min(Meeting.starts_at)
    result = await run_select(
        session,
        select(col(Team.activated_at), first)
        .join(Meeting, col(Meeting.team_id) == col(Team.id))
        .where(
            col(Team.activated_at) >= start,
            col(Team.activated_at) < end,
            col(Meeting.status) == MeetingStatus.HELD,
        )
        .group_by(col(Team.id), col(Team.activated_at)),
    )
    return [(opened, met) for opened, met in result]


async def meeting_times(
    session: AsyncSession, *, start: datetime, end: datetime
) -> list[tuple[int, datetime]]:
    result = await run_select(
        session,
        select(col(Meeting.team_id), col(Meeting.starts_at))
        .where(
            col(Meeting.status) == MeetingStatus.HELD,
            col(Meeting.starts_at) >= start,
            col(Meeting.starts_at) < end,
        )
        .order_by(col(Meeting.team_id), col(Meeting.starts_at)),
    )
    return [(team_id, starts) for team_id, starts in result]


async def steps_due(
    session: AsyncSession, *, first: date, last: date
) -> list[tuple[str, date, datetime | None]]:
    """(status, due date, last change) of steps due in the period."""
    result = await run_select(
        session,
        select(col(Step.status), col(Step.due_date), col(Step.updated_at)).where(
            col(Step.due_date) >= first,
            col(Step.due_date) <= last,
            col(Step.status) != StepStatus.DELETED,
        ),
    )
    return [(status, due, changed) for status, due, changed in result]


async def professions_involved(
    session: AsyncSession, *, start: datetime, end: datetime
) -> dict[str, int]:
    """In how many teams active during the period each profession took part."""
    active = (col(Team.activated_at) < end) & (
        col(Team.closed_at).is_(None) | (col(Team.closed_at) >= start)
    )
    result = await run_select(
        session,
        select(col(Member.profession), func.count(func.distinct(Member.team_id)))
        .join(Team, col(Team.id) == col(Member.team_id))
        .where(active, col(Member.profession).is_not(None))
        .group_by(col(Member.profession)),
    )
    return {str(p): int(n) for p, n in result}
