"""The bot's Web API client: one pooled HTTP session, slack_sdk's retry handlers."""

from __future__ import annotations

import aiohttp
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient


def retry_handlers(*, retry_lost_connections: bool = True) -> list[AsyncRetryHandler]:
    """Retry 429s, server errors and, unless told not to, lost connections."""
    connection = [AsyncConnectionErrorRetryHandler(max_retry_count=2)]
    return [
        *(connection if retry_lost_connections else []),
        AsyncRateLimitErrorRetryHandler(max_retry_count=5),
        AsyncServerErrorRetryHandler(max_retry_count=2),
    ]


def slack_client(
    *,
    token: str,
    base_url: str,
    session: aiohttp.ClientSession,
    retry_lost_connections: bool = True,
) -> AsyncWebClient:
    """A client on the one pooled HTTP session (slack_sdk opens a session per call otherwise)."""
    return AsyncWebClient(
        token=token,
        base_url=base_url,
        session=session,
        retry_handlers=retry_handlers(retry_lost_connections=retry_lost_connections),
    )
