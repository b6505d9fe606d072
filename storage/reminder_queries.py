"""Reminder rows: the atomic claim (PostgreSQL SKIP LOCKED, SQLite BEGIN IMMEDIATE) and marks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, bindparam, func, text, update
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.sqltypes import UTCDateTime

from storage.db import Database
from storage.models import (
    MEETING_KEPT,
    Meeting,
    MeetingStatus,
    Reminder,
    ReminderKind,
    ReminderState,
)

_TIMES = (bindparam("now", type_=UTCDateTime()), bindparam("lease", type_=UTCDateTime()))
_CLAIM_POSTGRES = text(
    """
    WITH due AS (
        SELECT id FROM reminder
        WHERE (state = 'pending' AND due_at <= :now) OR (state = 'claimed' AND lease_until < :now)
        ORDER BY due_at
        LIMIT :limit
        FOR UPDATE SKIP LOCKED
    )
    UPDATE reminder SET state = 'claimed', lease_until = :lease, claimed_by = :worker,
        attempts = reminder.attempts + 1
    FROM due WHERE reminder.id = due.id
    RETURNING reminder.id
    """
).bindparams(*_TIMES)
_CLAIM_SQLITE = text(
    """
    UPDATE reminder SET state = 'claimed', lease_until = :lease, claimed_by = :worker,
        attempts = attempts + 1
    WHERE id IN (
        SELECT id FROM reminder
        WHERE (state = 'pending' AND due_at <= :now) OR (state = 'claimed' AND lease_until < :now)
        ORDER BY due_at
        LIMIT :limit
    )
    RETURNING id
    """
).bindparams(*_TIMES)


async def claim_due(
    database: Database, *, now: datetime, lease_until: datetime, worker: str, limit: int
) -> list[int]:
    """Lease up to `limit` due reminders (or ones whose lease expired) to this worker."""
    params = {"now": now, "lease": lease_until, "worker": worker, "limit": limit}
    if database.is_sqlite:
        async with database.engine.connect() as raw:
            conn = await raw.execution_options(isolation_level="AUTOCOMMIT")
            return await _claim_sqlite(conn, params)
    async with database.engine.begin() as conn:
        result = await conn.execute(_CLAIM_POSTGRES, params)
        return [row[0] for row in result]


async def _claim_sqlite(conn: AsyncConnection, params: dict[str, object]) -> list[int]:
    await conn.exec_driver_sql("BEGIN IMMEDIATE")
    try:
        ids = [row[0] for row in await conn.execute(_CLAIM_SQLITE, params)]
    except BaseException:
        await conn.exec_driver_sql("ROLLBACK")
        raise
    await conn.exec_driver_sql("COMMIT")
    return ids


async def get_reminders(session: AsyncSession, *, ids: Sequence[int]) -> Sequence[Reminder]:
    result = await session.exec(select(Reminder).where(col(Reminder.id).in_(list(ids))))
    return result.all()


@dataclass(frozen=True)
class Mark:
    """The outcome of one delivery, written when the batch is marked."""

    reminder_id: int
    state: ReminderState
    at: datetime
    message_ts: str | None = None
    reason: str | None = None
    late: bool = False


_MARK = text(
    """
    UPDATE reminder SET state = :state, sent_at = :sent_at, message_ts = :message_ts,
        failure_reason = :reason, late = :late, lease_until = NULL
    WHERE id = :id AND claimed_by = :worker AND state = 'claimed'
    """
).bindparams(bindparam("sent_at", type_=UTCDateTime()))


async def finish_all(session: AsyncSession, *, worker: str, marks: Sequence[Mark]) -> None:
    """Mark the reminders this worker still holds, in one transaction."""
    if not marks:
        return
    rows = [
        {
            "id": m.reminder_id,
            "worker": worker,
            "state": str(m.state),
            "sent_at": m.at if m.state == ReminderState.SENT else None,
            "message_ts": m.message_ts,
            "reason": m.reason,
            "late": m.late,
        }
        for m in marks
    ]
    connection = await session.connection()
    await connection.execute(_MARK, rows)


async def release(
    session: AsyncSession, *, reminder_id: int, worker: str, retry_at: datetime
) -> None:
    """Give a reminder back after a passing failure, to be tried again at `retry_at`."""
    await session.exec(
        update(Reminder)
        .where(col(Reminder.id) == reminder_id, col(Reminder.claimed_by) == worker)
        .values(state=ReminderState.PENDING, due_at=retry_at, lease_until=None)
    )


async def cancel_pending(
    session: AsyncSession,
    *,
    team_id: int,
    meeting_id: int | None = None,
    step_id: int | None = None,
    kinds: Sequence[ReminderKind] | None = None,
) -> None:
    """Cancel the pending reminders of a team, optionally only one meeting's or step's."""
    conditions = [
        col(Reminder.team_id) == team_id,
        col(Reminder.state) == ReminderState.PENDING,
    ]
    if meeting_id is not None:
        conditions.append(col(Reminder.meeting_id) == meeting_id)
    if step_id is not None:
        conditions.append(col(Reminder.step_id) == step_id)
    if kinds is not None:
        conditions.append(col(Reminder.kind).in_(list(kinds)))
    await session.exec(
        update(Reminder).where(and_(*conditions)).values(state=ReminderState.CANCELLED)
    )


async def next_pending_due(session: AsyncSession) -> datetime | None:
    """When the earliest reminder still waiting to be sent is due (None when none waits)."""
    result = await session.exec(
        select(func.min(Reminder.due_at)).where(Reminder.state == ReminderState.PENDING)
    )
    return result.one()


async def next_meeting(session: AsyncSession, *, team_id: int, after: datetime) -> Meeting | None:
    result = await session.exec(
        select(Meeting)
        .where(
            Meeting.team_id == team_id,
            Meeting.status == MeetingStatus.SCHEDULED,
            col(Meeting.starts_at) > after,
        )
        .order_by(col(Meeting.starts_at))
    )
    return result.first()


async def upcoming_meetings(
    session: AsyncSession, *, team_id: int, after: datetime
) -> Sequence[Meeting]:
    """The team's scheduled meetings still to come, in time order (numbered 1, 2, … by it)."""
    result = await session.exec(
        select(Meeting)
        .where(
            Meeting.team_id == team_id,
            Meeting.status == MeetingStatus.SCHEDULED,
            col(Meeting.starts_at) > after,
        )
        .order_by(col(Meeting.starts_at), col(Meeting.id))
    )
    return result.all()


async def last_meeting(session: AsyncSession, *, team_id: int, before: datetime) -> Meeting | None:
    """The latest meeting up to `before` that is not known to have been cancelled or missed."""
    result = await session.exec(
        select(Meeting)
        .where(
            Meeting.team_id == team_id,
            col(Meeting.status).in_(MEETING_KEPT),
            col(Meeting.starts_at) <= before,
        )
        .order_by(col(Meeting.starts_at).desc())
    )
    return result.first()


async def meetings_of(session: AsyncSession, *, team_id: int) -> Sequence[Meeting]:
    result = await session.exec(
        select(Meeting)
        .where(Meeting.team_id == team_id, col(Meeting.status).in_(MEETING_KEPT))
        .order_by(col(Meeting.starts_at))
    )
    return result.all()


async def after_meeting_post(session: AsyncSession, *, meeting_id: int) -> str | None:
    """The reference of the after-meeting message posted about the meeting, if any."""
    result = await session.exec(
        select(Reminder.message_ts).where(
            Reminder.meeting_id == meeting_id,
            Reminder.kind == ReminderKind.MEETING_AFTER,
            Reminder.state == ReminderState.SENT,
            col(Reminder.message_ts).is_not(None),
        )
    )
    return result.first()
