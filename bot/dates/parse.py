"""Parsing the dates and times people type; see ``bot.dates`` for the accepted forms."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.dates.clock import combine, make_time, prepare, split_time
from bot.dates.errors import DateParseError
from bot.dates.words import (
    COUNT_WORDS,
    MONTH_END,
    MONTHS_AFTER_DAY,
    MONTHS_BEFORE_DAY,
    NEXT_WEEK,
    NEXT_WEEKDAY_PREFIXES,
    RELATIVE_DAYS,
    WEEKDAYS,
    normalise,
)

# A recognised date phrase, still to be resolved against `today` (may raise DateParseError).
_Resolver = Callable[[date], date]

_DMY = re.compile(r"(?P<d>[0-9]{1,2})\.(?P<m>[0-9]{1,2})(?:\.(?:(?P<y>[0-9]{4}|[0-9]{2})\.?)?)?")
_ISO = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})")
_DAY_MONTH = re.compile(r"(?:den )?(?P<d>[0-9]{1,2})\.? ?(?P<name>[a-z]+)(?: (?P<y>[0-9]{4}))?")
_MONTH_DAY = re.compile(
    r"(?P<name>[a-z]+) (?P<d>[0-9]{1,2})\.?(?: paiva(?:na|an|ksi)?)?(?: (?P<y>[0-9]{4}))?"
)
_WEEK = re.compile(
    r"(?:vko|viikko|viikolla|viikkoon|vk|v|vecka|veckan|week|wk)\.? ?(?P<w>[0-9]{1,4})"
)
_DAYS = re.compile(
    r"(?P<fi>[0-9]{1,6}) (?:paivan|pv|pvn|paiva|vrk|vuorokauden) (?:paasta|kuluttua)"
    r"|om (?P<sv>[0-9]{1,6}|en|ett) dag(?:ar)?"
    r"|in (?P<en>[0-9]{1,6}|a|one) days?"
)
_WEEKS = re.compile(
    r"(?:(?P<fi>[0-9]{1,4}) )?viikon (?:paasta|kuluttua)"
    r"|om (?P<sv>[0-9]{1,4}|en) veck(?:a|or)"
    r"|in (?P<en>[0-9]{1,4}|a|one) weeks?"
)
_TOKEN = re.compile(r"\S+")

_SUFFIX_MARKERS = frozenset({"mennessa"})
_PREFIX_MARKERS = frozenset({"mennessa", "viimeistaan", "senast"})
_WEAK_PREFIX_MARKERS = frozenset({"by"})  # an ordinary English word: only if a date follows
_MAX_PHRASE_TOKENS = 5  # "3 päivän päästä", "joulukuun 12. päivään", "the end of the month"


# --- resolving against today -------------------------------------------------------------


def _next_weekday(weekday: int, today: date) -> date:
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def _nearest_weekday(weekday: int, near: date, today: date) -> date:
    """The day with that weekday closest to `near` (within 3 days), never before today."""
    offset = (weekday - near.weekday() + 3) % 7 - 3
    candidate = near + timedelta(days=offset)
    return candidate if candidate >= today else _next_weekday(weekday, today)


def _next_week_day(weekday: int, today: date) -> date:
    return today - timedelta(days=today.weekday()) + timedelta(days=7 + weekday)


def _next_week_friday(today: date) -> date:
    return _next_week_day(4, today)


def _month_end(today: date) -> date:
    return date(today.year, today.month, calendar.monthrange(today.year, today.month)[1])


def _week_friday(week: int, today: date) -> date:
    if not 1 <= week <= 53:
        raise DateParseError("impossible", {"week": week})
    year = today.isocalendar().year
    for candidate in (year, year + 1):
        try:
            friday = date.fromisocalendar(candidate, week, 5)
        except ValueError:
            raise DateParseError("impossible", {"week": week, "year": candidate}) from None
        if friday >= today:
            return friday
    raise AssertionError("unreachable: next year's Friday is always after today")


def _explicit(day: int, month: int, year: int | None, today: date) -> date:
    params: dict[str, object] = {"day": day, "month": month, "year": year}
    if year is not None:
        try:
            value = date(year, month, day)
        except ValueError:
            raise DateParseError("impossible", params) from None
        if value < today:
            raise DateParseError("past", {"date": value})
        return value
    try:
        date(2000, month, day)  # a leap year: does this day exist at all?
    except ValueError:
        raise DateParseError("impossible", params) from None
    for candidate in range(today.year, today.year + 9):  # 29.2. may be 8 years away
        try:
            value = date(candidate, month, day)
        except ValueError:
            continue
        if value >= today:
            return value
    raise DateParseError("impossible", params)


def _resolve(resolver: _Resolver, today: date) -> date:
    try:
        return resolver(today)
    except OverflowError:
        raise DateParseError("impossible", {}) from None


# --- recognising the shape of a phrase ---------------------------------------------------


def _count(match: re.Match[str]) -> int:
    raw = match["fi"] or match["sv"] or match["en"] or "1"
    return COUNT_WORDS.get(raw) or int(raw)


def _recognise_explicit(norm: str) -> _Resolver | None:
    if match := _DMY.fullmatch(norm):
        day, month, raw_year = int(match["d"]), int(match["m"]), match["y"]
        year = None if raw_year is None else int(raw_year) + (2000 if len(raw_year) == 2 else 0)
        return lambda today: _explicit(day, month, year, today)
    if match := _ISO.fullmatch(norm):
        iso = int(match["y"]), int(match["m"]), int(match["d"])
        return lambda today: _explicit(iso[2], iso[1], iso[0], today)
    for pattern, names in ((_DAY_MONTH, MONTHS_AFTER_DAY), (_MONTH_DAY, MONTHS_BEFORE_DAY)):
        if (match := pattern.fullmatch(norm)) and match["name"] in names:
            day, month = int(match["d"]), names[match["name"]]
            year = int(match["y"]) if match["y"] else None
            return lambda today: _explicit(day, month, year, today)
    return None


def _recognise_next_weekday(norm: str) -> _Resolver | None:
    """`ensi maanantaina`: the next Monday after today; `ensi viikon maanantaina`: next week's."""
    for prefix, next_week in NEXT_WEEKDAY_PREFIXES:
        weekday = WEEKDAYS.get(norm.removeprefix(prefix)) if norm.startswith(prefix) else None
        if weekday is not None:
            if next_week:
                return lambda today: _next_week_day(weekday, today)
            return lambda today: _next_weekday(weekday, today + timedelta(days=1))
    return None


def _recognise_weekday(norm: str) -> _Resolver | None:
    norm = norm.removeprefix("pa ")  # Swedish "på fredag"
    head, _, tail = norm.partition(" ")
    weekday = WEEKDAYS.get(head.rstrip(".,"))
    if weekday is None:
        return None
    if not tail:
        return lambda today: _next_weekday(weekday, today)
    explicit = _recognise_explicit(tail.removeprefix("den "))
    if explicit is None:
        return None

    def resolve(today: date) -> date:
        written = explicit(today)
        if written.weekday() != weekday:
            params: dict[str, object] = {
                "written": written,
                "weekday_date": _nearest_weekday(weekday, written, today),
                "weekday": weekday,
            }
            raise DateParseError("weekday_mismatch", params)
        return written

    return resolve


def _recognise_exact(norm: str) -> _Resolver | None:
    if norm in RELATIVE_DAYS:
        offset = RELATIVE_DAYS[norm]
        return lambda today: today + timedelta(days=offset)
    if norm in NEXT_WEEK:
        return _next_week_friday
    if norm in MONTH_END:
        return _month_end
    if explicit := _recognise_explicit(norm):
        return explicit
    if match := _WEEK.fullmatch(norm):
        week = int(match["w"])
        return lambda today: _week_friday(week, today)
    if match := _DAYS.fullmatch(norm):
        days = _count(match)
        return lambda today: today + timedelta(days=days)
    if match := _WEEKS.fullmatch(norm):
        weeks = _count(match)
        return lambda today: today + timedelta(weeks=weeks)
    return _recognise_weekday(norm) or _recognise_next_weekday(norm)


def _recognise(norm: str) -> _Resolver | None:
    """The resolver for a normalised date phrase; a sentence's final `.`/`!`/`,` is tolerated."""
    resolver = _recognise_exact(norm)
    if resolver is None:
        trimmed = norm.rstrip(".,!").rstrip()
        if trimmed and trimmed != norm:
            resolver = _recognise_exact(trimmed)
    return resolver


# --- public API --------------------------------------------------------------------------


def parse_date(text: str, *, today: date) -> date:
    """The date `text` names, on or after `today`; raises DateParseError."""
    resolver = _recognise(normalise(text))
    if resolver is None:
        raise DateParseError("unrecognised", {})
    return _resolve(resolver, today)


def parse_datetime(
    text: str, *, now: datetime, tz: ZoneInfo, default_time: time | None = None
) -> datetime:
    """The aware datetime in `tz` that `text` names, not before `now`; raises DateParseError.

    Without a time part: `default_time` (a wall-clock time in `tz`) or error "missing_time".
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    today = now.astimezone(tz).date()
    norm = prepare(text)

    whole_error: DateParseError | None = None
    whole = _recognise(norm)
    if whole is not None:
        try:
            day = _resolve(whole, today)
        except DateParseError as exc:
            if exc.code != "impossible":
                raise
            whole_error = exc  # maybe "ti 14.30" = Tuesday at 14.30, not 14th of month 30
        else:
            if default_time is None:
                raise DateParseError("missing_time", {"date": day})
            return combine(day, default_time, tz, now)

    split = split_time(norm)
    if split is None:
        raise whole_error or DateParseError("unrecognised", {})
    rest, hour, minute = split
    if not rest and whole_error is not None and (hour > 23 or minute > 59):
        raise whole_error
    if rest and _recognise(rest) is None:
        raise whole_error or DateParseError("unrecognised", {})
    return day_at(rest, hour, minute, now=now, tz=tz)


def day_at(norm: str, hour: int, minute: int, *, now: datetime, tz: ZoneInfo) -> datetime:
    """The normalised date phrase `norm` at hour:minute in `tz`, not before `now`."""
    if not norm:
        raise DateParseError("missing_date", {"time": make_time(hour, minute)})
    resolver = _recognise(norm)
    if resolver is None:
        raise DateParseError("unrecognised", {})
    day = _resolve(resolver, now.astimezone(tz).date())
    return combine(day, make_time(hour, minute), tz, now)


def _clean(head: str) -> str:
    return head.rstrip().rstrip(",;:-–—").rstrip()


def split_trailing_date(text: str, *, today: date) -> tuple[str, date | None]:
    """Split a trailing deadline off a step text: ("Soita Kelaan", date) or (text, None).

    Recognised at the end of `text`: "<phrase> mennessä", "mennessä <phrase>",
    "viimeistään <phrase>", "senast <phrase>" and "by <phrase>" (phrase: 1-3 words).
    A marker whose phrase does not parse raises DateParseError, except "by", which is
    then taken as an ordinary word.
    """
    tokens = list(_TOKEN.finditer(text))
    keys = [normalise(token.group()).strip(".,!;:") for token in tokens]
    count = len(tokens)

    if count and keys[-1] in _SUFFIX_MARKERS:
        end = tokens[-1].start()
        for first in range(max(0, count - 1 - _MAX_PHRASE_TOKENS), count - 1):
            resolver = _recognise(normalise(text[tokens[first].start() : end]))
            if resolver is None:
                continue
            value = _resolve(resolver, today)
            if first > 0 and keys[first - 1] in _PREFIX_MARKERS:  # "viimeistään pe mennessä"
                first -= 1
            return _clean(text[: tokens[first].start()]), value
        raise DateParseError("unrecognised", {})

    for marker in range(count - 2, max(-1, count - 2 - _MAX_PHRASE_TOKENS), -1):
        key = keys[marker]
        if key not in _PREFIX_MARKERS and key not in _WEAK_PREFIX_MARKERS:
            continue
        resolver = _recognise(normalise(text[tokens[marker + 1].start() :]))
        if resolver is None:
            if key in _WEAK_PREFIX_MARKERS:
                continue
            raise DateParseError("unrecognised", {})
        return _clean(text[: tokens[marker].start()]), _resolve(resolver, today)
    return text, None
