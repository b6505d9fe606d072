"""The running Teams bot for end-to-end tests, on each database kind, with a small tenant:
Anna (a professional with the app installed), Bertta and Cecilia (members the client may
choose), David (outside every team) and Kaisa (a coordinator)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
import pytest_asyncio

from tests.fake_teams import FakeTeams
from tests.fake_teams.state import GROUP_CHAT, Conversation, User
from tests.support.clock import FakeClock
from tests.teams_e2e.harness import TeamsBot, running_teams_bot

ANNA, BERTTA, CECILIA, DAVID, KAISA = (
    f"00000000-0000-4000-8000-0000000000{n}" for n in ("a1", "b2", "c3", "d4", "e5")
)
WORKROOM = "19:workroom@thread.v2"  # a group chat that is not a case's


@dataclass
class People:
    anna: User
    bertta: User
    cecilia: User
    david: User
    kaisa: User
    workroom: Conversation  # Anna, Bertta and Cecilia's own chat with the bot in it


@pytest_asyncio.fixture
async def fake_teams() -> AsyncIterator[FakeTeams]:
    async with FakeTeams() as fake:
        yield fake


@pytest.fixture
def people(fake_teams: FakeTeams) -> People:
    tenant = fake_teams.tenant
    users = [
        tenant.add_user(user_id, name)
        for user_id, name in (
            (ANNA, "Anna Aalto"),
            (BERTTA, "Bertta Berg"),
            (CECILIA, "Cecilia Cruz"),
            (DAVID, "David Dahl"),
            (KAISA, "Kaisa Koordinaattori"),
        )
    ]
    tenant.personal_installs.update({ANNA, BERTTA, KAISA})
    workroom = tenant.add_conversation(
        WORKROOM, conversation_type=GROUP_CHAT, members=[ANNA, BERTTA, CECILIA, KAISA]
    )
    anna, bertta, cecilia, david, kaisa = users
    return People(anna, bertta, cecilia, david, kaisa, workroom)


@pytest_asyncio.fixture
async def bot(
    fake_teams: FakeTeams, people: People, database_url: str, clock: FakeClock
) -> AsyncIterator[TeamsBot]:
    async with running_teams_bot(
        fake_teams, database_url, clock, COORDINATORS=people.kaisa.id
    ) as running:
        yield running
