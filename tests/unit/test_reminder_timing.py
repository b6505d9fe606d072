"""bot.reminders.timing: reminder offsets, clock times and quiet hours."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.reminders.timing import (
    MAX_DURATION,
    QuietHours,
    TimingError,
    parse_clock_time,
    parse_duration,
    parse_durations,
)

HKI = ZoneInfo("Europe/Helsinki")
NEW_YORK = ZoneInfo("America/New_York")
KATHMANDU = ZoneInfo("Asia/Kathmandu")  # +05:45, no DST
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")  # 30-minute DST change

H = timedelta(hours=1)
M = timedelta(minutes=1)
D = timedelta(days=1)

NIGHTS = QuietHours.parse("20-7", HKI)
OFF = QuietHours.parse("off", HKI)


def hki(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=HKI)


# --- parse_duration / parse_durations ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1h", H),
        ("90m", 90 * M),
        ("2d", 2 * D),
        ("24h", D),
        (" 30m ", 30 * M),
        ("30 m", 30 * M),
        ("1H", H),
        ("366d", MAX_DURATION),
        ("05m", 5 * M),
    ],
)
def test_parse_duration(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", " ", "h", "1", "0h", "0m", "-1h", "+1h", "1.5h", "1,5h", "1w", "1s", "1hh", "1 h 2",
     "1h30m", "367d", "9000h", "99999999999999999999d", "١h", "²h", "1 min"],
)  # fmt: skip
def test_parse_duration_rejects(text: str) -> None:
    with pytest.raises(TimingError) as error:
        parse_duration(text)
    assert repr(text) in str(error.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24h,1h", (D, H)),
        ("1h,24h", (D, H)),
        ("30m, 2d", (2 * D, 30 * M)),
        (" 1h , 1h ", (H,)),
        ("60m,1h,1d,24h", (D, H)),
        ("15m", (15 * M,)),
        ("1d,2d,3d", (3 * D, 2 * D, D)),
    ],
)
def test_parse_durations(text: str, expected: tuple[timedelta, ...]) -> None:
    assert parse_durations(text) == expected


@pytest.mark.parametrize(
    "text", ["", "  ", ",", "24h,", ",1h", "24h,,1h", "24h,0m", "24h,-1h", "24h,1x", "24h;1h"]
)
def test_parse_durations_rejects(text: str) -> None:
    with pytest.raises(TimingError):
        parse_durations(text)


@given(st.lists(st.tuples(st.integers(1, 366), st.sampled_from("mhd")), min_size=1, max_size=6))
def test_parse_durations_sorted_unique(items: list[tuple[int, str]]) -> None:
    text = ", ".join(f"{n}{unit}" for n, unit in items)
    result = parse_durations(text)
    assert list(result) == sorted(set(result), reverse=True)
    assert set(result) == {parse_duration(f"{n}{unit}") for n, unit in items}
    assert all(value > timedelta(0) for value in result)


# --- parse_clock_time ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:00", time(9, 0)),
        ("9:00", time(9, 0)),
        ("9.00", time(9, 0)),
        ("9", time(9, 0)),
        ("09", time(9, 0)),
        (" 9.30 ", time(9, 30)),
        ("0", time(0, 0)),
        ("00:00", time(0, 0)),
        ("23:59", time(23, 59)),
        ("7.05", time(7, 5)),
    ],
)
def test_parse_clock_time(text: str, expected: time) -> None:
    assert parse_clock_time(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "24", "24:00", "9:60", "9:5", "9:", ":30", "900", "09:00:00", "9am", "-1", "a",
     "9,00", "١٢:00", "123:00"],
)  # fmt: skip
def test_parse_clock_time_rejects(text: str) -> None:
    with pytest.raises(TimingError) as error:
        parse_clock_time(text)
    assert repr(text) in str(error.value)


@given(st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_parse_clock_time_round_trip(value: time) -> None:
    assert parse_clock_time(f"{value.hour}:{value.minute:02}") == value
    assert parse_clock_time(f"{value.hour:02}.{value.minute:02}") == value


# --- QuietHours.parse ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("20-7", 20, 7),
        ("22-6", 22, 6),
        (" 22 - 06 ", 22, 6),
        ("20:00-07:00", 20, 7),
        ("20.00–7.00", 20, 7),
        ("0-7", 0, 7),
        ("23-0", 23, 0),
        ("off", None, None),
        (" OFF ", None, None),
    ],
)
def test_quiet_hours_parse(text: str, start: int | None, end: int | None) -> None:
    quiet = QuietHours.parse(text, HKI)
    assert (quiet.start, quiet.end, quiet.tz) == (start, end, HKI)
    assert quiet.enabled is (start is not None)


@pytest.mark.parametrize(
    "text", ["", "20", "20-", "-7", "7-7", "24-7", "20-24", "20-7-8", "20:30-7", "on", "ei", "x-y"]
)
def test_quiet_hours_parse_rejects(text: str) -> None:
    with pytest.raises(TimingError) as error:
        QuietHours.parse(text, HKI)
    assert repr(text) in str(error.value)


@pytest.mark.parametrize(("start", "end"), [(20, None), (None, 7), (7, 7), (24, 7), (20, -1)])
def test_quiet_hours_constructor_validates(start: int | None, end: int | None) -> None:
    with pytest.raises(TimingError):
        QuietHours(start, end, HKI)


def test_quiet_hours_str() -> None:
    assert str(NIGHTS) == "20-7"
    assert str(OFF) == "off"
    assert QuietHours.parse(str(NIGHTS), HKI) == NIGHTS


def test_naive_datetimes_rejected() -> None:
    naive = datetime(2026, 12, 1, 12, 0)
    with pytest.raises(TimingError):
        NIGHTS.is_quiet(naive)
    with pytest.raises(TimingError):
        NIGHTS.next_allowed(naive)
    with pytest.raises(TimingError):
        NIGHTS.last_allowed_before(naive)
    with pytest.raises(TimingError):
        NIGHTS.last_allowed_before(hki(2026, 12, 1, 12), not_before=naive)


# --- is_quiet ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "quiet"),
    [
        # Tuesday 1.12.2026, nightly boundaries
        (hki(2026, 12, 1, 19, 59), False),
        (hki(2026, 12, 1, 20, 0), True),
        (hki(2026, 12, 1, 23, 59), True),
        (hki(2026, 12, 2, 0, 0), True),
        (hki(2026, 12, 2, 6, 59), True),
        (hki(2026, 12, 2, 7, 0), False),
        (hki(2026, 12, 2, 12, 0), False),
        (hki(2026, 12, 1, 19, 59) + timedelta(seconds=59, microseconds=999_999), False),
        # Weekends are quiet all day
        (hki(2026, 12, 4, 19, 59), False),  # Friday
        (hki(2026, 12, 5, 12, 0), True),  # Saturday
        (hki(2026, 12, 6, 12, 0), True),  # Sunday (and Independence Day)
        (hki(2026, 12, 7, 6, 59), True),  # Monday morning
        (hki(2026, 12, 7, 7, 0), False),
        # Finnish public holidays on weekdays
        (hki(2026, 1, 1, 12), True),  # New Year's Day, Thursday
        (hki(2026, 1, 6, 12), True),  # Epiphany, Tuesday
        (hki(2026, 4, 2, 12), False),  # Maundy Thursday is a working day
        (hki(2026, 4, 3, 12), True),  # Good Friday
        (hki(2026, 4, 6, 12), True),  # Easter Monday
        (hki(2026, 4, 7, 12), False),
        (hki(2026, 4, 30, 12), False),  # Walpurgis Eve is a working day
        (hki(2026, 5, 1, 12), True),  # May Day, Friday
        (hki(2026, 5, 14, 12), True),  # Ascension Day, Thursday
        (hki(2026, 6, 19, 12), True),  # Midsummer Eve, Friday: in holidays.Finland()
        (hki(2026, 12, 23, 12), False),
        (hki(2026, 12, 24, 12), True),  # Christmas Eve, Thursday: in holidays.Finland()
        (hki(2026, 12, 25, 12), True),  # Christmas Day
        (hki(2026, 12, 26, 12), True),  # Second Day of Christmas (Saturday)
        (hki(2026, 12, 28, 12), False),
        (hki(2026, 12, 31, 12), False),  # New Year's Eve is a working day
        (hki(2027, 1, 1, 12), True),  # Friday
        (hki(2027, 1, 6, 12), True),  # Epiphany, Wednesday
        (hki(2027, 12, 6, 12), True),  # Independence Day, Monday
        # DST: spring forward 29.3.2026 (a Sunday), fall back 25.10.2026 (a Sunday)
        (hki(2026, 3, 30, 6, 59), True),
        (hki(2026, 3, 30, 7, 0), False),
        (hki(2026, 10, 26, 6, 59), True),
        (hki(2026, 10, 26, 7, 0), False),
        (hki(2026, 3, 27, 19, 59), False),
        (hki(2026, 3, 27, 20, 0), True),
    ],
)
def test_is_quiet(moment: datetime, quiet: bool) -> None:
    assert NIGHTS.is_quiet(moment) is quiet
    assert NIGHTS.is_quiet(moment.astimezone(UTC)) is quiet
    assert NIGHTS.is_quiet(moment.astimezone(NEW_YORK)) is quiet
    assert OFF.is_quiet(moment) is False


def test_is_quiet_uses_local_time_across_dst() -> None:
    # 07:00 Helsinki is 05:00 UTC in winter and 04:00 UTC in summer.
    assert NIGHTS.is_quiet(datetime(2026, 3, 27, 4, 59, tzinfo=UTC))  # Fri 06:59 EET
    assert not NIGHTS.is_quiet(datetime(2026, 3, 27, 5, 0, tzinfo=UTC))  # Fri 07:00 EET
    assert not NIGHTS.is_quiet(datetime(2026, 3, 30, 4, 0, tzinfo=UTC))  # Mon 07:00 EEST
    assert NIGHTS.is_quiet(datetime(2026, 3, 30, 3, 59, tzinfo=UTC))  # Mon 06:59 EEST
    assert not NIGHTS.is_quiet(datetime(2026, 10, 23, 16, 59, tzinfo=UTC))  # Fri 19:59 EEST
    assert NIGHTS.is_quiet(datetime(2026, 10, 23, 17, 0, tzinfo=UTC))  # Fri 20:00 EEST
    assert not NIGHTS.is_quiet(datetime(2026, 10, 26, 5, 0, tzinfo=UTC))  # Mon 07:00 EET
    assert NIGHTS.is_quiet(datetime(2026, 10, 26, 4, 59, tzinfo=UTC))  # Mon 06:59 EET


def test_window_within_one_day() -> None:
    early = QuietHours.parse("0-7", HKI)
    assert not early.is_quiet(hki(2026, 12, 1, 23, 59))
    assert early.is_quiet(hki(2026, 12, 2, 0, 0))
    assert early.is_quiet(hki(2026, 12, 2, 6, 59))
    assert not early.is_quiet(hki(2026, 12, 2, 7, 0))


# --- next_allowed --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (hki(2026, 12, 1, 12, 0), hki(2026, 12, 1, 12, 0)),  # allowed: itself
        (hki(2026, 12, 1, 19, 59), hki(2026, 12, 1, 19, 59)),
        (hki(2026, 12, 1, 20, 0), hki(2026, 12, 2, 7, 0)),
        (hki(2026, 12, 2, 3, 0), hki(2026, 12, 2, 7, 0)),
        (hki(2026, 12, 2, 6, 59), hki(2026, 12, 2, 7, 0)),
        # over a weekend
        (hki(2026, 12, 4, 21, 0), hki(2026, 12, 7, 7, 0)),
        (hki(2026, 12, 5, 10, 0), hki(2026, 12, 7, 7, 0)),
        (hki(2026, 12, 6, 23, 30), hki(2026, 12, 7, 7, 0)),
        # over Christmas (Thu 24 – Sun 27)
        (hki(2026, 12, 23, 20, 0), hki(2026, 12, 28, 7, 0)),
        (hki(2026, 12, 24, 9, 0), hki(2026, 12, 28, 7, 0)),
        # New Year's Day 2027 is a Friday
        (hki(2026, 12, 31, 22, 0), hki(2027, 1, 4, 7, 0)),
        # Easter: Good Friday to Easter Monday
        (hki(2026, 4, 2, 20, 0), hki(2026, 4, 7, 7, 0)),
        # DST weekends: still 07:00 local on Monday
        (hki(2026, 3, 28, 12, 0), hki(2026, 3, 30, 7, 0)),
        (hki(2026, 10, 24, 12, 0), hki(2026, 10, 26, 7, 0)),
        (datetime(2026, 3, 29, 1, 0, tzinfo=UTC), hki(2026, 3, 30, 7, 0)),  # at the change
    ],
)
def test_next_allowed(moment: datetime, expected: datetime) -> None:
    result = NIGHTS.next_allowed(moment)
    assert result == expected
    assert result.tzinfo is UTC
    assert OFF.next_allowed(moment) == moment


def test_next_allowed_keeps_seconds_when_allowed() -> None:
    moment = datetime(2026, 12, 1, 10, 0, 12, 345, tzinfo=UTC)
    assert NIGHTS.next_allowed(moment) == moment
    assert NIGHTS.next_allowed(moment.astimezone(HKI)).tzinfo is UTC


# --- last_allowed_before -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (hki(2026, 12, 1, 12, 0), hki(2026, 12, 1, 12, 0)),  # allowed: itself
        (hki(2026, 12, 1, 20, 0), hki(2026, 12, 1, 19, 59)),
        (hki(2026, 12, 2, 6, 59), hki(2026, 12, 1, 19, 59)),
        # a 1h-before reminder for a Monday 07:30 meeting: Mon 06:30 -> Fri 19:59
        (hki(2026, 12, 7, 6, 30), hki(2026, 12, 4, 19, 59)),
        (hki(2026, 12, 5, 12, 0), hki(2026, 12, 4, 19, 59)),
        # the day after Christmas: back across the holidays to Wed 23.12.
        (hki(2026, 12, 28, 6, 0), hki(2026, 12, 23, 19, 59)),
        # the day after Easter Monday: back to Maundy Thursday
        (hki(2026, 4, 7, 6, 0), hki(2026, 4, 2, 19, 59)),
        # DST weekends
        (hki(2026, 3, 30, 6, 0), hki(2026, 3, 27, 19, 59)),
        (hki(2026, 10, 26, 6, 0), hki(2026, 10, 23, 19, 59)),
    ],
)
def test_last_allowed_before(moment: datetime, expected: datetime) -> None:
    result = NIGHTS.last_allowed_before(moment)
    assert result == expected
    assert result is not None
    assert result.tzinfo is UTC
    assert OFF.last_allowed_before(moment) == moment


def test_last_allowed_before_not_before() -> None:
    monday_early = hki(2026, 12, 7, 6, 30)
    friday_evening = hki(2026, 12, 4, 19, 59)
    assert NIGHTS.last_allowed_before(monday_early, not_before=friday_evening) == friday_evening
    assert NIGHTS.last_allowed_before(monday_early, not_before=friday_evening + M) is None
    assert NIGHTS.last_allowed_before(monday_early, not_before=hki(2026, 12, 6, 12)) is None
    # an allowed moment before not_before is too early as well
    tuesday_noon = hki(2026, 12, 1, 12)
    assert NIGHTS.last_allowed_before(tuesday_noon, not_before=tuesday_noon) == tuesday_noon
    assert NIGHTS.last_allowed_before(tuesday_noon, not_before=tuesday_noon + M) is None
    assert OFF.last_allowed_before(tuesday_noon, not_before=tuesday_noon + M) is None


def test_reminder_example() -> None:
    """The meeting and nudge rules the scheduler applies, end to end."""
    meeting = hki(2026, 12, 7, 7, 30)  # Monday
    reminders = [meeting - offset for offset in parse_durations("24h,1h")]
    moved = [NIGHTS.last_allowed_before(r) for r in reminders]
    assert moved == [hki(2026, 12, 4, 19, 59), hki(2026, 12, 4, 19, 59)]
    nudge = hki(2026, 12, 5, 9, 0)  # Saturday
    assert NIGHTS.next_allowed(nudge) == hki(2026, 12, 7, 7, 0)


# --- step reminders ------------------------------------------------------------------------

LONG_AGO = datetime(2025, 11, 1, tzinfo=UTC)
NINE = time(9, 0)


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (date(2026, 12, 8), hki(2026, 12, 8, 9)),  # a working day (Tuesday): on the day
        (date(2026, 12, 7), hki(2026, 12, 7, 9)),  # Monday
        (date(2026, 12, 12), hki(2026, 12, 11, 9)),  # Saturday: Friday
        (date(2026, 12, 13), hki(2026, 12, 11, 9)),  # Sunday: Friday
        (date(2026, 12, 6), hki(2026, 12, 4, 9)),  # Independence Day on a Sunday
        (date(2026, 4, 3), hki(2026, 4, 2, 9)),  # Good Friday: Maundy Thursday
        (date(2026, 4, 6), hki(2026, 4, 2, 9)),  # Easter Monday: back over Easter
        (date(2026, 5, 14), hki(2026, 5, 13, 9)),  # Ascension Day
        (date(2026, 6, 19), hki(2026, 6, 18, 9)),  # Midsummer Eve
        (date(2026, 6, 20), hki(2026, 6, 18, 9)),  # Midsummer Day (Saturday)
        (date(2026, 12, 24), hki(2026, 12, 23, 9)),  # Christmas Eve (Thursday)
        (date(2026, 12, 26), hki(2026, 12, 23, 9)),  # Second Day of Christmas (Saturday)
        (date(2026, 12, 27), hki(2026, 12, 23, 9)),  # the Sunday after Christmas
        (date(2026, 12, 31), hki(2026, 12, 31, 9)),  # New Year's Eve is a working day
        (date(2027, 1, 1), hki(2026, 12, 31, 9)),  # New Year's Day: across the year
        (date(2027, 1, 3), hki(2026, 12, 31, 9)),
        (date(2027, 1, 6), hki(2027, 1, 5, 9)),  # Epiphany (Wednesday)
    ],
)
def test_step_reminder(due: date, expected: datetime) -> None:
    result = NIGHTS.step_reminder(due, NINE, now=LONG_AGO)
    assert result == expected
    assert result is not None and result.tzinfo is UTC
    # quiet hours off: no days off either, so on the due day itself
    assert OFF.step_reminder(due, NINE, now=LONG_AGO) == hki(due.year, due.month, due.day, 9)


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (time(6, 0), hki(2026, 12, 11, 7, 0)),  # before the allowed hours: when they begin
        (time(19, 59), hki(2026, 12, 11, 19, 59)),
        (time(22, 0), hki(2026, 12, 11, 19, 59)),  # after them: the last allowed minute
    ],
)
def test_step_reminder_stays_within_the_working_day(at: time, expected: datetime) -> None:
    assert NIGHTS.step_reminder(date(2026, 12, 12), at, now=LONG_AGO) == expected


@pytest.mark.parametrize(
    ("due", "now", "expected"),
    [
        # added on Friday before the reminder: Friday
        (date(2026, 12, 12), hki(2026, 12, 11, 8, 59), hki(2026, 12, 11, 9)),
        # added after it, or on the weekend: the first allowed moment after, as on working days
        (date(2026, 12, 12), hki(2026, 12, 11, 9, 0), hki(2026, 12, 14, 7)),
        (date(2026, 12, 13), hki(2026, 12, 12, 12), hki(2026, 12, 14, 7)),
        (date(2026, 12, 12), hki(2026, 12, 12, 12), hki(2026, 12, 14, 7)),  # due today
        (date(2026, 12, 26), hki(2026, 12, 24, 12), hki(2026, 12, 28, 7)),
        # a working day: on the day before the reminder time, else none
        (date(2026, 12, 8), hki(2026, 12, 8, 8, 59), hki(2026, 12, 8, 9)),
        (date(2026, 12, 8), hki(2026, 12, 8, 9, 0), None),
        (date(2026, 12, 8), hki(2026, 12, 10, 12), None),  # already past
        (date(2026, 12, 12), hki(2026, 12, 15, 12), None),
    ],
)
def test_step_reminder_planned_late(due: date, now: datetime, expected: datetime | None) -> None:
    assert NIGHTS.step_reminder(due, NINE, now=now) == expected


def test_last_working_day() -> None:
    assert NIGHTS.last_working_day(date(2026, 12, 27)) == date(2026, 12, 23)
    assert NIGHTS.last_working_day(date(2026, 12, 23)) == date(2026, 12, 23)
    assert OFF.last_working_day(date(2026, 12, 27)) == date(2026, 12, 27)
    with pytest.raises(TimingError):
        NIGHTS.step_reminder(date(2026, 12, 12), NINE, now=datetime(2026, 12, 1))


# --- properties ----------------------------------------------------------------------------

ZONES = st.sampled_from([HKI, NEW_YORK, KATHMANDU, LORD_HOWE, ZoneInfo("UTC")])


@st.composite
def quiet_hours(draw: st.DrawFn) -> QuietHours:
    tz = draw(ZONES)
    if draw(st.integers(0, 9)) == 0:
        return QuietHours(None, None, tz)
    start = draw(st.integers(0, 23))
    end = draw(st.integers(0, 23).filter(lambda hour: hour != start))
    return QuietHours(start, end, tz)


# Moments in several zones, including wall times that DST skips or repeats (fold=1). Python
# never calls such a datetime equal to one in another zone, so results are compared in UTC.
moments = st.datetimes(
    min_value=datetime(2020, 1, 1),
    max_value=datetime(2035, 12, 31),
    timezones=st.sampled_from([UTC, HKI, NEW_YORK]),
    allow_imaginary=True,
)


@given(quiet_hours(), moments)
def test_next_allowed_properties(quiet: QuietHours, moment: datetime) -> None:
    instant = moment.astimezone(UTC)
    result = quiet.next_allowed(moment)
    assert result.tzinfo is UTC
    assert result >= instant
    assert not quiet.is_quiet(result)
    assert quiet.next_allowed(result) == result
    assert quiet.next_allowed(instant) == result
    if quiet.is_quiet(moment):
        # the first allowed moment: just before it, it was still quiet
        assert quiet.is_quiet(result - timedelta(microseconds=1))
    else:
        assert result == instant


@given(quiet_hours(), moments)
def test_last_allowed_before_properties(quiet: QuietHours, moment: datetime) -> None:
    instant = moment.astimezone(UTC)
    result = quiet.last_allowed_before(moment)
    assert result is not None
    assert result.tzinfo is UTC
    assert result <= instant
    assert not quiet.is_quiet(result)
    assert quiet.last_allowed_before(result) == result
    assert quiet.last_allowed_before(instant) == result
    if quiet.is_quiet(moment):
        # the last allowed whole minute: the quiet period starts one minute later and
        # lasts at least until moment
        assert result.second == 0
        assert result.microsecond == 0
        assert quiet.is_quiet(result + M)
        assert quiet.next_allowed(result + M) > instant
    else:
        assert result == instant
    assert quiet.last_allowed_before(moment, not_before=result) == result
    assert quiet.last_allowed_before(moment, not_before=result + timedelta(microseconds=1)) is None


@given(quiet_hours(), moments)
def test_no_allowed_moment_skipped(quiet: QuietHours, moment: datetime) -> None:
    """Sampling the quiet stretch between moment and next_allowed finds nothing allowed."""
    instant = moment.astimezone(UTC)
    result = quiet.next_allowed(moment)
    step = max((result - instant) / 50, M)
    probe = instant
    while probe < result:
        assert quiet.is_quiet(probe)
        probe += step


@given(
    quiet_hours(), st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)), st.times()
)
def test_step_reminder_properties(quiet: QuietHours, due: date, at: time) -> None:
    """Planned well ahead, a step reminder comes on a working day on or before the due day,
    outside quiet hours; on the due day itself only when that is a working day."""
    result = quiet.step_reminder(due, at, now=datetime(2019, 1, 1, tzinfo=UTC))
    assert result is not None
    assert not quiet.is_quiet(result)
    local_day = result.astimezone(quiet.tz).date()
    working = quiet.last_working_day(due)
    if working == due:
        assert result == quiet.next_allowed(datetime.combine(due, at, tzinfo=quiet.tz))
    else:
        assert working <= local_day < due
