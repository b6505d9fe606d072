"""Alembic environment: runs on the connection handed over by storage.migrate."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

import storage.models  # noqa: F401  (registers the tables)
from storage.db import to_async_url
from storage.models import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_standalone(url: str) -> None:
    engine = create_async_engine(to_async_url(url))
    async with engine.begin() as conn:
        await conn.run_sync(_run)
    await engine.dispose()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # the alembic CLI, for authoring revisions: `alembic -x url=sqlite:///dev.db revision …`
    asyncio.run(
        _run_standalone(context.get_x_argument(as_dictionary=True).get("url", "sqlite:///tiimi.db"))
    )
