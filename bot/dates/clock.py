"""Clock times in typed dates: `klo 14.30` at either end, made into aware datetimes."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from bot.dates.errors import DateParseError
from bot.dates.words import normalise

_ISO_T = re.compile(r"^([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})t(?=[0-9])")
TIME_MARK = r"(?:klockan|kello|klo|kl|at)\.?"
_TIME_AT_END = re.compile(
    rf"(?:^|(?<= ))(?:(?P<mark>{TIME_MARK}) ?)?(?P<h>[0-9]{{1,2}})(?:[.:](?P<m>[0-9]{{2}}))?$"
)
_TIME_AT_START = re.compile(
    rf"(?P<mark>{TIME_MARK}) ?(?P<h>[0-9]{{1,2}})(?:[.:](?P<m>[0-9]{{2}}))?,? (?P<rest>.+)"
)
# "puoli kolme", "varttia yli", "kvart över tre", "half past two": a time said in words.
_SPOKEN_TIME = re.compile(
    r"(?:^| )(?:puoli [a-z0-9]|(?:varttia|vartti|vartin) (?:yli|vaille)"
    r"|halv [a-z0-9]|kvart (?:over|i)(?: |$)|half past|quarter (?:past|to))"
)


def split_time(norm: str) -> tuple[str, int, int] | None:
    """(date part, hour, minute) if `norm` ends (or starts, after `klo`) with a time."""
    match = _TIME_AT_END.search(norm)
    if match and (match["mark"] or match["m"]):
        return norm[: match.start()].rstrip(" ,"), int(match["h"]), int(match["m"] or 0)
    match = _TIME_AT_START.fullmatch(norm)
    if match:
        return match["rest"].strip(" ,"), int(match["h"]), int(match["m"] or 0)
    return None


def prepare(text: str) -> str:
    """`text` normalised for parse_datetime; a time said in words is refused ("spoken_time")."""
    norm = _ISO_T.sub(r"\1 ", normalise(text))
    if _SPOKEN_TIME.search(norm):
        raise DateParseError("spoken_time", {})
    return norm


def make_time(hour: int, minute: int) -> time:
    if hour > 23 or minute > 59:
        raise DateParseError("impossible_time", {"hour": hour, "minute": minute})
    return time(hour, minute)


def combine(day: date, clock: time, tz: ZoneInfo, now: datetime) -> datetime:
    naive = datetime.combine(day, clock.replace(tzinfo=None))
    local = naive.replace(tzinfo=tz)  # fold=0: the first of an ambiguous hour
    try:
        as_utc = local.astimezone(UTC)
        if as_utc.astimezone(tz).replace(tzinfo=None) != naive:
            raise DateParseError("nonexistent_time", {"local": naive})
    except OverflowError:  # within hours of datetime.max
        raise DateParseError("impossible", {}) from None
    # Compare in UTC: aware datetimes sharing a tzinfo are otherwise compared by wall time.
    if as_utc < now.astimezone(UTC):
        raise DateParseError("past", {"datetime": local})
    return local
