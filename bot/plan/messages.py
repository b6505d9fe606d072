"""How a plan looks: a step's channel message, step lists, the plan view and the export."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot import action_ids
from bot.dates import day, format_date, format_span, span
from bot.i18n import Catalog
from bot.paging import page_blocks
from bot.plan.owners import StepOwners, participant_label
from bot.replies import (
    Block,
    Button,
    Buttons,
    Divider,
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
from bot.teams.professions import member_role
from storage.models import Goal, Meeting, Member, Participant, Step, StepStatus, Team

STEPS_PER_PAGE = 25
LIST_LIMIT = 100  # /askel lista: 100 lines stay well within one message


@dataclass(frozen=True)
class PlanData:
    team: Team
    goals: Sequence[Goal]
    steps: Sequence[Step]
    members: Sequence[Member]
    meetings: Sequence[Meeting]
    now: datetime
    timezone: ZoneInfo
    steps_total: int  # `steps` may be one page of them
    steps_offset: int = 0
    owners: StepOwners = field(default_factory=StepOwners)  # of `steps`, with participants

    @property
    def today(self) -> date:
        return self.now.astimezone(self.timezone).date()

    def next_meeting(self) -> Meeting | None:
        return next((m for m in self.meetings if m.starts_at > self.now), None)

    @property
    def member_ids(self) -> set[str]:
        return {m.user_id for m in self.members}

    def goal_number(self, step: Step) -> int | None:
        return next((g.number for g in self.goals if g.id == step.goal_id), None)

    @property
    def participants(self) -> list[Participant]:
        """The team's current participants by number."""
        current = (p for p in self.owners.participants.values() if p.removed_at is None)
        return sorted(current, key=lambda p: p.number)


def numbered(label: str, text: str) -> Runs:
    """`*3.* Soita Kelaan`: a strong number, then text a person typed."""
    return compose(strong(f"{label}."), " ", text)


def step_line(t: Catalog, step: Step, plan: PlanData) -> Runs:
    """`*3.* Soita Kelaan · @U1 · pe 11.12.2026 · T2 · myöhässä`"""
    parts: list[Runs] = [numbered(str(step.number), step.text), plan.owners.runs(t, step)]
    if step.due_date:
        parts.append(compose(day(step.due_date, t.lang)))
    if (goal := plan.goal_number(step)) is not None:
        parts.append(compose(f"T{goal}"))
    if step.status == StepStatus.OPEN and step.due_date and step.due_date < plan.today:
        parts.append(t("overdue_mark"))
    if step.status != StepStatus.OPEN:
        parts.append(t(f"status_{step.status}"))
    if plan.owners.needs_new_owner(step, plan.member_ids):
        parts.append(t("needs_new_owner_mark"))
    return join(" · ", parts)


def step_message(t: Catalog, step: Step, plan: PlanData) -> Message:
    """The step's own message in the team channel, updated in place when it changes."""
    line = step_line(t, step, plan)
    blocks: list[Block] = [Text(line)]
    if step.status == StepStatus.OPEN:
        value = str(step.number)
        blocks.append(
            Buttons(
                (
                    Button(action_ids.STEP_DONE, t.plain("button_done"), value, "primary"),
                    Button(action_ids.STEP_NOT_DONE, t.plain("button_not_done"), value),
                    Button(action_ids.STEP_MOVE, t.plain("button_move"), value),
                )
            )
        )
    if step.updated_by:
        blocks.append(Note(t("step_changed_by", user=Person(step.updated_by))))
    return Message(t("step_fallback", number=step.number, text=step.text), blocks=tuple(blocks))


def step_list(t: Catalog, plan: PlanData, *, include_finished: bool) -> Message:
    """The steps loaded, at most LIST_LIMIT (the rest are in `/tiimi suunnitelma`'s pages)."""
    lines = [step_line(t, s, plan) for s in plan.steps[:LIST_LIMIT]]
    if plan.steps_total > len(lines):
        lines.append(t("steps_more", count=plan.steps_total - len(lines)))
    header = t("steps_header_all" if include_finished else "steps_header_open", code=plan.team.code)
    body = join("\n", lines) if lines else t("steps_none")
    return Message(compose(header, "\n", body), blocks=(Header(header), Text(body)))


def plan_view(t: Catalog, plan: PlanData) -> Message:
    """The plan: goals, steps by status, members; long plans in pages of STEPS_PER_PAGE
    (`plan` holds one page of the steps)."""
    pages = max(1, -(-plan.steps_total // STEPS_PER_PAGE))
    page = plan.steps_offset // STEPS_PER_PAGE + 1
    shown = plan.steps
    header = t("plan_header", code=plan.team.code)
    blocks: list[Block] = [Header(header)]
    if page == 1:
        goals = join("\n", (numbered(f"T{g.number}", g.text) for g in plan.goals))
        blocks += [Text(_section(t("goals_title"), goals or t("goals_none")))]
    for status in (StepStatus.OPEN, StepStatus.DONE, StepStatus.NOT_DONE):
        lines = [step_line(t, s, plan) for s in shown if s.status == status]
        if lines:
            blocks.append(Text(_section(t(f"steps_title_{status}"), join("\n", lines))))
    if not plan.steps_total:
        blocks.append(Text(t("steps_none")))
    if page == 1:
        members = join(", ", (_member(t, m, plan.team) for m in plan.members))
        upcoming = plan.next_meeting()
        meeting = (
            compose(span(upcoming.starts_at, upcoming.ends_at, plan.timezone, t.lang))
            if upcoming
            else t("no_meeting_booked")
        )
        participants = join(", ", (compose(participant_line(t, p)) for p in plan.participants))
        blocks += [
            Divider(),
            Text(_section(t("members_title"), members)),
            Text(_section(t("participants_title"), participants or t("participants_none"))),
            Text(_section(t("next_meeting_title"), meeting)),
        ]
    blocks += page_blocks(t, action=action_ids.PLAN_PAGE, page=page, pages=pages)
    return Message(header, blocks=tuple(blocks))


def _section(title: Runs, body: Runs) -> Runs:
    """A strong title on its own line, then the body."""
    return compose(strong(title), "\n", body)


def plan_export(t: Catalog, plan: PlanData, *, names: Mapping[str, str]) -> str:
    """Plain text (not markup) for pasting into a client record system."""
    team = plan.team
    opened = (team.activated_at or team.created_at).date()
    lines = [
        t.plain("export_title", code=team.code),
        t.plain(
            "export_dates",
            opened=format_date(opened, t.lang),
            today=format_date(plan.today, t.lang),
        ),
        "",
        t.plain("members_title") + ":",
    ]
    for member in plan.members:
        label = member_role(member, t.lang, unknown=t.plain("profession_unknown"))
        role = f", {t.plain('convenor')}" if member.user_id == team.convenor_id else ""
        lines.append(f"- {names.get(member.user_id, member.user_id)} ({label}{role})")
    lines += ["", t.plain("participants_title") + ":"]
    lines += [f"- {participant_line(t, p)}" for p in plan.participants]
    lines += ["", t.plain("goals_title") + ":"]
    lines += [f"T{g.number}. {g.text}" for g in plan.goals] or [t.plain("goals_none")]
    lines += ["", t.plain("steps_title") + ":"]
    for step in plan.steps:
        owner = plan.owners.plain(t, step, names)
        due = format_date(step.due_date, t.lang) if step.due_date else t.plain("due_none")
        goal = f" (T{n})" if (n := plan.goal_number(step)) is not None else ""
        status = t.plain(f"status_{step.status}")
        lines.append(f"{step.number}. {step.text}{goal} – {owner} – {due} – {status}")
    if not plan.steps:
        lines.append(t.plain("steps_none"))
    lines += ["", t.plain("meetings_title") + ":"]
    lines += [
        format_span(m.starts_at, m.ends_at, plan.timezone, t.lang)
        + (f" – {m.place}" if m.place else "")
        for m in plan.meetings
    ] or [t.plain("meetings_none")]
    return "\n".join(lines)


def participant_line(t: Catalog, participant: Participant) -> str:
    """`P2 Läheinen`: the number that names the participant in commands, role, organisation."""
    return f"P{participant.number} {participant_label(t, participant)}"


def _member(t: Catalog, member: Member, team: Team) -> Runs:
    label = member_role(member, t.lang, unknown=t.plain("profession_unknown"))
    role = f", {t.plain('convenor')}" if member.user_id == team.convenor_id else ""
    return compose(Person(member.user_id), f" ({label}{role})")
