"""Platform-neutral messages that the core returns and the chat adapters render.

Text uses a small neutral markup that every adapter translates: `*bold*`, `_italic_`,
user mentions `<@U…>` and channel links `<#C…>`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Header:
    text: str


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Note:
    """Small print under the main content."""

    text: str


@dataclass(frozen=True)
class Preformatted:
    """Text to copy as it is (an export)."""

    text: str


@dataclass(frozen=True)
class Divider:
    pass


@dataclass(frozen=True)
class Button:
    action_id: str
    label: str
    value: str
    style: Literal["primary", "danger"] | None = None


@dataclass(frozen=True)
class Buttons:
    buttons: tuple[Button, ...]


Block = Header | Text | Preformatted | Note | Divider | Buttons


@dataclass(frozen=True)
class Message:
    text: str  # the plain fallback (notifications, screen readers)
    blocks: tuple[Block, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Reply:
    """An answer to the user who asked; `public` posts it to the conversation for everyone."""

    message: Message
    public: bool = False
    # work to do once the answer has reached the user (e.g. clearing a closed team's channel)
    then: Callable[[], Awaitable[object]] | None = field(default=None, compare=False)


def simple(text: str) -> Reply:
    return Reply(Message(text=text, blocks=(Text(text),)))
