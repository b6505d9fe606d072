"""Run Alembic migrations programmatically (at start and for `python -m bot migrate`)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text
from sqlalchemy.engine import Connection

from storage.db import Database

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_LOCK_ID = 7_114_911  # PostgreSQL advisory lock: one migrating process at a time


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


async def upgrade_to_head(database: Database) -> None:
    async with database.engine.begin() as conn:
        if not database.is_sqlite:
            await conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _LOCK_ID})
        await conn.run_sync(lambda sync_conn: command.upgrade(alembic_config(sync_conn), "head"))
