"""An in-memory ChatPlatform for core tests, with scripted failures."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from bot.platform import (
    ActionRestricted,
    ClosedSpace,
    InviteOutcome,
    NotInSpace,
    PlatformError,
    Posted,
    PostKey,
    PostKind,
    Space,
    SpaceUnavailable,
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
    keys: dict[int, PostKey] = field(default_factory=dict)  # position -> the post_once key

    def live(self) -> list[Message]:
        """The messages not deleted, oldest first."""
        return [m for i, m in enumerate(self.messages, 1) if i not in self.deleted]


class MemoryPlatform:
    def __init__(self) -> None:
        self.channels: dict[str, MemoryChannel] = {}
        self.direct: list[tuple[str, Message]] = []
        self.failures: dict[str, list[PlatformError]] = {}
        self.unknown_users: set[str] = set()
        self.unreachable: set[str] = set()  # people a direct message cannot reach
        self.deactivated: set[str] = set()
        self.usergroups: dict[str, set[str]] = {}
        self.files: list[tuple[str, str, str]] = []
        self.images: list[tuple[str, str, bytes, str]] = []  # person, filename, png, alt text
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

    def add_channel(self, name: str, *, by_bot: bool = True) -> str:
        channel = MemoryChannel(id=f"C{len(self.channels) + 1:04d}", name=name, by_bot=by_bot)
        self.channels[channel.id] = channel
        return channel.id

    async def open_space(
        self,
        code: str,
        *,
        is_free: Callable[[str], Awaitable[bool]],
        people: Sequence[str] = (),
    ) -> Space:
        """Named after the code, with the next free suffix (the Slack adapter's tests cover
        taking over a channel from a lost answer)."""
        self._maybe_fail("open")
        base, number = code.lower(), 1
        while self.by_name(name := base if number == 1 else f"{base}-{number}"):
            number += 1
        ref = self.add_channel(name)
        if self.lost_answers.get("open"):
            raise self.lost_answers["open"].pop(0)
        return Space(ref, name)

    async def find_spaces(self, code: str) -> list[Space]:
        self._maybe_fail("find_spaces")
        base = code.lower()
        return [
            Space(c.id, c.name)
            for c in self.channels.values()
            if c.by_bot and not c.archived and re.fullmatch(rf"{re.escape(base)}(-[0-9]+)?", c.name)
        ]

    async def abandon_space(self, space: str) -> None:
        self._maybe_fail("archive")
        self.channels[space].archived = True

    async def add_people(self, space: str, people: Sequence[str]) -> InviteOutcome:
        self._maybe_fail("invite")
        channel = self._live(space)
        failed = {u: "user_not_found" for u in people if u in self.unknown_users}
        channel.members.update(u for u in people if u not in failed)
        return InviteOutcome(failed=failed)

    async def remove_person(self, space: str, person: str) -> None:
        self._maybe_fail("remove")
        channel = self._live(space)
        if person not in channel.members:
            raise NotInSpace("not_in_channel")
        channel.members.discard(person)

    async def post(self, space: str, message: Message) -> str:
        self._maybe_fail("post")
        channel = self._live(space)
        channel.messages.append(message)
        return f"{len(channel.messages)}.000"

    async def post_once(
        self, space: str, message: Message, *, key: PostKey, since: datetime | None = None
    ) -> Posted:
        if since is not None and (found := self._find(space, key)):
            return Posted(found, earlier=True)
        ref = await self.post(space, message)
        self.channels[space].keys[len(self.channels[space].messages)] = key
        return Posted(ref)

    def _find(self, space: str, key: PostKey) -> str | None:
        channel = self.channels[space]
        return next((f"{i}.000" for i, k in channel.keys.items() if k == key), None)

    async def update_message(self, space: str, message_ref: str, message: Message) -> None:
        self._maybe_fail("update")
        messages = self.channels[space].messages
        messages[int(float(message_ref)) - 1] = message

    async def display_names(self, people: Sequence[str]) -> dict[str, str]:
        return {u: f"Name of {u}" for u in people}

    async def deactivated_users(self, people: Sequence[str]) -> frozenset[str]:
        self._maybe_fail("users")
        return frozenset(u for u in people if u in self.deactivated)

    async def send_direct(self, person: str, message: Message) -> None:
        self._maybe_fail("direct")
        if person in self.unreachable:
            raise PlatformError("cannot_dm_bot")
        self.direct.append((person, message))

    async def usergroup_members(self, usergroup_id: str) -> frozenset[str]:
        self._maybe_fail("usergroup")
        return frozenset(self.usergroups.get(usergroup_id, ()))

    async def send_file(self, person: str, *, filename: str, content: str, title: str) -> None:
        self.files.append((person, filename, content))

    async def space_members(self, space: str) -> frozenset[str]:
        self._maybe_fail("members")
        return frozenset(self._live(space).members)

    async def send_image(self, person: str, *, filename: str, png: bytes, alt_text: str) -> None:
        self._maybe_fail("image")
        self.images.append((person, filename, png, alt_text))

    async def close_space(self, space: str, *, farewell: Message, key: PostKey) -> ClosedSpace:
        channel = self._live(space)
        deleted = 0
        kept = [
            p for p, k in channel.keys.items() if k.kind == key.kind and p not in channel.deleted
        ]
        for position in range(1, len(channel.messages) + 1):
            if position in channel.deleted or position in kept:
                continue
            self._maybe_fail("delete")
            channel.deleted.add(position)
            deleted += 1
        if not kept:
            await self.post_once(space, farewell, key=key)
        await self.abandon_space(space)
        return ClosedSpace(deleted=deleted, farewell_earlier=bool(kept))

    def _live(self, space: str) -> MemoryChannel:
        channel = self.channels.get(space)
        if channel is None or channel.archived:
            raise SpaceUnavailable("is_archived" if channel else "channel_not_found")
        return channel


__all__ = ["ActionRestricted", "MemoryPlatform", "PostKind"]
