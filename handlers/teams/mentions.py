"""Who a mention in a typed command means: Teams marks a mention with the person's Teams id
(`29:…`), and the Bot Connector's member API tells their Entra object id, the neutral user id
Tiimi keeps. Only people in the conversation can be mentioned, so only they are looked up."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable
from urllib.parse import quote

import aiohttp

log = logging.getLogger("handlers.teams")
ConnectorToken = Callable[[], Awaitable[str]]


class MentionResolver:
    def __init__(self, *, session: aiohttp.ClientSession, token: ConnectorToken) -> None:
        self.session = session
        self.token = token

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
