"""A fresh database per benchmark run: a SQLite file, or a PostgreSQL database
`tiimi_bench_<pid>` created on the server and dropped afterwards."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

SERVER_ENV = "TIIMI_TEST_POSTGRES_URL"
DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/test"
KINDS = ("sqlite", "postgres")


def plain_postgres_url(url: str) -> str:
    """The URL as asyncpg takes it (no SQLAlchemy driver name)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@asynccontextmanager
async def bench_database(kind: str, directory: Path) -> AsyncIterator[str]:
    """The URL (as users write it) of an empty database of the kind, `sqlite` or `postgres`."""
    if kind == "sqlite":
        yield f"sqlite:///{directory / 'bench.db'}"
        return
    server = make_url(os.environ.get(SERVER_ENV, DEFAULT_SERVER))
    name = f"tiimi_bench_{os.getpid()}"
    admin = await asyncpg.connect(plain_postgres_url(server.render_as_string(False)))
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield server.set(database=name).render_as_string(hide_password=False)
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()
