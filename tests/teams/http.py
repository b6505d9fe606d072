"""A plain HTTP client for the fakes' own tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import aiohttp


@dataclass
class Answer:
    status: int
    body: Any
    headers: dict[str, str]

    @property
    def code(self) -> str | None:
        """The `error.code` of a Bot Framework or Graph error answer."""
        return self.body.get("error", {}).get("code") if isinstance(self.body, dict) else None


async def call(
    method: str, url: str, *, token: str | None = None, body: Any = None, raw: bytes | None = None
) -> Answer:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if raw is not None:
        headers["Content-Type"] = "application/json"
    async with (
        aiohttp.ClientSession() as session,
        session.request(method, url, json=body, data=raw, headers=headers) as response,
    ):
        text = await response.text()
        parsed = await response.json(content_type=None) if text else None
        return Answer(response.status, parsed, dict(response.headers))
