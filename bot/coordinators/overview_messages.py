"""Open teams as coordinators see them: codes, people, dates and counts, never content."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot import action_ids
from bot.dates import day
from bot.i18n import Catalog
from bot.paging import page_blocks
from bot.replies import (
    Block,
    Header,
    Message,
    Person,
    Runs,
    SpaceLink,
    Text,
    compose,
    join,
    strong,
)
from bot.teams.professions import profession_label
from storage.overview_queries import TeamStatus

PAGE_SIZE = 20


def days_between(start: datetime | None, end: datetime, tz: ZoneInfo) -> int | None:
    if start is None:
        return None
    return (end.astimezone(tz).date() - start.astimezone(tz).date()).days


def team_line(t: Catalog, row: TeamStatus, *, now: datetime, tz: ZoneInfo) -> Runs:
    professions = ", ".join(profession_label(p, t.lang) or p for p in row.professions)
    parts = [
        compose(strong(row.code), " ", SpaceLink(str(row.channel_id))),
        t("overview_convenor", user=Person(row.convenor_id)),
        t("overview_age", days=days_between(row.opened_at, now, tz)),
        compose(
            t("overview_members", count=row.member_count),
            f" ({professions})" if professions else "",
        ),
        _meeting_part(t, row, now=now, tz=tz),
        t("overview_steps", open=row.open_steps, overdue=row.overdue_steps),
    ]
    if row.failed_reminders:
        parts.append(t("overview_failed", count=row.failed_reminders))
    if row.convenor_deactivated:
        parts.append(t("overview_convenor_deactivated"))
    if row.deactivated_members:
        parts.append(t("overview_deactivated", count=row.deactivated_members))
    return join(" · ", parts)


def _meeting_part(t: Catalog, row: TeamStatus, *, now: datetime, tz: ZoneInfo) -> Runs:
    parts = []
    if row.next_meeting:
        parts.append(t("overview_next", date=day(row.next_meeting.astimezone(tz).date(), t.lang)))
    else:
        parts.append(t("overview_no_meeting"))
    if (since := days_between(row.last_meeting, now, tz)) is not None:
        parts.append(t("overview_since_last", days=since))
    if (
        first := days_between(row.opened_at, row.first_meeting or now, tz)
    ) is not None and row.first_meeting:
        parts.append(t("overview_to_first", days=first))
    return join(", ", parts)


def overview_page(
    t: Catalog,
    rows: Sequence[TeamStatus],
    *,
    total: int,
    page: int,
    filters: str,
    now: datetime,
    tz: ZoneInfo,
    everyone: bool,
) -> Message:
    header = t("overview_header_all" if everyone else "overview_header_mine", count=total)
    blocks: list[Block] = [Header(header)]
    blocks += [Text(team_line(t, row, now=now, tz=tz)) for row in rows]
    if not rows:
        blocks.append(Text(t("overview_none")))
    pages = max(1, -(-total // PAGE_SIZE))
    blocks += page_blocks(
        t, action=action_ids.TEAMS_PAGE, page=page, pages=pages, value=lambda to: f"{to}|{filters}"
    )
    return Message(header, blocks=tuple(blocks))


def overview_csv(t: Catalog, rows: Sequence[TeamStatus], *, now: datetime, tz: ZoneInfo) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "code",
            "channel",
            "convenor",
            "age_days",
            "members",
            "professions",
            "next_meeting",
            "days_since_last_meeting",
            "days_to_first_meeting",
            "open_steps",
            "overdue_steps",
            "failed_reminders",
            "convenor_deactivated",
            "deactivated_members",
        ]
    )
    for row in rows:
        writer.writerow(
            [
                row.code,
                row.channel_id,
                row.convenor_id,
                days_between(row.opened_at, now, tz),
                row.member_count,
                ";".join(profession_label(p, t.lang) or p for p in row.professions),
                _iso(row.next_meeting, tz),
                days_between(row.last_meeting, now, tz),
                days_between(row.opened_at, row.first_meeting, tz) if row.first_meeting else "",
                row.open_steps,
                row.overdue_steps,
                row.failed_reminders,
                int(row.convenor_deactivated),
                row.deactivated_members,
            ]
        )
    return out.getvalue()


def _iso(moment: datetime | None, tz: ZoneInfo) -> str:
    return moment.astimezone(tz).isoformat(timespec="minutes") if moment else ""
