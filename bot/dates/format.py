"""Formatting dates and times for display: `pe 11.12.2026 klo 14.00`."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.dates.words import WEEKDAY_ABBR
from bot.replies import When


def _lang(lang: str) -> str:
    key = lang[:2].lower()
    return key if key in WEEKDAY_ABBR else "fi"


def format_date(d: date, lang: str = "fi") -> str:
    """fi `pe 11.12.2026`, sv `fr 11.12.2026`, en `Fri 11.12.2026` (no zero padding)."""
    weekday = WEEKDAY_ABBR[_lang(lang)][d.weekday()]
    return f"{weekday} {d.day}.{d.month}.{d.year}"


def format_time(t: time | datetime, lang: str = "fi") -> str:
    """fi `klo 9.05`, sv `kl. 9.05`, en `09:05`; the wall-clock time as given (no conversion)."""
    key = _lang(lang)
    if key == "en":
        return f"{t.hour:02d}:{t.minute:02d}"
    mark = "kl." if key == "sv" else "klo"
    return f"{mark} {t.hour}.{t.minute:02d}"


def format_datetime(dt: datetime, tz: ZoneInfo, lang: str = "fi") -> str:
    """`pe 11.12.2026 klo 14.00`: `dt` (aware) converted to `tz` first."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError("dt must be timezone-aware")
    local = dt.astimezone(tz)
    return f"{format_date(local.date(), lang)} {format_time(local, lang)}"


def format_span(start: datetime, end: datetime | None, tz: ZoneInfo, lang: str = "fi") -> str:
    """`pe 11.12.2026 klo 14.00–15.00` (both aware, shown in `tz`); without an end as
    format_datetime; an end on another day is written in full after ` – `."""
    text = format_datetime(start, tz, lang)
    if end is None:
        return text
    local_end = end.astimezone(tz)
    if local_end.date() != start.astimezone(tz).date():
        return f"{text} – {format_datetime(end, tz, lang)}"
    clock = format_time(local_end, lang)
    return f"{text}–{clock.split()[-1]}"


def day(d: date, lang: str = "fi") -> When:
    """A day for a message: the date with its text (`pe 11.12.2026`)."""
    return When(d, format_date(d, lang))


def moment(dt: datetime, tz: ZoneInfo, lang: str = "fi") -> When:
    """A moment for a message: the aware time with its text in `tz` (`pe 11.12.2026 klo 14.00`)."""
    return When(dt, format_datetime(dt, tz, lang))


def span(start: datetime, end: datetime | None, tz: ZoneInfo, lang: str = "fi") -> When:
    """A moment with an optional end for a message (`pe 11.12.2026 klo 14.00–15.00`)."""
    return When(start, format_span(start, end, tz, lang))
