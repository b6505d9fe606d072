"""When rounds close and repeat: a round is open ROUND_DAYS at most, and a repeating round's
next one opens the given number of months after it, on the same day of the month (or that
month's last) at the same local time."""

from __future__ import annotations

import calendar
from datetime import datetime
from zoneinfo import ZoneInfo

ROUND_DAYS = 14


def months_later(moment: datetime, months: int, tz: ZoneInfo) -> datetime:
    """The same local day and time `months` later (31.1. + 1 → 28.2. or 29.2.), as an aware
    time in `tz`."""
    local = moment.astimezone(tz)
    index = local.month - 1 + months
    year, month = local.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    wall = local.replace(tzinfo=None, year=year, month=month, day=min(local.day, last))
    return wall.replace(tzinfo=tz)
