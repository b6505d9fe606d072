"""Vocabulary shared by parsing and formatting, and the text normalisation for matching."""

from __future__ import annotations

import unicodedata

# Display abbreviations, Monday first (date.weekday() order).
WEEKDAY_ABBR: dict[str, tuple[str, ...]] = {
    "fi": ("ma", "ti", "ke", "to", "pe", "la", "su"),
    "sv": ("må", "ti", "on", "to", "fr", "lö", "sö"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}


def normalise(text: str) -> str:
    """Casefold, drop diacritics (ä->a, ö->o, å->a) and collapse whitespace."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def _weekday_words() -> dict[str, int]:
    fi_stems = ("maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai")
    fi = (*fi_stems, "sunnuntai")
    fi_illative = (
        "maanantaihin",
        "tiistaihin",
        "keskiviikkoon",
        "torstaihin",
        "perjantaihin",
        "lauantaihin",
        "sunnuntaihin",
    )
    sv = ("mandag", "tisdag", "onsdag", "torsdag", "fredag", "lordag", "sondag")
    en = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    extra = {
        # Swedish short forms (normalised: mån -> man, lör -> lor, sön -> son).
        "man": 0,
        "tis": 1,
        "ons": 2,
        "tor": 3,
        "tors": 3,
        "fre": 4,
        "lor": 5,
        "son": 6,
        # English short forms beyond the three-letter ones.
        "tues": 1,
        "thur": 3,
        "thurs": 3,
    }
    words: dict[str, int] = {}
    for index in range(7):
        for table in WEEKDAY_ABBR.values():
            words[normalise(table[index])] = index
        words[fi[index]] = index
        words[fi[index] + "na"] = index  # essive: perjantaina
        words[fi_illative[index]] = index  # perjantaihin (mennessä)
        words[sv[index]] = index
        words[en[index]] = index
    words.update(extra)
    return words


# Normalised weekday word -> weekday number (0 = Monday).
WEEKDAYS: dict[str, int] = _weekday_words()

# Normalised phrase -> days from today.
RELATIVE_DAYS: dict[str, int] = {
    "tanaan": 0,
    "huomenna": 1,
    "huomiseen": 1,
    "ylihuomenna": 2,
    "idag": 0,
    "i dag": 0,
    "imorgon": 1,
    "i morgon": 1,
    "iovermorgon": 2,
    "i overmorgon": 2,
    "overmorgon": 2,
    "today": 0,
    "tomorrow": 1,
    "day after tomorrow": 2,
}

# Normalised phrases meaning "next week" (resolved to the Friday of next ISO week).
NEXT_WEEK: frozenset[str] = frozenset(
    {
        "ensi viikolla",
        "ensi viikko",
        "ensi viikkoon",
        "ensi viikon aikana",
        "nasta vecka",
        "i nasta vecka",
        "under nasta vecka",
        "next week",
    }
)

# Number words accepted where a count is expected ("om en vecka", "in a week").
COUNT_WORDS: dict[str, int] = {"en": 1, "ett": 1, "a": 1, "one": 1}
