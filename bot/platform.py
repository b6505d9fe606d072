"""The interface through which the core talks to a chat platform, in intents: open a team
space, add and remove people, post (once), update, tell one person, close the space.

A space is the platform's place for one team (Slack: a private channel). The core keeps its
reference and name in the team row (`channel_id`, `channel_name`) as opaque strings: it never
reads anything into them. How a space is named, how a post is made only once and how a space
is cleared are the adapter's own (handlers/slack/platform.py for Slack).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from bot.replies import Message


class PlatformError(Exception):
    """A chat platform call failed; `code` is the platform's error name (for logs, audits)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class ActionRestricted(PlatformError):
    """A workspace setting forbids the action (e.g. apps creating private channels)."""


class SpaceUnavailable(PlatformError):
    """The space is closed, gone, or the bot is no longer in it."""


class NotInSpace(PlatformError):
    """The person to remove is not in the space."""


class SpaceTooSmall(PlatformError):
    """The platform opens a team's space only for at least `minimum` people (a Teams group
    chat needs three), and fewer were chosen."""

    def __init__(self, code: str, *, minimum: int) -> None:
        super().__init__(code)
        self.minimum = minimum


@dataclass(frozen=True)
class Space:
    ref: str  # the platform's reference, opaque to the core
    name: str


class PostKind(StrEnum):
    """The posts made once, each identified by the id of what it is about."""

    WELCOME = "team"  # a team's welcome (the team's id)
    STEP = "step"  # a step's message (the step's id)
    GOAL = "goal"  # a goal's message (the goal's id)
    REMINDER = "reminder"  # a reminder (the reminder's id)
    CLOSING = "closing"  # a closed team's summary (the team's id)
    MEETING = "meeting"  # a meeting moved or cancelled (the meeting's id and the change)


@dataclass(frozen=True)
class PostKey:
    kind: PostKind
    id: str


@dataclass(frozen=True)
class Posted:
    ref: str  # the message's reference (for updates)
    earlier: bool = False  # found posted by an earlier try, not posted now


@dataclass(frozen=True)
class InviteOutcome:
    failed: Mapping[str, str] = field(default_factory=dict)  # person -> the platform's reason


@dataclass(frozen=True)
class ClosedSpace:
    """What closing a space did."""

    deleted: int = 0  # the bot's posts removed
    undeletable: int = 0  # the platform refused to delete these
    farewell_earlier: bool = False  # the farewell was there from an earlier try


class ChatPlatform(Protocol):
    async def open_space(
        self,
        code: str,
        *,
        is_free: Callable[[str], Awaitable[bool]],
        people: Sequence[str] = (),
    ) -> Space:
        """Open a private space for the team with this code, named after it. A space of this
        app's left by a try whose answer was lost may be taken over, if `is_free(ref)` says no
        team holds it. `people` are those the space is for (the opener first): a platform that
        can open a space only with its members in it (a Teams group chat) opens it with them
        and may raise SpaceTooSmall; others open it empty. The core adds them with add_people
        either way, which leaves people already in the space as they are."""
        ...

    async def find_spaces(self, code: str) -> list[Space]:
        """This app's open spaces named after the code (also ones whose opening answer was
        lost), for a roll-back to close."""
        ...

    async def abandon_space(self, space: str) -> None:
        """Close a space whose team never opened (nothing in it is kept); idempotent."""
        ...

    async def add_people(self, space: str, people: Sequence[str]) -> InviteOutcome: ...

    async def remove_person(self, space: str, person: str) -> None:
        """Raises NotInSpace when the person is not there."""
        ...

    async def post(self, space: str, message: Message) -> str:
        """Post to the space; returns the message's reference."""
        ...

    async def post_once(
        self, space: str, message: Message, *, key: PostKey, since: datetime | None = None
    ) -> Posted:
        """Post so that the message appears once although an answer is lost and the call
        retried. With `since`, an earlier try may have posted it since then: it is looked for
        first."""
        ...

    async def update_message(self, space: str, message_ref: str, message: Message) -> None:
        """Replace a message the bot posted earlier."""
        ...

    async def send_direct(self, person: str, message: Message) -> None:
        """Tell one person privately."""
        ...

    async def send_file(self, person: str, *, filename: str, content: str, title: str) -> None:
        """Deliver a file to one person only."""
        ...

    async def close_space(self, space: str, *, farewell: Message, key: PostKey) -> ClosedSpace:
        """Remove every post of the bot's from the space (also posts whose answers were lost),
        post the farewell once (one posted by an earlier try stays), and close the space for
        good. Raises SpaceUnavailable when the bot can no longer reach it. Safe to repeat."""
        ...

    async def display_names(self, people: Sequence[str]) -> dict[str, str]:
        """People's names for exports; unknown people map to their id."""
        ...

    async def deactivated_users(self, people: Sequence[str]) -> frozenset[str]:
        """Those of the people whose accounts are deactivated (raises PlatformError when the
        platform cannot be asked)."""
        ...

    async def usergroup_members(self, usergroup_id: str) -> frozenset[str]: ...

    async def space_members(self, space: str) -> frozenset[str]:
        """The people in a space (a staff channel, a group chat), bots left out."""
        ...

    async def send_image(self, person: str, *, filename: str, png: bytes, alt_text: str) -> None:
        """Show one person an image privately, with its text for screen readers."""
        ...
