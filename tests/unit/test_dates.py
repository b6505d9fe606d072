"""bot.dates: parsing and formatting dates as Finns type them. `today`/`now` are injected."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot.dates import (
    DateParseError,
    format_date,
    format_datetime,
    format_span,
    format_time,
    parse_date,
    parse_datetime,
    parse_datetime_span,
    span,
    split_trailing_date,
)

HKI = ZoneInfo("Europe/Helsinki")
NEW_YORK = ZoneInfo("America/New_York")

TUE_1_DEC = date(2026, 12, 1)  # a Tuesday
WED_9_DEC = date(2026, 12, 9)
FRI_11_DEC = date(2026, 12, 11)
SAT_12_DEC = date(2026, 12, 12)
SUN_13_DEC = date(2026, 12, 13)
MON_14_DEC = date(2026, 12, 14)
SUN_20_DEC = date(2026, 12, 20)
WED_30_DEC = date(2026, 12, 30)


def hki(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=HKI)


def utc(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


# --- parse_date: accepted -----------------------------------------------------------------

DATE_CASES: list[tuple[str, date, date]] = [
    # explicit dates, year given or omitted
    ("12.12.", TUE_1_DEC, date(2026, 12, 12)),
    ("12.12", TUE_1_DEC, date(2026, 12, 12)),
    ("12.12.2026", TUE_1_DEC, date(2026, 12, 12)),
    ("12.12.2026.", TUE_1_DEC, date(2026, 12, 12)),
    ("12.12.26", TUE_1_DEC, date(2026, 12, 12)),
    ("2026-12-12", TUE_1_DEC, date(2026, 12, 12)),
    ("01.02.2027", TUE_1_DEC, date(2027, 2, 1)),
    ("12.12.", SAT_12_DEC, SAT_12_DEC),  # today counts
    ("11.12.", SAT_12_DEC, date(2027, 12, 11)),  # passed this year -> next year
    ("12.1.", SUN_20_DEC, date(2027, 1, 12)),
    ("29.2.", TUE_1_DEC, date(2028, 2, 29)),  # the next 29 February
    # turn of the year
    ("2.1.", WED_30_DEC, date(2027, 1, 2)),
    ("31.12.", WED_30_DEC, date(2026, 12, 31)),
    ("vko 1", WED_30_DEC, date(2027, 1, 8)),
    ("pe", WED_30_DEC, date(2027, 1, 1)),
    ("ensi viikolla", WED_30_DEC, date(2027, 1, 8)),
    # ISO weeks (2026 has a week 53 whose Friday is 1.1.2027)
    ("vko 53", TUE_1_DEC, date(2027, 1, 1)),
    ("vko 53", date(2027, 1, 1), date(2027, 1, 1)),
    ("vko 50", TUE_1_DEC, date(2026, 12, 11)),
    ("viikko 50", TUE_1_DEC, date(2026, 12, 11)),
    ("vk 50", TUE_1_DEC, date(2026, 12, 11)),
    ("VKO50", TUE_1_DEC, date(2026, 12, 11)),
    ("v. 50", TUE_1_DEC, date(2026, 12, 11)),
    ("viikolla 50", TUE_1_DEC, date(2026, 12, 11)),
    ("vecka 50", TUE_1_DEC, date(2026, 12, 11)),
    ("week 50", TUE_1_DEC, date(2026, 12, 11)),
    ("vko 50", FRI_11_DEC, FRI_11_DEC),
    ("vko 50", SAT_12_DEC, date(2027, 12, 17)),  # Friday passed -> that week next year
    ("vko 49", SAT_12_DEC, date(2027, 12, 10)),
    # relative words, diacritics optional
    ("tänään", TUE_1_DEC, TUE_1_DEC),
    ("tanaan", TUE_1_DEC, TUE_1_DEC),
    ("TÄNÄÄN", TUE_1_DEC, TUE_1_DEC),
    ("huomenna", TUE_1_DEC, date(2026, 12, 2)),
    ("Huomenna.", TUE_1_DEC, date(2026, 12, 2)),
    ("ylihuomenna", TUE_1_DEC, date(2026, 12, 3)),
    ("huomenna", WED_30_DEC + timedelta(days=1), date(2027, 1, 1)),
    ("idag", TUE_1_DEC, TUE_1_DEC),
    ("i dag", TUE_1_DEC, TUE_1_DEC),
    ("i morgon", TUE_1_DEC, date(2026, 12, 2)),
    ("imorgon", TUE_1_DEC, date(2026, 12, 2)),
    ("i övermorgon", TUE_1_DEC, date(2026, 12, 3)),
    ("i overmorgon", TUE_1_DEC, date(2026, 12, 3)),
    ("today", TUE_1_DEC, TUE_1_DEC),
    ("tomorrow", TUE_1_DEC, date(2026, 12, 2)),
    # next week = the Friday of next ISO week
    ("ensi viikolla", SUN_13_DEC, date(2026, 12, 18)),
    ("ensi viikolla", MON_14_DEC, date(2026, 12, 25)),
    ("ensi viikko", MON_14_DEC, date(2026, 12, 25)),
    ("Ensi  viikolla", FRI_11_DEC, date(2026, 12, 18)),
    ("nästa vecka", SUN_13_DEC, date(2026, 12, 18)),
    ("nasta vecka", MON_14_DEC, date(2026, 12, 25)),
    ("next week", MON_14_DEC, date(2026, 12, 25)),
    # in N days / weeks
    ("3 päivän päästä", TUE_1_DEC, date(2026, 12, 4)),
    ("3 pv päästä", TUE_1_DEC, date(2026, 12, 4)),
    ("3 paivan paasta", TUE_1_DEC, date(2026, 12, 4)),
    ("3 päivän kuluttua", TUE_1_DEC, date(2026, 12, 4)),
    ("0 pv päästä", TUE_1_DEC, TUE_1_DEC),
    ("viikon päästä", TUE_1_DEC, date(2026, 12, 8)),
    ("2 viikon päästä", TUE_1_DEC, date(2026, 12, 15)),
    ("om 3 dagar", TUE_1_DEC, date(2026, 12, 4)),
    ("om en dag", TUE_1_DEC, date(2026, 12, 2)),
    ("om en vecka", TUE_1_DEC, date(2026, 12, 8)),
    ("in 3 days", TUE_1_DEC, date(2026, 12, 4)),
    ("in a week", TUE_1_DEC, date(2026, 12, 8)),
    # weekday + date that agree
    ("pe 11.12.", TUE_1_DEC, FRI_11_DEC),
    ("pe 11.12", TUE_1_DEC, FRI_11_DEC),
    ("pe, 11.12.", TUE_1_DEC, FRI_11_DEC),
    ("perjantaina 11.12.2026", TUE_1_DEC, FRI_11_DEC),
    ("  PE   11.12.  ", TUE_1_DEC, FRI_11_DEC),
    ("fr 11.12.", TUE_1_DEC, FRI_11_DEC),
    ("fredag den 11.12.", TUE_1_DEC, FRI_11_DEC),
    ("Fri 11.12.2026", TUE_1_DEC, FRI_11_DEC),
    ("pe 2026-12-11", TUE_1_DEC, FRI_11_DEC),
    # a weekday alone: the next such day, today included
    ("pe", WED_9_DEC, FRI_11_DEC),
    ("pe", FRI_11_DEC, FRI_11_DEC),
    ("pe", SAT_12_DEC, date(2026, 12, 18)),
    ("pe.", WED_9_DEC, FRI_11_DEC),
    ("perjantaina", WED_9_DEC, FRI_11_DEC),
    ("perjantaihin", WED_9_DEC, FRI_11_DEC),
    ("på fredag", WED_9_DEC, FRI_11_DEC),
    # "ensi <weekday>": the next such day after today; "ensi viikon <weekday>": next week's
    ("ensi maanantaina", WED_9_DEC, MON_14_DEC),
    ("ensi maanantaina", MON_14_DEC, date(2026, 12, 21)),  # said on a Monday: a week away
    ("ensi perjantaina", WED_9_DEC, FRI_11_DEC),
    ("Ensi keskiviikkona", WED_9_DEC, date(2026, 12, 16)),
    ("ensi pe", WED_9_DEC, FRI_11_DEC),
    ("ensi maanantaihin", WED_9_DEC, MON_14_DEC),
    ("ensi viikon perjantaina", WED_9_DEC, date(2026, 12, 18)),
    ("ensi viikon maanantaina", SUN_13_DEC, MON_14_DEC),
    ("ensi viikon maanantaina", MON_14_DEC, date(2026, 12, 21)),
    ("ensi viikon su", WED_30_DEC, date(2027, 1, 10)),
    ("nästa måndag", WED_9_DEC, MON_14_DEC),
    ("next Friday", FRI_11_DEC, date(2026, 12, 18)),
    # day and month name: partitive after the day, genitive before it
    ("12. joulukuuta", TUE_1_DEC, SAT_12_DEC),
    ("12 joulukuuta", TUE_1_DEC, SAT_12_DEC),
    ("12.joulukuuta", TUE_1_DEC, SAT_12_DEC),
    ("12. Joulukuuta 2027", TUE_1_DEC, date(2027, 12, 12)),
    ("joulukuun 12.", TUE_1_DEC, SAT_12_DEC),
    ("joulukuun 12", TUE_1_DEC, SAT_12_DEC),
    ("joulukuun 12. päivä", TUE_1_DEC, SAT_12_DEC),
    ("joulukuun 12. päivänä", TUE_1_DEC, SAT_12_DEC),
    ("joulukuun 12. päivään", TUE_1_DEC, SAT_12_DEC),
    ("11. joulukuuta", SAT_12_DEC, date(2027, 12, 11)),  # passed this year -> next year
    ("2. tammikuuta", WED_30_DEC, date(2027, 1, 2)),
    ("29. helmikuuta", TUE_1_DEC, date(2028, 2, 29)),
    ("pe 11. joulukuuta", TUE_1_DEC, FRI_11_DEC),
    ("12 december", TUE_1_DEC, SAT_12_DEC),
    ("den 12 december", TUE_1_DEC, SAT_12_DEC),
    ("12 December", TUE_1_DEC, SAT_12_DEC),
    ("December 12", TUE_1_DEC, SAT_12_DEC),
    # the end of the month: its last day, today included
    ("kuun loppuun", TUE_1_DEC, date(2026, 12, 31)),
    ("kuun lopussa", TUE_1_DEC, date(2026, 12, 31)),
    ("kuukauden loppuun", date(2027, 2, 3), date(2027, 2, 28)),
    ("kuun loppuun", date(2028, 2, 3), date(2028, 2, 29)),
    ("kuun loppuun", date(2026, 12, 31), date(2026, 12, 31)),
    ("kuun loppuun", date(2026, 11, 30), date(2026, 11, 30)),
    ("slutet av månaden", TUE_1_DEC, date(2026, 12, 31)),
    ("end of the month", TUE_1_DEC, date(2026, 12, 31)),
]

FINNISH_MONTHS = (
    "tammi",
    "helmi",
    "maalis",
    "huhti",
    "touko",
    "kesä",
    "heinä",
    "elo",
    "syys",
    "loka",
    "marras",
    "joulu",
)


@pytest.mark.parametrize(("month", "stem"), list(enumerate(FINNISH_MONTHS, start=1)))
def test_every_finnish_month_name(month: int, stem: str) -> None:
    expected = date(2027, month, 5)
    for text in (f"5. {stem}kuuta", f"5 {stem}kuuta", f"{stem}kuun 5.", f"{stem}kuun 5. päivä"):
        assert parse_date(text + " 2027", today=TUE_1_DEC) == expected
    assert parse_date(f"5. {stem}kuuta", today=WED_9_DEC) == expected  # the next 5th of it


# Every weekday word, with today = Wednesday 9.12.2026 (so "ke" is today).
WEEKDAY_WORDS: list[tuple[str, int]] = [
    (word, index)
    for words in (
        ("ma", "ti", "ke", "to", "pe", "la", "su"),
        ("maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai"),
        (
            "maanantaina",
            "tiistaina",
            "keskiviikkona",
            "torstaina",
            "perjantaina",
            "lauantaina",
            "sunnuntaina",
        ),
        ("må", "ti", "on", "to", "fr", "lö", "sö"),
        ("ma", "ti", "on", "to", "fr", "lo", "so"),
        ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
        ("mon", "tue", "wed", "thu", "fri", "sat", "sun"),
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    )
    for index, word in enumerate(words)
]


@pytest.mark.parametrize(("text", "today", "expected"), DATE_CASES)
def test_parse_date(text: str, today: date, expected: date) -> None:
    assert parse_date(text, today=today) == expected


@pytest.mark.parametrize(("word", "weekday"), WEEKDAY_WORDS)
def test_every_weekday_word(word: str, weekday: int) -> None:
    expected = WED_9_DEC + timedelta(days=(weekday - 2) % 7)
    assert parse_date(word, today=WED_9_DEC) == expected
    assert parse_date(word.upper(), today=WED_9_DEC) == expected
    assert expected.weekday() == weekday


# --- parse_date: refused ------------------------------------------------------------------

DATE_ERRORS: list[tuple[str, date, str]] = [
    ("pe 12.12.", TUE_1_DEC, "weekday_mismatch"),
    ("ma 11.12.2026", TUE_1_DEC, "weekday_mismatch"),
    ("31.2.", TUE_1_DEC, "impossible"),
    ("30.2.2027", TUE_1_DEC, "impossible"),
    ("29.2.2027", TUE_1_DEC, "impossible"),
    ("32.1.", TUE_1_DEC, "impossible"),
    ("1.13.", TUE_1_DEC, "impossible"),
    ("0.1.", TUE_1_DEC, "impossible"),
    ("31.4.", TUE_1_DEC, "impossible"),
    ("2027-02-30", TUE_1_DEC, "impossible"),
    ("14.30", TUE_1_DEC, "impossible"),
    ("pe 31.2.", TUE_1_DEC, "impossible"),
    ("vko 54", TUE_1_DEC, "impossible"),
    ("vko 0", TUE_1_DEC, "impossible"),
    ("vko 53", date(2027, 6, 1), "impossible"),  # 2027 has no week 53
    ("vko 53", date(2027, 1, 2), "impossible"),  # 2026-W53 is over, 2027 has none
    ("2026-01-01", TUE_1_DEC, "past"),
    ("1.1.2026", TUE_1_DEC, "past"),
    ("30.11.2026", TUE_1_DEC, "past"),
    ("11.12.25", TUE_1_DEC, "past"),
    ("pe 4.12.2020", TUE_1_DEC, "past"),
    ("", TUE_1_DEC, "unrecognised"),
    ("   ", TUE_1_DEC, "unrecognised"),
    ("joskus", TUE_1_DEC, "unrecognised"),
    ("pe pe", TUE_1_DEC, "unrecognised"),
    ("ensi", TUE_1_DEC, "unrecognised"),
    ("12", TUE_1_DEC, "unrecognised"),
    ("12.12.202", TUE_1_DEC, "unrecognised"),
    ("klo 14", TUE_1_DEC, "unrecognised"),
    ("huomenna klo 14", TUE_1_DEC, "unrecognised"),
    ("före fredag", TUE_1_DEC, "unrecognised"),
    ("31. helmikuuta", TUE_1_DEC, "impossible"),
    ("32. joulukuuta", TUE_1_DEC, "impossible"),
    ("1. joulukuuta 2025", TUE_1_DEC, "past"),
    ("pe 12. joulukuuta", TUE_1_DEC, "weekday_mismatch"),
    ("12. joulukuun", TUE_1_DEC, "unrecognised"),  # the genitive goes before the day
    ("joulukuuta 12.", TUE_1_DEC, "unrecognised"),
    ("12. kuuta", TUE_1_DEC, "unrecognised"),
    ("ensi", TUE_1_DEC, "unrecognised"),
    ("ensi viikon", TUE_1_DEC, "unrecognised"),
    ("ensi pe 11.12.", TUE_1_DEC, "unrecognised"),
    ("kuun", TUE_1_DEC, "unrecognised"),
]


@pytest.mark.parametrize(("text", "today", "code"), DATE_ERRORS)
def test_parse_date_errors(text: str, today: date, code: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date(text, today=today)
    assert caught.value.code == code
    assert isinstance(caught.value, ValueError)


def test_weekday_mismatch_carries_both_readings() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_date("pe 12.12.", today=TUE_1_DEC)
    params = caught.value.params
    assert params["written"] == date(2026, 12, 12)
    assert date(2026, 12, 12).weekday() == 5  # a Saturday
    assert params["weekday_date"] == date(2026, 12, 11)  # the Friday nearest the written date
    assert params["weekday"] == 4


def test_past_and_impossible_params() -> None:
    with pytest.raises(DateParseError) as past:
        parse_date("2026-01-01", today=TUE_1_DEC)
    assert past.value.params == {"date": date(2026, 1, 1)}
    with pytest.raises(DateParseError) as impossible:
        parse_date("31.2.", today=TUE_1_DEC)
    assert impossible.value.params == {"day": 31, "month": 2, "year": None}


# --- parse_datetime -----------------------------------------------------------------------

MARCH_1 = hki(2026, 3, 1, 0, 0)
DEC_1_NOON = hki(2026, 12, 1, 12, 0)  # Tuesday

DATETIME_CASES: list[tuple[str, datetime, datetime]] = [
    # daylight saving: summer time starts 29.3.2026 03.00 -> 04.00 and ends 25.10.2026
    ("28.3.2026 klo 14", MARCH_1, utc(2026, 3, 28, 12, 0)),
    ("29.3.2026 klo 14", MARCH_1, utc(2026, 3, 29, 11, 0)),  # already summer time, UTC+3
    ("29.3.2026 klo 2.59", MARCH_1, utc(2026, 3, 29, 0, 59)),
    ("29.3.2026 klo 4", MARCH_1, utc(2026, 3, 29, 1, 0)),
    ("30.3.2026 klo 14", MARCH_1, utc(2026, 3, 30, 11, 0)),
    ("25.10.2026 klo 14", MARCH_1, utc(2026, 10, 25, 12, 0)),
    ("25.10.2026 klo 3.30", MARCH_1, utc(2026, 10, 25, 0, 30)),  # ambiguous: the first
    ("25.10.2026 klo 4.30", MARCH_1, utc(2026, 10, 25, 2, 30)),
    ("24.10.2026 klo 14", MARCH_1, utc(2026, 10, 24, 11, 0)),
    # the forms
    ("pe 11.12. klo 14", DEC_1_NOON, utc(2026, 12, 11, 12, 0)),
    ("huomenna klo 9.30", DEC_1_NOON, utc(2026, 12, 2, 7, 30)),
    ("11.12.2026 14:00", DEC_1_NOON, utc(2026, 12, 11, 12, 0)),
    ("2026-12-11 14:00", DEC_1_NOON, utc(2026, 12, 11, 12, 0)),
    ("2026-12-11T14:00", DEC_1_NOON, utc(2026, 12, 11, 12, 0)),
    ("ti klo 10", hki(2026, 11, 30, 12, 0), utc(2026, 12, 1, 8, 0)),
    ("ti klo 13", DEC_1_NOON, utc(2026, 12, 1, 11, 0)),  # today, later
    ("ti 14.30", DEC_1_NOON, utc(2026, 12, 1, 12, 30)),
    ("11.12. 14.30", DEC_1_NOON, utc(2026, 12, 11, 12, 30)),
    ("12.12 14.30", DEC_1_NOON, utc(2026, 12, 12, 12, 30)),
    ("pe kl. 14.30", DEC_1_NOON, utc(2026, 12, 4, 12, 30)),
    ("pe kl 14", DEC_1_NOON, utc(2026, 12, 4, 12, 0)),
    ("pe klo 9.05", DEC_1_NOON, utc(2026, 12, 4, 7, 5)),
    ("pe, klo 9:05", DEC_1_NOON, utc(2026, 12, 4, 7, 5)),
    ("PE KLO 0", DEC_1_NOON, utc(2026, 12, 3, 22, 0)),
    ("pe klo 23.59", DEC_1_NOON, utc(2026, 12, 4, 21, 59)),
    ("klo 14 huomenna", DEC_1_NOON, utc(2026, 12, 2, 12, 0)),
    ("fr 11.12.2026 kl. 14.00", DEC_1_NOON, utc(2026, 12, 11, 12, 0)),
    ("i morgon kl. 8", DEC_1_NOON, utc(2026, 12, 2, 6, 0)),
    ("Fri 11.12.2026 14:00", DEC_1_NOON, utc(2026, 12, 11, 12, 0)),
    ("tomorrow at 9:00", DEC_1_NOON, utc(2026, 12, 2, 7, 0)),
    ("tänään klo 12", DEC_1_NOON, utc(2026, 12, 1, 10, 0)),  # exactly now is accepted
    # now given in another zone: today is the date in tz
    ("tänään klo 23", utc(2026, 12, 1, 22, 30), utc(2026, 12, 1, 21, 0) + timedelta(days=1)),
]


@pytest.mark.parametrize(("text", "now", "expected"), DATETIME_CASES)
def test_parse_datetime(text: str, now: datetime, expected: datetime) -> None:
    result = parse_datetime(text, now=now, tz=HKI)
    assert result.astimezone(UTC) == expected
    assert result.tzinfo is HKI
    assert result.fold == 0


def test_ambiguous_time_takes_the_first_occurrence() -> None:
    result = parse_datetime("25.10.2026 klo 3.30", now=MARCH_1, tz=HKI)
    assert result.utcoffset() == timedelta(hours=3)
    assert (result.hour, result.minute) == (3, 30)


def test_default_time() -> None:
    result = parse_datetime("pe", now=DEC_1_NOON, tz=HKI, default_time=time(9))
    assert result == hki(2026, 12, 4, 9, 0)
    with pytest.raises(DateParseError) as caught:
        parse_datetime("tänään", now=DEC_1_NOON, tz=HKI, default_time=time(9))
    assert caught.value.code == "past"


def test_datetime_in_another_zone() -> None:
    result = parse_datetime("11.12.2026 14:00", now=DEC_1_NOON, tz=NEW_YORK)
    assert result.astimezone(UTC) == utc(2026, 12, 11, 19, 0)


DATETIME_ERRORS: list[tuple[str, datetime, str]] = [
    ("pe", DEC_1_NOON, "missing_time"),
    ("11.12.2026", DEC_1_NOON, "missing_time"),
    ("pe 11.12", DEC_1_NOON, "missing_time"),
    ("klo 14", DEC_1_NOON, "missing_date"),
    ("14:30", DEC_1_NOON, "missing_date"),
    ("14.30", DEC_1_NOON, "missing_date"),
    ("klo 24", DEC_1_NOON, "impossible_time"),
    ("24:00", DEC_1_NOON, "impossible_time"),
    ("pe 24:00", DEC_1_NOON, "impossible_time"),
    ("huomenna 14.60", DEC_1_NOON, "impossible_time"),
    ("pe klo 25.00", DEC_1_NOON, "impossible_time"),
    ("29.3.2026 klo 3.30", MARCH_1, "nonexistent_time"),
    ("29.3.2026 klo 3", MARCH_1, "nonexistent_time"),
    ("tänään klo 11.59", DEC_1_NOON, "past"),
    ("ti klo 10", DEC_1_NOON, "past"),  # a weekday alone includes today, even for times
    ("1.1.2026 klo 10", DEC_1_NOON, "past"),
    ("pe 12.12. klo 14", DEC_1_NOON, "weekday_mismatch"),
    ("31.2. klo 14", DEC_1_NOON, "impossible"),
    ("vko 54 klo 14", DEC_1_NOON, "impossible"),
    ("joskus klo 14", DEC_1_NOON, "unrecognised"),
    ("pe 14", DEC_1_NOON, "unrecognised"),
    ("klo", DEC_1_NOON, "unrecognised"),
    ("", DEC_1_NOON, "unrecognised"),
    # a time said in words is refused with its reason
    ("huomenna puoli kolme", DEC_1_NOON, "spoken_time"),
    ("Huomenna klo puoli 3", DEC_1_NOON, "spoken_time"),
    ("pe varttia yli kaksi", DEC_1_NOON, "spoken_time"),
    ("pe varttia vaille kolme", DEC_1_NOON, "spoken_time"),
    ("pe vartin yli", DEC_1_NOON, "spoken_time"),
    ("i morgon halv tre", DEC_1_NOON, "spoken_time"),
    ("fredag kvart över två", DEC_1_NOON, "spoken_time"),
    ("fredag kvart i tre", DEC_1_NOON, "spoken_time"),
    ("tomorrow half past two", DEC_1_NOON, "spoken_time"),
    ("tomorrow quarter to three", DEC_1_NOON, "spoken_time"),
    # a range is not one time
    ("huomenna klo 14-15", DEC_1_NOON, "unrecognised"),
]


@pytest.mark.parametrize(("text", "now", "code"), DATETIME_ERRORS)
def test_parse_datetime_errors(text: str, now: datetime, code: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_datetime(text, now=now, tz=HKI)
    assert caught.value.code == code


def test_datetime_error_params() -> None:
    with pytest.raises(DateParseError) as missing:
        parse_datetime("pe", now=DEC_1_NOON, tz=HKI)
    assert missing.value.params == {"date": date(2026, 12, 4)}
    with pytest.raises(DateParseError) as no_date:
        parse_datetime("klo 14", now=DEC_1_NOON, tz=HKI)
    assert no_date.value.params == {"time": time(14)}
    with pytest.raises(DateParseError) as gap:
        parse_datetime("29.3.2026 klo 3.30", now=MARCH_1, tz=HKI)
    assert gap.value.params == {"local": datetime(2026, 3, 29, 3, 30)}


def test_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="aware"):
        parse_datetime("pe klo 14", now=datetime(2026, 12, 1, 12), tz=HKI)


# --- parse_datetime_span -------------------------------------------------------------------

SPAN_CASES: list[tuple[str, datetime, tuple[datetime, datetime | None]]] = [
    ("huomenna klo 14-15", DEC_1_NOON, (hki(2026, 12, 2, 14, 0), hki(2026, 12, 2, 15, 0))),
    ("huomenna klo 14–15", DEC_1_NOON, (hki(2026, 12, 2, 14, 0), hki(2026, 12, 2, 15, 0))),
    ("huomenna klo 14—15", DEC_1_NOON, (hki(2026, 12, 2, 14, 0), hki(2026, 12, 2, 15, 0))),
    ("huomenna klo 14 - 15", DEC_1_NOON, (hki(2026, 12, 2, 14, 0), hki(2026, 12, 2, 15, 0))),
    ("pe klo 14.30–15.15", DEC_1_NOON, (hki(2026, 12, 4, 14, 30), hki(2026, 12, 4, 15, 15))),
    ("pe kl. 9:05-10", DEC_1_NOON, (hki(2026, 12, 4, 9, 5), hki(2026, 12, 4, 10, 0))),
    ("pe 11.12. 14.30-15", DEC_1_NOON, (hki(2026, 12, 11, 14, 30), hki(2026, 12, 11, 15, 0))),
    ("pe 11.12.2026, klo 8-9", DEC_1_NOON, (hki(2026, 12, 11, 8, 0), hki(2026, 12, 11, 9, 0))),
    ("klo 14-15 huomenna", DEC_1_NOON, (hki(2026, 12, 2, 14, 0), hki(2026, 12, 2, 15, 0))),
    ("12. joulukuuta klo 9-10", DEC_1_NOON, (hki(2026, 12, 12, 9, 0), hki(2026, 12, 12, 10, 0))),
    ("ensi maanantaina klo 9-11", DEC_1_NOON, (hki(2026, 12, 7, 9, 0), hki(2026, 12, 7, 11, 0))),
    (
        "pe 11.12.2026 klo 14.00–15.00",
        DEC_1_NOON,
        (hki(2026, 12, 11, 14, 0), hki(2026, 12, 11, 15, 0)),
    ),
    (
        "Fri 11.12.2026 14:00–15:00",
        DEC_1_NOON,
        (hki(2026, 12, 11, 14, 0), hki(2026, 12, 11, 15, 0)),
    ),
    ("tänään klo 12-12.01", DEC_1_NOON, (hki(2026, 12, 1, 12, 0), hki(2026, 12, 1, 12, 1))),
    # no range: parse_datetime's start, no end
    ("huomenna klo 14", DEC_1_NOON, (hki(2026, 12, 2, 14, 0), None)),
    ("2026-12-11 14:00", DEC_1_NOON, (hki(2026, 12, 11, 14, 0), None)),
]


@pytest.mark.parametrize(("text", "now", "expected"), SPAN_CASES)
def test_parse_datetime_span(
    text: str, now: datetime, expected: tuple[datetime, datetime | None]
) -> None:
    start, end = parse_datetime_span(text, now=now, tz=HKI)
    assert (start, end) == expected
    assert start.tzinfo is HKI


SPAN_ERRORS: list[tuple[str, datetime, str]] = [
    ("huomenna klo 15-14", DEC_1_NOON, "end_before_start"),
    ("huomenna klo 14-14", DEC_1_NOON, "end_before_start"),
    ("huomenna klo 14-25", DEC_1_NOON, "impossible_time"),
    ("huomenna klo 14.60-15", DEC_1_NOON, "impossible_time"),
    ("klo 14-15", DEC_1_NOON, "missing_date"),
    ("tänään klo 11-13", DEC_1_NOON, "past"),
    ("joskus klo 14-15", DEC_1_NOON, "unrecognised"),
    ("29.3.2026 klo 2-3.30", MARCH_1, "nonexistent_time"),
    ("huomenna puoli kolme", DEC_1_NOON, "spoken_time"),
    ("huomenna 14-15", DEC_1_NOON, "unrecognised"),  # a range needs `klo` or minutes
    ("pe", DEC_1_NOON, "missing_time"),
]


@pytest.mark.parametrize(("text", "now", "code"), SPAN_ERRORS)
def test_parse_datetime_span_errors(text: str, now: datetime, code: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_datetime_span(text, now=now, tz=HKI)
    assert caught.value.code == code


def test_end_before_start_params() -> None:
    with pytest.raises(DateParseError) as caught:
        parse_datetime_span("huomenna klo 15-14.30", now=DEC_1_NOON, tz=HKI)
    assert caught.value.params == {"start": time(15), "end": time(14, 30)}


# --- split_trailing_date ------------------------------------------------------------------

SPLIT_CASES: list[tuple[str, tuple[str, date | None]]] = [
    ("Soita Kelaan pe mennessä", ("Soita Kelaan", date(2026, 12, 4))),
    ("Soita Kelaan mennessä 11.12.", ("Soita Kelaan", FRI_11_DEC)),
    ("Soita Kelaan viimeistään pe", ("Soita Kelaan", date(2026, 12, 4))),
    ("Soita Kelaan viimeistään pe mennessä", ("Soita Kelaan", date(2026, 12, 4))),
    ("Soita Kelaan perjantaihin mennessä.", ("Soita Kelaan", date(2026, 12, 4))),
    ("Soita Kelaan 11.12.2026 mennessä", ("Soita Kelaan", FRI_11_DEC)),
    ("Soita Kelaan pe 11.12. mennessä", ("Soita Kelaan", FRI_11_DEC)),
    ("Soita Kelaan, viimeistään huomenna.", ("Soita Kelaan", date(2026, 12, 2))),
    ("Soita  Kelaan   PE MENNESSA", ("Soita  Kelaan", date(2026, 12, 4))),
    ("Varaa aika 3 pv päästä mennessä", ("Varaa aika", date(2026, 12, 4))),
    ("Hae tuki vko 50 mennessä", ("Hae tuki", FRI_11_DEC)),
    ("Hae tuki ensi viikon aikana", ("Hae tuki ensi viikon aikana", None)),
    ("Ring FPA senast fr", ("Ring FPA", date(2026, 12, 4))),
    ("Ring FPA senast i morgon", ("Ring FPA", date(2026, 12, 2))),
    ("Ring FPA senast om 3 dagar", ("Ring FPA", date(2026, 12, 4))),
    ("Call Kela by Friday", ("Call Kela", date(2026, 12, 4))),
    ("Meet John by the lake", ("Meet John by the lake", None)),
    ("Soita Kelaan", ("Soita Kelaan", None)),
    ("Soita Kelaan pe", ("Soita Kelaan pe", None)),
    ("", ("", None)),
    ("pe mennessä", ("", date(2026, 12, 4))),
    ("Hae tuki kuun loppuun mennessä", ("Hae tuki", date(2026, 12, 31))),
    ("Hae tuki viimeistään kuun lopussa", ("Hae tuki", date(2026, 12, 31))),
    ("Soita Kelaan ensi maanantaihin mennessä", ("Soita Kelaan", date(2026, 12, 7))),
    ("Soita Kelaan ensi viikon perjantaihin mennessä", ("Soita Kelaan", FRI_11_DEC)),
    ("Soita Kelaan 12. joulukuuta mennessä", ("Soita Kelaan", SAT_12_DEC)),
    ("Soita Kelaan joulukuun 12. päivään mennessä", ("Soita Kelaan", SAT_12_DEC)),
    ("Soita Kelaan viimeistään 12. joulukuuta 2027", ("Soita Kelaan", date(2027, 12, 12))),
    ("Ring FPA senast i slutet av månaden", ("Ring FPA", date(2026, 12, 31))),
    ("Call Kela by the end of the month", ("Call Kela", date(2026, 12, 31))),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_CASES)
def test_split_trailing_date(text: str, expected: tuple[str, date | None]) -> None:
    assert split_trailing_date(text, today=TUE_1_DEC) == expected


SPLIT_ERRORS: list[tuple[str, str]] = [
    ("Soita Kelaan mennessä", "unrecognised"),
    ("mennessä", "unrecognised"),
    ("Soita Kelaan viimeistään joskus", "unrecognised"),
    ("Soita Kelaan mennessä ensi kuussa", "unrecognised"),
    ("Soita Kelaan pe 12.12. mennessä", "weekday_mismatch"),
    ("Soita Kelaan 31.2. mennessä", "impossible"),
    ("Soita Kelaan viimeistään 1.1.2020", "past"),
    ("Ring FPA senast någon gång", "unrecognised"),
]


@pytest.mark.parametrize(("text", "code"), SPLIT_ERRORS)
def test_split_trailing_date_errors(text: str, code: str) -> None:
    with pytest.raises(DateParseError) as caught:
        split_trailing_date(text, today=TUE_1_DEC)
    assert caught.value.code == code


# --- formatting ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (FRI_11_DEC, "fi", "pe 11.12.2026"),
        (FRI_11_DEC, "sv", "fr 11.12.2026"),
        (FRI_11_DEC, "en", "Fri 11.12.2026"),
        (date(2027, 1, 2), "fi", "la 2.1.2027"),
        (date(2027, 1, 2), "sv", "lö 2.1.2027"),
        (date(2027, 1, 3), "sv", "sö 3.1.2027"),
        (date(2026, 12, 7), "sv", "må 7.12.2026"),
        (FRI_11_DEC, "sv-FI", "fr 11.12.2026"),
        (FRI_11_DEC, "de", "pe 11.12.2026"),
    ],
)
def test_format_date(value: date, lang: str, expected: str) -> None:
    assert format_date(value, lang) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (time(14), "fi", "klo 14.00"),
        (time(14), "sv", "kl. 14.00"),
        (time(14), "en", "14:00"),
        (time(9, 5), "fi", "klo 9.05"),
        (time(9, 5), "en", "09:05"),
        (time(0, 0), "fi", "klo 0.00"),
        (datetime(2026, 12, 11, 14, 30), "fi", "klo 14.30"),
    ],
)
def test_format_time(value: time | datetime, lang: str, expected: str) -> None:
    assert format_time(value, lang) == expected


def test_format_datetime() -> None:
    assert format_datetime(utc(2026, 12, 11, 12, 0), HKI) == "pe 11.12.2026 klo 14.00"
    assert format_datetime(utc(2026, 6, 1, 11, 0), HKI) == "ma 1.6.2026 klo 14.00"
    assert format_datetime(utc(2026, 12, 11, 12, 0), HKI, "sv") == "fr 11.12.2026 kl. 14.00"
    assert format_datetime(utc(2026, 12, 11, 12, 0), HKI, "en") == "Fri 11.12.2026 14:00"
    assert format_datetime(utc(2026, 12, 31, 22, 30), HKI) == "pe 1.1.2027 klo 0.30"
    with pytest.raises(ValueError, match="aware"):
        format_datetime(datetime(2026, 12, 11, 12), HKI)


def test_format_span() -> None:
    start, end = utc(2026, 12, 11, 12, 0), utc(2026, 12, 11, 13, 15)
    assert format_span(start, end, HKI) == "pe 11.12.2026 klo 14.00–15.15"
    assert format_span(start, end, HKI, "sv") == "fr 11.12.2026 kl. 14.00–15.15"
    assert format_span(start, end, HKI, "en") == "Fri 11.12.2026 14:00–15:15"
    assert format_span(start, None, HKI) == "pe 11.12.2026 klo 14.00"
    next_day = utc(2026, 12, 12, 8, 0)
    assert format_span(start, next_day, HKI) == "pe 11.12.2026 klo 14.00 – la 12.12.2026 klo 10.00"
    assert span(start, end, HKI).text == "pe 11.12.2026 klo 14.00–15.15"
    assert span(start, end, HKI).value == start


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
@pytest.mark.parametrize("offset", range(7))
def test_every_weekday_abbreviation_round_trips(lang: str, offset: int) -> None:
    value = WED_9_DEC + timedelta(days=offset)
    assert parse_date(format_date(value, lang), today=WED_9_DEC) == value
    abbreviation = format_date(value, lang).split()[0]
    assert parse_date(abbreviation, today=WED_9_DEC) == value


# --- properties ---------------------------------------------------------------------------

TODAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))
NOWS = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2090, 12, 31), timezones=st.just(UTC)
)
ZONES = st.sampled_from([HKI, ZoneInfo("UTC"), NEW_YORK, ZoneInfo("Australia/Lord_Howe")])
VOCABULARY = [
    "pe",
    "ma",
    "su",
    "lö",
    "Fredag",
    "den",
    "på",
    "12.12.",
    "11.12.2026",
    "29.2.",
    "31.2.",
    "2026-12-11",
    "2026-12-11T14:00",
    "12.1",
    "klo",
    "kl.",
    "14",
    "14.30",
    "9:05",
    "24:00",
    "mennessä",
    "viimeistään",
    "senast",
    "by",
    "vko",
    "53",
    "1",
    "ensi",
    "viikolla",
    "huomenna",
    "tänään",
    "i",
    "morgon",
    "om",
    "3",
    "999999",
    "dagar",
    "päivän",
    "päästä",
    "viikon",
    ".",
    ",",
    "14-15",
    "14.30–15.15",
    "-",
    "–",
    "puoli",
    "kolme",
    "varttia",
    "yli",
    "12.",
    "joulukuuta",
    "joulukuun",
    "päivä",
    "kuun",
    "loppuun",
    "maanantaina",
]
TEXTS = st.one_of(
    st.text(),
    st.lists(st.sampled_from(VOCABULARY), max_size=6).map(" ".join),
)


@settings(deadline=None)
@given(text=TEXTS, today=TODAYS)
def test_parse_date_only_raises_date_parse_error_and_never_goes_back(
    text: str, today: date
) -> None:
    try:
        result = parse_date(text, today=today)
    except DateParseError as exc:
        assert exc.code in DateParseError.CODES
    else:
        assert result >= today


@settings(deadline=None)
@given(
    text=TEXTS,
    now=NOWS,
    tz=ZONES,
    default_time=st.one_of(st.none(), st.times()),
)
def test_parse_datetime_only_raises_date_parse_error_and_never_goes_back(
    text: str, now: datetime, tz: ZoneInfo, default_time: time | None
) -> None:
    try:
        result = parse_datetime(text, now=now, tz=tz, default_time=default_time)
    except DateParseError as exc:
        assert exc.code in DateParseError.CODES
    else:
        assert result.astimezone(UTC) >= now
        assert result.tzinfo is tz


@settings(deadline=None)
@given(text=TEXTS, now=NOWS, tz=ZONES)
def test_parse_datetime_span_only_raises_date_parse_error_and_never_goes_back(
    text: str, now: datetime, tz: ZoneInfo
) -> None:
    try:
        start, end = parse_datetime_span(text, now=now, tz=tz)
    except DateParseError as exc:
        assert exc.code in DateParseError.CODES
    else:
        assert start.astimezone(UTC) >= now
        assert end is None or end.astimezone(UTC) > start.astimezone(UTC)


@settings(deadline=None)
@given(text=TEXTS, today=TODAYS)
def test_split_trailing_date_only_raises_date_parse_error(text: str, today: date) -> None:
    try:
        rest, deadline = split_trailing_date(text, today=today)
    except DateParseError as exc:
        assert exc.code in DateParseError.CODES
    else:
        if deadline is None:
            assert rest == text
        else:
            assert deadline >= today
            assert len(rest) < len(text)


@st.composite
def today_and_later_date(draw: st.DrawFn) -> tuple[date, date]:
    today = draw(TODAYS)
    later = draw(st.dates(min_value=today, max_value=date(9999, 12, 31)))
    return today, later


@settings(deadline=None)
@given(pair=today_and_later_date(), lang=st.sampled_from(["fi", "sv", "en"]))
def test_format_date_round_trips(pair: tuple[date, date], lang: str) -> None:
    today, value = pair
    assert parse_date(format_date(value, lang), today=today) == value
    assert parse_date(f"{value.day}.{value.month}.{value.year}", today=today) == value
    assert parse_date(value.strftime("%d.%m.%Y"), today=today) == value
    assert parse_date(value.isoformat(), today=today) == value


@settings(deadline=None)
@given(today=TODAYS, days=st.integers(min_value=0, max_value=364))
def test_date_without_year_is_the_next_occurrence(today: date, days: int) -> None:
    value = today + timedelta(days=days)
    assume((value.month, value.day) != (2, 29))
    assert parse_date(f"{value.day}.{value.month}.", today=today) == value
    assert parse_date(f"{value.day}.{value.month}", today=today) == value


@settings(deadline=None)
@given(
    now=NOWS,
    local=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)),
    tz=ZONES,
    lang=st.sampled_from(["fi", "sv", "en"]),
)
def test_format_datetime_round_trips(
    now: datetime, local: datetime, tz: ZoneInfo, lang: str
) -> None:
    value = local.replace(second=0, microsecond=0, tzinfo=tz)
    as_utc = value.astimezone(UTC)
    assume(as_utc.astimezone(tz).replace(tzinfo=None) == value.replace(tzinfo=None))
    assume(as_utc >= now)
    result = parse_datetime(format_datetime(value, tz, lang), now=now, tz=tz)
    assert result.astimezone(UTC) == as_utc
    assert result.replace(tzinfo=None) == value.replace(tzinfo=None)


@settings(deadline=None)
@given(
    now=NOWS,
    local=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)),
    minutes=st.integers(min_value=1, max_value=24 * 60),
    lang=st.sampled_from(["fi", "sv", "en"]),
)
def test_format_span_round_trips(now: datetime, local: datetime, minutes: int, lang: str) -> None:
    start = local.replace(second=0, microsecond=0, tzinfo=HKI)
    end = start + timedelta(minutes=minutes)
    for value in (start, end):
        as_utc = value.astimezone(UTC)
        assume(as_utc.astimezone(HKI).replace(tzinfo=None) == value.replace(tzinfo=None))
    assume(end.date() == start.date() and start.astimezone(UTC) >= now)
    parsed = parse_datetime_span(format_span(start, end, HKI, lang), now=now, tz=HKI)
    assert parsed == (start, end)
