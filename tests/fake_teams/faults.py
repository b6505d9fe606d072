"""Fault injection for the fake Teams: scripted HTTP failures (429 + Retry-After, 5xx) and
answers lost after the change was applied."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class _Failure:
    status: int
    retry_after: int | None
    times: int


@dataclass
class Held:
    arrived: asyncio.Event  # set when a held call is waiting
    release: asyncio.Event  # set it to let the held calls through


class Faults:
    """Failures keyed by operation name (see the `OPERATIONS` of connector.py and graph.py)."""

    def __init__(self) -> None:
        self._failures: dict[str, list[_Failure]] = {}
        self._lost: dict[str, int] = {}
        self._held: dict[str, Held] = {}
        self.served: list[tuple[str, int]] = []  # (operation, status) of every answered call

    def fail_next(
        self, operation: str, *, status: int, retry_after: int | None = None, times: int = 1
    ) -> None:
        """Refuse the next `times` calls of `operation` with `status`, before applying them."""
        assert times >= 1 and status >= 400, "fail_next needs an error status and times >= 1"
        self._failures.setdefault(operation, []).append(_Failure(status, retry_after, times))

    def lose_next_answer(self, operation: str, *, times: int = 1) -> None:
        """Apply the next `times` calls of `operation` and then drop the connection."""
        self._lost[operation] = self._lost.get(operation, 0) + times

    def hold(self, operation: str) -> Held:
        """Hold every call of `operation` (not yet applied or answered) until released, as a
        slow service would."""
        held = self._held[operation] = Held(asyncio.Event(), asyncio.Event())
        return held

    def wrap(self, operation: str, handler: Handler, error: Callable[..., web.Response]) -> Handler:
        """The handler with this operation's scripted faults in front and behind it."""

        async def served(request: web.Request) -> web.StreamResponse:
            held = self._held.get(operation)
            if held is not None:
                held.arrived.set()
                await held.release.wait()
            pending = self._failures.get(operation)
            if pending:
                failure = pending[0]
                failure.times -= 1
                if failure.times == 0:
                    pending.pop(0)
                headers = {}
                if failure.retry_after is not None:
                    headers["Retry-After"] = str(failure.retry_after)
                self.served.append((operation, failure.status))
                code = "TooManyRequests" if failure.status == 429 else "ServiceError"
                return error(failure.status, code, "injected fault", headers=headers)
            response = await handler(request)
            if self._lost.get(operation) and 200 <= response.status < 300:
                self._lost[operation] -= 1
                self.served.append((operation, -1))
                assert request.transport is not None
                request.transport.close()  # applied; the client sees a disconnect
                return response
            self.served.append((operation, response.status))
            return response

        return served
