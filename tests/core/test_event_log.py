"""Event ids are remembered so that Slack's redeliveries are handled once, and then forgotten."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlmodel import select

from bot.context import Core
from bot.events import EVENT_MEMORY, FORGET_EVERY, EventLog
from storage.models import ProcessedEvent
from tests.support.clock import FakeClock


async def remembered(core: Core) -> list[str]:
    async with core.database.session() as session:
        return sorted((await session.exec(select(ProcessedEvent.event_id))).all())


async def test_an_event_is_handled_once_even_when_delivered_at_once_twice(core: Core) -> None:
    events = EventLog(core)

    assert await events.first_delivery("Ev1") is True
    assert await events.first_delivery("Ev1") is False
    assert sorted(await asyncio.gather(*(events.first_delivery("Ev2") for _ in range(3)))) == [
        False,
        False,
        True,
    ]
    assert await remembered(core) == ["Ev1", "Ev2"]


async def test_old_event_ids_are_forgotten_at_most_hourly(core: Core, clock: FakeClock) -> None:
    events = EventLog(core)
    await events.first_delivery("EvOld")
    clock.advance(EVENT_MEMORY - timedelta(minutes=10))
    await events.first_delivery("EvB")  # forgets what is older than EVENT_MEMORY: nothing

    clock.advance(timedelta(minutes=20))  # EvOld is now past EVENT_MEMORY
    await events.first_delivery("EvC")
    assert await remembered(core) == ["EvB", "EvC", "EvOld"]  # not forgotten within the hour

    clock.advance(FORGET_EVERY)
    await events.first_delivery("EvD")
    assert await remembered(core) == ["EvB", "EvC", "EvD"]
