"""Each request from Slack that can change state is handled once: a replayed or redelivered
request (on any instance, after a restart, with or without X-Slack-Retry-Num) gets Slack's
empty 200 and changes nothing.

A Bolt global middleware: registered with `app.middleware()`, it runs after Bolt's built-in
ones (AsyncApp's constructor puts the signature check, RequestVerification, first), so only a
verified request's key is ever recorded. Socket Mode requests pass through it too.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol

from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

log = logging.getLogger(__name__)


class RequestKeys(Protocol):
    """bot.privacy.request_log.RequestLog, as the middleware uses it."""

    async def first_time(self, key: str) -> bool: ...


# interaction payload type -> key prefix; these carry a trigger_id of their own
_INTERACTIONS = {
    "block_actions": "action",
    "view_submission": "view",
    "shortcut": "shortcut",
    "message_action": "shortcut",
}


def request_key(body: Mapping[str, Any]) -> str | None:
    """The request's own id with its kind (`command:<trigger_id>`, `action:<trigger_id>`,
    `view:<trigger_id>`, `event:<event_id>`); None for requests that change nothing."""
    kind = body.get("type")
    if kind == "event_callback":
        prefix, own_id = "event", body.get("event_id")
    elif "command" in body and "trigger_id" in body:
        prefix, own_id = "command", body.get("trigger_id")
    elif isinstance(kind, str) and kind in _INTERACTIONS:
        prefix, own_id = _INTERACTIONS[kind], body.get("trigger_id")
    else:
        return None
    return f"{prefix}:{own_id}" if isinstance(own_id, str) and own_id else None


class HandleOnce(AsyncMiddleware):
    """Records each verified request's key; a request whose key is known stops here."""

    def __init__(self, requests: RequestKeys) -> None:
        self._requests = requests

    async def async_process(
        self,
        *,
        req: AsyncBoltRequest,
        resp: BoltResponse,
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse | None:
        key = request_key(req.body)
        if key is not None and not await self._requests.first_time(key):
            log.info("a %s request came again; answered, not handled", key.partition(":")[0])
            return BoltResponse(status=200, body="")  # Slack's ordinary acknowledgement
        return await next()
