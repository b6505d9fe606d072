"""Migrations: the head revision the bot checks against, and no Alembic on a migrated database."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from storage.db import Database
from storage.migrate import HEAD_REVISION, alembic_config, current_revision
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
