"""Pytest fixtures: a started SimulatedSlack with a few test users."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from handlers.sandbox.workspace import SimulatedSlack

# (user id, name, locale) of the standard test users.
TEST_USERS: tuple[tuple[str, str, str], ...] = (
    ("UANNA", "anna", "fi-FI"),
    ("UBERT", "bert", "fi-FI"),
    ("UCARL", "carl", "fi-FI"),
    ("UDORA", "dora", "sv-SE"),
    ("UEERO", "eero", "en-US"),
)


@pytest_asyncio.fixture
async def fake_slack() -> AsyncIterator[SimulatedSlack]:
    """Yield a running SimulatedSlack with UANNA, UBERT, UCARL, UDORA (sv) and UEERO (en)."""
    async with SimulatedSlack() as fake:
        for user_id, name, locale in TEST_USERS:
            fake.add_user(user_id, name=name, locale=locale)
        yield fake
