"""The Bot Connector's refusals as the core's typed failures, and retrying the ones Teams
means as "not now" (429, 412, 502, 504), which the Agents SDK does not retry itself."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

import aiohttp

from bot.platform import PlatformError, SpaceUnavailable
from handlers.teams.http_retry import RetryPolicy

T = TypeVar("T")

RETRYABLE_STATUSES = frozenset({412, 429, 502, 504})
_GONE_STATUSES = frozenset({403, 404})  # BotNotInConversationRoster, ConversationNotFound


class Retries(Protocol):
    async def run(self, call: Callable[[], Awaitable[T]]) -> T:
        """The call's result, after retrying the refusals that mean "try again later"."""
        ...


CONNECTOR_TIMING = RetryPolicy(max_tries=4, base_delay=1.0, max_delay=60.0)


@dataclass(frozen=True)
class ConnectorRetry:
    """Retries a call the connector refused with a retryable status, timed as every retry of
    Microsoft's APIs is (handlers/teams/http_retry.py: its Retry-After, else an exponential
    backoff with full jitter), within the timing's tries and total wait."""

    timing: RetryPolicy = CONNECTOR_TIMING

    async def run(self, call: Callable[[], Awaitable[T]]) -> T:
        retry, waited = 0, 0.0
        while True:
            try:
                return await call()
            except aiohttp.ClientResponseError as error:
                asked = error.headers.get("Retry-After") if error.headers else None
                delay = self.timing.delay(retry, asked)
                last = retry + 1 >= self.timing.max_tries or waited + delay > self.timing.max_wait
                if error.status not in RETRYABLE_STATUSES or last:
                    raise
                await self.timing.sleep(delay)
                retry, waited = retry + 1, waited + delay


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
