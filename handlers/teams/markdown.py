"""The core's runs as the Markdown of an Adaptive Card TextBlock, shown exactly as given.

What Teams does with a TextBlock's text (sources: learn.microsoft.com adaptive-cards
"Text features" and microsoftteams "Format cards in Teams"; GitHub microsoft/AdaptiveCards
#983, #5538, #5590, #4677; microsoft/Teams-AdaptiveCards-Mobile MarkDownBlockParser.cpp and its
Kotlin port, PRs #58 and #83):

* Every TextBlock is Markdown; it cannot be turned off (#983, declined). Desktop and web read
  "a subset of CommonMark": `**bold**`, `_italic_`, `- ` and `1. ` lists, `[label](url)`, and
  CommonMark's backslash escapes and entity references, which work there (#5590). One line
  break takes "\\n\\n" (#5538; the Teams page says so too).
* Teams mobile has its own parser: it HTML-escapes `<`, `>`, `"` and `&` itself (an entity shows
  as typed), drops a backslash only before `*`, `_`, `[`, `]`, `)` and a line break, and reads
  `-`, `+` or `*` and a space at the start of a block (the text, a line, after `]` or `)`) as a
  list item. Other backslashes are shown (#5590, mobile #58 and #83).
* `<at>Name</at>` is a mention when `msteams.entities` has an entity of that text, and
  `{{DATE(…)}}` / `{{TIME(…)}}` are date functions.

So `escape` writes plain text with backslash escapes, the ones both clients honour wherever
they are needed: `*`, `_`, `[`, `]` and `)` (emphasis and links never form). Where only desktop
Markdown would act, it escapes for desktop and mobile shows a backslash (a visible mark, never
a lost character, a link or a mention): a backtick, `&` opening an entity, a backslash before
punctuation or at the end, `{{DATE(`, and at a line's start `#` headings, `>`, `-` and `+`
bullets, `---`, `~~~` and `1.`. A `<` that could open a tag, an autolink or `<at>` is `&lt;`
(desktop shows `<`, mobile the entity), so the sent text never holds a tag. A line's leading
whitespace is dropped (HTML shows none, and four spaces would make a code block).
Strikethrough (`~~`) is not card Markdown and stays as typed. Teams may still link bare web
addresses: shown as typed, they lead where they say.

Inline code does not exist in card Markdown: a `Code` run is italic. A space link is `💬`
linking to the chat (the core's reference has no name; the emoji needs no translation).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from bot.replies import (
    Code,
    Command,
    Inline,
    Person,
    Plain,
    Runs,
    SpaceLink,
    Strong,
    When,
    plain_text,
)

SPACE_LABEL = "💬"
COMMAND_PREFIX = "@Tiimi "  # the bot mentioned, as a command is typed in a chat
CHAT_LINK = "https://teams.microsoft.com/l/chat/{ref}/0?tenantId={tenant}"
LINE_BREAK = "\n\n"

_LINE_END = re.compile(r"\r\n|\r|\n")
_ASCII_PUNCTUATION = r"!-/:-@\[-`{-~"
_INLINE = re.compile(
    r"(?P<mark>[*_\[\]`)])"
    r"|(?P<tag><)(?=[A-Za-z/!?])"
    r"|(?P<entity>&)(?=#[0-9]{1,7};|#[xX][0-9A-Fa-f]{1,6};|[A-Za-z][A-Za-z0-9]*;)"
    r"|(?<=\{)(?P<template>\{)(?=(?:DATE|TIME)\()"
    rf"|(?P<backslash>\\)(?=[{_ASCII_PUNCTUATION}]|\Z)"
)
_LINE_START = re.compile(
    r"(?P<marker>\#{1,6}(?=[ \t]|\Z)|>|[-+](?=[ \t]|\Z)|-(?=(?:[ \t]*-){2,}[ \t]*\Z)|~(?=~~))"
    r"|(?P<number>[0-9]{1,9})\.(?=[ \t]|\Z)"
)
_ESCAPED = {"tag": "&lt;", "entity": "\\&", "template": "\\{", "backslash": "\\\\"}


@dataclass(frozen=True)
class Mention:
    """A person a card mentions: Teams shows `<at>name</at>` as them and notifies them."""

    user_id: str  # the Entra object id
    name: str

    @property
    def text(self) -> str:
        return f"<at>{self.name}</at>"

    def entity(self) -> dict[str, Any]:
        return {
            "type": "mention",
            "text": self.text,
            "mentioned": {"id": self.user_id, "name": self.name},
        }


@dataclass(frozen=True)
class Readers:
    """What rendering needs to know of the people and the tenant that read a card."""

    names: Mapping[str, str]  # display names by Entra object id
    tenant_id: str

    def mention(self, user_id: str) -> Mention | None:
        """The mention of a person with a known name (`<`, `>` left out of it)."""
        name = re.sub(r"[<>\s]+", " ", self.names.get(user_id, "")).strip()
        return Mention(user_id, name) if name else None

    def chat_link(self, ref: str) -> str:
        return CHAT_LINK.format(ref=quote(ref, safe=""), tenant=quote(self.tenant_id, safe=""))


@dataclass(frozen=True)
class Markdown:
    """Card Markdown and the mentions it holds."""

    text: str
    mentions: tuple[Mention, ...] = ()


def escape(text: str, *, line_start: bool = True) -> str:
    """One line of plain text as card Markdown that shows it as it is (`line_start`: nothing
    comes before it on its line)."""
    if line_start:
        text = text.lstrip(" \t")
        start = _LINE_START.match(text)
        if start and start["number"] is not None:
            return start["number"] + "\\." + escape(text[start.end() :], line_start=False)
        if start:
            return "\\" + start["marker"] + escape(text[start.end() :], line_start=False)
    return _INLINE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    kind = match.lastgroup or ""
    return "\\" + match[0] if kind == "mark" else _ESCAPED[kind]


def lines_of(runs: Runs) -> list[Runs]:
    """The runs line by line: a text or strong run that spans lines is cut at each break."""
    lines: list[list[Inline]] = [[]]
    for run in runs:
        cut: list[Inline]
        match run:
            case Plain(text=text) | When(text=text) | Code(text=text):
                pieces = _LINE_END.split(text)
                cut = [run] if len(pieces) == 1 else [_like(run, piece) for piece in pieces]
            case Strong(content=content):
                cut = [Strong(line) for line in lines_of(content)]
            case _:
                cut = [run]
        lines[-1].append(cut[0])
        lines.extend([piece] for piece in cut[1:])
    return [tuple(run for run in line if not _empty(run)) for line in lines]


def _like(run: Inline, text: str) -> Inline:
    return Code(text) if isinstance(run, Code) else Plain(text)


def _empty(run: Inline) -> bool:
    match run:
        case Plain(text=text) | When(text=text) | Code(text=text):
            return not text
        case Strong(content=content):
            return all(_empty(inner) for inner in content)
    return False


def render(runs: Runs, readers: Readers) -> Markdown:
    """The runs as card Markdown: a line break between lines, empty lines left out."""
    return render_lines(lines_of(runs), readers)


def render_lines(lines: Sequence[Runs], readers: Readers) -> Markdown:
    """Lines of runs (from `lines_of`) as card Markdown, empty lines left out."""
    rendered = [render_line(line, readers) for line in lines]
    kept = [line for line in rendered if line.text]
    return Markdown(
        LINE_BREAK.join(line.text for line in kept),
        tuple(dict.fromkeys(mention for line in kept for mention in line.mentions)),
    )


def render_line(runs: Runs, readers: Readers) -> Markdown:
    """One line of runs (no line breaks in them) as card Markdown."""
    mentions: list[Mention] = []
    text = _inline(runs, readers, mentions, line_start=True).lstrip(" \t")
    return Markdown(text, tuple(dict.fromkeys(mentions)))


def _inline(runs: Runs, readers: Readers, mentions: list[Mention], *, line_start: bool) -> str:
    parts: list[str] = []
    for run in _merged(runs):
        parts.append(_run(run, readers, mentions, line_start=line_start and not any(parts)))
    return "".join(parts)


def _merged(runs: Runs) -> Runs:
    """Neighbouring texts as one, so that markup split between runs (`1` and `. `) is seen."""
    merged: list[Inline] = []
    for run in runs:
        if isinstance(run, Plain | When) and merged and isinstance(merged[-1], Plain):
            merged[-1] = Plain(merged[-1].text + run.text)
        else:
            merged.append(Plain(run.text) if isinstance(run, When) else run)
    return tuple(merged)


def _run(run: Inline, readers: Readers, mentions: list[Mention], *, line_start: bool) -> str:
    """One run; a new kind of run is one more case here."""
    match run:
        case Plain(text=text) | When(text=text):
            return escape(text, line_start=line_start)
        case Strong(content=content):
            return _wrap("**", _inline(content, readers, mentions, line_start=False))
        case Code(text=text):
            return _wrap("_", escape(text, line_start=False))
        case Command(text=text):  # typed after mentioning the bot: `@Tiimi askel lista`
            return _wrap("_", escape(f"{COMMAND_PREFIX}{text}", line_start=False))
        case Person(user_id=user_id):
            mention = readers.mention(user_id)
            if mention is None:
                return escape("@" + user_id[:8], line_start=line_start)
            mentions.append(mention)
            return mention.text
        case SpaceLink(ref=ref):
            return f"[{SPACE_LABEL}]({readers.chat_link(ref)})"
    raise AssertionError(f"unknown run {run!r}")


def _wrap(mark: str, inner: str) -> str:
    """Emphasis around the text, its surrounding whitespace outside (CommonMark ignores
    `** x**`)."""
    core = inner.strip(" \t")
    if not core:
        return inner
    start = len(inner) - len(inner.lstrip(" \t"))
    return f"{inner[:start]}{mark}{core}{mark}{inner[start + len(core) :]}"


def plain(runs: Runs, readers: Readers) -> str:
    """The runs as plain text (a notification): people by name, a space link by its label."""
    parts = []
    for run in runs:
        match run:
            case Strong(content=content):
                parts.append(plain(content, readers))
            case Person(user_id=user_id):
                mention = readers.mention(user_id)
                parts.append("@" + (mention.name if mention else user_id[:8]))
            case SpaceLink():
                parts.append(SPACE_LABEL)
            case _:
                parts.append(plain_text((run,)))
    return "".join(parts)


def cut_line(line: Runs, size: int) -> list[Runs]:
    """A line of runs in pieces of at most `size` characters where it can be (a person or a
    link is not cut), cut between words where there are spaces."""
    pieces, todo = [], [line]
    while todo:
        piece = todo.pop()
        halves = _halve(piece) if len(plain_text(piece)) > size else None
        if halves is None:
            pieces.append(piece)
        else:
            todo += [halves[1], halves[0]]
    return pieces


def cut_text(text: str, size: int) -> list[str]:
    """A text in pieces of at most `size` characters, cut between words where it can be."""
    if len(text) <= max(size, 1):
        return [text]
    first, second = _halve_text(text)
    return cut_text(first, size) + cut_text(second, size)


def _halve(line: Runs) -> tuple[Runs, Runs] | None:
    if len(line) > 1:
        middle = len(line) // 2
        return line[:middle], line[middle:]
    match line:
        case (Strong(content=content),):
            cut = _halve(content)
            return None if cut is None else ((Strong(cut[0]),), (Strong(cut[1]),))
        case (Plain(text=text) | When(text=text) | Code(text=text) as run,) if len(text) > 1:
            first, second = _halve_text(text)
            return (_like(run, first),), (_like(run, second),)
    return None


def _halve_text(text: str) -> tuple[str, str]:
    """A text of two or more characters in two non-empty halves: cut after the last space in
    its second quarter, or at the middle."""
    middle = len(text) // 2
    space = text.rfind(" ", len(text) // 4, middle)
    return (text[: space + 1], text[space + 1 :]) if space > 0 else (text[:middle], text[middle:])
