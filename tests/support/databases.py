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
    server = make_url(postgres_server_url())
    name = f"tiimi_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(_plain(server.render_as_string(hide_password=False)))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield server.set(database=name).render_as_string(hide_password=False)
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


def _plain(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)
