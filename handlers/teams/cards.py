"""The core's messages as Adaptive Cards 1.5 for Teams, and as the activities that post them.

Every message is a card, also a short answer: one rendering whose escaping is known
(`markdown.py`), the same look for every answer, and a card can be updated in place. A header,
text or note is a TextBlock of card Markdown, with a line break (`\\n\\n`) between lines.
`Preformatted` text (the plan's export, to copy as it is) is a RichTextBlock with a monospace
TextRun: a TextBlock is always Markdown, a TextRun never is (Adaptive Cards "Text features"),
so it keeps line breaks and `- ` or `1.` lines as they are on every client. The run is cut
inside any `<at` so that no client reads a mention in it. A divider is `separator` on the next
element; buttons are `Action.Execute` in an ActionSet where they stand.

The activity carries the card and, for notifications and clients without cards, a plain
`summary` of the message's fallback. It has no `text`: Teams would show it above the card, in
Markdown, as a second copy. A message over Teams' 28 KB (413) is sent as several activities,
cut between blocks, a long block between lines and a very long line between words (those
pieces then show on lines of their own).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Generic, Self, TypeVar

from bot import replies
from bot.replies import Button, Message, Person, Runs, Strong
from handlers.teams.dialogs.buttons import form_action
from handlers.teams.markdown import Mention, Readers, cut_line, cut_text, lines_of, plain
from handlers.teams.markdown import render_lines as markdown_of

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
CARD_VERSION = "1.5"
MAX_ACTIVITY_BYTES = 28 * 1024  # Teams answers 413 to a larger activity
ENVELOPE_BYTES = 4 * 1024  # what the SDK adds: ids, names, conversation, serviceUrl
ACTIVITY_BUDGET = MAX_ACTIVITY_BYTES - ENVELOPE_BYTES
SUMMARY_LIMIT = 500
JSON_BYTES_PER_CHAR = 16  # more than any character takes: 12 for `\\ud83d\\ude00`
_BUTTON_STYLES = {"primary": "positive", "danger": "destructive"}
_TEXT_STYLES: dict[type, dict[str, Any]] = {
    replies.Header: {"size": "Large", "weight": "Bolder"},
    replies.Text: {},
    replies.Note: {"isSubtle": True, "size": "Small"},
}
_LINE_END = re.compile(r"\r\n|\r|\n")
_INSIDE_AT = re.compile(r"(?<=<)(?=at)", re.IGNORECASE)  # `<` | `at>`: no `<at>` in a run
_Element = tuple[dict[str, Any], tuple[Mention, ...]]
_Unit = TypeVar("_Unit")


@dataclass(frozen=True)
class _Units(Generic[_Unit]):
    """A block as the units it can be cut between: lines or buttons."""

    units: tuple[_Unit, ...]
    separator: bool  # a divider above it

    def taking(self, start: int, stop: int | None = None) -> Self:
        """The units from start to stop; only the first piece keeps the divider."""
        return replace(self, units=self.units[start:stop], separator=self.separator and not start)

    def in_pieces(self, size: int) -> Self:
        """The block with each unit longer than `size` characters cut into pieces of its own."""
        return self


@dataclass(frozen=True)
class _Text(_Units[Runs]):
    """A header, text or note, line by line."""

    style: type

    def in_pieces(self, size: int) -> Self:
        pieces = (piece for line in self.units for piece in cut_line(line, size))
        return replace(self, units=tuple(pieces))


@dataclass(frozen=True)
class _Verbatim(_Units[str]):
    """Preformatted text, line by line."""

    def in_pieces(self, size: int) -> Self:
        pieces = (piece for line in self.units for piece in cut_text(line, size))
        return replace(self, units=tuple(pieces))


@dataclass(frozen=True)
class _Actions(_Units[Button]):
    """Buttons (one button cannot be cut)."""


_Part = _Text | _Verbatim | _Actions


def people_in(message: Message) -> frozenset[str]:
    """The user ids of the people the message names, so that their names can be fetched."""
    texts = (replies.Header, replies.Text, replies.Note)
    runs = [message.fallback, *(b.runs for b in message.blocks if isinstance(b, texts))]
    return frozenset(user_id for each in runs for user_id in people_of(each))


def render_card(message: Message, *, names: Mapping[str, str], tenant_id: str) -> dict[str, Any]:
    """The whole message as one card (for an invoke's answer, which is one card)."""
    readers = Readers(names, tenant_id)
    return _card([element for part in _parts(message) for element in _elements(part, readers)])


def render_activity(
    message: Message, *, names: Mapping[str, str], tenant_id: str
) -> dict[str, Any]:
    """The activity that posts the message as one card, whatever its size."""
    card = render_card(message, names=names, tenant_id=tenant_id)
    return _activity(card, _summary(message.fallback, Readers(names, tenant_id)))


def render_activities(
    message: Message,
    *,
    names: Mapping[str, str],
    tenant_id: str,
    budget: int = ACTIVITY_BUDGET,
) -> list[dict[str, Any]]:
    """The activities that post the message, each at most `budget` bytes of JSON as sent."""
    readers = Readers(names, tenant_id)
    summary = _summary(message.fallback, readers)
    cards: list[list[_Element]] = [[]]
    for part in _parts(message):
        for element in _fitted(part, readers, summary, budget):
            if cards[-1] and _size(cards[-1] + [element], summary) > budget:
                cards.append([])
            cards[-1].append(element)
    return [_activity(_card(elements), summary) for elements in cards]


def _parts(message: Message) -> list[_Part]:
    parts: list[_Part] = []
    separator = False
    for block in message.blocks or (replies.Text(message.fallback),):
        match block:
            case replies.Divider():
                separator = True
                continue
            case replies.Header(runs=runs) | replies.Text(runs=runs) | replies.Note(runs=runs):
                parts.append(_Text(tuple(lines_of(runs)), separator, type(block)))
            case replies.Preformatted(text=text):
                parts.append(_Verbatim(tuple(_LINE_END.split(text)), separator))
            case replies.Buttons(buttons=buttons) if buttons:
                parts.append(_Actions(buttons, separator))
        separator = False
    return parts


def _elements(part: _Part, readers: Readers) -> list[_Element]:
    """The part as a card element and its mentions (none for a text that renders empty)."""
    element: dict[str, Any]
    mentions: tuple[Mention, ...] = ()
    match part:
        case _Text(units=lines, style=style):
            markdown = markdown_of(lines, readers)
            if not markdown.text:
                return []
            element = {"type": "TextBlock", "text": markdown.text, "wrap": True}
            element |= _TEXT_STYLES[style]
            mentions = markdown.mentions
        case _Verbatim(units=lines):
            text = "\n".join(lines)
            if not text.strip():
                return []
            runs = _INSIDE_AT.split(text)
            inlines = [{"type": "TextRun", "text": run, "fontType": "Monospace"} for run in runs]
            element = {"type": "RichTextBlock", "inlines": inlines}
        case _Actions(units=buttons):
            element = {"type": "ActionSet", "actions": [_action(button) for button in buttons]}
    if part.separator:
        element["separator"] = True
    return [(element, mentions)]


def _action(button: Button) -> dict[str, Any]:
    if (form := form_action(button)) is not None:  # a form's button opens a dialog
        return form
    action = {
        "type": "Action.Execute",
        "title": button.label,
        "verb": button.action_id,
        "data": {"value": button.value},
    }
    if button.style:
        action["style"] = _BUTTON_STYLES[button.style]
    return action


def _fitted(part: _Part, readers: Readers, summary: str, budget: int) -> list[_Element]:
    """The part's elements: as one when it fits an activity, else cut between its lines (or
    buttons) into as few pieces as fit one each, a very long line cut into lines first."""

    def fits(piece: _Part) -> bool:
        return _size(_elements(piece, readers), summary) <= budget

    if fits(part):
        return _elements(part, readers)
    fitted: list[_Element] = []
    room = budget - _size([], summary) - 200  # what one element may take, less its own keys
    rest = part.in_pieces(max(1, room // JSON_BYTES_PER_CHAR))
    while rest.units:
        low, high = 1, len(rest.units)  # the most units that fit: a binary search
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if fits(rest.taking(0, middle)) else (low, middle - 1)
        fitted += _elements(rest.taking(0, low), readers)  # a unit too big alone: Teams judges
        rest = rest.taking(low)
    return fitted


def _card(elements: list[_Element]) -> dict[str, Any]:
    mentions = dict.fromkeys(mention for _, found in elements for mention in found)
    teams: dict[str, Any] = {"width": "Full"}
    if mentions:
        teams["entities"] = [mention.entity() for mention in mentions]
    return {
        "type": "AdaptiveCard",
        "$schema": CARD_SCHEMA,
        "version": CARD_VERSION,
        "body": [element for element, _ in elements],
        "msteams": teams,
    }


def _activity(card: dict[str, Any], summary: str) -> dict[str, Any]:
    activity: dict[str, Any] = {
        "type": "message",
        "attachments": [{"contentType": ADAPTIVE_CARD, "content": card}],
    }
    if summary:
        activity["summary"] = summary
    return activity


def _size(elements: list[_Element], summary: str) -> int:
    """The activity's size as sent (aiohttp's `json.dumps` defaults, ASCII-escaped)."""
    return len(json.dumps(_activity(_card(elements), summary)))


def _summary(runs: Runs, readers: Readers) -> str:
    """The fallback as one line of plain text for a notification, at most SUMMARY_LIMIT."""
    text = " ".join(plain(runs, readers).split())
    return text if len(text) <= SUMMARY_LIMIT else text[: SUMMARY_LIMIT - 1] + "…"


def people_of(runs: Runs) -> set[str]:
    """The user ids of the people the runs name."""
    found: set[str] = set()
    for run in runs:
        if isinstance(run, Person):
            found.add(run.user_id)
        elif isinstance(run, Strong):
            found |= people_of(run.content)
    return found
