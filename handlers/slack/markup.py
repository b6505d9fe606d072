"""Slack's markup as a reader sees it: `<url|label>` shows as label, `<@U1|anna>` as @anna.

`display_segments` is the privacy guard's `Display` for the text Slack sends: the guard looks
for identity codes in the text as sent and as Slack shows it (a code split by a link's
markup reads whole on the screen).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.privacy import Segment

# A token is `<target>` or `<target|label>`; Slack escapes `<`, `>` and `&` in everything else.
_TOKEN = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")
_ESCAPES = re.compile(r"&(amp|lt|gt);")
_UNESCAPED = {"amp": "&", "lt": "<", "gt": ">"}


def display_segments(text: str) -> Iterator[Segment]:
    """The text as Slack displays it, in segments that keep their raw positions."""
    position = 0
    for token in _TOKEN.finditer(text):
        yield from _plain_segments(text, position, token.start())
        yield from _token_segments(text, token)
        position = token.end()
    yield from _plain_segments(text, position, len(text))


def _token_segments(text: str, token: re.Match[str]) -> Iterator[Segment]:
    target, label = token.group(1), token.group(2)
    sigil = target[:1]
    if label is not None:  # <url|label>, <@U1|anna>, <!subteam^S1|@group>, <!date^…|fallback>
        if sigil in ("@", "#") and not label.startswith(sigil):
            yield Segment(sigil, token.start(), token.start(2), False)  # shown as @anna
        yield from _plain_segments(text, token.start(2), token.end(2))
    elif sigil == "!":  # <!here>, <!channel>
        yield Segment("@" + target[1:].split("^", 1)[0], token.start(), token.end(), False)
    else:  # <url>, <@U1>, <#C1>
        yield from _plain_segments(text, token.start(1), token.end(1))


def _plain_segments(text: str, start: int, end: int) -> Iterator[Segment]:
    """Text outside tokens, with Slack's three escapes decoded."""
    position = start
    for escape in _ESCAPES.finditer(text, start, end):
        if escape.start() > position:
            yield Segment(text[position : escape.start()], position, escape.start(), True)
        yield Segment(_UNESCAPED[escape.group(1)], escape.start(), escape.end(), False)
        position = escape.end()
    if end > position:
        yield Segment(text[position:end], position, end, True)


def unescape(text: str) -> str:
    """Slack's three escapes decoded: `&amp;lt;` → `&lt;`."""
    return _ESCAPES.sub(lambda match: _UNESCAPED[match.group(1)], text)


def resolve_markup(text: str) -> str:
    """The text as Slack displays it: links by their labels, mentions by names, escapes decoded."""
    return "".join(segment.shown for segment in display_segments(text))
