"""Status of open teams for coordinators: counts and dates only, never content."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import case, func, or_, select, true
from sqlalchemy.orm import aliased
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from storage import attention_queries
from storage.db import run_select
from storage.models import (
    MEETING_KEPT,
    Meeting,
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


class _Ranking:
    """What orders the open teams, most in need of attention first, and what the counts
    count: whether a team has a scheduled meeting to come and how many of its open steps are
    overdue, read off the team's own attention figures (see `Team`): one row per team. An
    overdue count kept for another day than `today` is counted live."""

    def __init__(self, now: datetime, today: date) -> None:
        last = col(Team.last_scheduled_meeting_at)
        self.unbooked = or_(last.is_(None), last <= now)
        self.overdue = case(
            (col(Team.overdue_on) == today, col(Team.overdue_steps)),
            else_=attention_queries.overdue_steps(Team.id, today),
        )
        self.opened = func.coalesce(Team.activated_at, Team.created_at)
        self.source = Team.__table__  # type: ignore[attr-defined]

    def ranked(self, where: OverviewFilter) -> Any:
        """The open teams matching `where`: id, unbooked, overdue, opened."""
        query: Any = (
            select(
                col(Team.id).label("id"),
                self.unbooked.label("unbooked"),
                self.overdue.label("overdue"),
                self.opened.label("opened"),
            )
            .select_from(self.source)
            .where(col(Team.state) == TeamState.ACTIVE)
        )
        if where.without_meeting:
            query = query.where(self.unbooked)
        if where.overdue:
            query = query.where(self.overdue > 0)
        if where.opened_before is not None:
            query = query.where(self.opened < where.opened_before)
        if where.convenor_id is not None:
            query = query.where(col(Team.convenor_id) == where.convenor_id)
        if where.member_id is not None:
            mine = select(col(Member.team_id)).where(
                col(Member.user_id) == where.member_id, col(Member.removed_at).is_(None)
            )
            query = query.where(col(Team.id).in_(mine))
        return query.subquery("ranked")


class _Status:
    """The per-team figures as columns: one grouped pass over each table, joined to teams;
    with `team_ids`, over those teams' rows only."""

    def __init__(self, now: datetime, today: date, team_ids: list[int] | None = None) -> None:
        def of_page(team_id: Any) -> Any:
            return true() if team_ids is None else col(team_id).in_(team_ids)

        scheduled = col(Meeting.status).in_(MEETING_KEPT)
        meetings = (
            select(
                col(Meeting.team_id).label("team_id"),
                func.min(case((col(Meeting.starts_at) > now, Meeting.starts_at))).label("next"),
                func.max(case((col(Meeting.starts_at) <= now, Meeting.starts_at))).label("last"),
                func.min(Meeting.starts_at).label("first"),
            )
            .where(scheduled, of_page(Meeting.team_id))
            .group_by(col(Meeting.team_id))
            .subquery()
        )
        steps = (
            select(
                col(Step.team_id).label("team_id"),
                func.count().label("open"),
                func.sum(case((col(Step.due_date) < today, 1), else_=0)).label("overdue"),
            )
            .where(col(Step.status) == StepStatus.OPEN, of_page(Step.team_id))
            .group_by(col(Step.team_id))
            .subquery()
        )
        failed = (
            select(col(Reminder.team_id).label("team_id"), func.count().label("failed"))
            .where(col(Reminder.state) == ReminderState.FAILED, of_page(Reminder.team_id))
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
            .where(col(Member.removed_at).is_(None), of_page(Member.team_id))
            .group_by(col(Member.team_id))
            .subquery()
        )
        convenor = aliased(Member)
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
    """A page of open teams, most in need of attention first, and the counts over them all.

    The order and the counts come from `_Ranking`; the figures shown only for the page's teams
    (at 100,000 teams, every team's figures take seconds). Overdue counts not for `today` are
    recounted first (normally none: the nightly job has; `attention_queries.refresh_overdue`)."""
    await attention_queries.refresh_overdue(session, today=today)
    await attention_queries.without_jit(session)
    ranking = _Ranking(now, today)
    ranked = ranking.ranked(where)
    query = (
        select(ranked.c.id)
        .order_by(
            case((ranked.c.unbooked, 0), else_=1),
            ranked.c.overdue.desc(),
            ranked.c.opened,
            ranked.c.id,
        )
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    page = await run_select(session, query)
    counts = OpenTeamCounts(0, 0, 0)
    if page:  # (an empty page has always counted nothing)
        totals = select(
            func.count(),
            func.coalesce(func.sum(case((ranked.c.unbooked, 1), else_=0)), 0),
            func.coalesce(func.sum(case((ranked.c.overdue > 0, 1), else_=0)), 0),
        )
        total, unbooked, late = (await run_select(session, totals))[0]
        counts = OpenTeamCounts(int(total), int(unbooked), int(late))
    ids = [int(r.id) for r in page]
    if limit is None:  # every team of the filter (the CSV): the grouped passes over all rows
        status = _Status(now, today)
        source = status.source.join(ranked, ranked.c.id == Team.id)
        query = select(*status.columns).select_from(source)
    else:
        status = _Status(now, today, ids)
        query = select(*status.columns).select_from(status.source).where(col(Team.id).in_(ids))
    by_id = {r.id: r for r in await run_select(session, query)}
    rows = [by_id[team_id] for team_id in ids if team_id in by_id]
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
