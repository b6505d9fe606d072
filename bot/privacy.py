"""Privacy guard: refuse text that contains a Finnish personal identity code (HETU).

Every free-text input of the bot passes through this module before anything is stored,
posted or logged. Nothing here ever returns, logs or puts into an exception message the code
it found; callers only learn *that* a code was found and of which kind.

HETU format ``DDMMYYCZZZQ``:

* ``DDMMYY`` birth date; ``C`` century sign: ``+`` 1800s, ``-`` or ``Y X W V U`` 1900s,
  ``A`` or ``B C D E F`` 2000s;
* ``ZZZ`` individual number (002-899 ordinary, 900-999 temporary, still personal data);
* ``Q`` check character ``"0123456789ABCDEFHJKLMNPRSTUVWXY"[int(DDMMYYZZZ) % 31]``.

Decisions:

* A candidate is 6 ASCII digits, a century sign, 3 ASCII digits and one ASCII letter or
  digit, anywhere in the text (no word boundaries: codes glued to other characters are found),
  in any letter case. Every start position is tried, so overlapping candidates are not missed.
* The date part must be a real date in the century given by the sign, otherwise the
  candidate is not a code (this keeps phone numbers, ISO dates, timestamps and the like out).
* Real date and right check character -> ``VALID``. Real date but wrong check character
  (including letters that never occur as check characters, ``G I O Q Z``) -> ``LOOKALIKE``:
  probably a mistyped real code, and the text is refused just the same.
* Temporary individual numbers 900-999 are personal data -> ``VALID``.
* Individual numbers 000 and 001 are never issued, and python-stdnum rejects them. We still
  refuse them: with a right check character they count as ``VALID``, otherwise as
  ``LOOKALIKE``. Refusing a harmless string is cheap; letting a real code through is not.

Normalisation. Users paste codes from documents and other systems, so the text is searched
with every character mapped through NFKC (fullwidth digits and letters become ASCII), every
Unicode dash or minus sign mapped to ``-`` and invisible format characters (zero-width space,
soft hyphen, BOM, ...) dropped. The mapping is done character by character, so that every
match can be mapped back to positions in the raw text. Mapping each character on its own also
covers the raw text: ASCII characters map to themselves, so a code that is present literally in
the raw text is found even when a following combining mark would be composed into its check
letter by whole-string NFKC (``"...308T\\u0307"``). As a safety net, the whole-string NFKC form
of the text is searched too, and a code present only there is also reported.

``redact`` replaces the raw-text positions of every code found, so the rest of the text stays
exactly as it was. Only if a code were detectable in the whole-string NFKC form and not via the
per-character mapping (not known to happen) would ``redact`` fall back to redacting that
normalised text and return it, normalised.
"""

from __future__ import annotations

import datetime
import enum
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from stdnum.exceptions import ValidationError
from stdnum.fi import hetu

__all__ = [
    "REDACTION",
    "IdentityCodeKind",
    "PrivacyViolation",
    "check_text",
    "contains_identity_code",
    "find_identity_codes",
    "redact",
]

REDACTION = "[HETU]"


class IdentityCodeKind(enum.Enum):
    """What kind of identity code was found."""

    VALID = "valid"
    """A code with a real date and a right check character."""

    LOOKALIKE = "lookalike"
    """Right shape and a real date, but a wrong check character (probably a mistyped code)."""


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

# Century sign -> first year of the century. Lower case is accepted by upper-casing the
# (pure ASCII) candidate before looking it up.
_CENTURIES: dict[str, int] = {"+": 1800}
_CENTURIES.update(dict.fromkeys("-YXWVU", 1900))
_CENTURIES.update(dict.fromkeys("ABCDEF", 2000))

_CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"

# Explicit ASCII classes and no IGNORECASE: with IGNORECASE, [A-Z] would also match the Kelvin
# sign and the long s. The lookahead makes the search try every start position, so candidates
# that overlap each other are all seen.
_CANDIDATE = re.compile(r"(?=([0-9]{6}[-+A-FU-Ya-fu-y][0-9]{3}[0-9A-Za-z]))")

# Dash-like characters that are not in Unicode category Pd (dash punctuation), which is mapped
# as a whole. Minus signs: U+2212 MINUS SIGN (also the NFKC form of super-/subscript minus),
# U+2796 HEAVY MINUS SIGN, U+02D7 MODIFIER LETTER MINUS SIGN; U+2043 HYPHEN BULLET.
_EXTRA_DASHES = frozenset("\u2212\u2796\u02d7\u2043")


def _normalise_char(char: str) -> str:
    """Map one character to what it should be searched as (possibly several or none)."""
    if char.isascii():
        return char
    if unicodedata.category(char) == "Cf":  # zero-width space, soft hyphen, BOM, ...
        return ""
    return "".join(_map_dash(c) for c in unicodedata.normalize("NFKC", char))


def _map_dash(char: str) -> str:
    if char == "-" or char in _EXTRA_DASHES or unicodedata.category(char) == "Pd":
        return "-"
    return char


def _normalise_with_positions(text: str) -> tuple[str, list[int]]:
    """Normalise ``text`` per character; also return, for every output character, the index of
    the raw character it came from."""
    if text.isascii():
        return text, list(range(len(text)))
    pieces: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        mapped = _normalise_char(char)
        pieces.append(mapped)
        origins.extend([index] * len(mapped))
    return "".join(pieces), origins


def _normalise_whole(text: str) -> str:
    """Whole-string NFKC with the same dash and format-character handling."""
    return "".join(_normalise_char(c) for c in unicodedata.normalize("NFKC", text))


def _check_character(candidate: str) -> str:
    """The check character for an upper-cased candidate (used where stdnum does not apply)."""
    return _CHECK_CHARACTERS[int(candidate[:6] + candidate[7:10]) % 31]


def _classify(candidate: str) -> IdentityCodeKind | None:
    """Classify an 11-character ASCII candidate; None if it is not an identity code."""
    code = candidate.upper()
    try:
        datetime.date(
            _CENTURIES[code[6]] + int(code[4:6]),
            int(code[2:4]),
            int(code[0:2]),
        )
    except ValueError:
        return None  # not a real date: not a code at all
    if int(code[7:10]) < 2:
        # 000 and 001 are never issued and stdnum rejects them; refuse them anyway.
        if _check_character(code) == code[10]:
            return IdentityCodeKind.VALID
        return IdentityCodeKind.LOOKALIKE
    try:
        hetu.validate(code, allow_temporary=True)
    except ValidationError:
        # The shape and the date are right, so what is wrong is the check character.
        return IdentityCodeKind.LOOKALIKE
    return IdentityCodeKind.VALID


def _matches(text: str) -> Iterator[tuple[int, int, str, IdentityCodeKind]]:
    """Yield (start, end, candidate, kind) for every identity code in ``text`` as it is."""
    for match in _CANDIDATE.finditer(text):
        candidate = match.group(1)
        kind = _classify(candidate)
        if kind is not None:
            start = match.start(1)
            yield start, start + len(candidate), candidate, kind


@dataclass(frozen=True)
class _Found:
    spans: list[tuple[int, int]]  # raw-text [start, end) of every code found
    kinds: list[IdentityCodeKind]  # one per occurrence
    only_in_whole_nfkc: bool  # some code is visible only in the whole-string NFKC form


def _find(text: str) -> _Found:
    normalised, origins = _normalise_with_positions(text)
    spans: list[tuple[int, int]] = []
    kinds: list[IdentityCodeKind] = []
    seen: Counter[str] = Counter()
    for start, end, candidate, kind in _matches(normalised):
        spans.append((origins[start], origins[end - 1] + 1))
        kinds.append(kind)
        seen[candidate.upper()] += 1
    # Safety net: whole-string NFKC can differ from per-character NFKC. Report any code seen
    # there more often than above (the per-character search normally covers all of them).
    only_in_whole = False
    if not text.isascii():
        for _start, _end, candidate, kind in _matches(_normalise_whole(text)):
            key = candidate.upper()
            if seen[key] > 0:
                seen[key] -= 1
            else:
                kinds.append(kind)
                only_in_whole = True
    return _Found(spans, kinds, only_in_whole)


def find_identity_codes(text: str) -> list[IdentityCodeKind]:
    """Return the kind of every identity code occurrence in ``text``, in order of position.

    Overlapping occurrences are each counted. The codes themselves are never returned.
    """
    return _find(text).kinds


def contains_identity_code(text: str) -> bool:
    """True if ``text`` contains an identity code (valid or lookalike)."""
    return bool(_find(text).kinds)


def check_text(text: str) -> None:
    """Raise PrivacyViolation if ``text`` contains an identity code.

    The kind is VALID if any valid code occurs, otherwise LOOKALIKE.
    """
    kinds = find_identity_codes(text)
    if IdentityCodeKind.VALID in kinds:
        raise PrivacyViolation(IdentityCodeKind.VALID)
    if kinds:
        raise PrivacyViolation(IdentityCodeKind.LOOKALIKE)


# --- redacting -----------------------------------------------------------------------------


def _redact_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """Replace the union of ``spans`` (overlapping ones merged) with REDACTION."""
    if not spans:
        return text
    parts: list[str] = []
    position = 0
    current_start, current_end = -1, -1
    for start, end in sorted(spans):
        if start < current_end:  # overlaps the current region: extend it
            current_end = max(current_end, end)
            continue
        if current_end >= 0:
            parts.append(text[position:current_start])
            parts.append(REDACTION)
            position = current_end
        current_start, current_end = start, end
    parts.append(text[position:current_start])
    parts.append(REDACTION)
    parts.append(text[current_end:])
    return "".join(parts)


def _redact_whole_nfkc(text: str) -> str:
    """Fallback: redact the whole-string NFKC form of ``text`` and return it normalised."""
    normalised = _normalise_whole(text)
    return _redact_spans(normalised, [(s, e) for s, e, _c, _k in _matches(normalised)])


def redact(text: str) -> str:
    """Replace every identity code (valid or lookalike) in ``text`` with ``[HETU]``.

    Redacts exactly what ``find_identity_codes`` finds, at its raw-text positions; the rest of
    the text is returned unchanged. (Fallback, see the module docstring: a code visible only in
    the whole-string NFKC form makes this return the NFKC-normalised text, redacted.)
    """
    found = _find(text)
    result = _redact_spans(text, found.spans)
    if not found.only_in_whole_nfkc:
        return result
    # Redacting can only remove codes, but NFKC is not local, so repeat until nothing is left.
    for _ in range(8):
        result = _redact_whole_nfkc(result)
        if not _find(result).kinds:
            return result
    return REDACTION  # could not make it clean: give up on the text rather than leak a code
