"""Retries for Microsoft's HTTP APIs (Graph, the Bot Connector).

Throttling (429, and the Bot Connector's 412) and passing server errors (502, 503, 504) are
tried again after the `Retry-After` seconds the service asked for, otherwise after an
exponential backoff with full jitter, within a number of tries and a total wait. A connection
that could not be opened is tried again too.

A call that must not be repeated blindly (a POST that creates something) is not sent again
once it may have reached the service: a connection dropped or timed out after sending, or a
gateway's 502 or 504, raises AnswerLost, and the caller finds out what happened (e.g. looks
for the chat it was creating). Throttling answers (429, 412, 503) mean the call was not done,
so those are retried for every call.
"""

from __future__ import annotations

import asyncio
import logging
import math
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import aiohttp

log = logging.getLogger(__name__)
RETRY_STATUSES = frozenset({412, 429, 502, 503, 504})
GATEWAY_STATUSES = frozenset({502, 504})  # the service behind may have done the call
_NO_CONNECTION = (aiohttp.ClientConnectorError,)  # nothing was sent
_NO_ANSWER = (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError, TimeoutError)


@dataclass(frozen=True)
class Answer:
    """An HTTP answer read whole: its status, body and the `Retry-After` header if any."""

    status: int
    body: bytes = b""
    retry_after: str | None = None


class NoAnswer(Exception):
    """No try got an answer (connection errors, timeouts)."""


class AnswerLost(Exception):
    """A call that is not repeated may have been done: its answer was lost."""


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to try; `sleep` and `random` are injectable for tests."""

    max_tries: int = 5
    max_wait: float = 60.0  # seconds slept in all between the tries of one call
    base_delay: float = 0.5
    max_delay: float = 16.0
    sleep: Callable[[float], Awaitable[object]] = field(default=asyncio.sleep, repr=False)
    random: Callable[[], float] = field(default=random.random, repr=False)

    def delay(self, retry: int, retry_after: str | None) -> float:
        """Seconds before retry number `retry` (0 first): what the service asked for, or a
        random share of the doubling backoff (full jitter)."""
        asked = _seconds(retry_after)
        if asked is not None:
            return asked
        return self.random() * min(self.max_delay, self.base_delay * 2.0**retry)

    async def send(
        self, attempt: Callable[[], Awaitable[Answer]], *, repeatable: bool, name: str
    ) -> Answer:
        """The first answer not worth a retry, or the last one when the tries or the wait
        run out. `repeatable=False`: a call that may have been done is not sent again
        (AnswerLost). `name` (a method and a path template, never ids) is for the log."""
        waited, retry = 0.0, 0
        while True:
            answer: Answer | None = None
            failure: Exception | None = None
            try:
                answer = await attempt()
            except _NO_CONNECTION as error:
                failure = error
            except _NO_ANSWER as error:
                if not repeatable:
                    raise AnswerLost(name) from error
                failure = error
            else:
                if answer.status not in RETRY_STATUSES:
                    return answer
                if not repeatable and answer.status in GATEWAY_STATUSES:
                    raise AnswerLost(name)
            delay = self.delay(retry, answer.retry_after if answer else None)
            retry += 1
            if retry >= self.max_tries or waited + delay > self.max_wait:
                if answer is None:
                    raise NoAnswer(name) from failure
                return answer
            outcome = answer.status if answer else type(failure).__name__
            log.warning("%s: %s; try %d in %.1f s", name, outcome, retry + 1, delay)
            await self.sleep(delay)
            waited += delay


def _seconds(retry_after: str | None) -> float | None:
    """`Retry-After` as seconds; None when absent or not seconds (an HTTP date is not used)."""
    if retry_after is None:
        return None
    try:
        seconds = float(retry_after)
    except ValueError:
        return None
    return max(seconds, 0.0) if math.isfinite(seconds) else None
