"""Database engine and sessions; maps the URLs users write to async drivers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.ext.asyncio import AsyncSession as SQLAlchemyAsyncSession
from sqlalchemy.sql import Executable
from sqlmodel.ext.asyncio.session import AsyncSession


def to_async_url(url: str) -> str:
    """`sqlite:///x.db` → aiosqlite, `postgres(ql)://…` → asyncpg; async URLs pass through."""
    parsed = make_url(url.replace("postgres://", "postgresql://", 1))
    driver = parsed.drivername
    if driver == "sqlite":
        parsed = parsed.set(drivername="sqlite+aiosqlite")
    elif driver in ("postgresql", "postgresql+psycopg2", "postgresql+psycopg"):
        query = dict(parsed.query)
        if "sslmode" in query:
            query["ssl"] = query.pop("sslmode")
        parsed = parsed.set(drivername="postgresql+asyncpg", query=query)
    return parsed.render_as_string(hide_password=False)


class Database:
    """One async engine and its session factory."""

    def __init__(self, url: str) -> None:
        self.url = to_async_url(url)
        self.is_sqlite = self.url.startswith("sqlite")
        # A failing statement's error message would otherwise carry its parameters: the
        # client's text. (No `echo`: it adds SQLAlchemy's own log handler, past the redaction.)
        kwargs: dict[str, Any] = {"hide_parameters": True}
        if self.is_sqlite:
            kwargs["connect_args"] = {"timeout": 30}
        else:
            kwargs.update(pool_size=10, max_overflow=10, pool_pre_ping=True)
        self.engine: AsyncEngine = create_async_engine(self.url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", _sqlite_pragmas)
        self._sessions = async_sessionmaker(
            self.engine, class_=AsyncSession, expire_on_commit=False
        )

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        """A session whose transaction commits on success and rolls back on error."""
        async with self._sessions() as session, session.begin():
            yield session

    async def ping(self) -> bool:
        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except Exception:
            return False
        return True

    async def dispose(self) -> None:
        await self.engine.dispose()


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA secure_delete=ON")  # removed text (steps, purges) is overwritten
    cursor.close()


async def run_select(
    session: AsyncSession, query: Executable, params: dict[str, Any] | None = None
) -> list[Any]:
    """Rows of a SQLAlchemy Core select (SQLModel's exec() is typed for its own select only)."""
    result = await SQLAlchemyAsyncSession.execute(session, query, params)
    return list(result.all())
