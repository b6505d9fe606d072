"""Finding, refusing and redacting Finnish personal identity codes (HETU) in any form.

Nothing here ever returns, logs or puts into an exception message the code it found; callers
only learn *that* a code was found and of which kind.

HETU format ``DDMMYYCZZZQ``: birth date, century sign (``+`` 1800s, ``-`` or ``Y X W V U``
1900s, ``A`` or ``B C D E F`` 2000s), individual number (002-899, 900-999 temporary, still
personal data), check character ``"0123456789ABCDEFHJKLMNPRSTUVWXY"[int(DDMMYYZZZ) % 31]``.

Where it looks: in every reading of the text (``reading.py``: the raw text and the text as
its platform displays it, both with invisible characters dropped, compatibility forms, look-alike
letters, dashes and digits of every script folded); in a text with a right-to-left override
(U+202E, which shows what follows it backwards) also backwards. Spaces and line breaks between
the characters of a code are ignored (``131052 308T``, ``131052-\\n308T``).

What counts (decided to keep both leaks and false alarms out):

* Date, century sign, individual number, check character: ``VALID`` if the check character is
  right, otherwise ``LOOKALIKE`` (probably a mistyped code). The date must exist in the
  century of the sign, so phone numbers, ISO dates and the like never match.
* Without the century sign (``131052308T``, ``131052 308T``): the check character must come
  directly after the digits and not be followed by a letter or digit, and the date must exist
  in some century. If the check character is a digit, the ten digits must not start with 0:
  every Finnish phone number does (``0401234567`` reads as 4.1.1923 with a right check digit),
  and a birth day 01-09 cannot be told apart from it. Such codes (about a tenth of all codes,
  and only when written without the sign) are the one form the guard lets through. Ten
  digits with a wrong check digit are just a number.
* Without the check character (``131052-308``): ``WITHOUT_CHECK``, refused just the same:
  birth date and individual number identify a person as well as the whole code does. Not when
  a letter or digit follows (then it is one of the forms above, or a longer number), nor when
  more digits follow after a space (``120 500 - 130 000 €``, an amount).
* Digits glued on: a candidate directly preceded by a digit, or whose digit check character is
  followed by more digits (directly or after a space), is part of a longer number
  (``20261206-1430``, a timestamp; ``12345 67890 12344``, a bank reference) and not a code,
  unless its check character is a right letter (a code with a digit glued to it).
* The date written with dots (``13.10.52-308T``): only with its century sign and a right check
  character, since a date followed by a number (``13.10.26-101A``, a room) is common.
* Individual numbers 000 and 001 are never issued; they are refused like any other.
"""

from __future__ import annotations

import datetime
import enum
import re
from dataclasses import dataclass

from bot.privacy.reading import Display, Reading, Span, readings

REDACTION = "[HETU]"


class IdentityCodeKind(enum.Enum):
    """What kind of identity code was found."""

    VALID = "valid"
    """A code with a real date and a right check character."""

    LOOKALIKE = "lookalike"
    """Right shape and a real date, but a wrong check character (probably a mistyped code)."""

    WITHOUT_CHECK = "without_check"
    """Birth date, century sign and individual number without the check character."""


_STRENGTH = {
    IdentityCodeKind.VALID: 2,
    IdentityCodeKind.LOOKALIKE: 1,
    IdentityCodeKind.WITHOUT_CHECK: 0,
}

_MESSAGES = {
    IdentityCodeKind.VALID: (
        "Viestissä on henkilötunnus. Henkilötunnuksia ei saa tallentaa tänne, joten viestiä "
        "ei tallennettu. Kirjoita viesti uudelleen ilman henkilötunnusta."
    ),
    IdentityCodeKind.LOOKALIKE: (
        "Viestissä on henkilötunnukselta näyttävä merkkijono. Henkilötunnuksia ei saa "
        "tallentaa tänne, joten viestiä ei tallennettu. Kirjoita viesti uudelleen ilman sitä."
    ),
}
_MESSAGES[IdentityCodeKind.WITHOUT_CHECK] = _MESSAGES[IdentityCodeKind.LOOKALIKE]


@dataclass(frozen=True)
class PrivacyViolation(Exception):
    """Raised for text that contains an identity code. Never carries the code itself."""

    kind: IdentityCodeKind

    def __post_init__(self) -> None:
        # A frozen dataclass blocks every attribute assignment, including the ``__notes__``
        # list that ``BaseException.add_note`` creates (used by e.g. hypothesis and
        # ExceptionGroup tooling). With the list already present, add_note only appends.
        object.__setattr__(self, "__notes__", [])

    def __str__(self) -> str:
        """A user-facing explanation in Finnish; it never repeats the code."""
        return _MESSAGES[self.kind]


# --- finding -------------------------------------------------------------------------------

_CENTURIES: dict[str, int] = {"+": 1800}
_CENTURIES.update(dict.fromkeys("-YXWVU", 1900))
_CENTURIES.update(dict.fromkeys("ABCDEF", 2000))
_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"

# Tried at every position (the lookahead), so overlapping candidates are all seen. Readings
# hold only " " as whitespace. Explicit ASCII classes: the readings have folded the rest.
_CANDIDATE = re.compile(
    r"(?=(?P<code>"
    r"(?P<date>[0-9] *[0-9](?P<dots> *\. *[0-9] *[0-9] *\. *| *[0-9] *[0-9] *)[0-9] *[0-9])"
    r"(?: *(?P<sign>[-+A-FU-Ya-fu-y]))?"
    r" *(?P<number>[0-9](?: *[0-9]){2})"
    r"(?P<gap> *)(?P<check>[0-9A-Za-z])?"
    r"))"
)


def _date_exists(digits: str, centuries: tuple[int, ...]) -> bool:
    for century in centuries:
        try:
            datetime.date(century + int(digits[4:6]), int(digits[2:4]), int(digits[0:2]))
        except ValueError:
            continue
        return True
    return False


def _kind(date: str, sign: str | None, number: str, check: str | None) -> IdentityCodeKind | None:
    centuries = (_CENTURIES[sign.upper()],) if sign else (1800, 1900, 2000)
    if not _date_exists(date, centuries):
        return None
    if check is None:
        return IdentityCodeKind.WITHOUT_CHECK
    if _CHECK_CHARACTERS[int(date + number) % 31] == check.upper():
        return IdentityCodeKind.VALID
    return IdentityCodeKind.LOOKALIKE


def _next_visible(text: str, position: int) -> str:
    """The first character from ``position`` on that is not a space ("" at the end)."""
    while position < len(text) and text[position] == " ":
        position += 1
    return text[position : position + 1]


def _check_stands(text: str, match: re.Match[str], date: str) -> bool:
    """Whether the character after the individual number can be the check character."""
    check, after = match.group("check"), match.end("check")
    if check.isdigit() and _next_visible(text, after).isdigit():
        return False  # more digits follow: a longer number
    if match.group("sign") is not None:
        return True
    # Without the sign: glued to the digits, alone, and not ten digits like a phone number.
    alone = not match.group("gap") and not text[after : after + 1].isalnum()
    return alone and (check.isalpha() or not date.startswith("0"))


def _candidate_kind(text: str, match: re.Match[str]) -> tuple[IdentityCodeKind, int] | None:
    """The kind and end of the code starting at ``match``, or None if it is not one."""
    sign, check = match.group("sign"), match.group("check")
    glued_before = match.start() > 0 and text[match.start() - 1].isdigit()
    if glued_before and not (check and check.isalpha()):
        return None  # part of a longer number; only a right check letter makes it a code
    date = match.group("date").replace(" ", "").replace(".", "")
    number = match.group("number").replace(" ", "")
    if "." in match.group("dots"):  # a date written 13.10.52: only a whole, right code counts
        if sign is None or check is None or not _check_stands(text, match, date):
            return None
        kind = _kind(date, sign, number, check)
        return (kind, match.end("check")) if kind is IdentityCodeKind.VALID else None
    if check is not None and _check_stands(text, match, date):
        kind = _kind(date, sign, number, check)
        digits_only = sign is None and check.isdigit()  # ten digits: only a right check counts
        if kind is IdentityCodeKind.VALID or not (kind is None or digits_only or glued_before):
            return kind, match.end("check")
    end = match.end("number")
    if sign is None or glued_before or text[end : end + 1].isalnum():
        return None
    if _next_visible(text, end).isdigit():
        return None  # more digits after a space: an amount such as 120 500 - 130 000
    kind = _kind(date, sign, number, None)
    return (kind, end) if kind is not None else None


@dataclass(frozen=True)
class _Found:
    span: Span  # raw [start, end)
    kind: IdentityCodeKind


def _search(reading: Reading) -> list[_Found]:
    found: list[_Found] = []
    text = reading.text
    for match in _CANDIDATE.finditer(text):
        result = _candidate_kind(text, match)
        if result is not None:
            kind, end = result
            found.append(_Found(reading.raw_span(match.start(), end), kind))
    return found


def _find(text: str, display: Display | None) -> list[_Found]:
    """Every code in every reading, forwards and backwards, once per raw span, by position."""
    candidates: list[_Found] = []
    for reading in readings(text, display):
        candidates += _search(reading)
        if reading.overridden:
            candidates += _search(reading.reversed())
    # The same code seen in several readings: keep the widest span, with the strongest kind.
    candidates.sort(key=lambda f: (f.span[0], -f.span[1]))
    kept: list[_Found] = []
    for candidate in candidates:
        container = next(
            (
                i
                for i, k in enumerate(kept)
                if k.span[0] <= candidate.span[0] and candidate.span[1] <= k.span[1]
            ),
            None,
        )
        if container is None:
            kept.append(candidate)
        elif _STRENGTH[candidate.kind] > _STRENGTH[kept[container].kind]:
            kept[container] = _Found(kept[container].span, candidate.kind)
    return kept


def find_identity_codes(text: str, *, display: Display | None = None) -> list[IdentityCodeKind]:
    """Return the kind of every identity code occurrence in ``text``, in order of position.

    ``display``: how the text's platform shows it (the adapter's reader); None: as it is.
    Overlapping occurrences are each counted. The codes themselves are never returned.
    """
    return [found.kind for found in _find(text, display)]


def contains_identity_code(text: str, *, display: Display | None = None) -> bool:
    """True if ``text`` contains an identity code of any kind."""
    return bool(_find(text, display))


def check_text(text: str, *, display: Display | None = None) -> None:
    """Raise PrivacyViolation if ``text`` contains an identity code (the strongest kind)."""
    kinds = find_identity_codes(text, display=display)
    if kinds:
        raise PrivacyViolation(max(kinds, key=_STRENGTH.__getitem__))


# --- redacting -----------------------------------------------------------------------------


def _redact_spans(text: str, spans: list[Span]) -> str:
    """Replace the union of ``spans`` (overlapping ones merged) with REDACTION."""
    regions: list[Span] = []
    for start, end in sorted(spans):
        if regions and start < regions[-1][1]:
            regions[-1] = (regions[-1][0], max(regions[-1][1], end))
        else:
            regions.append((start, end))
    parts: list[str] = []
    position = 0
    for start, end in regions:
        parts += [text[position:start], REDACTION]
        position = end
    parts.append(text[position:])
    return "".join(parts)


def redact(text: str, *, display: Display | None = None) -> str:
    """Replace every identity code of any kind in ``text`` with ``[HETU]``.

    Redacts exactly what ``find_identity_codes`` finds, at its raw-text positions (a code split
    by markup is redacted with the markup between its parts); the rest is left as it was.
    """
    for _ in range(4):  # a redaction could bring new neighbours together: look again
        found = _find(text, display)
        if not found:
            return text
        text = _redact_spans(text, [f.span for f in found])
    return REDACTION if _find(text, display) else text
