"""Migrations: the head revision the bot checks against, no Alembic on a migrated database, and
one log line of their own for what was migrated."""

from __future__ import annotations

import logging

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from storage.db import Database
from storage.migrate import (
    HEAD_REVISION,
    Upgrade,
    alembic_config,
    current_revision,
    upgrade_to_head,
)
from tests.support.fresh_interpreter import run_python

UPGRADE_AND_REPORT = """
import asyncio, sys
from storage.db import Database
from storage.migrate import upgrade_to_head

async def main():
    database = Database(sys.argv[1])
    await upgrade_to_head(database)
    await database.dispose()

asyncio.run(main())
print("alembic loaded" if "alembic" in sys.modules else "alembic not loaded")
"""


def test_head_revision_is_alembics_head() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


async def test_alembic_is_loaded_only_when_there_is_something_to_migrate(
    database_url: str,
) -> None:
    assert run_python(UPGRADE_AND_REPORT, database_url) == "alembic loaded"
    assert run_python(UPGRADE_AND_REPORT, database_url) == "alembic not loaded"
    database = Database(database_url)
    try:
        async with database.engine.connect() as conn:
            assert await conn.run_sync(current_revision) == HEAD_REVISION
    finally:
        await database.dispose()


def _to_0007(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "0007")


async def test_a_migration_logs_one_line_from_where_to_where(
    database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="storage.migrate")
    database = Database(database_url)
    try:
        async with database.engine.begin() as conn:
            await conn.run_sync(_to_0007)
        caplog.clear()
        assert await upgrade_to_head(database) == Upgrade("0007", HEAD_REVISION)
        assert [r.getMessage() for r in caplog.records if r.name == "storage.migrate"] == [
            f"database migrated from 0007 to {HEAD_REVISION}"
        ]
        caplog.clear()
        upgrade = await upgrade_to_head(database)
        assert upgrade == Upgrade(HEAD_REVISION, HEAD_REVISION) and not upgrade.migrated
        assert not [r for r in caplog.records if r.name == "storage.migrate"]  # a restart: quiet
    finally:
        await database.dispose()
