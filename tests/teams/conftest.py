"""Fixtures of the Teams suite: a started FakeTeams with a few users and chats."""

from __future__ import annotations

from collections.abc import AsyncIterator
from zoneinfo import ZoneInfo

import pytest_asyncio

from bot.context import Core
from bot.teams.dispatch import TiimiCommands
from storage.db import Database
from storage.migrate import upgrade_to_head
from tests.fake_teams import FakeTeams
from tests.fake_teams.state import GROUP_CHAT, PERSONAL
from tests.support.clock import FakeClock
from tests.support.memory_platform import MemoryPlatform

ANNA, BERTTA, CECILIA, DAVID = (f"00000000-0000-4000-8000-00000000000{n}" for n in range(1, 5))
CASE_CHAT = "19:case-1@thread.v2"
ANNA_PERSONAL = "a:personal-anna"


@pytest_asyncio.fixture
async def tiimi(database_url: str, clock: FakeClock) -> AsyncIterator[TiimiCommands]:
    """The core on a migrated database, with an in-memory platform (for the Teams dialogs'
    tests, which drive the core as the forms do)."""
    database = Database(database_url)
    await upgrade_to_head(database)
    core = Core(
        database=database,
        platform=MemoryPlatform(),
        clock=clock,
        timezone=ZoneInfo("Europe/Helsinki"),
        language="fi",
        coordinators=frozenset(),
    )
    yield TiimiCommands(core)
    await database.dispose()


@pytest_asyncio.fixture
async def teams() -> AsyncIterator[FakeTeams]:
    async with FakeTeams() as fake:
        tenant = fake.tenant
        for user_id, name in (
            (ANNA, "Anna"),
            (BERTTA, "Bertta"),
            (CECILIA, "Cecilia"),
            (DAVID, "David"),
        ):
            tenant.add_user(user_id, name)
        tenant.groups["team-all"] = [ANNA, "team-nested"]
        tenant.groups["team-nested"] = [BERTTA, ANNA]
        tenant.add_conversation(
            CASE_CHAT, conversation_type=GROUP_CHAT, members=[ANNA, BERTTA, CECILIA]
        )
        tenant.add_conversation(ANNA_PERSONAL, conversation_type=PERSONAL, members=[ANNA])
        tenant.personal_installs.update({ANNA, BERTTA})
        yield fake
