"""chat.* handlers."""

from __future__ import annotations

import time
from typing import Any

from handlers.sandbox.workspace.blocks import MAX_MESSAGE_BLOCKS, BlockError, validate_blocks
from handlers.sandbox.workspace.common import ApiRequest, Handler, get_channel
from handlers.sandbox.workspace.state import Channel, Ephemeral, Message, Workspace

MAX_TEXT = 40_000


def _target(ws: Workspace, req: ApiRequest) -> Channel:
    """Resolve `channel`; a user id means the bot's DM with that user, as in Slack."""
    channel_id = req.req_str("channel")
    if channel_id[:1] in ("U", "W") and channel_id in ws.users:
        return ws.dm_with(channel_id)
    return get_channel(ws, req, channel_id, writable=True)


def _blocks(req: ApiRequest) -> list[dict[str, Any]] | None:
    """Parse and validate `blocks` (a list, or a JSON string in form bodies)."""
    blocks = req.get_json("blocks", lambda: req.error("invalid_blocks_format", "invalid_blocks"))
    if blocks is None:
        return None
    if not isinstance(blocks, list):
        raise req.error("invalid_blocks_format", "invalid_blocks")
    try:
        validate_blocks(blocks, max_blocks=MAX_MESSAGE_BLOCKS)
    except BlockError as exc:
        raise req.error("invalid_blocks", messages=[str(exc)]) from None
    return blocks or None


def _content(req: ApiRequest) -> tuple[str | None, list[dict[str, Any]] | None]:
    """Return (text, blocks), enforcing that at least one of them (or attachments) is present."""
    text = req.get_str("text")
    blocks = _blocks(req)
    if not text and not blocks and not req.args.get("attachments"):
        raise req.error("no_text")
    if text and len(text) > MAX_TEXT and req.ref.documents("msg_too_long"):
        raise req.error("msg_too_long")
    return text, blocks


def _metadata(req: ApiRequest) -> dict[str, Any] | None:
    """Parse message metadata: {"event_type": str, "event_payload": dict}."""
    meta = req.get_json("metadata", lambda: req.error("invalid_metadata_format"))
    if meta is None:
        return None
    valid = (
        isinstance(meta, dict)
        and isinstance(meta.get("event_type"), str)
        and bool(meta["event_type"])
        and isinstance(meta.get("event_payload"), dict)
    )
    if not valid:
        raise req.error("invalid_metadata_format")
    return dict(meta)


def _check_rate(ws: Workspace, req: ApiRequest, channel_id: str) -> None:
    """Allow at most one post per second per channel when rate enforcement is on."""
    if not ws.enforce_post_rate:
        return
    now = time.monotonic()
    last = ws.post_times.get(channel_id)
    if last is not None and now - last < 1.0:
        raise req.error("ratelimited", status=429, headers={"Retry-After": "1"})
    ws.post_times[channel_id] = now


def _bot_message(ws: Workspace, message: Message) -> dict[str, Any]:
    """Render a bot-posted message with its bot identity."""
    data = message.to_api(include_metadata=True)
    data.update({"bot_id": ws.bot_id, "team": ws.team_id})
    return data


def post_message(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """chat.postMessage."""
    channel = _target(ws, req)
    text, blocks = _content(req)
    metadata = _metadata(req)
    _check_rate(ws, req, channel.id)
    message = Message(
        ts=ws.next_ts(),
        channel=channel.id,
        user=ws.bot_user_id,
        text=text or "",
        blocks=blocks,
        metadata=metadata,
        thread_ts=req.get_str("thread_ts"),
        reply_broadcast=req.get_bool("reply_broadcast"),
        bot_id=ws.bot_id,
    )
    ws.messages.setdefault(channel.id, []).append(message)
    return {"channel": channel.id, "ts": message.ts, "message": _bot_message(ws, message)}


def post_ephemeral(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """chat.postEphemeral: the recipient must be a member of the channel."""
    channel = _target(ws, req)
    user_id = req.req_str("user")
    text, blocks = _content(req)
    if user_id not in ws.users or user_id not in channel.members:
        raise req.error("user_not_in_channel")
    ephemeral = Ephemeral(
        ws.next_ts(), channel.id, user_id, text or "", blocks, req.get_str("thread_ts")
    )
    ws.ephemerals.append(ephemeral)
    return {"message_ts": ephemeral.ts}


def _own_message(ws: Workspace, req: ApiRequest, forbidden: str) -> Message:
    """Find the bot's own message addressed by channel + ts."""
    channel = get_channel(ws, req, req.req_str("channel"))
    message = ws.find_message(channel.id, req.req_str("ts"))
    if message is None:
        raise req.error("message_not_found")
    if message.user != ws.bot_user_id:
        raise req.error(forbidden)
    return message


def update(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """chat.update: replace text/blocks/metadata of the bot's message."""
    message = _own_message(ws, req, "cant_update_message")
    text, blocks = _content(req)
    metadata = _metadata(req)
    if text is not None:
        message.text = text
    if req.has("blocks"):
        message.blocks = blocks
    if metadata is not None:
        message.metadata = metadata
    message.updated += 1
    return {
        "channel": message.channel,
        "ts": message.ts,
        "text": message.text,
        "message": _bot_message(ws, message),
    }


def delete(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """chat.delete: a bot token deletes only the app's own messages (cant_delete_message
    otherwise); an archived private channel no longer has the bot (channel_not_found)."""
    message = _own_message(ws, req, "cant_delete_message")
    message.deleted = True
    return {"channel": message.channel, "ts": message.ts}


HANDLERS: dict[str, Handler] = {
    "chat.postMessage": post_message,
    "chat.postEphemeral": post_ephemeral,
    "chat.update": update,
    "chat.delete": delete,
}
