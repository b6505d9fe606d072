"""Reading a team's plan (goals, one page of steps with their owners, members, meetings)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.context import Core
from bot.plan.messages import PlanData
from bot.plan.owners import load_owners
from storage import queries, reminder_queries
from storage.models import Member, StepStatus, Team


async def read_plan(
    core: Core,
    session: AsyncSession,
    team: Team,
    members: Sequence[Member],
    statuses: tuple[StepStatus, ...],
    page_size: int | None,
    page: int,
    *,
    with_meetings: bool,
    with_participants: bool = False,
    by_goal: bool = False,
) -> PlanData:
    """The team's plan as `PlanService.load` describes it, read in the caller's session."""
    goals = await queries.goals_of(session, team_id=team.pk)
    total, offset = None, 0
    if page_size:
        total = await queries.count_steps(session, team_id=team.pk, statuses=statuses)
        pages = max(1, -(-total // page_size))
        offset = (min(max(page, 1), pages) - 1) * page_size
    before = 1 if by_goal and page_size and offset else 0  # and the last step before
    steps = await queries.steps_of(
        session,
        team_id=team.pk,
        statuses=statuses,
        offset=offset - before,
        limit=page_size and page_size + before,
        by_goal=by_goal,
    )
    meetings = await reminder_queries.meetings_of(session, team_id=team.pk) if with_meetings else ()
    now, tz = core.clock.now(), core.timezone
    steps_total = len(steps) if total is None else total
    previous, steps = (steps[0], steps[1:]) if before and steps else (None, steps)
    owners = await load_owners(
        session, team, steps, participants=with_meetings or with_participants
    )
    return PlanData(
        team, goals, steps, members, meetings, now, tz, steps_total, offset, previous, owners
    )
