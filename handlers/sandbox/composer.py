"""What the page's message box sends: a slash command or a message, in Slack's own text form
(`@Anna` resolved to `<@U…|anna>`, `#yleinen` to `<#C…|yleinen>`, and `& < >` escaped)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_REFERENCE = re.compile(r"(?<![\w@#])([@#])([\w.\-]*\w)")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


@dataclass(frozen=True)
class Directory:
    """Whom and what `@name` and `#name` may mean: lower-cased handle → (id, Slack name)."""

    people: Mapping[str, tuple[str, str]]
    channels: Mapping[str, tuple[str, str]]


@dataclass(frozen=True)
class SlashCommand:
    command: str  # "/tiimi"
    text: str  # the rest, as Slack sends it (escaped, mentions resolved)


@dataclass(frozen=True)
class PlainMessage:
    text: str


def compose(typed: str, directory: Directory) -> SlashCommand | PlainMessage | None:
    """Read what was typed; None when there is nothing to send."""
    stripped = typed.strip()
    if not stripped:
        return None
    if stripped.startswith("/"):
        command, _, rest = stripped.partition(" ")
        return SlashCommand(command.lower(), slack_text(rest.strip(), directory))
    return PlainMessage(slack_text(stripped, directory))


def slack_text(typed: str, directory: Directory) -> str:
    """Typed text in Slack's form: entities escaped, known people and channels linked."""

    def link(match: re.Match[str]) -> str:
        sigil, handle = match.group(1), match.group(2)
        table = directory.people if sigil == "@" else directory.channels
        found = table.get(handle.casefold())
        if found is None:
            return match.group(0).translate(_ESCAPES)
        ref, name = found
        return f"<{sigil}{ref}|{name}>"

    pieces: list[str] = []
    last = 0
    for match in _REFERENCE.finditer(typed):
        pieces.append(typed[last : match.start()].translate(_ESCAPES))
        pieces.append(link(match))
        last = match.end()
    pieces.append(typed[last:].translate(_ESCAPES))
    return "".join(pieces)
