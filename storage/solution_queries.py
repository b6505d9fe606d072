"""A Ratkaisupaja's rows (storage/workshops.py): its source Hukkapaja, cases and experiments,
and the pending review reminders of an experiment."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Reminder, ReminderState
from storage.workshops import Workshop, WorkshopCase, WorkshopExperiment, WorkshopKind


async def latest_of_kind(
    session: AsyncSession, *, space_id: str, kind: WorkshopKind
) -> Workshop | None:
    """The space's newest workshop of the kind."""
    query = (
        select(Workshop)
        .where(Workshop.space_id == space_id, Workshop.kind == kind)
        .order_by(col(Workshop.id).desc())
    )
    return (await session.exec(query.limit(1))).first()


async def cases(session: AsyncSession, *, workshop_id: int) -> Sequence[WorkshopCase]:
    query = (
        select(WorkshopCase)
        .where(WorkshopCase.workshop_id == workshop_id)
        .order_by(col(WorkshopCase.number))
    )
    return (await session.exec(query)).all()


async def experiments(session: AsyncSession, *, workshop_id: int) -> Sequence[WorkshopExperiment]:
    query = (
        select(WorkshopExperiment)
        .where(WorkshopExperiment.workshop_id == workshop_id)
        .order_by(col(WorkshopExperiment.number))
    )
    return (await session.exec(query)).all()


async def get_experiment(session: AsyncSession, *, experiment_id: int) -> WorkshopExperiment | None:
    return await session.get(WorkshopExperiment, experiment_id)


async def next_experiment_number(session: AsyncSession, *, workshop_id: int) -> int:
    query = select(func.max(WorkshopExperiment.number)).where(
        WorkshopExperiment.workshop_id == workshop_id
    )
    return ((await session.exec(query)).one() or 0) + 1


async def cancel_experiment_reminders(session: AsyncSession, *, experiment_id: int) -> None:
    """Cancel the experiment's pending review reminders (it was reviewed)."""
    await session.exec(
        update(Reminder)
        .where(
            col(Reminder.experiment_id) == experiment_id,
            col(Reminder.state) == ReminderState.PENDING,
        )
        .values(state=ReminderState.CANCELLED)
    )
