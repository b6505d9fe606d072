"""Work under way after a request was answered, counted: a few requests at a time, so that new
requests never queue behind many requests' work; /healthz reports the count and shutdown gives
it a grace. Shared by the platform adapters (handlers/slack/work.py, handlers/teams/work.py)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

log = logging.getLogger(__name__)


class WorkSlots:
    def __init__(self, slots: int) -> None:
        self._slots = asyncio.Semaphore(slots)  # requests worked on at once after their ack
        self._tasks: set[asyncio.Task[object]] = set()

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        """Wait for a free slot and hold it for the work inside; the listener's task is
        counted from the wait on."""
        async with self.counted(), self._slots:
            yield

    @asynccontextmanager
    async def counted(self) -> AsyncIterator[None]:
        """Count the current task while the work inside runs, so that /healthz sees it and
        shutdown gives it the grace (the framework may keep no reference to it: this one also
        keeps it alive)."""
        task = asyncio.current_task()
        assert task is not None, "a listener runs in a task"
        self._tasks.add(task)
        try:
            yield
        finally:
            self._tasks.discard(task)

    def start(self, work: Callable[[], Awaitable[object]]) -> asyncio.Task[object]:
        """Run `work` in a task of its own, in a slot, counted from now on (not only once it
        has a slot): for an adapter whose framework waits for its listener to return before
        answering the request (Teams). A failure that `work` does not handle itself is
        logged by its type (never its text, which may hold what someone typed)."""

        async def in_slot() -> object:
            async with self._slots:
                try:
                    return await work()
                except Exception as error:
                    log.error("work after the answer failed: %s", type(error).__name__)
                    return None

        task: asyncio.Task[object] = asyncio.get_running_loop().create_task(in_slot())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    @property
    def running(self) -> int:
        """Requests acknowledged whose work is under way or waiting for a slot."""
        return len(self._tasks)

    async def drain(self, *, grace_seconds: float) -> None:
        """Wait for the work under way; cancel what is still running after the grace."""
        if not self._tasks:
            return
        _done, pending = await asyncio.wait(set(self._tasks), timeout=grace_seconds)
        for task in pending:
            task.cancel()
        if pending:
            log.warning("cancelled %d requests' work still running at shutdown", len(pending))
            await asyncio.wait(pending)
