"""Normalisation for matching what Finns type: case and diacritics are optional."""

from __future__ import annotations

import unicodedata

_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u"})


def fold(text: str) -> str:
    """Lowercase, NFC, and fold ä/ö/å so that `lisää` matches `lisaa`."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().translate(_FOLD).split())
