"""Workspace state held by the fake Slack: users, channels, messages, views and recorded calls."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

APP_ID = "A0TEST"


@dataclass
class User:
    """A workspace member."""

    id: str
    name: str
    locale: str = "fi-FI"
    is_bot: bool = False
    deleted: bool = False
    real_name: str = ""
    title: str = ""

    def to_api(self, team_id: str, *, include_locale: bool = False) -> dict[str, Any]:
        """Render the user as users.info returns it."""
        real_name = self.real_name or self.name.capitalize()
        data: dict[str, Any] = {
            "id": self.id,
            "team_id": team_id,
            "name": self.name,
            "deleted": self.deleted,
            "real_name": real_name,
            "tz": "Europe/Helsinki",
            "tz_label": "Eastern European Time",
            "tz_offset": 7200,
            "profile": {
                "real_name": real_name,
                "display_name": self.name,
                "real_name_normalized": real_name,
                "display_name_normalized": self.name,
                "title": self.title,
                "team": team_id,
            },
            "is_admin": False,
            "is_owner": False,
            "is_restricted": False,
            "is_ultra_restricted": False,
            "is_bot": self.is_bot,
            "is_app_user": False,
            "updated": 1502138686,
        }
        if include_locale:
            data["locale"] = self.locale
        return data


@dataclass
class Channel:
    """A conversation: public/private channel, or a DM (is_im) / group DM (is_mpim)."""

    id: str
    name: str
    is_private: bool = True
    is_archived: bool = False
    members: set[str] = field(default_factory=set)
    topic: str = ""
    purpose: str = ""
    creator: str = ""
    created: int = 0  # set from the workspace clock when the channel is added
    is_im: bool = False
    is_mpim: bool = False

    def to_api(self, viewer: str) -> dict[str, Any]:
        """Render the conversation object as conversations.info/create return it."""
        if self.is_im:
            other = next((m for m in sorted(self.members) if m != viewer), viewer)
            return {"id": self.id, "created": self.created, "is_im": True, "user": other}
        return {
            "id": self.id,
            "name": self.name,
            "is_channel": not self.is_mpim,
            "is_group": False,
            "is_im": False,
            "is_mpim": self.is_mpim,
            "is_private": self.is_private,
            "created": self.created,
            "creator": self.creator,
            "is_archived": self.is_archived,
            "is_general": False,
            "unlinked": 0,
            "name_normalized": self.name,
            "is_shared": False,
            "is_ext_shared": False,
            "is_org_shared": False,
            "pending_shared": [],
            "is_pending_ext_shared": False,
            "is_member": viewer in self.members,
            "topic": {
                "value": self.topic,
                "creator": self.creator if self.topic else "",
                "last_set": 0,
            },
            "purpose": {
                "value": self.purpose,
                "creator": self.creator if self.purpose else "",
                "last_set": 0,
            },
            "previous_names": [],
            "num_members": len(self.members),
        }


@dataclass
class Message:
    """A message posted to a conversation."""

    ts: str
    channel: str
    user: str
    text: str = ""
    blocks: list[dict[str, Any]] | None = None
    metadata: dict[str, Any] | None = None
    thread_ts: str | None = None
    updated: int = 0
    deleted: bool = False
    reply_broadcast: bool = False
    files: list[str] = field(default_factory=list)
    bot_id: str | None = None  # set on messages the app posted, as Slack's history shows them

    def to_api(self, *, include_metadata: bool = False) -> dict[str, Any]:
        """Render the message as conversations.history / chat.postMessage return it."""
        data: dict[str, Any] = {
            "type": "message",
            "user": self.user,
            "text": self.text,
            "ts": self.ts,
        }
        if self.blocks:
            data["blocks"] = self.blocks
        if self.thread_ts:
            data["thread_ts"] = self.thread_ts
        if self.updated:
            data["edited"] = {"user": self.user, "ts": self.ts}
        if self.files:
            data["files"] = [{"id": f} for f in self.files]
        if self.bot_id is not None:
            data.update(
                bot_id=self.bot_id,
                app_id=APP_ID,
                bot_profile={"id": self.bot_id, "app_id": APP_ID, "name": "tiimi"},
            )
        if include_metadata and self.metadata is not None:
            data["metadata"] = self.metadata
        return data


@dataclass
class Ephemeral:
    """A message only one person sees: chat.postEphemeral, or a response_url answer."""

    ts: str
    channel: str | None
    user: str | None
    text: str = ""
    blocks: list[dict[str, Any]] | None = None
    thread_ts: str | None = None


@dataclass
class Call:
    """One request received by the fake Web API."""

    method: str
    args: dict[str, Any]
    raw_body: str
    ok: bool = False
    error: str | None = None
    http_status: int = 200
    response: dict[str, Any] | None = None


@dataclass
class UploadedFile:
    """A file uploaded through files.getUploadURLExternal + files.completeUploadExternal."""

    id: str
    filename: str
    length: int
    content: bytes | None = None
    title: str | None = None
    channels: list[str] = field(default_factory=list)
    completed: bool = False
    alt_txt: str | None = None  # an image's description for screen readers


@dataclass
class ResponseUrl:
    """A response_url issued by the fake, optionally tied to the message it came from."""

    url: str
    channel_id: str | None = None
    message_ts: str | None = None
    user_id: str | None = None  # who ran the command or pressed the button
    bodies: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Failure:
    """A scripted failure for the next call(s) of one method."""

    error: str | None
    status: int
    retry_after: int | None
    times: int
    after: int = 0  # calls that still succeed before the failures start


@dataclass
class Workspace:
    """All mutable state of the fake workspace."""

    token: str
    bot_user_id: str
    team_id: str
    bot_id: str = "B0TEST"
    users: dict[str, User] = field(default_factory=dict)
    usergroups: dict[str, list[str]] = field(default_factory=dict)
    channels: dict[str, Channel] = field(default_factory=dict)
    messages: dict[str, list[Message]] = field(default_factory=dict)
    ephemerals: list[Ephemeral] = field(default_factory=list)
    views: dict[str, dict[str, Any]] = field(default_factory=dict)
    views_opened: list[dict[str, Any]] = field(default_factory=list)
    views_pushed: list[dict[str, Any]] = field(default_factory=list)
    home_views: dict[str, dict[str, Any]] = field(default_factory=dict)
    files: dict[str, UploadedFile] = field(default_factory=dict)
    triggers: dict[str, tuple[float, bool]] = field(default_factory=dict)
    trigger_ttl: float | None = None
    enforce_post_rate: bool = False
    post_times: dict[str, float] = field(default_factory=dict)
    root_url: str = ""
    # member_joined_channel events of the call being served, handed to SimulatedSlack.on_join
    joins: list[dict[str, Any]] = field(default_factory=list)
    now: Callable[[], float] = time.time  # the workspace clock (epoch seconds)
    next_id: int = 1
    last_us: int = 0  # the last message ts handed out, in microseconds

    def new_id(self, prefix: str) -> str:
        """Return a fresh Slack-looking id such as C0000001A."""
        number, self.next_id = self.next_id, self.next_id + 1
        return f"{prefix}{number:07d}A"

    def next_ts(self) -> str:
        """Return a strictly increasing message timestamp from the workspace clock."""
        now_us = int(self.now() * 1_000_000)
        self.last_us = max(now_us, self.last_us + 1)
        return f"{self.last_us // 1_000_000}.{self.last_us % 1_000_000:06d}"

    def add_channel(self, channel: Channel) -> Channel:
        """Register a conversation (created now unless set) and its (empty) message list."""
        channel.created = channel.created or int(self.now())
        self.channels[channel.id] = channel
        self.messages.setdefault(channel.id, [])
        return channel

    def channel_by_name(self, name: str) -> Channel | None:
        """Return the named (non-DM) channel, archived ones included."""
        return next((c for c in self.channels.values() if c.name == name and not c.is_im), None)

    def dm_with(self, user_id: str) -> Channel:
        """Return (creating if needed) the bot's DM with a user."""
        for channel in self.channels.values():
            if channel.is_im and channel.members == {self.bot_user_id, user_id}:
                return channel
        members = {self.bot_user_id, user_id}
        return self.add_channel(Channel(self.new_id("D"), "", True, members=members, is_im=True))

    def joined(self, channel: Channel, user_id: str, inviter: str | None) -> None:
        """Note the member_joined_channel event Slack sends for a new channel member."""
        event = {
            "type": "member_joined_channel",
            "user": user_id,
            "channel": channel.id,
            "channel_type": "G" if channel.is_private else "C",
            "team": self.team_id,
        }
        if inviter:
            event["inviter"] = inviter
        self.joins.append(event)

    def find_message(self, channel_id: str, ts: str) -> Message | None:
        """Return the live (not deleted) message with this ts."""
        for message in self.messages.get(channel_id, []):
            if message.ts == ts and not message.deleted:
                return message
        return None
