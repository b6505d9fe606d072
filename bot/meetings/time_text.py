"""Splits `/tiimi tapaaminen pe 11.12. klo 14-15 Kirjasto, huone 2` into times and a place."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.dates import DateParseError, parse_datetime_span
from bot.text_norm import clean

MAX_TIME_WORDS = 6


def split_meeting_time(
    text: str, *, now: datetime, tz: ZoneInfo
) -> tuple[datetime, datetime | None, str | None]:
    """The longest leading phrase that is a date and time (with an end if it is a range such
    as `klo 14-15`), and the rest as the place."""
    words = text.split()
    best_error: DateParseError | None = None
    for count in range(min(len(words), MAX_TIME_WORDS), 0, -1):
        try:
            start, end = parse_datetime_span(" ".join(words[:count]), now=now, tz=tz)
        except DateParseError as error:
            if best_error is None or best_error.code == "unrecognised":
                best_error = error
            continue
        place = clean(" ".join(words[count:])).strip(" ,;:-") or None
        return start, end, place
    raise best_error or DateParseError("unrecognised")
