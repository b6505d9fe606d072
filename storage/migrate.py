"""Run Alembic migrations programmatically (at start and for `python -m bot migrate`).

Alembic (about 11 MB of modules) is imported only when the database is behind
`HEAD_REVISION`, so a bot started on a migrated database never loads it. A migration logs one
line of its own; Alembic's step-by-step lines are its detail (bot.logging_setup shows them at
DEBUG only).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from storage.db import Database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
HEAD_REVISION = "0020"  # the newest migration's; tests check it against Alembic's head
_LOCK_ID = 7_114_911  # PostgreSQL advisory lock: one migrating process at a time
log = logging.getLogger("storage.migrate")


@dataclass(frozen=True)
class Upgrade:
    """The revision the database was at before upgrade_to_head (None: empty) and after."""

    before: str | None
    after: str | None

    @property
    def migrated(self) -> bool:
        return self.before != self.after


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


def _upgrade(connection: Connection) -> Upgrade:
    before = current_revision(connection)
    if before == HEAD_REVISION:
        return Upgrade(before, before)
    from alembic import command

    command.upgrade(alembic_config(connection), "head")
    return Upgrade(before, current_revision(connection))


async def upgrade_to_head(database: Database) -> Upgrade:
    """Migrate to the newest revision; one INFO line when there was something to migrate."""
    upgrade = await _upgrade_database(database)
    if upgrade.migrated:
        log.info("database migrated from %s to %s", upgrade.before or "(empty)", upgrade.after)
    return upgrade


async def _upgrade_database(database: Database) -> Upgrade:
    if not database.is_sqlite:
        async with database.engine.begin() as conn:
            await conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _LOCK_ID})
            return await conn.run_sync(_upgrade)
    # SQLite: a batch migration re-creates a table in place, which SQLite refuses for a table
    # that others refer to while it checks foreign keys; the check can only be switched outside
    # a transaction, so for the migration's connection it is off, and checked as a whole after.
    async with database.engine.connect() as conn:
        await conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        await conn.commit()
        try:
            upgrade = await conn.run_sync(_upgrade)
            broken = (await conn.exec_driver_sql("PRAGMA foreign_key_check")).all()
            if broken:
                raise RuntimeError(f"migration broke {len(broken)} foreign keys")
            await conn.commit()
            return upgrade
        finally:
            await conn.rollback()
            await conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            await conn.commit()
