"""Request keys are remembered so that replays and redeliveries are handled once, and then
forgotten."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlmodel import select

from bot.context import Core
from bot.privacy.request_log import FORGET_EVERY, KEY_MEMORY, RequestLog
from storage.models import ProcessedEvent
from tests.support.clock import FakeClock


async def remembered(core: Core) -> list[str]:
    async with core.database.session() as session:
        return sorted((await session.exec(select(ProcessedEvent.event_id))).all())


async def test_a_request_is_handled_once_even_when_delivered_at_once_twice(core: Core) -> None:
    requests = RequestLog(core)

    assert await requests.first_time("event:Ev1") is True
    assert await requests.first_time("event:Ev1") is False
    assert sorted(
        await asyncio.gather(*(requests.first_time("command:1.2.3") for _ in range(3)))
    ) == [False, False, True]
    assert await remembered(core) == ["command:1.2.3", "event:Ev1"]


async def test_old_keys_are_forgotten_at_most_hourly(core: Core, clock: FakeClock) -> None:
    requests = RequestLog(core)
    await requests.first_time("EvOld")
    clock.advance(KEY_MEMORY - timedelta(minutes=10))
    await requests.first_time("EvB")  # forgets what is older than KEY_MEMORY: nothing

    clock.advance(timedelta(minutes=20))  # EvOld is now past KEY_MEMORY
    await requests.first_time("EvC")
    assert await remembered(core) == ["EvB", "EvC", "EvOld"]  # not forgotten within the hour

    clock.advance(FORGET_EVERY)
    await requests.first_time("EvD")
    assert await remembered(core) == ["EvB", "EvC", "EvD"]
