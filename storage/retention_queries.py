"""Deleting a closed team's content after the retention period, keeping anonymous counts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from storage import platform_record_queries
from storage.db import run_select
from storage.models import (
    MEETING_KEPT,
    AuditEvent,
    Goal,
    Meeting,
    Member,
    Participant,
    Reminder,
    Step,
    StepOwner,
    StepStatus,
    Team,
    TeamState,
)


@dataclass(frozen=True)
class Counts:
    """A team's anonymous counts: what a closing summary and the statistics may show."""

    members: int
    steps: int
    steps_done: int
    meetings: int
    participants: int = 0  # without a chat account, the client included; not kept after the purge


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


async def unfinished_closings(session: AsyncSession, *, closed_before: datetime) -> Sequence[int]:
    """Closed teams whose channel was not cleared and archived (an interrupted close)."""
    rows = await run_select(
        session,
        select(col(Team.id))
        .where(
            col(Team.state) == TeamState.CLOSED,
            col(Team.closed_at) < closed_before,
            col(Team.channel_archived_at).is_(None),
        )
        .order_by(col(Team.closed_at)),
    )
    return [row[0] for row in rows]


async def content_counts(session: AsyncSession, *, team: Team) -> Counts:
    """The counts of the members at closing (or now), steps and meetings held; after the
    purge, the counts kept on the team row."""
    if team.purged_at is not None:
        return Counts(
            team.final_member_count or 0,
            team.final_step_count or 0,
            team.final_steps_done or 0,
            team.final_meeting_count or 0,
        )
    team_id = team.pk

    async def count(*where: object) -> int:
        return int((await run_select(session, select(func.count()).where(*where)))[0][0])  # type: ignore[arg-type]

    return Counts(
        members=await count(col(Member.team_id) == team_id, col(Member.removed_at).is_(None)),
        steps=await count(col(Step.team_id) == team_id, col(Step.status) != StepStatus.DELETED),
        steps_done=await count(col(Step.team_id) == team_id, col(Step.status) == StepStatus.DONE),
        meetings=await count(
            col(Meeting.team_id) == team_id, col(Meeting.status).in_(MEETING_KEPT)
        ),
        participants=await count(
            col(Participant.team_id) == team_id, col(Participant.removed_at).is_(None)
        ),
    )


async def purge_team(session: AsyncSession, *, team: Team, at: datetime) -> None:
    """Keep counts on the team row; delete goals, steps (and their owners), meetings,
    reminders, members and participants, and what the platform adapter kept of the team's
    space (its conversation reference and recorded posts); clear the people's ids from the
    team row and the details (professions, reasons, numbers) from its audit rows, which keep
    who did what and when."""
    team_id = team.pk
    member_count = int(
        (await run_select(session, select(func.count()).where(col(Member.team_id) == team_id)))[0][
            0
        ]
    )
    counts = await content_counts(session, team=team)
    team.final_member_count = member_count
    team.final_step_count, team.final_steps_done = counts.steps, counts.steps_done
    team.final_meeting_count = counts.meetings
    steps = select(col(Step.id)).where(col(Step.team_id) == team_id)
    await session.exec(delete(StepOwner).where(col(StepOwner.step_id).in_(steps)))
    for table in (Reminder, Step, Goal, Meeting, Member, Participant):
        await session.exec(delete(table).where(col(table.team_id) == team_id))
    await session.exec(
        update(AuditEvent).where(col(AuditEvent.team_id) == team_id).values(detail=None)
    )
    if team.channel_id is not None:
        await platform_record_queries.forget_conversation(session, conversation_id=team.channel_id)
    team.convenor_id = team.opened_by = team.consent_confirmed_by = ""
    team.closed_by = None
    team.last_scheduled_meeting_at, team.overdue_steps, team.overdue_on = None, 0, None
    team.purged_at = at
    session.add(team)
