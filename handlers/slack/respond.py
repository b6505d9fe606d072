"""respond() over the bot's pooled HTTP session.

Bolt's own respond() opens a new HTTP session, and so a new connection, for every answer and
closes it afterwards; the bot answers through its one pooled session instead, with the same
retry handlers as its Web API client.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import aiohttp
from slack_bolt.async_app import AsyncRespond
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.models.attachments import Attachment
from slack_sdk.models.blocks import Block
from slack_sdk.webhook import WebhookResponse
from slack_sdk.webhook.async_client import AsyncWebhookClient


class PooledRespond(AsyncRespond):
    """Takes the arguments of Bolt's respond(), so listeners cannot tell the two apart."""

    def __init__(
        self,
        *,
        response_url: str,
        session: aiohttp.ClientSession,
        retry_handlers: list[AsyncRetryHandler],
    ) -> None:
        super().__init__(response_url=response_url)
        self._session = session
        self._retry_handlers = retry_handlers

    async def __call__(
        self,
        text: str | dict[str, Any] = "",
        blocks: Sequence[dict[str, Any] | Block] | None = None,
        attachments: Sequence[dict[str, Any] | Attachment] | None = None,
        response_type: str | None = None,
        replace_original: bool | None = None,
        delete_original: bool | None = None,
        unfurl_links: bool | None = None,
        unfurl_media: bool | None = None,
        thread_ts: str | None = None,
        metadata: dict[str, Any] | None = None,
    ) -> WebhookResponse:
        client = AsyncWebhookClient(  # built here: none is needed before the acknowledgement
            url=str(self.response_url), session=self._session, retry_handlers=self._retry_handlers
        )
        if isinstance(text, dict):  # the whole message, as Bolt's respond() also takes it
            return await client.send_dict(text)
        message = {
            "text": text,
            "blocks": blocks,
            "attachments": attachments,
            "response_type": response_type,
            "replace_original": replace_original,
            "delete_original": delete_original,
            "unfurl_links": unfurl_links,
            "unfurl_media": unfurl_media,
            "thread_ts": thread_ts,
            "metadata": metadata,
        }
        return await client.send_dict(message)  # leaves out the None values
