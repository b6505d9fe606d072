"""Platform-neutral messages that the core returns and the chat adapters render.

Text uses a small neutral markup that every adapter translates: `*bold*`, `_italic_`,
user mentions `<@U…>` and channel links `<#C…>`. Everything else is literal text, in which
`&`, `<` and `>` are written `&amp;`, `&lt;` and `&gt;`; so a `<` always starts a mention or a
channel link that the bot itself made. Text typed by people (steps, goals, meeting places,
display names…) enters the markup only through `literal()`, which shows it exactly as typed:
it can never mention, ping or link. `Preformatted` is the exception: it holds plain text, not
markup, and the adapter shows it verbatim.
"""

from __future__ import annotations

import re
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
    """Plain text (not markup) to copy as it is, e.g. an export; shown verbatim."""

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


_LITERAL = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ENTITIES = re.compile(r"&(amp|lt|gt);")
_CHARACTERS = {"amp": "&", "lt": "<", "gt": ">"}


def literal(text: str) -> str:
    """Plain text as markup that shows it exactly as typed (`a < b` → `a &lt; b`)."""
    return text.translate(_LITERAL)


def unescape(markup: str) -> str:
    """The literal text in markup as it reads, for surfaces that show plain text only."""
    return _ENTITIES.sub(lambda match: _CHARACTERS[match.group(1)], markup)


def simple(text: str) -> Reply:
    return Reply(Message(text=text, blocks=(Text(text),)))
