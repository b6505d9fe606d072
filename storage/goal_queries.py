"""Queries over a team's goals beyond listing them (storage.queries): changing one goal."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import col, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Goal, GoalStatus, Step


async def lock_goal(session: AsyncSession, *, team_id: int, number: int) -> Goal | None:
    """The goal T<number> locked for a change, unless it was removed."""
    result = await session.exec(
        select(Goal)
        .where(Goal.team_id == team_id, Goal.number == number, Goal.status != GoalStatus.REMOVED)
        .with_for_update()
    )
    return result.first()


async def detach_steps(session: AsyncSession, *, goal_id: int) -> Sequence[Step]:
    """Take the goal's steps from under it (a deleted step has none); returns them."""
    steps = (await session.exec(select(Step).where(Step.goal_id == goal_id))).all()
    for step in steps:
        step.goal_id = None
        session.add(step)
    return steps


async def set_goal_message(session: AsyncSession, *, goal_id: int, ts: str) -> None:
    """Remember the timestamp of the goal's message in its channel."""
    await session.exec(update(Goal).where(col(Goal.id) == goal_id).values(message_ts=ts))
