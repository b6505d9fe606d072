"""Handing Slack's requests from the front process to the work processes.

Which requests the front may answer itself (`answered_at_once`), and the delivery of a request,
as Slack signed it, to a work process over its Unix socket (`Handover`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import aiohttp

from handlers.slack.request_checks import FORM, JSON
from handlers.slack.routes import Kind, Routes, key_of

log = logging.getLogger(__name__)
FORWARDED_HEADERS = (
    "Content-Type",
    "X-Slack-Signature",
    "X-Slack-Request-Timestamp",
    "X-Slack-Retry-Num",
    "X-Slack-Retry-Reason",
)
EVENTS_PATH = "/slack/events"


def answered_at_once(content_type: str, body: str, routes: Routes) -> bool:
    """True for a command, button or event that one of the bot's listeners takes: the bot
    answers those with an empty 200 before any of their work. Forms (whose answer may carry
    errors), url_verification and anything unknown go to a work process for their answer.

    `body` has passed `request_checks.malformed` for its content type.
    """
    kind: Kind
    if content_type == FORM:
        form = parse_qs(body, keep_blank_values=True)
        if "payload" in form:
            request: Any = json.loads(form["payload"][0])
            kind = "action"
            if request.get("type") != "block_actions":
                return False
        elif "command" in form and "ssl_check" not in form:
            request, kind = {"command": form["command"][0]}, "command"
        else:
            return False
    elif content_type == JSON:
        request, kind = json.loads(body), "event"
        if request.get("type") != "event_callback":
            return False
    else:
        return False
    try:
        return routes.find(kind, key_of(kind, request)) is not None
    except (KeyError, IndexError, TypeError):
        return False


def is_command(content_type: str, body: str) -> bool:
    if content_type != FORM:
        return False
    form = parse_qs(body, keep_blank_values=True)
    return "command" in form and "payload" not in form


def response_url_of(content_type: str, body: str) -> str | None:
    """Where a command's or button's answer goes, to say that a request was lost."""
    if content_type != FORM:
        return None
    form = parse_qs(body, keep_blank_values=True)
    if "payload" in form:
        url = json.loads(form["payload"][0]).get("response_url")
        return url if isinstance(url, str) else None
    return form.get("response_url", [None])[0]


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
