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


def _month_words() -> tuple[dict[str, int], dict[str, int]]:
    fi = (
        "tammi",
        "helmi",
        "maalis",
        "huhti",
        "touko",
        "kesa",
        "heina",
        "elo",
        "syys",
        "loka",
        "marras",
        "joulu",
    )
    sv = "januari februari mars april maj juni juli augusti september oktober november december"
    en = "january february march april may june july august september october november december"
    day_first: dict[str, int] = {}
    month_first: dict[str, int] = {}
    for index, (sv_name, en_name) in enumerate(zip(sv.split(), en.split(), strict=True)):
        day_first[fi[index] + "kuuta"] = index + 1  # partitive: 12. joulukuuta
        month_first[fi[index] + "kuun"] = index + 1  # genitive: joulukuun 12.
        day_first[sv_name] = index + 1  # 12 december
        day_first[en_name] = index + 1  # 12 December
        month_first[en_name] = index + 1  # December 12
    return day_first, month_first


# Normalised month name -> month number, by where the name stands relative to the day.
MONTHS_AFTER_DAY, MONTHS_BEFORE_DAY = _month_words()

# Normalised phrases meaning "(by) the end of this month": its last day, today included.
MONTH_END: frozenset[str] = frozenset(
    {
        "kuun loppuun",
        "kuun lopussa",
        "kuun loppu",
        "kuun loppuun asti",
        "taman kuun loppuun",
        "taman kuun lopussa",
        "kuukauden loppuun",
        "kuukauden lopussa",
        "slutet av manaden",
        "i slutet av manaden",
        "till slutet av manaden",
        "manadens slut",
        "till manadens slut",
        "end of month",
        "end of the month",
        "the end of the month",
        "month end",
    }
)

# Normalised prefixes before a weekday: True = the weekday of next ISO week ("ensi viikon
# maanantaina"), False = the next such day after today ("ensi maanantaina").
NEXT_WEEKDAY_PREFIXES: tuple[tuple[str, bool], ...] = (
    ("ensi viikon ", True),
    ("ensi ", False),
    ("nasta ", False),
    ("next ", False),
)
