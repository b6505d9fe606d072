"""`python -m bot audit`: the audit log as CSV, so the county can answer who processed what."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from storage import queries
from storage.db import Database

_FINNISH = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def parse_since(text: str) -> date:
    """`1.1.2026` or `2026-01-01` (any past date; the chat date parser only takes future ones)."""
    if match := _FINNISH.match(text.strip()):
        day, month, year = (int(g) for g in match.groups())
        return date(year, month, day)
    return date.fromisoformat(text.strip())


async def audit_csv(
    database: Database,
    *,
    tz: ZoneInfo,
    team_code: str | None,
    user_id: str | None,
    since: date | None,
) -> str:
    start = datetime(since.year, since.month, since.day, tzinfo=tz) if since else None
    async with database.session() as session:
        rows = await queries.audit_rows(session, team_code=team_code, user_id=user_id, since=start)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["time", "actor", "team", "action", "subject", "detail"])
    for event, code in rows:
        writer.writerow(
            [
                event.at.astimezone(tz).isoformat(timespec="seconds"),
                event.actor_id,
                code or "",
                event.action,
                event.subject_id or "",
                event.detail or "",
            ]
        )
    return out.getvalue()
