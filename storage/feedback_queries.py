"""The clients' feedback as counts per month and answer (storage.models.ClientFeedback)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.db import run_select
from storage.models import ClientFeedback


async def count_answer(session: AsyncSession, *, month: date, answer: str) -> None:
    """Count one answer in its month; answers counted at the same time are all counted."""
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    statement = insert(ClientFeedback).values(month=month, answer=answer, count=1)
    await session.exec(
        statement.on_conflict_do_update(
            index_elements=["month", "answer"],
            set_={"count": col(ClientFeedback.count) + 1},
        )
    )


async def answers_in(session: AsyncSession, *, first: date, last: date) -> dict[str, int]:
    """How many of each answer were marked in the months that begin from `first` to `last`."""
    month, answer = col(ClientFeedback.month), col(ClientFeedback.answer)
    rows = await run_select(
        session,
        select(answer, func.sum(col(ClientFeedback.count)))
        .where(month >= first, month <= last)
        .group_by(answer),
    )
    return {str(answer): int(count) for answer, count in rows}
