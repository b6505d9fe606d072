"""Normalisation for matching what Finns type: case and diacritics are optional."""

from __future__ import annotations

import unicodedata

_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u"})


def fold(text: str) -> str:
    """Lowercase, NFC, and fold ä/ö/å so that `lisää` matches `lisaa`."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().translate(_FOLD).split())


def clean(text: str) -> str:
    """Free text as it may be stored: control characters (NUL…) out, spaces collapsed."""
    visible = "".join(" " if unicodedata.category(c) == "Cc" else c for c in text)
    return " ".join(visible.split())
