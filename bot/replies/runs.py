"""Inline runs: the pieces of a line of text the core says, each adapter's to render.

A run is plain text (shown exactly as given: the adapter escapes whatever its platform would
read as markup), strong emphasis around other runs, inline code, a command example (written
without any platform's prefix: each adapter shows it as its users type it), a person
(the platform's user id) or a link to a team's space (its platform reference, e.g. a channel
id), or a date (a day or a moment: its value and the text the core wrote for it in the reader's
language, `bot/dates`; the Slack adapter shows the text, so that every reader sees the same
Finnish, Swedish or English date, and another platform may render the value its own way).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class Plain:
    """Text shown exactly as given; it never mentions, pings or links."""

    text: str


@dataclass(frozen=True)
class Strong:
    content: Runs


@dataclass(frozen=True)
class Code:
    """Inline code that is not a command, e.g. `klo 14.30` or `vastuu: asiakas`."""

    text: str


@dataclass(frozen=True)
class Command:
    """A command example without any platform's prefix: `askel lista`, `tiimi lisää @nimi`.
    The adapter writes it as its users type it (Slack: `/askel lista`)."""

    text: str


@dataclass(frozen=True)
class Person:
    """A person the platform can name or mention, by their user id."""

    user_id: str


@dataclass(frozen=True)
class SpaceLink:
    """A link to a team's space (on Slack, its channel), by the platform's reference."""

    ref: str


@dataclass(frozen=True)
class When:
    """A day (`date`) or a moment (an aware `datetime`), with its text in the reader's language."""

    value: date | datetime
    text: str


Inline = Plain | Strong | Code | Command | Person | SpaceLink | When
Runs = tuple[Inline, ...]
Part = str | Inline | Runs


def compose(*parts: Part) -> Runs:
    """Runs of the parts in order; a str is plain text."""
    runs: list[Inline] = []
    for part in parts:
        if isinstance(part, str):
            if part:
                runs.append(Plain(part))
        elif isinstance(part, tuple):
            runs.extend(part)
        else:
            runs.append(part)
    return tuple(runs)


def strong(*parts: Part) -> Strong:
    return Strong(compose(*parts))


def join(separator: str, items: Iterable[Part]) -> Runs:
    """The items with plain `separator` text between them (`str.join` for runs)."""
    runs: list[Inline] = []
    for index, item in enumerate(items):
        if index:
            runs.append(Plain(separator))
        runs.extend(compose(item))
    return tuple(runs)


def plain_text(runs: Runs, *, command_prefix: str = "") -> str:
    """The runs as plain text, for surfaces that show no formatting: a person is `@id`, a
    space `#ref` (an adapter with names renders the runs itself), a command its text after
    `command_prefix` (none by default: `askel lista`)."""
    parts = []
    for run in runs:
        match run:
            case Plain(text=text) | Code(text=text) | When(text=text):
                parts.append(text)
            case Command(text=text):
                parts.append(command_prefix + text)
            case Strong(content=content):
                parts.append(plain_text(content, command_prefix=command_prefix))
            case Person(user_id=user_id):
                parts.append("@" + user_id)
            case SpaceLink(ref=ref):
                parts.append("#" + ref)
    return "".join(parts)
