"""Fresh databases for tests: a SQLite file, or a throwaway PostgreSQL database.

PostgreSQL tests read the server URL from TIIMI_TEST_POSTGRES_URL (for example
postgresql://postgres@127.0.0.1:5432/test). Without it they are skipped locally and fail in CI.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

POSTGRES_ENV = "TIIMI_TEST_POSTGRES_URL"


def postgres_server_url() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"{POSTGRES_ENV} is not set; CI must run the PostgreSQL tests")
        pytest.skip(f"set {POSTGRES_ENV} to run the PostgreSQL tests")
    return url


@asynccontextmanager
async def fresh_database_url(kind: str, tmp_path: Path) -> AsyncIterator[str]:
    """A URL (as users write it) to an empty database of the given kind."""
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'tiimi-test.db'}"
        return
    name = f"tiimi_test_{uuid.uuid4().hex[:12]}"
    async with throwaway_postgres(postgres_server_url(), name) as url:
        yield url


@asynccontextmanager
async def throwaway_postgres(server_url: str, name: str) -> AsyncIterator[str]:
    """The URL of a database `name` created on the server for the block and dropped after it
    (one of that name left by an earlier run is dropped first). Benchmarks use it too."""
    server = make_url(server_url)
    admin = await asyncpg.connect(asyncpg_url(server.render_as_string(hide_password=False)))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield server.set(database=name).render_as_string(hide_password=False)
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


def asyncpg_url(url: str) -> str:
    """The URL as asyncpg takes it (no SQLAlchemy driver name)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
