"""A fresh database per benchmark run: a SQLite file, or a PostgreSQL database
`tiimi_bench_<pid>` created on the server and dropped afterwards."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from tests.support.databases import throwaway_postgres

SERVER_ENV = "TIIMI_TEST_POSTGRES_URL"
DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/test"
KINDS = ("sqlite", "postgres")


@asynccontextmanager
async def bench_database(kind: str, directory: Path) -> AsyncIterator[str]:
    """The URL (as users write it) of an empty database of the kind, `sqlite` or `postgres`."""
    if kind == "sqlite":
        yield f"sqlite:///{directory / 'bench.db'}"
        return
    server = os.environ.get(SERVER_ENV, DEFAULT_SERVER)
    async with throwaway_postgres(server, f"tiimi_bench_{os.getpid()}") as url:
        yield url
