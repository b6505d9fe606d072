"""A meeting's time as typed, with an optional end: `huomenna klo 14-15`, `pe klo 14.30–15.15`."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.dates.clock import TIME_MARK, combine, make_time, prepare
from bot.dates.errors import DateParseError
from bot.dates.parse import day_at, parse_datetime

_CLOCK = (
    r"(?P<h>[0-9]{1,2})(?:[.:](?P<m>[0-9]{2}))? ?[-–—] ?(?P<h2>[0-9]{1,2})(?:[.:](?P<m2>[0-9]{2}))?"
)
_RANGE_AT_END = re.compile(rf"(?:^|(?<= ))(?:(?P<mark>{TIME_MARK}) ?)?{_CLOCK}$")
_RANGE_AT_START = re.compile(rf"(?P<mark>{TIME_MARK}) ?{_CLOCK},? (?P<rest>.+)")


def _split_range(norm: str) -> tuple[str, re.Match[str]] | None:
    """(date part, the range's match) if `norm` ends (or starts, after `klo`) with a range."""
    match = _RANGE_AT_END.search(norm)
    if match and (match["mark"] or match["m"] or match["m2"]):
        return norm[: match.start()].rstrip(" ,"), match
    match = _RANGE_AT_START.fullmatch(norm)
    if match:
        return match["rest"].strip(" ,"), match
    return None


def parse_datetime_span(
    text: str, *, now: datetime, tz: ZoneInfo
) -> tuple[datetime, datetime | None]:
    """The start `text` names and, for a range (`klo 14-15`), its end on the same day.

    Without a range the end is None and the start is parse_datetime's. An end not after
    the start (`klo 15-14`) is "end_before_start"; raises DateParseError.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    split = _split_range(prepare(text))
    if split is None:
        return parse_datetime(text, now=now, tz=tz), None
    rest, match = split
    end_clock = make_time(int(match["h2"]), int(match["m2"] or 0))
    start = day_at(rest, int(match["h"]), int(match["m"] or 0), now=now, tz=tz)
    end = combine(start.date(), end_clock, tz, now)
    if end.astimezone(UTC) <= start.astimezone(UTC):
        raise DateParseError("end_before_start", {"start": start.time(), "end": end_clock})
    return start, end
