"""conversations.* handlers."""

from __future__ import annotations

import base64
import re
from typing import Any

from handlers.sandbox.workspace.common import ApiRequest, Handler, get_channel
from handlers.sandbox.workspace.state import Channel, Workspace

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
MAX_INVITE = 100
MAX_TOPIC = 250


def _check_name(req: ApiRequest, name: str) -> None:
    """Apply Slack's channel-name rules."""
    if not name:
        raise req.error("invalid_name_required")
    if len(name) > 80:
        raise req.error("invalid_name_maxlength")
    if NAME_RE.match(name):
        return
    if not re.search(r"[a-z0-9]", name):
        raise req.error("invalid_name_punctuation", "invalid_name_specials")
    raise req.error("invalid_name_specials")


def create(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """conversations.create: new channel with the bot as creator and member."""
    name = req.req_str("name")
    _check_name(req, name)
    if ws.channel_by_name(name) is not None:
        raise req.error("name_taken")
    channel = Channel(
        ws.new_id("C"),
        name,
        req.get_bool("is_private"),
        members={ws.bot_user_id},
        creator=ws.bot_user_id,
    )
    ws.add_channel(channel)
    ws.joined(channel, ws.bot_user_id, None)  # Slack sends it for the creator, too
    return {"channel": channel.to_api(ws.bot_user_id)}


def _invite_error(ws: Workspace, channel: Channel, user_id: str) -> str | None:
    """Return the per-user invite error, or None when the user can be invited."""
    user = ws.users.get(user_id)
    if user_id == ws.bot_user_id:
        return "cant_invite_self"
    if user is None:
        return "user_not_found"
    if user.deleted:
        return "cant_invite"
    if user_id in channel.members:
        return "already_in_channel"
    return None


def invite(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """conversations.invite: all-or-nothing unless force=true, per-user errors[] like Slack."""
    channel = get_channel(ws, req, req.req_str("channel"), writable=True)
    users = req.get_csv("users")
    if not users:
        raise req.error("no_user")
    if len(users) > MAX_INVITE:
        raise req.error(
            "too_many_users",
            "invalid_arguments",
            "cant_invite",
            messages=[f"[ERROR] no more than {MAX_INVITE} users allowed"],
        )
    failures = [
        {"user": u, "ok": False, "error": err}
        for u in users
        if (err := _invite_error(ws, channel, u)) is not None
    ]
    good = [u for u in users if u not in {f["user"] for f in failures}]
    if failures and not (req.get_bool("force") and good):
        raise req.error(str(failures[0]["error"]), extra={"errors": failures})
    channel.members.update(good)
    for user_id in good:
        ws.joined(channel, user_id, ws.bot_user_id)
    body: dict[str, Any] = {"channel": channel.to_api(ws.bot_user_id)}
    if failures:
        body["errors"] = failures
    return body


def kick(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """conversations.kick: remove a member (not the bot itself)."""
    channel = get_channel(ws, req, req.req_str("channel"), writable=True)
    user_id = req.get_str("user")
    if user_id == ws.bot_user_id:
        raise req.error("cant_kick_self")
    if not user_id or user_id not in ws.users:
        raise req.error("user_not_found")
    if user_id not in channel.members:
        raise req.error("not_in_channel")
    channel.members.discard(user_id)
    return {"errors": {}}


def archive(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """conversations.archive. Slack removes a bot from a channel it archives: afterwards the
    bot can neither read, delete nor unarchive anything there (platform-notes.md)."""
    channel = get_channel(ws, req, req.req_str("channel"))
    if channel.is_im or channel.is_mpim:
        raise req.error("method_not_supported_for_channel_type")
    if channel.is_archived:
        raise req.error("already_archived")
    channel.is_archived = True
    channel.members.discard(ws.bot_user_id)
    return {}


def unarchive(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """conversations.unarchive."""
    channel = get_channel(ws, req, req.req_str("channel"))
    if not channel.is_archived:
        raise req.error("not_archived")
    channel.is_archived = False
    return {}


def info(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """conversations.info (private channels are invisible to non-members)."""
    channel = get_channel(ws, req, req.req_str("channel"), member=False)
    return {"channel": channel.to_api(ws.bot_user_id)}


def _cursor(value: str) -> str:
    """Encode a pagination cursor the way Slack does (opaque base64)."""
    return base64.b64encode(value.encode()).decode()


def _decode_cursor(req: ApiRequest, prefix: str) -> str | None:
    """Decode a cursor made by `_cursor`, or raise invalid_cursor."""
    raw = req.get_str("cursor")
    if not raw:
        return None
    try:
        text = base64.b64decode(raw.encode(), validate=True).decode()
    except ValueError:
        raise req.error("invalid_cursor") from None
    if not text.startswith(prefix):
        raise req.error("invalid_cursor")
    return text[len(prefix) :]


def members(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """conversations.members with limit/cursor paging."""
    channel = get_channel(ws, req, req.req_str("channel"), member=False)
    limit = req.get_int("limit", 100)
    if limit is None or limit < 1:
        raise req.error("invalid_limit")
    start = int(_decode_cursor(req, "offset:") or 0)
    everyone = sorted(channel.members)
    page = everyone[start : start + limit]
    more = start + limit < len(everyone)
    next_cursor = _cursor(f"offset:{start + limit}") if more else ""
    return {"members": page, "response_metadata": {"next_cursor": next_cursor}}


LIST_TYPES = frozenset({"public_channel", "private_channel", "mpim", "im"})


def list_conversations(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """conversations.list: the channels the bot can see (private ones only as a member)."""
    types = set((req.get_str("types") or "public_channel").split(","))
    if not types <= LIST_TYPES:
        raise req.error("invalid_types")
    limit = req.get_int("limit", 100)
    if limit is None or not 1 <= limit < 1000:
        raise req.error("invalid_limit")
    exclude_archived = req.get_bool("exclude_archived")

    def kind(channel: Channel) -> str:
        if channel.is_im:
            return "im"
        if channel.is_mpim:
            return "mpim"
        return "private_channel" if channel.is_private else "public_channel"

    visible = [
        channel
        for channel in sorted(ws.channels.values(), key=lambda c: c.id)
        if kind(channel) in types
        and not (exclude_archived and channel.is_archived)
        and (not channel.is_private or ws.bot_user_id in channel.members)
    ]
    start = int(_decode_cursor(req, "offset:") or 0)
    page = visible[start : start + limit]
    more = start + limit < len(visible)
    next_cursor = _cursor(f"offset:{start + limit}") if more else ""
    return {
        "channels": [channel.to_api(ws.bot_user_id) for channel in page],
        "response_metadata": {"next_cursor": next_cursor},
    }


def _set_text(ws: Workspace, req: ApiRequest, field: str) -> dict[str, Any]:
    """Shared body of setTopic / setPurpose."""
    channel = get_channel(ws, req, req.req_str("channel"), writable=True)
    value = req.req_str(field)
    if len(value) > MAX_TOPIC:
        raise req.error("too_long")
    setattr(channel, field, value)
    return {"channel": channel.to_api(ws.bot_user_id)}


def set_topic(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """conversations.setTopic."""
    return _set_text(ws, req, "topic")


def set_purpose(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """conversations.setPurpose."""
    return _set_text(ws, req, "purpose")


def _ts_arg(req: ApiRequest, name: str, error: str, default: float) -> float:
    """Parse a timestamp argument."""
    raw = req.get_str(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise req.error(error) from None


def history(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """conversations.history: top-level messages newest first, metadata on request."""
    channel = get_channel(ws, req, req.req_str("channel"))
    oldest = _ts_arg(req, "oldest", "invalid_ts_oldest", 0.0)
    latest = _ts_arg(req, "latest", "invalid_ts_latest", float("inf"))
    cursor = _decode_cursor(req, "next_ts:")
    if cursor is not None:
        latest = min(latest, float(cursor))
    inclusive = req.get_bool("inclusive")
    limit = max(1, min(req.get_int("limit", 100) or 100, 999))

    def in_range(ts: float) -> bool:
        if inclusive and cursor is None:
            return oldest <= ts <= latest
        return oldest < ts < latest

    found = [
        m
        for m in ws.messages.get(channel.id, [])
        if not m.deleted
        and in_range(float(m.ts))
        and (m.thread_ts in (None, m.ts) or m.reply_broadcast)
    ]
    found.sort(key=lambda m: float(m.ts), reverse=True)
    page, more = found[:limit], len(found) > limit
    with_meta = req.get_bool("include_all_metadata")
    body: dict[str, Any] = {
        "messages": [m.to_api(include_metadata=with_meta) for m in page],
        "has_more": more,
        "pin_count": 0,
        "response_metadata": {"next_cursor": _cursor(f"next_ts:{page[-1].ts}") if more else ""},
    }
    if req.has("latest"):
        body["latest"] = req.get_str("latest")
    return body


def open_dm(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """conversations.open: a DM (one user) or group DM (several) with the bot."""
    if req.has("channel"):
        channel = get_channel(ws, req, req.req_str("channel"), member=False)
        return {"channel": {"id": channel.id}}
    users = [u for u in req.get_csv("users") if u != ws.bot_user_id]
    if not users:
        raise req.error("users_list_not_supplied", "not_enough_users")
    if len(users) > 8:
        raise req.error("too_many_users")
    for user_id in users:
        user = ws.users.get(user_id)
        if user is None:
            raise req.error("user_not_found")
        if user.deleted:
            raise req.error("user_disabled")
    if len(users) == 1:
        channel = ws.dm_with(users[0])
    else:
        wanted = {ws.bot_user_id, *users}
        existing = [c for c in ws.channels.values() if c.is_mpim and c.members == wanted]
        channel = (
            existing[0]
            if existing
            else ws.add_channel(
                Channel(
                    ws.new_id("C"),
                    "mpdm-" + "--".join(sorted(users)),
                    True,
                    members=wanted,
                    is_mpim=True,
                )
            )
        )
    if req.get_bool("return_im"):
        return {"channel": channel.to_api(ws.bot_user_id)}
    return {"channel": {"id": channel.id}}


HANDLERS: dict[str, Handler] = {
    "conversations.create": create,
    "conversations.invite": invite,
    "conversations.kick": kick,
    "conversations.archive": archive,
    "conversations.unarchive": unarchive,
    "conversations.info": info,
    "conversations.members": members,
    "conversations.list": list_conversations,
    "conversations.setTopic": set_topic,
    "conversations.setPurpose": set_purpose,
    "conversations.history": history,
    "conversations.open": open_dm,
}
