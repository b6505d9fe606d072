"""Keeps posts to one channel about one second apart (Slack's per-channel rate)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager


class ChannelPacer:
    def __init__(
        self,
        *,
        interval: float = 1.0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.interval = interval
        self._sleep = sleep
        self._monotonic = monotonic
        self._last: dict[str, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    @asynccontextmanager
    async def turn(self, channel_id: str) -> AsyncIterator[None]:
        """Wait for the channel's turn; posts to other channels are not held up."""
        lock = self._locks.setdefault(channel_id, asyncio.Lock())
        async with lock:
            last = self._last.get(channel_id)
            if last is not None:
                wait = last + self.interval - self._monotonic()
                if wait > 0:
                    await self._sleep(wait)
            try:
                yield
            finally:
                self._last[channel_id] = self._monotonic()
                if len(self._last) > 10_000:
                    self._last.clear()
