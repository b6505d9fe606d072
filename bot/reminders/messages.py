"""What reminders say: before and after meetings, on a step's due date, and the nudge."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot import action_ids
from bot.dates import day, span
from bot.i18n import Catalog
from bot.plan.messages import numbered
from bot.plan.owners import StepOwners
from bot.replies import (
    Block,
    Button,
    Buttons,
    Header,
    Message,
    Note,
    Person,
    Runs,
    Text,
    compose,
    join,
    strong,
)
from storage.models import Meeting, MeetingStatus, Step, Team


def meeting_before(
    t: Catalog,
    *,
    team: Team,
    meeting: Meeting,
    steps: Sequence[Step],
    owners: StepOwners,
    today: date,
    tz: ZoneInfo,
    late: bool,
) -> Message:
    when = span(meeting.starts_at, meeting.ends_at, tz, t.lang)
    header = t("reminder_meeting_header", when=when)
    blocks: list[Block] = [Header(header)]
    if meeting.place:
        blocks.append(Text(t("reminder_meeting_place", place=meeting.place)))
    lines = [_agenda_line(t, step, owners, today) for step in steps]
    agenda = join("\n", lines) if lines else t("reminder_agenda_empty")
    blocks.append(Text(compose(strong(t("reminder_agenda")), "\n", agenda)))
    if late:
        blocks.append(Note(t("reminder_late")))
    return Message(header, blocks=tuple(blocks))


def meeting_after(
    t: Catalog, *, meeting: Meeting, next_meeting: Meeting | None, tz: ZoneInfo
) -> Message:
    """Asks whether the meeting was held, with the buttons Pidettiin and Ei pidetty."""
    text = t("reminder_after_ask", when=span(meeting.starts_at, meeting.ends_at, tz, t.lang))
    answers = tuple(
        Button(
            action_ids.variant(action_ids.MEETING_OUTCOME, status), t.plain(label), str(meeting.pk)
        )
        for status, label in (
            (MeetingStatus.HELD, "button_meeting_held"),
            (MeetingStatus.NOT_HELD, "button_meeting_not_held"),
        )
    )
    blocks = (Text(text), Buttons(answers), _next_meeting(t, next_meeting, tz))
    return Message(text, blocks=blocks)


def meeting_answered(
    t: Catalog, *, meeting: Meeting, by: str, next_meeting: Meeting | None, tz: ZoneInfo
) -> Message:
    """The after-meeting message once answered: who answered what; held ones are recorded."""
    when = span(meeting.starts_at, meeting.ends_at, tz, t.lang)
    held = meeting.status == MeetingStatus.HELD
    key = "reminder_after_held" if held else "reminder_after_not_held"
    text = t(key, user=Person(by), when=when)
    return Message(text, blocks=(Text(text), _next_meeting(t, next_meeting, tz)))


def _next_meeting(t: Catalog, next_meeting: Meeting | None, tz: ZoneInfo) -> Block:
    if next_meeting is None:
        return Text(t("reminder_after_book_next"))
    when = span(next_meeting.starts_at, next_meeting.ends_at, tz, t.lang)
    return Note(t("reminder_after_next", when=when))


def step_due(t: Catalog, *, step: Step, owners: StepOwners, today: date, late: bool) -> Message:
    """Names the due day unless it is `today` (a weekend or holiday step is reminded earlier).
    Mentions each member owner, and each participant owner's contact member."""
    fields = {
        "owner": owners.runs(t, step, contacts=True),
        "number": step.number,
        "text": step.text,
    }
    due = step.due_date
    if due is None or due == today:
        text = t("reminder_step_due", **fields)
    else:
        key = "reminder_step_due_on" if due > today else "reminder_step_was_due"
        text = t(key, date=day(due, t.lang), **fields)
    blocks: list[Block] = [Text(text)]
    if late:
        blocks.append(Note(t("reminder_late")))
    return Message(text, blocks=tuple(blocks))


def nudge(t: Catalog, *, team: Team, since: datetime | None, tz: ZoneInfo) -> Message:
    text = t("reminder_nudge", convenor=Person(team.convenor_id))
    if since is not None:
        since_day = day(since.astimezone(tz).date(), t.lang)
        text = compose(text, " ", t("reminder_nudge_since", date=since_day))
    snooze = (
        Button(
            action_ids.variant(action_ids.NUDGE_SNOOZE, 1),
            t.plain("button_snooze_day"),
            str(team.pk),
        ),
        Button(
            action_ids.variant(action_ids.NUDGE_SNOOZE, 7),
            t.plain("button_snooze_week"),
            str(team.pk),
        ),
    )
    return Message(text, blocks=(Text(text), Buttons(snooze)))


def failure_notice(t: Catalog, *, team: Team, reason: str) -> Message:
    text = t("reminder_failed_notice", code=team.code, reason=reason)
    return Message(text, blocks=(Text(text),))


def _agenda_line(t: Catalog, step: Step, owners: StepOwners, today: date) -> Runs:
    parts: list[Runs] = [numbered(str(step.number), step.text), owners.runs(t, step)]
    if step.due_date:
        parts.append(compose(day(step.due_date, t.lang)))
        if step.due_date < today:
            parts.append(t("overdue_mark"))
    return join(" · ", parts)
