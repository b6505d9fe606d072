"""What `/tiimi tapaaminen` shows: the upcoming meetings, numbered in time order."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from bot.dates import span
from bot.i18n import Catalog
from bot.replies import Header, Message, Runs, Text, compose, join, strong
from storage.models import Meeting


def meeting_list(t: Catalog, meetings: Sequence[Meeting], tz: ZoneInfo) -> Message:
    """`*1.* ma 14.12.2026 klo 14.00 · Kirjasto`; the numbers are what `siirrä` and `peru` take."""
    if not meetings:
        return Message(t("no_meeting_booked"))
    lines = [_line(t, number, meeting, tz) for number, meeting in enumerate(meetings, start=1)]
    title = t("meetings_upcoming_title", count=len(meetings))
    hint = t("meetings_upcoming_hint")
    text = compose(title, "\n", join("\n", lines), "\n", hint)
    return Message(text, blocks=(Header(title), Text(join("\n", lines)), Text(hint)))


def _line(t: Catalog, number: int, meeting: Meeting, tz: ZoneInfo) -> Runs:
    when = compose(strong(f"{number}."), " ", span(meeting.starts_at, meeting.ends_at, tz, t.lang))
    return join(" · ", [when, compose(meeting.place)]) if meeting.place else when
