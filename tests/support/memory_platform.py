"""An in-memory ChatPlatform for core tests, with scripted failures."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.platform import (
    ActionRestricted,
    ChannelNameTaken,
    ChannelUnavailable,
    ClearedSpace,
    InviteOutcome,
    PlatformError,
)
from bot.replies import Message


@dataclass
class MemoryChannel:
    id: str
    name: str
    members: set[str] = field(default_factory=set)
    archived: bool = False
    messages: list[Message] = field(default_factory=list)
    by_bot: bool = True
    deleted: set[int] = field(default_factory=set)  # 1-based positions of deleted messages

    def live(self) -> list[Message]:
        """The messages not deleted, oldest first."""
        return [m for i, m in enumerate(self.messages, 1) if i not in self.deleted]


class MemoryPlatform:
    def __init__(self) -> None:
        self.channels: dict[str, MemoryChannel] = {}
        self.direct: list[tuple[str, Message]] = []
        self.failures: dict[str, list[PlatformError]] = {}
        self.unknown_users: set[str] = set()
        self.deactivated: set[str] = set()
        self.usergroups: dict[str, set[str]] = {}
        self.files: list[tuple[str, str, str]] = []
        self.metadata: dict[str, dict[int, dict[str, Any]]] = {}
        self.lost_answers: dict[str, list[Exception]] = {}

    def fail(self, operation: str, error: PlatformError) -> None:
        self.failures.setdefault(operation, []).append(error)

    def fail_after_applying(self, operation: str, error: Exception) -> None:
        """The next `operation` takes effect, but its caller gets `error` (a lost answer)."""
        self.lost_answers.setdefault(operation, []).append(error)

    def _maybe_fail(self, operation: str) -> None:
        if self.failures.get(operation):
            raise self.failures[operation].pop(0)

    def by_name(self, name: str) -> MemoryChannel | None:
        return next((c for c in self.channels.values() if c.name == name), None)

    async def create_private_channel(self, name: str) -> str:
        self._maybe_fail("create")
        if self.by_name(name) is not None:
            raise ChannelNameTaken("name_taken")
        channel = MemoryChannel(id=f"C{len(self.channels) + 1:04d}", name=name)
        self.channels[channel.id] = channel
        if self.lost_answers.get("create"):
            raise self.lost_answers["create"].pop(0)
        return channel.id

    async def own_channels(self, name: str) -> dict[str, str]:
        self._maybe_fail("own_channels")
        return {
            c.name: c.id
            for c in self.channels.values()
            if c.by_bot and not c.archived and re.fullmatch(rf"{re.escape(name)}(-[0-9]+)?", c.name)
        }

    async def invite(self, channel_id: str, user_ids: Sequence[str]) -> InviteOutcome:
        self._maybe_fail("invite")
        channel = self._live(channel_id)
        failed = {u: "user_not_found" for u in user_ids if u in self.unknown_users}
        channel.members.update(u for u in user_ids if u not in failed)
        return InviteOutcome(failed=failed)

    async def remove_member(self, channel_id: str, user_id: str) -> None:
        self._maybe_fail("remove")
        channel = self._live(channel_id)
        if user_id not in channel.members:
            raise PlatformError("not_in_channel")
        channel.members.discard(user_id)

    async def post_message(
        self, channel_id: str, message: Message, *, metadata: Mapping[str, Any] | None = None
    ) -> str:
        self._maybe_fail("post")
        channel = self._live(channel_id)
        channel.messages.append(message)
        if metadata:
            self.metadata.setdefault(channel_id, {})[len(channel.messages)] = dict(metadata)
        return f"{len(channel.messages)}.000"

    async def update_message(self, channel_id: str, message_id: str, message: Message) -> None:
        self._maybe_fail("update")
        messages = self.channels[channel_id].messages
        messages[int(float(message_id)) - 1] = message

    async def display_names(self, user_ids: Sequence[str]) -> dict[str, str]:
        return {u: f"Name of {u}" for u in user_ids}

    async def find_message(
        self, channel_id: str, *, event_type: str, key: str, value: str, since: datetime
    ) -> str | None:
        for index, metadata in self.metadata.get(channel_id, {}).items():
            payload = metadata.get("event_payload") or {}
            if metadata.get("event_type") == event_type and str(payload.get(key)) == value:
                return f"{index}.000"
        return None

    async def deactivated_users(self, user_ids: Sequence[str]) -> frozenset[str]:
        self._maybe_fail("users")
        return frozenset(u for u in user_ids if u in self.deactivated)

    async def send_direct(self, user_id: str, message: Message) -> None:
        self.direct.append((user_id, message))

    async def usergroup_members(self, usergroup_id: str) -> frozenset[str]:
        self._maybe_fail("usergroup")
        return frozenset(self.usergroups.get(usergroup_id, ()))

    async def send_file(self, user_id: str, *, filename: str, content: str, title: str) -> None:
        self.files.append((user_id, filename, content))

    async def archive_channel(self, channel_id: str) -> None:
        self._maybe_fail("archive")
        self.channels[channel_id].archived = True

    async def remove_own_messages(self, channel_id: str, *, keep: str) -> ClearedSpace:
        channel = self._live(channel_id)
        kept: list[str] = []
        deleted = 0
        for position in range(1, len(channel.messages) + 1):
            if position in channel.deleted:
                continue
            metadata = self.metadata.get(channel_id, {}).get(position) or {}
            if metadata.get("event_type") == keep:
                kept.append(f"{position}.000")
                continue
            self._maybe_fail("delete")
            channel.deleted.add(position)
            deleted += 1
        return ClearedSpace(deleted=deleted, kept=tuple(kept))

    def _live(self, channel_id: str) -> MemoryChannel:
        channel = self.channels.get(channel_id)
        if channel is None or channel.archived:
            raise ChannelUnavailable("is_archived" if channel else "channel_not_found")
        return channel


__all__ = ["ActionRestricted", "MemoryPlatform"]
