"""Refuses malformed requests before Bolt sees them: 4xx, never 5xx. What passes, Bolt's
parse_body and request_body.parse_body read without an error.

Replays and redeliveries are not refused here but after Bolt has verified the signature
(request_keys.HandleOnce), so that nothing is kept for a request that may not be Slack's.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qs

from aiohttp import web

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"


def malformed(content_type: str, body: str) -> web.Response | None:
    """None when the body is what Slack sends for its content type, else the 4xx answer."""
    if content_type == JSON:
        if not isinstance(read_json(body), dict):
            return web.json_response({"error": "invalid_json"}, status=400)
        return None
    if content_type == FORM:
        if body.startswith("{"):  # Bolt would read it as JSON; Slack's forms are `name=value&…`
            return web.json_response({"error": "invalid_form"}, status=400)
        payloads = parse_qs(body, keep_blank_values=True).get("payload", [])
        if not all(isinstance(read_json(p), dict) for p in payloads):  # Bolt reads the last
            return web.json_response({"error": "invalid_payload"}, status=400)
        return None
    return web.json_response({"error": "unsupported_media_type"}, status=415)


def read_json(text: str) -> object:
    """The JSON value, or None when the text is not JSON or is nested too deeply to read
    (json.loads raises RecursionError, not ValueError, for `[` * 100000)."""
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None
