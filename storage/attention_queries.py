"""Each team's stored attention figures, which rank the open teams without reading steps or
meetings (see `storage.models.Team` for the invariant these keep)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Integer, any_, bindparam, func, or_, select, text, update
from sqlalchemy.dialects import postgresql
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.db import run_select
from storage.models import MEETING_KEPT, Meeting, Step, StepStatus, Team, TeamState


def last_scheduled_meeting(team_id: Any) -> Any:
    """The latest start among the team's booked meetings not known to have failed (past or to
    come, MEETING_KEPT), or NULL."""
    return (
        select(func.max(Meeting.starts_at))
        .where(col(Meeting.team_id) == team_id, col(Meeting.status).in_(MEETING_KEPT))
        .scalar_subquery()
    )


def overdue_steps(team_id: Any, today: date) -> Any:
    """How many of the team's open steps were due before `today`."""
    return (
        select(func.count())
        .select_from(Step)
        .where(
            col(Step.team_id) == team_id,
            col(Step.status) == StepStatus.OPEN,
            col(Step.due_date) < today,
        )
        .scalar_subquery()
    )


async def recount_team(session: AsyncSession, *, team_id: int, today: date) -> None:
    """Recompute one team's figures from its steps and meetings. Call after the change, in its
    transaction, with the team row locked first (`queries.lock_team`): the UPDATE then reads
    every committed change to the team's steps and meetings."""
    await session.exec(
        update(Team)
        .where(col(Team.id) == team_id)
        .values(
            last_scheduled_meeting_at=last_scheduled_meeting(Team.id),
            overdue_steps=overdue_steps(Team.id, today),
            overdue_on=today,
        )
        .execution_options(synchronize_session=False)
    )


async def refresh_overdue(session: AsyncSession, *, today: date) -> int:
    """Recount the overdue steps of every active team whose count is not for `today` (once a
    day: the nightly job, or else the first overview of the day); returns how many.

    PostgreSQL: the rows are locked first, in a statement of their own, and only they are
    updated, so the UPDATE's snapshot holds every step change committed to those teams (their
    writers lock the team row first). SQLite has one writer at a time."""
    overdue_on = col(Team.overdue_on)
    is_stale = (  # as ranges, read off ix_team_state_overdue_on
        col(Team.state) == TeamState.ACTIVE,
        or_(overdue_on.is_(None), overdue_on < today, overdue_on > today),
    )
    recount = (
        update(Team)
        .values(overdue_steps=overdue_steps(Team.id, today), overdue_on=today)
        .execution_options(synchronize_session=False)
    )
    if session.get_bind().dialect.name == "sqlite":
        result = await session.exec(recount.where(*is_stale))
        return int(result.rowcount)
    stale = select(col(Team.id)).where(*is_stale).order_by(col(Team.id)).with_for_update()
    ids = [int(row[0]) for row in await run_select(session, stale)]
    if ids:
        locked = bindparam("ids", ids, type_=postgresql.ARRAY(Integer))
        await session.exec(recount.where(col(Team.id) == any_(locked)))
    return len(ids)


async def without_jit(session: AsyncSession) -> None:
    """PostgreSQL: no JIT compiling for the rest of the transaction. The ranking's live count
    (for a team whose count is not for today) is costed as if run for every team, so the
    planner would spend hundreds of milliseconds compiling a query that takes tens."""
    if session.get_bind().dialect.name == "postgresql":
        await (await session.connection()).execute(text("SET LOCAL jit = off"))
