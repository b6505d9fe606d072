"""Workshops, their notes, themes and dots (storage/workshops.py). A change to a workshop is
made with its row locked (`locked_workshop`), so that phase changes, notes and dots of one
workshop never interleave, on any number of processes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.workshops import Workshop, WorkshopDot, WorkshopNote, WorkshopTheme


async def get_workshop(session: AsyncSession, *, workshop_id: int) -> Workshop | None:
    return await session.get(Workshop, workshop_id)


async def locked_workshop(session: AsyncSession, *, workshop_id: int) -> Workshop | None:
    """The workshop row, locked until the transaction ends. PostgreSQL: SELECT … FOR UPDATE;
    SQLite has no row locks: a no-op write takes the database's write lock first (call this
    first in the transaction)."""
    if session.get_bind().dialect.name == "sqlite":
        touch = update(Workshop).where(col(Workshop.id) == workshop_id).values(id=Workshop.id)
        await session.exec(touch)
    query = select(Workshop).where(Workshop.id == workshop_id).with_for_update()
    return (await session.exec(query.execution_options(populate_existing=True))).first()


async def running_in(session: AsyncSession, *, space_id: str) -> Workshop | None:
    """The workshop running in the space (not yet at its results), if any."""
    result = await session.exec(select(Workshop).where(Workshop.open_space == space_id))
    return result.first()


async def latest_in(session: AsyncSession, *, space_id: str) -> Workshop | None:
    """The space's newest workshop, running or not."""
    query = select(Workshop).where(Workshop.space_id == space_id).order_by(col(Workshop.id).desc())
    return (await session.exec(query.limit(1))).first()


async def notes(session: AsyncSession, *, workshop_id: int) -> Sequence[WorkshopNote]:
    """The workshop's notes by number (in the order of the rows before they have numbers)."""
    query = (
        select(WorkshopNote)
        .where(WorkshopNote.workshop_id == workshop_id)
        .order_by(col(WorkshopNote.number), col(WorkshopNote.id))
    )
    return (await session.exec(query)).all()


async def note_count(session: AsyncSession, *, workshop_id: int) -> int:
    query = select(func.count()).where(WorkshopNote.workshop_id == workshop_id)
    return (await session.exec(query)).one()


async def themes(session: AsyncSession, *, workshop_id: int) -> Sequence[WorkshopTheme]:
    query = (
        select(WorkshopTheme)
        .where(WorkshopTheme.workshop_id == workshop_id)
        .order_by(col(WorkshopTheme.number))
    )
    return (await session.exec(query)).all()


async def get_theme(session: AsyncSession, *, theme_id: int) -> WorkshopTheme | None:
    return await session.get(WorkshopTheme, theme_id)


async def next_theme_number(session: AsyncSession, *, workshop_id: int) -> int:
    query = select(func.max(WorkshopTheme.number)).where(WorkshopTheme.workshop_id == workshop_id)
    return ((await session.exec(query)).one() or 0) + 1


async def dots_of(session: AsyncSession, *, workshop_id: int, voter: str) -> int:
    """How many dots one voter (by pseudonym) has given in the workshop."""
    query = select(func.count()).where(
        WorkshopDot.workshop_id == workshop_id, WorkshopDot.voter == voter
    )
    return (await session.exec(query)).one()


async def voters(session: AsyncSession, *, workshop_id: int) -> int:
    """How many people have given a dot (while the vote is open: their keys are counted)."""
    query = select(func.count(func.distinct(WorkshopDot.voter))).where(
        WorkshopDot.workshop_id == workshop_id
    )
    return (await session.exec(query)).one()


async def dots_by_theme(
    session: AsyncSession, *, workshop_id: int, voter: str | None = None
) -> Mapping[int, int]:
    """Each theme's dots (theme id → count), all of them or one voter's."""
    query = select(WorkshopDot.theme_id, func.count()).where(WorkshopDot.workshop_id == workshop_id)
    if voter is not None:
        query = query.where(WorkshopDot.voter == voter)
    rows = await session.exec(query.group_by(col(WorkshopDot.theme_id)))
    return {theme_id: count for theme_id, count in rows.all()}


async def forget_voters(session: AsyncSession, *, workshop_id: int) -> None:
    """Drop the voters' keys: no dot leads back to anyone once the vote is closed."""
    await session.exec(
        update(WorkshopDot).where(col(WorkshopDot.workshop_id) == workshop_id).values(voter=None)
    )
