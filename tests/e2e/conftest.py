"""The running bot for end-to-end tests, on each database kind."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from handlers.sandbox.workspace import SimulatedSlack
from storage.db import Database
from tests.e2e.harness import RunningBot, running_bot
from tests.support.clock import FakeClock


@pytest_asyncio.fixture
async def bot(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> AsyncIterator[RunningBot]:
    async with running_bot(fake_slack, database_url, clock) as running:
        yield running


@pytest_asyncio.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    """The bot's database, to read what it stored."""
    db = Database(database_url)
    yield db
    await db.dispose()
