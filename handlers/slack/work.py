"""Work after the acknowledgement: runs in the background, a few requests at a time, and is
given time to finish at shutdown."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine, Mapping
from typing import Any

log = logging.getLogger(__name__)
# Context key of the asyncio.Event the HTTP server sets once Slack's answer is written; the work
# after ack() waits for it, so that none of it delays the answer.
ANSWERED = "answered"


async def until_answered(context: Mapping[str, Any]) -> None:
    """Wait until the acknowledgement has been written. In Socket Mode, whose handler sends it
    when Bolt returns, one turn of the event loop lets it go first."""
    answered: asyncio.Event | None = context.get(ANSWERED)
    if answered is None:
        await asyncio.sleep(0)
    else:
        await answered.wait()


class BackgroundWork:
    def __init__(self, slots: int) -> None:
        self.slots = asyncio.Semaphore(slots)  # requests worked on at once after their ack
        self._tasks: set[asyncio.Task[None]] = set()

    def start(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(work)
        self._tasks.add(task)  # the event loop keeps only a weak reference
        task.add_done_callback(self._tasks.discard)

    @property
    def running(self) -> int:
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
