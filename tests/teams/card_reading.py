"""How Teams clients read a TextBlock's Markdown, modelled for the escapes the renderer uses.

`desktop_shows` is CommonMark as Teams desktop and web read card text (backslash escapes of
ASCII punctuation, entity references, the block markers at a line's start); `mobile_shows` is
Teams mobile's own parser (Teams-AdaptiveCards-Mobile, MarkDownBlockParser.cpp): a backslash
is dropped only before `*`, `_`, `[`, `]`, `)` or a line break, entities are shown as typed,
`-`, `+` or `*` and a space start a list item. Both fail on any Markdown left live (emphasis,
a link, a list, a tag or mention, a date function), so that a test cannot pass by reading
markup as text.
"""

from __future__ import annotations

import html
import re
import string
from typing import Any

PUNCTUATION = frozenset(string.punctuation)
MOBILE_ESCAPES = frozenset("*_[])")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]*);")
_DESKTOP_BLOCK = re.compile(
    r"#{1,6}(?:[ \t]|\Z)|>|[-+*](?:[ \t]|\Z)|[0-9]{1,9}[.)](?:[ \t]|\Z)"
    r"|(?:-[ \t]*){3,}\Z|(?:\*[ \t]*){3,}\Z|(?:_[ \t]*){3,}\Z|```|~~~|[ \t]"
)
_TAG = re.compile(r"<[A-Za-z/!?]")
_DATE_FUNCTION = re.compile(r"\{\{(?:DATE|TIME)\(")
_OWN_MARKUP = re.compile(r"\*\*|_|<at>(?P<name>[^<>]*)</at>|\[(?P<label>[^\]]*)\]\([^()\s]*\)")


def desktop_shows(paragraph: str) -> str:
    """The text Teams desktop shows for one paragraph (one rendered line) of escaped text."""
    return _decoded(paragraph, line_start=True).rstrip(" \t")


def desktop_reads(paragraph: str) -> str:
    """The text Teams desktop shows for a paragraph of the renderer's own Markdown: strong
    and italic marks, `<at>` mentions (read here as `@name`) and links (as their label)
    around escaped text."""
    shown: list[str] = []
    start = position = 0
    while position < len(paragraph):
        if paragraph[position] == "\\" and paragraph[position + 1 : position + 2] in PUNCTUATION:
            position += 2
            continue
        markup = _OWN_MARKUP.match(paragraph, position)
        if markup is None:
            position += 1
            continue
        shown.append(_decoded(paragraph[start:position], line_start=start == 0))
        if markup["name"] is not None:
            shown.append("@" + markup["name"])
        shown.append(markup["label"] or "")
        start = position = markup.end()
    shown.append(_decoded(paragraph[start:], line_start=start == 0))
    return "".join(shown).rstrip(" \t")


def _decoded(text: str, *, line_start: bool) -> str:
    assert not (line_start and _DESKTOP_BLOCK.match(text)), f"a block marker starts {text!r}"
    shown: list[str] = []
    position = 0
    while position < len(text):
        char, following = text[position], text[position + 1 : position + 2]
        if char == "\\" and following in PUNCTUATION:
            shown.append(following)
            position += 2
            continue
        entity = _ENTITY.match(text, position)
        if entity:
            shown.append(html.unescape(entity[0]))
            position = entity.end()
            continue
        assert char not in "*_[]`", f"a live {char!r} in {text!r}"
        assert not _TAG.match(text, position), f"a tag, autolink or mention: {text!r}"
        assert not _DATE_FUNCTION.match(text, position), f"a date function: {text!r}"
        shown.append(char)
        position += 1
    return "".join(shown)


def mobile_shows(paragraph: str) -> str:
    """The text Teams mobile shows for one paragraph; a line break follows it."""
    assert not re.match(r"[-+*] ", paragraph), f"a list item: {paragraph!r}"
    shown: list[str] = []
    for position, char in enumerate(paragraph):
        following = paragraph[position + 1 : position + 2]
        if char == "\\" and (following in MOBILE_ESCAPES or following == ""):
            continue
        escaped = position > 0 and paragraph[position - 1] == "\\"
        assert char not in MOBILE_ESCAPES or escaped, f"a live {char!r} in {paragraph!r}"
        shown.append(char)
    return "".join(shown).rstrip(" \t")


def text_blocks(activity: dict[str, Any]) -> list[dict[str, Any]]:
    """The elements of the activity's card body."""
    body = activity["attachments"][0]["content"]["body"]
    assert isinstance(body, list)
    return body


def verbatim_text(element: dict[str, Any]) -> str:
    """What a RichTextBlock shows: its runs' texts one after another."""
    assert element["type"] == "RichTextBlock"
    return "".join(run["text"] for run in element["inlines"])
