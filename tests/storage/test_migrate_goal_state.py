"""Revision 0014: goals get a status (old goals are open), who changed them and when, and their
channel message; the tables match the models; the downgrade drops the columns."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlmodel import select

from storage.db import Database
from storage.migrate import alembic_config, upgrade_to_head
from storage.models import Goal, GoalStatus
from tests.storage.old_rows import ADDED_IN_0014, active_team, add_old_row, add_old_team, upgrade_to
from tests.storage.test_migrate_platform_ids import _differences

NOW = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)


def _goal_columns(connection: Connection) -> set[str]:
    return {c["name"] for c in inspect(connection).get_columns("goal")}


async def test_goals_get_a_status_and_a_message(database_url: str) -> None:
    database = Database(database_url)
    try:
        async with database.engine.begin() as conn:
            await conn.run_sync(upgrade_to("0011"))
        team = active_team(NOW)
        async with database.session() as session:
            await add_old_team(session, team)
            old = Goal(
                team_id=team.pk, number=1, text="Oma asunto", created_by="U1", created_at=NOW
            )
            await add_old_row(session, old)

        await upgrade_to_head(database)
        async with database.engine.connect() as conn:
            assert await conn.run_sync(_differences) == []
        async with database.session() as session:
            session.add(
                Goal(
                    team_id=team.pk,
                    number=2,
                    text="Työpaikka",
                    status=GoalStatus.NOT_RELEVANT,
                    created_by="U1",
                    created_at=NOW,
                    updated_by="U2",
                    updated_at=NOW,
                    message_ts="1765094400.000100",
                )
            )
        async with database.session() as session:
            goals = (await session.exec(select(Goal).order_by(Goal.number))).all()
        assert [(g.status, g.updated_by, g.updated_at, g.message_ts) for g in goals] == [
            (GoalStatus.OPEN, None, None, None),
            (GoalStatus.NOT_RELEVANT, "U2", NOW, "1765094400.000100"),
        ]

        async with database.engine.begin() as conn:
            await conn.run_sync(_to_0011_down)
            assert not ADDED_IN_0014 & await conn.run_sync(_goal_columns)
    finally:
        await database.dispose()


def _to_0011_down(connection: Connection) -> None:
    command.downgrade(alembic_config(connection), "0011")
