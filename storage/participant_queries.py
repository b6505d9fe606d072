"""Participants without a chat account and the owners of steps (members or participants)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import delete, func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Participant, StepOwner


async def participants_of(
    session: AsyncSession, *, team_id: int, with_removed: bool = False
) -> Sequence[Participant]:
    """The team's participants by number; removed ones too if asked (old steps name them)."""
    query = select(Participant).where(Participant.team_id == team_id)
    if not with_removed:
        query = query.where(col(Participant.removed_at).is_(None))
    return (await session.exec(query.order_by(col(Participant.number)))).all()


async def add_participant(
    session: AsyncSession,
    *,
    team_id: int,
    role: str,
    organisation: str | None,
    contact_user_id: str | None,
    by: str,
    at: datetime,
) -> Participant:
    """A new participant numbered after the team's highest (removed ones keep theirs); the
    caller holds the team's lock."""
    highest = await session.exec(
        select(func.max(Participant.number)).where(Participant.team_id == team_id)
    )
    row = Participant(
        team_id=team_id,
        number=(highest.one() or 0) + 1,
        role=role,
        organisation=organisation,
        contact_user_id=contact_user_id,
        added_by=by,
        added_at=at,
    )
    session.add(row)
    await session.flush()
    return row


async def contact_left(session: AsyncSession, *, team_id: int, user_id: str) -> None:
    """The member left: their participants' contact falls back to the convenor (NULL)."""
    await session.exec(
        update(Participant)
        .where(col(Participant.team_id) == team_id, col(Participant.contact_user_id) == user_id)
        .values(contact_user_id=None)
    )


async def owners_of(session: AsyncSession, *, step_ids: Iterable[int]) -> Sequence[StepOwner]:
    """The owners of these steps, in the order they were given."""
    ids = list(step_ids)
    if not ids:
        return []
    query = select(StepOwner).where(col(StepOwner.step_id).in_(ids)).order_by(col(StepOwner.id))
    return (await session.exec(query)).all()


async def set_owners(
    session: AsyncSession,
    *,
    step_id: int,
    user_ids: Sequence[str],
    participant_ids: Sequence[int],
    new: bool = False,
) -> None:
    """Replace the step's owners (a `new` step has none yet): members, then participants."""
    if not new:
        await session.exec(delete(StepOwner).where(col(StepOwner.step_id) == step_id))
    for user_id in user_ids:
        session.add(StepOwner(step_id=step_id, user_id=user_id))
    for participant_id in participant_ids:
        session.add(StepOwner(step_id=step_id, participant_id=participant_id))
