"""How many SQL statements the busiest requests run: each cost 1.5–2.5 ms of CPU on the
development machine (docs/performance.md), so a new one should be a choice."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from bot.context import Actor
from bot.home.service import HomeService
from bot.replies import Reply
from bot.teams.dispatch import TiimiCommands
from storage.db import Database
from tests.support.said import said
from tests.support.teams import team_channel

ANNA = Actor("UANNA", "fi")


@contextmanager
def statements(database: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(*args: Any) -> None:
        seen.append(str(args[2]).split(None, 1)[0])

    engine = database.engine.sync_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


@pytest.mark.parametrize(
    ("text", "answer", "budget"),
    [
        # team, members, goals; lock, number, step, reminder, the team's attention figures,
        # audit; the step's owners (for its message); the message's ts
        ("Soita Kelaan pe mennessä", "Askel 2 on lisätty", 11),
        # team, members, goals; lock, the step, its update, its reminders, the team's
        # attention figures; audit; the step's owners (for its message)
        ("valmis 1", "Askel 1 on merkitty tehdyksi", 10),
        # team, members, goals; count, steps, their owners; audit
        ("lista", "Hae asumistukea", 7),
    ],
)
async def test_plan_requests(
    tiimi: TiimiCommands, database: Database, text: str, answer: str, budget: int
) -> None:
    channel = await team_channel(tiimi)
    await tiimi.askel.run(actor=ANNA, text=said("Hae asumistukea pe mennessä"), channel_id=channel)
    with statements(database) as seen:
        reply = await tiimi.askel.run(actor=ANNA, text=said(text), channel_id=channel)
    assert isinstance(reply, Reply) and answer in reply.message.text
    assert len(seen) <= budget, seen


async def test_home_tab(tiimi: TiimiCommands, database: Database) -> None:
    await team_channel(tiimi)
    home = HomeService(tiimi.core, tiimi.coordinators)
    with statements(database) as seen:
        await home.home(ANNA)
    assert len(seen) <= 4, seen  # teams, steps, orphaned steps; the audit of the view
