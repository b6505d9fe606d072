"""Who a mention in a typed command means: Teams marks a mention with the person's Teams id
(`29:…`), and the Bot Connector's member API tells their Entra object id, the neutral user id
Tiimi keeps. Only people in the conversation can be mentioned, so only they are looked up.
The same API lists a conversation's people, page by page (the self-rating's staff chat)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from functools import partial
from typing import Any
from urllib.parse import quote

import aiohttp

from handlers.teams.connector_failures import ConnectorRetry, connector_failure

log = logging.getLogger("handlers.teams")
ConnectorToken = Callable[[], Awaitable[str]]
PAGE_SIZE = 200  # the connector's paged members: at most 500 a page


class MentionResolver:
    def __init__(
        self,
        *,
        session: aiohttp.ClientSession,
        token: ConnectorToken,
        retry: ConnectorRetry | None = None,
    ) -> None:
        self.session = session
        self.token = token
        self.retry = retry or ConnectorRetry()

    async def members(self, *, service_url: str, conversation_id: str) -> frozenset[str]:
        """The Entra object ids of the people in the conversation (bots have none); a
        PlatformError (SpaceUnavailable: the bot is not in it) when the connector refuses."""
        base = f"{service_url.rstrip('/')}/v3/conversations/{quote(conversation_id, safe='')}"
        found: set[str] = set()
        token: str | None = None
        while True:
            params = {"pageSize": str(PAGE_SIZE)} | ({"continuationToken": token} if token else {})
            try:
                page = await self.retry.run(partial(self._get, f"{base}/pagedmembers", params))
            except aiohttp.ClientResponseError as error:
                raise connector_failure(error) from None
            for member in page.get("members") or ():
                entra_id = member.get("aadObjectId") if isinstance(member, dict) else None
                if entra_id:
                    found.add(str(entra_id).lower())
            token = page.get("continuationToken") or None
            if not token:
                return frozenset(found)

    async def _get(self, url: str, params: dict[str, str]) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {await self.token()}"}
        async with self.session.get(url, headers=headers, params=params) as response:
            response.raise_for_status()
            body = await response.json()
        return body if isinstance(body, dict) else {}

    async def entra_ids(
        self, *, service_url: str, conversation_id: str, teams_ids: Iterable[str]
    ) -> dict[str, str]:
        """Teams id → Entra object id for each member found; the others are left out (their
        mention stays plain text)."""
        found: dict[str, str] = {}
        for teams_id in teams_ids:
            entra_id = await self._member(service_url, conversation_id, teams_id)
            if entra_id:
                found[teams_id] = entra_id
        return found

    async def _member(self, service_url: str, conversation_id: str, teams_id: str) -> str | None:
        url = (
            f"{service_url.rstrip('/')}/v3/conversations/{quote(conversation_id, safe='')}"
            f"/members/{quote(teams_id, safe='')}"
        )
        headers = {"Authorization": f"Bearer {await self.token()}"}
        try:
            async with self.session.get(url, headers=headers) as response:
                if response.status != 200:
                    log.warning("member lookup answered %d", response.status)
                    return None
                body = await response.json()
        except (aiohttp.ClientError, TimeoutError) as error:
            log.warning("member lookup failed: %s", type(error).__name__)
            return None
        entra_id = body.get("aadObjectId") if isinstance(body, dict) else None
        return str(entra_id).lower() if entra_id else None
