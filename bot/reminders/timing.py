"""When reminders may be sent: reminder offsets, clock times and quiet hours.

Pure functions only: nothing here reads the clock or does I/O. Callers pass aware datetimes
and get aware UTC datetimes back.

Quiet hours (``QuietHours``) cover three things, all judged in the team's local time zone:

* the nightly window, e.g. ``"20-7"``: from 20:00 up to (not including) 07:00 the next
  morning. A window with start < end (``"0-7"``) stays within one day;
* Saturdays and Sundays, all day;
* Finnish public holidays, all day, as listed by ``holidays.country_holidays("FI")``
  (the default "public" category). With holidays 0.109 that list includes Midsummer Eve
  (juhannusaatto) and Christmas Eve (jouluaatto) besides the statutory holidays: New
  Year's Day, Epiphany, Good Friday, Easter Sunday and Monday, May Day, Ascension Day,
  Pentecost, Midsummer Day, All Saints' Day, Independence Day, Christmas Day and the
  Second Day of Christmas. New Year's Eve, Easter Saturday and Walpurgis Eve are not.

``QuietHours.parse("off")`` disables all three: such a value is never quiet.

How reminders use this: a nudge that falls in quiet hours is postponed to ``next_allowed``
(the moment the quiet period ends); a meeting reminder is brought forward to
``last_allowed_before`` (the last allowed minute before the quiet period began), so that it
still arrives before the meeting. A step reminder (``step_reminder``) goes out on the last
working day on or before the step's due day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

__all__ = [
    "MAX_DURATION",
    "QuietHours",
    "TimingError",
    "parse_clock_time",
    "parse_duration",
    "parse_durations",
]

MAX_DURATION = timedelta(days=366)
"""The longest reminder offset accepted; longer values are surely typos."""

# How many local days to search for an allowed moment. Weekends and holidays together
# never make more than a handful of consecutive quiet days; this is a generous bound.
_SEARCH_DAYS = 31

_UNITS = {"m": timedelta(minutes=1), "h": timedelta(hours=1), "d": timedelta(days=1)}
_DURATION_RE = re.compile(r"\s*([0-9]+)\s*([a-z]+)\s*", re.ASCII | re.IGNORECASE)
_CLOCK_RE = re.compile(r"\s*([0-9]{1,2})(?:[:.]([0-9]{2}))?\s*", re.ASCII)
_QUIET_RE = re.compile(r"\s*([0-9]{1,2})(?:[:.]00)?\s*[-–—]\s*([0-9]{1,2})(?:[:.]00)?\s*", re.ASCII)
_OFF_WORDS = frozenset({"off"})


class TimingError(ValueError):
    """A reminder timing value that cannot be used; the message names the bad value."""


def parse_duration(text: str) -> timedelta:
    """One positive offset: ``"90m"``, ``"1h"``, ``"2d"`` (minutes, hours, days).

    Whitespace around the value and between number and unit is allowed; the unit is
    case-insensitive. Zero, negative, fractional, unitless or over-long (more than
    ``MAX_DURATION``) values raise ``TimingError``.
    """
    match = _DURATION_RE.fullmatch(text)
    if match is None:
        raise TimingError(f"invalid duration {text!r}: expected e.g. 30m, 24h or 2d")
    number, unit = match.groups()
    step = _UNITS.get(unit.lower())
    if step is None:
        raise TimingError(f"invalid duration {text!r}: unknown unit {unit!r} (use m, h or d)")
    amount = int(number)
    if amount == 0:
        raise TimingError(f"invalid duration {text!r}: must be greater than zero")
    if amount > MAX_DURATION // step:
        raise TimingError(f"invalid duration {text!r}: longer than {MAX_DURATION.days} days")
    return amount * step


def parse_durations(text: str) -> tuple[timedelta, ...]:
    """A comma-separated list of offsets, e.g. ``"24h,1h"`` or ``"30m, 2d"``.

    Returns the offsets longest first with duplicates (also ``"60m,1h"``) removed. An
    empty list, an empty item or any invalid item raises ``TimingError``.
    """
    if not text.strip():
        raise TimingError(f"invalid durations {text!r}: expected e.g. 24h,1h")
    values: set[timedelta] = set()
    for item in text.split(","):
        if not item.strip():
            raise TimingError(f"invalid durations {text!r}: empty item")
        values.add(parse_duration(item))
    return tuple(sorted(values, reverse=True))


def parse_clock_time(text: str) -> time:
    """A clock time as Finns type it: ``"09:00"``, ``"9:00"``, ``"9.00"`` or ``"9"``."""
    match = _CLOCK_RE.fullmatch(text)
    if match is None:
        raise TimingError(f"invalid time {text!r}: expected e.g. 9:00")
    hour = int(match.group(1))
    minute = int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise TimingError(f"invalid time {text!r}: no such clock time")
    return time(hour, minute)


@lru_cache(maxsize=64)
def _finnish_holidays(year: int) -> frozenset[date]:
    import holidays  # here: loaded once, at start-up (load_holiday_calendar)

    return frozenset(holidays.country_holidays("FI", years=year))


def load_holiday_calendar(year: int) -> None:
    """Load the holiday calendar now (the package imports ~300 modules on first use), so that
    it happens at start-up rather than inside the first request or reminder."""
    _finnish_holidays(year)


def _is_day_off(day: date) -> bool:
    return day.weekday() >= 5 or day in _finnish_holidays(day.year)


def _require_aware(value: datetime, name: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise TimingError(f"{name} must be a timezone-aware datetime, got {value!r}")


@dataclass(frozen=True)
class QuietHours:
    """When a team should not be messaged; see the module docstring.

    ``start``/``end`` are local hours (0–23). Both are ``None`` when quiet hours are off.
    Quiet from ``start``:00 up to ``end``:00, crossing midnight when ``start > end``.
    """

    start: int | None
    end: int | None
    tz: ZoneInfo

    def __post_init__(self) -> None:
        if (self.start is None) != (self.end is None):
            raise TimingError(
                f"invalid quiet hours {self.start!r}-{self.end!r}: give both hours or neither"
            )
        for hour in (self.start, self.end):
            if hour is not None and not 0 <= hour <= 23:
                raise TimingError(f"invalid quiet hours: hour {hour!r} is not 0–23")
        if self.start is not None and self.start == self.end:
            raise TimingError(
                f"invalid quiet hours {self.start}-{self.end}: start and end are the same"
            )

    @classmethod
    def parse(cls, text: str, tz: ZoneInfo) -> QuietHours:
        """``"20-7"``, ``"22-6"`` (whole hours, ``"20:00-07:00"`` also accepted) or ``"off"``."""
        if text.strip().lower() in _OFF_WORDS:
            return cls(None, None, tz)
        match = _QUIET_RE.fullmatch(text)
        if match is None:
            raise TimingError(f"invalid quiet hours {text!r}: expected e.g. 20-7 or off")
        start, end = int(match.group(1)), int(match.group(2))
        if start > 23 or end > 23:
            raise TimingError(f"invalid quiet hours {text!r}: hours must be 0–23")
        if start == end:
            raise TimingError(f"invalid quiet hours {text!r}: start and end are the same")
        return cls(start, end, tz)

    @property
    def enabled(self) -> bool:
        return self.start is not None

    def __str__(self) -> str:
        return "off" if self.start is None else f"{self.start}-{self.end}"

    def is_quiet(self, moment: datetime) -> bool:
        """Whether ``moment`` (aware, any zone) falls in quiet hours in local time."""
        _require_aware(moment, "moment")
        if self.start is None or self.end is None:
            return False
        local = moment.astimezone(self.tz)
        if _is_day_off(local.date()):
            return True
        hour = local.hour
        if self.start < self.end:
            return self.start <= hour < self.end
        return hour >= self.start or hour < self.end

    def next_allowed(self, moment: datetime) -> datetime:
        """``moment`` if allowed, else the end of its quiet period (both in UTC)."""
        _require_aware(moment, "moment")
        utc = moment.astimezone(UTC)
        if not self.is_quiet(utc):
            return utc
        first_day = utc.astimezone(self.tz).date()
        for offset in range(_SEARCH_DAYS + 1):
            found = [
                boundary
                for boundary in self._boundaries(first_day + timedelta(days=offset))
                if boundary > utc and not self.is_quiet(boundary)
            ]
            if found:
                return min(found)
        raise AssertionError(f"no allowed moment within {_SEARCH_DAYS} days of {moment}")

    def last_allowed_before(
        self, moment: datetime, *, not_before: datetime | None = None
    ) -> datetime | None:
        """``moment`` if allowed, else the last allowed minute before its quiet period began.

        E.g. with ``20-7`` a quiet Monday 06:30 gives the previous Friday 19:59 local time
        (in UTC). Returns ``None`` when the answer (``moment`` itself included) is earlier
        than ``not_before``.
        """
        _require_aware(moment, "moment")
        if not_before is not None:
            _require_aware(not_before, "not_before")
        result = self._last_allowed(moment.astimezone(UTC))
        if not_before is not None and result < not_before:
            return None
        return result

    def last_working_day(self, day: date) -> date:
        """``day`` itself, or the last day before it that is neither a weekend day nor a
        public holiday; always ``day`` when quiet hours are off."""
        if not self.enabled:
            return day
        for offset in range(_SEARCH_DAYS + 1):
            candidate = day - timedelta(days=offset)
            if not _is_day_off(candidate):
                return candidate
        raise AssertionError(f"no working day within {_SEARCH_DAYS} days before {day}")

    def step_reminder(self, due: date, at: time, *, now: datetime) -> datetime | None:
        """When to remind of a step due on ``due``: at ``at`` local time on the last working
        day on or before it (moved within that day's allowed hours, or to the last allowed
        minute before them, so that it stays before ``due``). When that moment has passed
        (the step was added or moved late), the due day's ``at`` postponed to the next allowed
        moment, as for a working day; ``None`` when that has passed as well."""
        _require_aware(now, "now")
        working = self.last_working_day(due)
        if working != due:
            local = datetime.combine(working, at, tzinfo=self.tz)
            early = self.next_allowed(local)
            if early.astimezone(self.tz).date() >= due:
                early = self._last_allowed(local.astimezone(UTC))
            if early > now:
                return early
        late = self.next_allowed(datetime.combine(due, at, tzinfo=self.tz))
        return late if late > now else None

    def _last_allowed(self, utc: datetime) -> datetime:
        if not self.is_quiet(utc):
            return utc
        minute = timedelta(minutes=1)
        last_day = utc.astimezone(self.tz).date()
        for offset in range(_SEARCH_DAYS + 1):
            found = [
                boundary - minute
                for boundary in self._boundaries(last_day - timedelta(days=offset))
                if boundary <= utc
                and self.is_quiet(boundary)
                and not self.is_quiet(boundary - minute)
            ]
            if found:
                return max(found)
        raise AssertionError(f"no allowed moment within {_SEARCH_DAYS} days before {utc}")

    def _boundaries(self, day: date) -> list[datetime]:
        """The UTC moments on local ``day`` where quiet hours can begin or end.

        Quietness depends only on the local date and hour, so it can change only at local
        midnight, ``start``:00 and ``end``:00. A wall time skipped by a DST change is read
        with the offset before the change, which is exactly the moment of the change.
        """
        hours = {0, self.start, self.end}
        return [
            datetime.combine(day, time(hour), tzinfo=self.tz).astimezone(UTC)
            for hour in sorted(h for h in hours if h is not None)
        ]
