"""The small interface through which the core talks to a chat platform."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from bot.replies import Message


class PlatformError(Exception):
    """A chat platform call failed; `code` is the platform's error name."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class ChannelNameTaken(PlatformError):
    pass


class ActionRestricted(PlatformError):
    """A workspace setting forbids the action (e.g. apps creating private channels)."""


class ChannelUnavailable(PlatformError):
    """The channel is archived, gone, or the bot is no longer in it."""


@dataclass(frozen=True)
class InviteOutcome:
    failed: Mapping[str, str] = field(default_factory=dict)  # user id -> error code


@dataclass(frozen=True)
class ClearedSpace:
    """What removing the bot's own messages from a team space did."""

    deleted: int = 0
    kept: tuple[str, ...] = ()  # ids of the messages spared (see `remove_own_messages`)
    undeletable: int = 0  # the platform refused to delete these


class ChatPlatform(Protocol):
    async def create_private_channel(self, name: str) -> str:
        """Create a private channel and return its id."""
        ...

    async def invite(self, channel_id: str, user_ids: Sequence[str]) -> InviteOutcome: ...

    async def remove_member(self, channel_id: str, user_id: str) -> None: ...

    async def post_message(
        self, channel_id: str, message: Message, *, metadata: Mapping[str, Any] | None = None
    ) -> str:
        """Post to a channel and return the message id (Slack: ts).

        With metadata (`event_type` and a one-key `event_payload`), a post whose answer was lost
        is looked up before it is sent again, so that it appears once."""
        ...

    async def update_message(self, channel_id: str, message_id: str, message: Message) -> None:
        """Replace a message the bot posted earlier."""
        ...

    async def send_direct(self, user_id: str, message: Message) -> None: ...

    async def find_message(
        self, channel_id: str, *, event_type: str, key: str, value: str, since: datetime
    ) -> str | None:
        """The id of a message posted since `since` whose metadata has key=value, if any."""
        ...

    async def display_names(self, user_ids: Sequence[str]) -> dict[str, str]:
        """People's names for exports; unknown users map to their id."""
        ...

    async def deactivated_users(self, user_ids: Sequence[str]) -> frozenset[str]:
        """Those of the users whose accounts are deactivated (raises PlatformError when the
        platform cannot be asked)."""
        ...

    async def archive_channel(self, channel_id: str) -> None: ...

    async def remove_own_messages(self, channel_id: str, *, keep: str) -> ClearedSpace:
        """Delete every message this app posted in the channel, found through its history
        (so also posts whose answers were lost), except those whose metadata event type is
        `keep`, which are returned. Raises ChannelUnavailable when the bot can no longer
        reach the channel (archived, gone, removed)."""
        ...

    async def own_channels(self, name: str) -> dict[str, str]:
        """This app's unarchived private channels named `name` or `name-<n>`: name -> id.

        Finds a channel whose creation went through although its answer was lost."""
        ...

    async def usergroup_members(self, usergroup_id: str) -> frozenset[str]: ...

    async def send_file(self, user_id: str, *, filename: str, content: str, title: str) -> None:
        """Deliver a file to one user only (a direct message)."""
        ...
