"""Refuses malformed or replayed requests before Bolt sees them: 4xx, never 5xx."""

from __future__ import annotations

import json
import time
from collections import OrderedDict
from collections.abc import Callable
from urllib.parse import parse_qs

from aiohttp import web

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
REPLAY_WINDOW = 5 * 60  # Bolt refuses older timestamps itself


def refused(request: web.Request, body: str, replays: ReplayGuard) -> web.Response | None:
    """The 4xx answer to a malformed or replayed request; None for one to go on with."""
    refusal = malformed(request.content_type, body)
    if refusal is not None:
        return refusal
    signature = request.headers.get("X-Slack-Signature")
    retry = "X-Slack-Retry-Num" in request.headers  # Slack's redelivery; deduped by event_id
    if signature and not retry and not replays.first_use(signature):  # before any work
        return web.json_response({"error": "replayed_request"}, status=409)
    return None


def malformed(content_type: str, body: str) -> web.Response | None:
    """None when the body is what Slack sends for its content type, else the 4xx answer."""
    if content_type == JSON:
        if not isinstance(_json(body), dict):
            return web.json_response({"error": "invalid_json"}, status=400)
        return None
    if content_type == FORM:
        payload = parse_qs(body, keep_blank_values=True).get("payload")
        if payload is not None and not isinstance(_json(payload[0]), dict):
            return web.json_response({"error": "invalid_payload"}, status=400)
        return None
    return web.json_response({"error": "unsupported_media_type"}, status=415)


def _json(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return None


class ReplayGuard:
    """Remembers signatures seen within the signing window; a second use is a replay.

    Slack signs every delivery anew (its retries too), so a repeated signature is never Slack.
    Signatures are forgotten once older than the window, so memory holds one window's worth.
    """

    def __init__(self, *, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._seen: OrderedDict[str, float] = OrderedDict()  # oldest first
        self._monotonic = monotonic

    def __len__(self) -> int:
        return len(self._seen)

    def first_use(self, signature: str) -> bool:
        now = self._monotonic()
        while self._seen and now - next(iter(self._seen.values())) >= REPLAY_WINDOW:
            self._seen.popitem(last=False)
        if signature in self._seen:
            return False
        self._seen[signature] = now
        return True
