"""Rows written as an older schema had them: without the columns later revisions added."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from alembic import command
from sqlalchemy import column, insert, table
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.migrate import alembic_config
from storage.models import Goal, Meeting, Member, Team

ADDED_IN_0009 = {"last_scheduled_meeting_at", "overdue_steps", "overdue_on"}
ADDED_IN_0010 = {"ends_at"}
ADDED_IN_0011 = {"profession_other", "organisation"}
ADDED_IN_0014 = {"status", "updated_by", "updated_at", "message_ts"}
ADDED_IN_0015 = {"closed_to_service"}
ADDED_IN_0017 = {"client_feedback_recorded"}
_ADDED_LATER: dict[type[SQLModel], set[str]] = {
    Team: ADDED_IN_0009 | ADDED_IN_0015 | ADDED_IN_0017,
    Meeting: ADDED_IN_0010,
    Member: ADDED_IN_0011,
    Goal: ADDED_IN_0014,
}


async def add_old_row(session: AsyncSession, row: Team | Meeting | Member | Goal) -> None:
    """Insert `row` without the columns added later (0009, 0015 and 0017 to a team, 0010 to
    a meeting, 0011 to a member, 0014 to a goal); sets its id."""
    added = _ADDED_LATER[type(row)]
    columns = [c for c in row.__table__.columns if c.name not in added]  # type: ignore[attr-defined]
    old = table(row.__tablename__, *(column(c.name, c.type) for c in columns))  # type: ignore[arg-type]
    values = {c.name: getattr(row, c.name) for c in columns if c.name != "id"}
    result = await session.exec(insert(old).values(values).returning(old.c.id))
    row.id = result.scalar_one()


async def add_old_team(session: AsyncSession, team: Team) -> None:
    """Insert `team` with only the columns that existed before revision 0009; sets its id."""
    await add_old_row(session, team)


def upgrade_to(revision: str) -> Callable[[Connection], None]:
    """Alembic's upgrade to `revision`, for `run_sync` (a database as an older Tiimi left it)."""

    def run(connection: Connection) -> None:
        command.upgrade(alembic_config(connection), revision)

    return run


def active_team(now: datetime) -> Team:
    """Team MT-2026-0001, open since `now`, convened and opened by U1."""
    return Team(
        code="MT-2026-0001",
        year=2026,
        number=1,
        state="active",
        convenor_id="U1",
        opened_by="U1",
        consent_confirmed_by="U1",
        consent_confirmed_at=now,
        created_at=now,
    )
