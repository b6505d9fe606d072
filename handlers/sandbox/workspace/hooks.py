"""Request-body parsing and response_url semantics for the fake Slack."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

from handlers.sandbox.workspace.blocks import MAX_MESSAGE_BLOCKS, BlockError, validate_blocks
from handlers.sandbox.workspace.state import Ephemeral, Message, ResponseUrl, Workspace

MAX_RESPONSE_URL_USES = 5
RESPONSE_TYPES = (None, "ephemeral", "in_channel")


def parse_body(content_type: str, raw: bytes) -> dict[str, Any]:
    """Parse a JSON or form-encoded request body; raises ValueError when malformed."""
    text = raw.decode("utf-8")
    if not text.strip():
        return {}
    if content_type == "application/json":
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("JSON body must be an object")
        return data
    if content_type in ("application/x-www-form-urlencoded", "text/plain", ""):
        return dict(parse_qsl(text, keep_blank_values=True, strict_parsing=True))
    raise ValueError(f"unsupported content type {content_type!r}")


def parse_response_body(content_type: str, raw: bytes) -> dict[str, Any]:
    """Parse a response_url POST: JSON, or a form with a JSON `payload` field."""
    data = parse_body(content_type, raw)
    if content_type != "application/json" and "payload" in data:
        data = json.loads(data["payload"])
    if not isinstance(data, dict):
        raise ValueError("response body must be an object")
    return data


def _original(ws: Workspace, hook: ResponseUrl) -> Message | Ephemeral | None:
    """Return the message (or ephemeral message) the response_url's action came from."""
    if not hook.channel_id or not hook.message_ts:
        return None
    message = ws.find_message(hook.channel_id, hook.message_ts)
    if message is not None:
        return message
    return next(
        (e for e in ws.ephemerals if e.channel == hook.channel_id and e.ts == hook.message_ts),
        None,
    )


def apply_response(ws: Workspace, hook: ResponseUrl, body: dict[str, Any]) -> str | None:
    """Apply a response_url POST to the workspace; return an error text for HTTP 400."""
    original = _original(ws, hook)
    if body.get("delete_original") in (True, "true"):
        if isinstance(original, Message):
            original.deleted = True
        elif original is not None:
            ws.ephemerals.remove(original)
        return None
    response_type = body.get("response_type")
    if response_type not in RESPONSE_TYPES:
        return "invalid_response_type"
    text, blocks = body.get("text"), body.get("blocks")
    if not text and not blocks:
        return "no_text"
    if blocks is not None:
        try:
            validate_blocks(blocks, max_blocks=MAX_MESSAGE_BLOCKS)
        except BlockError:
            return "invalid_blocks"
    if body.get("replace_original") in (True, "true") and original is not None:
        original.text = text or ""
        original.blocks = blocks
        if isinstance(original, Message):
            original.updated += 1
    elif response_type == "in_channel":
        if hook.channel_id in ws.channels:
            assert hook.channel_id is not None
            ws.messages.setdefault(hook.channel_id, []).append(
                Message(
                    ts=ws.next_ts(),
                    channel=hook.channel_id,
                    user=ws.bot_user_id,
                    text=text or "",
                    blocks=blocks,
                    thread_ts=body.get("thread_ts"),
                    bot_id=ws.bot_id,  # the app's message, as in Slack
                )
            )
    else:  # ephemeral, also when response_type is left out, as in Slack
        ws.ephemerals.append(
            Ephemeral(
                ws.next_ts(),
                hook.channel_id,
                hook.user_id,
                text or "",
                blocks,
                body.get("thread_ts"),
            )
        )
    return None
