"""Readings of a text: the forms in which the privacy guard looks for identity codes.

Each reading keeps, for every character, the span of the raw text it came from, so that a
code found in any reading can be redacted in the raw text.

* the raw reading: the text as it was sent;
* the displayed reading: the text as its platform shows it (a ``Display``, given by the
  platform's adapter for the text it sends: links by their labels, say; without one, the text
  as it is), with HTML entities decoded, also when escaped more than once (``&amp;#45;`` ->
  ``&#45;`` -> ``-``).

Both are folded character by character (``fold_char``): invisible characters dropped
(Unicode's default-ignorable code points, which include the bidi controls, variation
selectors and the Hangul fillers, and every other format character), compatibility forms
unified (NFKD, so full-width and mathematical digits and letters become ASCII), combining
marks dropped, Cyrillic and Greek look-alikes of the Latin letters of a code folded to them,
dashes, minus signs and horizontal bars to ``-``, plus-like signs to ``+``, every Unicode decimal
digit to its ASCII digit, and every space, line break, control character or blank (U+2800) to
``" "``.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

Span = tuple[int, int]


class Segment(NamedTuple):
    """A piece of the displayed text and the raw span it comes from.

    ``verbatim``: the piece is ``raw[start:end]`` itself, character by character.
    """

    shown: str
    start: int
    end: int
    verbatim: bool


Display = Callable[[str], Iterable[Segment]]
"""How a platform shows a text it sent: the displayed text in segments of the raw one."""

# Default_Ignorable_Code_Point (Unicode DerivedCoreProperties.txt). Invisible when displayed.
_IGNORABLE_RANGES = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x061C, 0x061C),  # Arabic letter mark
    (0x115F, 0x1160),  # Hangul fillers
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),  # Mongolian variation selectors and vowel separator
    (0x200B, 0x200F),  # zero-width characters, LRM, RLM
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2060, 0x206F),  # word joiner, invisible operators, bidi isolates
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),  # half-width Hangul filler
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),  # tags and variation selectors supplement
)

# Cyrillic and Greek letters that look like the Latin letters a code can contain: the century
# signs A-F and U-Y and the check characters A-Y (upper or lower case). Only letters that are
# drawn like the Latin one in common fonts; the full Unicode confusables list maps thousands of
# characters (many of them to letters a code never has), which would flag ordinary Russian or
# Greek words next to numbers without finding a single code more.
_CONFUSABLES = str.maketrans(
    {
        # Cyrillic capitals and small letters
        "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "Ј": "J", "К": "K",
        "М": "M", "О": "O", "Р": "P", "Ѕ": "S", "Т": "T", "Х": "X", "У": "Y", "Ү": "Y",
        "Ԛ": "Q", "Ԝ": "W", "Ѵ": "V",
        "а": "a", "с": "c", "е": "e", "һ": "h", "і": "i", "ј": "j", "к": "k", "о": "o",
        "р": "p", "ѕ": "s", "х": "x", "у": "y", "ү": "y", "ԁ": "d", "ԛ": "q", "ԝ": "w",
        "ѵ": "v",
        # Greek capitals and small letters
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
        "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "Ϝ": "F",
        "α": "a", "γ": "y", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "υ": "u",
        "χ": "x", "ϲ": "c", "ϳ": "j",
    }
)  # fmt: skip

# Not in category Pd (dash punctuation, mapped as a whole) but drawn as a dash: minus signs,
# the hyphen bullet, box-drawing and bracket horizontals, the katakana prolonged sound mark,
# the CJK ideograph "one" and the Hangul vowel eu.
_DASHES = frozenset("\u2212\u2796\u02d7\u2043\u2500\u2501\u23af\u30fc\u4e00\u3161\u1173")
_PLUSES = frozenset("\u2795\u02d6\u16ed")  # heavy plus, modifier letter plus, runic cross
_BLANKS = frozenset("\u2800")  # Braille blank: shown as a space

# ASCII: every control character (tab and line breaks included) reads as a space.
_ASCII = str.maketrans({i: " " for i in (*range(32), 127)})
_MAX_ENTITY_ROUNDS = 4
_RIGHT_TO_LEFT_OVERRIDE = "\u202e"
_ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});?")


@dataclass(frozen=True)
class Reading:
    """Searchable text; ``spans[i]`` is the raw span of ``text[i]`` (None: the same index)."""

    text: str
    spans: list[Span] | None
    overridden: bool = False  # a right-to-left override shows (part of) the text backwards

    def raw_span(self, start: int, end: int) -> Span:
        """The raw span covering ``text[start:end]``."""
        if self.spans is None:
            return start, end
        covered = self.spans[start:end]
        return min(s for s, _ in covered), max(e for _, e in covered)

    def reversed(self) -> Reading:
        """The text backwards, as a right-to-left override shows it."""
        spans = (
            self.spans if self.spans is not None else [(i, i + 1) for i in range(len(self.text))]
        )
        return Reading(self.text[::-1], spans[::-1], self.overridden)


def readings(text: str, display: Display | None = None) -> list[Reading]:
    """The raw reading and, if the text shows otherwise or has entities, the displayed one."""
    raw = _fold(text, None, _RIGHT_TO_LEFT_OVERRIDE in text)
    segments = [Segment(text, 0, len(text), True)] if display is None else list(display(text))
    if "&" not in text and "".join(segment.shown for segment in segments) == text:
        return [raw]
    shown, spans = _decode_entities(*_joined(segments))
    return [raw, _fold(shown, spans, _RIGHT_TO_LEFT_OVERRIDE in shown)]


@functools.lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """What one character reads as (none, one or several characters)."""
    if char.isascii():
        return char.translate(_ASCII)
    if _is_ignorable(char):
        return ""
    if char.isspace() or char in _BLANKS or unicodedata.category(char) == "Cc":
        return " "
    return "".join(_fold_decomposed(c) for c in unicodedata.normalize("NFKD", char))


def _fold_decomposed(char: str) -> str:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me"):
        return ""
    if _is_ignorable(char):
        return ""
    if char.isspace():
        return " "
    if char.isascii():
        return char.translate(_ASCII)
    if char in _DASHES or unicodedata.category(char) == "Pd":
        return "-"
    if char in _PLUSES:
        return "+"
    digit = unicodedata.decimal(char, None)
    if digit is not None:
        return str(digit)
    return char.translate(_CONFUSABLES)


def _is_ignorable(char: str) -> bool:
    if unicodedata.category(char) == "Cf":
        return True
    point = ord(char)
    return any(low <= point <= high for low, high in _IGNORABLE_RANGES)


def _fold(text: str, spans: list[Span] | None, overridden: bool) -> Reading:
    if text.isascii():  # one character for one: the positions stay
        return Reading(text.translate(_ASCII), spans)
    pieces: list[str] = []
    folded_spans: list[Span] = []
    for index, char in enumerate(text):
        folded = fold_char(char)
        if folded:
            pieces.append(folded)
            span = spans[index] if spans is not None else (index, index + 1)
            folded_spans.extend([span] * len(folded))
    return Reading("".join(pieces), folded_spans, overridden)


def _joined(segments: Iterable[Segment]) -> tuple[str, list[Span]]:
    pieces: list[str] = []
    spans: list[Span] = []
    for segment in segments:
        pieces.append(segment.shown)
        if segment.verbatim:
            spans.extend(
                (segment.start + i, segment.start + i + 1) for i in range(len(segment.shown))
            )
        else:
            spans.extend([(segment.start, segment.end)] * len(segment.shown))
    return "".join(pieces), spans


def _decode_entities(text: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """Decode HTML entities, again and again while any are left (a few rounds at most)."""
    for _ in range(_MAX_ENTITY_ROUNDS):
        if "&" not in text:
            break
        pieces: list[str] = []
        decoded_spans: list[Span] = []
        position = 0
        for entity in _ENTITY.finditer(text):
            decoded = html.unescape(entity.group())
            if decoded == entity.group():
                continue
            pieces.append(text[position : entity.start()])
            decoded_spans.extend(spans[position : entity.start()])
            covered = spans[entity.start() : entity.end()]
            span = (min(s for s, _ in covered), max(e for _, e in covered))
            pieces.append(decoded)
            decoded_spans.extend([span] * len(decoded))
            position = entity.end()
        if position == 0:
            break
        pieces.append(text[position:])
        decoded_spans.extend(spans[position:])
        text, spans = "".join(pieces), decoded_spans
    return text, spans
