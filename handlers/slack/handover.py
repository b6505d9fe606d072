"""Handing Slack's requests from the front process to the work processes.

Which requests the front may answer itself (`answered_at_once`), and the delivery of a request,
as Slack signed it, to a work process over its Unix socket (`Handover`).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
from slack_bolt.request.payload_utils import is_block_actions, is_event, is_slash_command

from handlers.slack.route_table import Kind, RouteTable, key_of

log = logging.getLogger(__name__)
FORWARDED_HEADERS = (
    "Content-Type",
    "X-Slack-Signature",
    "X-Slack-Request-Timestamp",
    "X-Slack-Retry-Num",
    "X-Slack-Retry-Reason",
)
EVENTS_PATH = "/slack/events"


def answered_at_once(request: dict[str, Any], routes: RouteTable) -> bool:
    """True for a command, button or event that one of the bot's listeners takes: the bot
    answers those with an empty 200 before any of their work. Forms (whose answer may carry
    errors), url_verification and anything unknown go to a work process for their answer.

    `request` is the body as `request_body.parse_body` reads it, of a request that has passed
    `request_checks.malformed`; Bolt's own tests tell its kind, so the two route alike.
    """
    kind: Kind
    if is_slash_command(request) and "ssl_check" not in request:
        kind = "command"
    elif is_block_actions(request):
        kind = "action"
    elif is_event(request):
        kind = "event"
    else:
        return False
    try:
        return routes.takes(kind, key_of(kind, request))
    except (KeyError, IndexError, TypeError):
        return False


def response_url_of(request: dict[str, Any]) -> str | None:
    """Where a command's or button's answer goes, to say that a request was lost."""
    url = request.get("response_url")
    return url if isinstance(url, str) else None


@dataclass(frozen=True)
class Delivered:
    status: int
    content_type: str
    body: bytes


class Handover:
    """Posts requests to work processes, on one pooled connection set per Unix socket."""

    def __init__(self, *, timeout_seconds: float = 30.0) -> None:
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)
        self._sessions: dict[Path, aiohttp.ClientSession] = {}

    async def deliver(self, socket: Path, headers: Mapping[str, str], body: bytes) -> Delivered:
        """The work process's answer. aiohttp.ClientConnectorError: it was not reached (a
        connection to a process that has exited is dropped from the pool on its own)."""
        wanted = {name: headers[name] for name in FORWARDED_HEADERS if name in headers}
        async with self._session(socket).post(
            f"http://work{EVENTS_PATH}", data=body, headers=wanted
        ) as response:
            return Delivered(response.status, response.content_type, await response.read())

    async def health(self, socket: Path) -> dict[str, Any] | None:
        """A work process's /healthz answer; None when it does not answer."""
        try:
            async with self._session(socket).get(
                "http://work/healthz", timeout=aiohttp.ClientTimeout(total=5)
            ) as response:
                answer = await response.json()
                return answer if isinstance(answer, dict) else None
        except (aiohttp.ClientError, TimeoutError, ValueError):
            return None

    async def close(self) -> None:
        sessions, self._sessions = list(self._sessions.values()), {}
        for session in sessions:
            await session.close()

    def _session(self, socket: Path) -> aiohttp.ClientSession:
        session = self._sessions.get(socket)
        if session is None:
            connector = aiohttp.UnixConnector(path=str(socket))
            session = aiohttp.ClientSession(connector=connector, timeout=self._timeout)
            self._sessions[socket] = session
        return session
