"""Deleting a closed team's content after the retention period, keeping anonymous counts."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.db import run_select
from storage.models import (
    Goal,
    Meeting,
    MeetingStatus,
    Member,
    Reminder,
    Step,
    StepStatus,
    Team,
    TeamState,
)


async def teams_to_purge(session: AsyncSession, *, closed_before: datetime) -> Sequence[int]:
    rows = await run_select(
        session,
        select(col(Team.id)).where(
            col(Team.state) == TeamState.CLOSED,
            col(Team.closed_at) < closed_before,
            col(Team.purged_at).is_(None),
        ),
    )
    return [row[0] for row in rows]


async def purge_team(session: AsyncSession, *, team: Team, at: datetime) -> None:
    """Keep counts on the team row; delete goals, steps, meetings, reminders and members."""
    team_id = team.pk

    async def count(query: object) -> int:
        return int((await run_select(session, query))[0][0])  # type: ignore[arg-type]

    team.final_member_count = await count(
        select(func.count()).where(col(Member.team_id) == team_id)
    )
    team.final_step_count = await count(
        select(func.count()).where(
            col(Step.team_id) == team_id, col(Step.status) != StepStatus.DELETED
        )
    )
    team.final_steps_done = await count(
        select(func.count()).where(
            col(Step.team_id) == team_id, col(Step.status) == StepStatus.DONE
        )
    )
    team.final_meeting_count = await count(
        select(func.count()).where(
            col(Meeting.team_id) == team_id, col(Meeting.status) == MeetingStatus.SCHEDULED
        )
    )
    for table in (Reminder, Step, Goal, Meeting, Member):
        await session.exec(delete(table).where(col(table.team_id) == team_id))
    team.purged_at = at
    session.add(team)
