"""Revision 0015: a team gets the service it closed to, nullable; old teams, closed or not,
keep none; the tables match the models; the downgrade drops it with the teams' rows kept."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlmodel import select

from storage.db import Database
from storage.migrate import alembic_config, upgrade_to_head
from storage.models import Member, Team
from tests.storage.old_rows import active_team, add_old_row, add_old_team, upgrade_to
from tests.storage.test_migrate_platform_ids import _differences

NOW = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)


def _team_columns(connection: Connection) -> set[str]:
    return {c["name"] for c in inspect(connection).get_columns("team")}


async def test_teams_get_the_service_they_closed_to(database_url: str) -> None:
    database = Database(database_url)
    try:
        async with database.engine.begin() as conn:
            await conn.run_sync(upgrade_to("0011"))
        closed = active_team(NOW)
        closed.state, closed.closed_at, closed.close_reason = "closed", NOW, "moved_to_one_service"
        async with database.session() as session:
            await add_old_team(session, closed)
            member = Member(
                team_id=closed.pk,
                user_id="U1",
                added_by="U1",
                added_at=NOW,
                consent_confirmed_by="U1",
                consent_confirmed_at=NOW,
            )
            await add_old_row(session, member)  # a row that refers to the team

        await upgrade_to_head(database)
        async with database.engine.connect() as conn:
            assert await conn.run_sync(_differences) == []
        async with database.session() as session:
            [old] = (await session.exec(select(Team))).all()
            assert old.closed_to_service is None
            old.closed_to_service = "x" * 60
            session.add(old)
        async with database.session() as session:
            [team] = (await session.exec(select(Team))).all()
        assert team.closed_to_service == "x" * 60

        async with database.engine.begin() as conn:
            await conn.run_sync(_to_0011_down)
            assert "closed_to_service" not in await conn.run_sync(_team_columns)
        async with database.session() as session:
            assert len((await session.exec(select(Member))).all()) == 1
    finally:
        await database.dispose()


def _to_0011_down(connection: Connection) -> None:
    command.downgrade(alembic_config(connection), "0011")
