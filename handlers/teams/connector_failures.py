"""The Bot Connector's refusals as the core's typed failures, and retrying the ones Teams
means as "not now" (429, 412, 502, 504), which the Agents SDK does not retry itself."""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Protocol, TypeVar

import aiohttp

from bot.platform import PlatformError, SpaceUnavailable

T = TypeVar("T")

RETRYABLE_STATUSES = frozenset({412, 429, 502, 504})
_GONE_STATUSES = frozenset({403, 404})  # BotNotInConversationRoster, ConversationNotFound


class RetryPolicy(Protocol):
    async def run(self, call: Callable[[], Awaitable[T]]) -> T:
        """The call's result, after retrying the refusals that mean "try again later"."""
        ...


@dataclass(frozen=True)
class ConnectorRetry:
    """Retries a call the connector refused with a retryable status: after its Retry-After
    (seconds), else an exponential backoff with jitter; at most `attempts` calls in all."""

    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
    attempts: int = 4
    first_delay: float = 1.0
    longest_delay: float = 60.0
    jitter: Callable[[], float] = random.random  # in [0, 1)

    async def run(self, call: Callable[[], Awaitable[T]]) -> T:
        attempt = 1
        while True:
            try:
                return await call()
            except aiohttp.ClientResponseError as error:
                if error.status not in RETRYABLE_STATUSES or attempt >= self.attempts:
                    raise
                await self.sleep(self._delay(error.headers, attempt))
                attempt += 1

    def _delay(self, headers: Mapping[str, str] | None, attempt: int) -> float:
        asked = _retry_after(headers)
        backoff = self.first_delay * 2 ** (attempt - 1) * (1 + self.jitter())
        return min(self.longest_delay, backoff if asked is None else asked)


def _retry_after(headers: Mapping[str, str] | None) -> float | None:
    """Retry-After in seconds; None when absent or a date (then the backoff decides)."""
    value = (headers or {}).get("Retry-After")
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


def error_code(error: aiohttp.ClientResponseError) -> str:
    """The connector's `error.code`, or `http_<status>` when the SDK kept no answer body (it
    keeps it for sends and updates, not for deletes and conversation creation)."""
    try:
        body = json.loads(error.message)
    except ValueError:
        body = None
    details = body.get("error") if isinstance(body, dict) else None
    code = details.get("code") if isinstance(details, dict) else None
    return code if isinstance(code, str) and code else f"http_{error.status}"


def connector_failure(error: aiohttp.ClientResponseError) -> PlatformError:
    """SpaceUnavailable when the bot can no longer reach the conversation (403: not in its
    roster, 404: no such conversation), else PlatformError; both with the connector's code."""
    code = error_code(error)
    if error.status in _GONE_STATUSES and code != "ActivityNotFound":
        return SpaceUnavailable(code)
    return PlatformError(code)
