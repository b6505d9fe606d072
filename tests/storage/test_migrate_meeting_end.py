"""Revision 0010: meetings get a nullable end; old meetings keep none; the tables match models."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from alembic import command
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlmodel import select

from storage.db import Database
from storage.migrate import alembic_config, upgrade_to_head
from storage.models import Meeting
from tests.storage.old_rows import active_team, add_old_row, add_old_team, upgrade_to
from tests.storage.test_migrate_platform_ids import _differences

NOW = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)


def _down_to_0009(connection: Connection) -> None:
    command.downgrade(alembic_config(connection), "0009")


def _meeting_columns(connection: Connection) -> set[str]:
    return {c["name"] for c in inspect(connection).get_columns("meeting")}


async def test_meetings_get_an_end(database_url: str) -> None:
    database = Database(database_url)
    try:
        async with database.engine.begin() as conn:
            await conn.run_sync(upgrade_to("0009"))
        team = active_team(NOW)
        async with database.session() as session:
            await add_old_team(session, team)
            old = Meeting(team_id=team.pk, starts_at=NOW, created_by="U1", created_at=NOW)
            await add_old_row(session, old)

        await upgrade_to_head(database)
        async with database.engine.connect() as conn:
            assert await conn.run_sync(_differences) == []
        end = NOW + timedelta(days=1, hours=1)
        async with database.session() as session:
            assert (await session.get(Meeting, old.id)) is not None
            session.add(
                Meeting(
                    team_id=team.pk,
                    starts_at=NOW + timedelta(days=1),
                    ends_at=end,
                    created_by="U1",
                    created_at=NOW,
                )
            )
        async with database.session() as session:
            meetings = (await session.exec(select(Meeting).order_by(Meeting.starts_at))).all()
        assert [m.ends_at for m in meetings] == [None, end]
        assert meetings[1].ends_at is not None and meetings[1].ends_at.tzinfo is not None

        async with database.engine.begin() as conn:
            await conn.run_sync(_down_to_0009)
            assert "ends_at" not in await conn.run_sync(_meeting_columns)
    finally:
        await database.dispose()
