"""A core wired to an in-memory platform and a fresh database of each kind."""

from __future__ import annotations

from collections.abc import AsyncIterator
from zoneinfo import ZoneInfo

import pytest_asyncio

from bot.context import Core
from bot.teams.dispatch import TiimiCommands
from storage.db import Database
from storage.migrate import upgrade_to_head
from tests.support.clock import FakeClock
from tests.support.memory_platform import MemoryPlatform


@pytest_asyncio.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    db = Database(database_url)
    await upgrade_to_head(db)
    yield db
    await db.dispose()


@pytest_asyncio.fixture
async def platform() -> MemoryPlatform:
    return MemoryPlatform()


@pytest_asyncio.fixture
async def core(database: Database, platform: MemoryPlatform, clock: FakeClock) -> Core:
    return Core(
        database=database,
        platform=platform,
        clock=clock,
        timezone=ZoneInfo("Europe/Helsinki"),
        language="fi",
        coordinators=frozenset(),
    )


@pytest_asyncio.fixture
async def tiimi(core: Core) -> TiimiCommands:
    return TiimiCommands(core)
