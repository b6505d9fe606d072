"""Rows written as an older schema had them: a team without the columns of revision 0009."""

from __future__ import annotations

from sqlalchemy import column, insert, table
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Team

ADDED_IN_0009 = {"last_scheduled_meeting_at", "overdue_steps", "overdue_on"}


async def add_old_team(session: AsyncSession, team: Team) -> None:
    """Insert `team` with only the columns that existed before revision 0009; sets its id."""
    columns = [c for c in Team.__table__.columns if c.name not in ADDED_IN_0009]  # type: ignore[attr-defined]
    old = table("team", *(column(c.name, c.type) for c in columns))
    values = {c.name: getattr(team, c.name) for c in columns if c.name != "id"}
    result = await session.exec(insert(old).values(values).returning(old.c.id))
    team.id = result.scalar_one()
