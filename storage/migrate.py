"""Run Alembic migrations programmatically (at start and for `python -m bot migrate`).

Alembic (about 11 MB of modules) is imported only when the database is behind
`HEAD_REVISION`, so a bot started on a migrated database never loads it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from storage.db import Database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
HEAD_REVISION = "0009"  # the newest migration's; tests check it against Alembic's head
_LOCK_ID = 7_114_911  # PostgreSQL advisory lock: one migrating process at a time


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at; None before the first migration."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _upgrade(connection: Connection) -> None:
    if current_revision(connection) == HEAD_REVISION:
        return
    from alembic import command

    command.upgrade(alembic_config(connection), "head")


async def upgrade_to_head(database: Database) -> None:
    if not database.is_sqlite:
        async with database.engine.begin() as conn:
            await conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _LOCK_ID})
            await conn.run_sync(_upgrade)
        return
    # SQLite: a batch migration re-creates a table in place, which SQLite refuses for a table
    # that others refer to while it checks foreign keys; the check can only be switched outside
    # a transaction, so for the migration's connection it is off, and checked as a whole after.
    async with database.engine.connect() as conn:
        await conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        await conn.commit()
        try:
            await conn.run_sync(_upgrade)
            broken = (await conn.exec_driver_sql("PRAGMA foreign_key_check")).all()
            if broken:
                raise RuntimeError(f"migration broke {len(broken)} foreign keys")
            await conn.commit()
        finally:
            await conn.rollback()
            await conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            await conn.commit()
