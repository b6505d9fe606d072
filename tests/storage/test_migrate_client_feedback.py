"""Revision 0017: the clients' feedback as counts (month, answer, count: nothing else) and a
flag on the team that its client's answer was marked, false for every old team; the tables
match the models; the downgrade drops both with the teams' rows kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from alembic import command
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlmodel import select

from storage.db import Database
from storage.migrate import alembic_config, upgrade_to_head
from storage.models import ClientFeedback, Team
from tests.storage.old_rows import active_team, add_old_team, upgrade_to
from tests.storage.test_migrate_platform_ids import _differences

NOW = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)


def _columns(table: str) -> Callable[[Connection], set[str]]:
    def run(connection: Connection) -> set[str]:
        return {c["name"] for c in inspect(connection).get_columns(table)}

    return run


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


def _to_0016_down(connection: Connection) -> None:
    command.downgrade(alembic_config(connection), "0016")


async def test_counts_without_a_team_and_a_flag_false_for_old_teams(database_url: str) -> None:
    database = Database(database_url)
    try:
        async with database.engine.begin() as conn:
            await conn.run_sync(upgrade_to("0016"))
        closed = active_team(NOW)
        closed.state, closed.closed_at, closed.close_reason = "closed", NOW, "other"
        async with database.session() as session:
            await add_old_team(session, closed)

        await upgrade_to_head(database)
        async with database.engine.connect() as conn:
            assert await conn.run_sync(_differences) == []
            assert await conn.run_sync(_columns("client_feedback")) == {"month", "answer", "count"}
        async with database.session() as session:
            [old] = (await session.exec(select(Team))).all()
            assert old.client_feedback_recorded is False
            assert (await session.exec(select(ClientFeedback))).all() == []
            session.add(ClientFeedback(month=date(2026, 12, 1), answer="not_asked", count=1))

        async with database.engine.begin() as conn:
            await conn.run_sync(_to_0016_down)
            assert "client_feedback" not in await conn.run_sync(_tables)
            assert "client_feedback_recorded" not in await conn.run_sync(_columns("team"))
        async with database.session() as session:
            assert len((await session.exec(select(Team.id))).all()) == 1
    finally:
        await database.dispose()
