"""Platform-neutral messages that the core returns and the chat adapters render.

A message is blocks (a header, text, small print, preformatted text, a divider, buttons); the
text of a header, text or note is a sequence of inline runs (`runs.py`): plain text, strong
emphasis, inline code, a command example, a person, a link to a team's space. The core writes
no platform's markup: text people typed (steps, goals, meeting places, names) is a plain run,
which every adapter shows exactly as typed; it can never mention, ping or link. Only the
core's own person and space runs become mentions and links.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Literal

from bot.replies.runs import (
    Code,
    Command,
    Inline,
    Part,
    Person,
    Plain,
    Runs,
    SpaceLink,
    Strong,
    When,
    compose,
    join,
    plain_text,
    strong,
)

__all__ = [
    "Block",
    "Button",
    "Buttons",
    "Code",
    "Command",
    "Divider",
    "Header",
    "Inline",
    "Message",
    "Note",
    "Part",
    "Person",
    "Plain",
    "Preformatted",
    "Reply",
    "Runs",
    "SpaceLink",
    "Strong",
    "Text",
    "When",
    "compose",
    "join",
    "plain_text",
    "simple",
    "strong",
]


@dataclass(frozen=True)
class Header:
    runs: Runs

    @property
    def text(self) -> str:
        return plain_text(self.runs)


@dataclass(frozen=True)
class Text:
    runs: Runs

    @property
    def text(self) -> str:
        return plain_text(self.runs)


@dataclass(frozen=True)
class Note:
    """Small print under the main content."""

    runs: Runs

    @property
    def text(self) -> str:
        return plain_text(self.runs)


@dataclass(frozen=True)
class Preformatted:
    """Plain text to copy as it is, e.g. an export; shown verbatim."""

    text: str


@dataclass(frozen=True)
class Divider:
    pass


@dataclass(frozen=True)
class Button:
    action_id: str
    label: str  # plain text
    value: str
    style: Literal["primary", "danger"] | None = None


@dataclass(frozen=True)
class Buttons:
    buttons: tuple[Button, ...]


Block = Header | Text | Preformatted | Note | Divider | Buttons


@dataclass(frozen=True)
class Message:
    fallback: Runs  # the short form (notifications, screen readers, no blocks)
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if not isinstance(self.fallback, tuple):  # a str would be read as runs and vanish
            raise TypeError("a Message's fallback is runs: compose(...) it")

    @property
    def text(self) -> str:
        """The fallback as plain text."""
        return plain_text(self.fallback)


@dataclass(frozen=True)
class Reply:
    """An answer to the user who asked; `public` posts it to the conversation for everyone."""

    message: Message
    public: bool = False
    # work to do once the answer has reached the user (e.g. clearing a closed team's channel)
    then: Callable[[], Awaitable[object]] | None = field(default=None, compare=False)


def simple(runs: Runs) -> Reply:
    """An answer of one text."""
    return Reply(Message(runs, (Text(runs),)))
