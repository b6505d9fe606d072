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
from storage.models import (
    Goal,
    GoalStatus,
    Meeting,
    Member,
    Participant,
    Step,
    StepStatus,
    Team,
    TeamState,
)

STEPS_PER_PAGE = 25
LIST_LIMIT = 100  # /askel lista: 100 lines stay well within one message
_NO_GOAL = 1 << 30  # where the steps without a goal come in the plan: after every goal


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
    step_before: Step | None = None  # the last step of the page before (grouped by goal)
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


def step_line(t: Catalog, step: Step, plan: PlanData, *, goal_mark: bool = True) -> Runs:
    """`*3.* Soita Kelaan · @U1 · pe 11.12.2026 · T2 · myöhässä` (without `T2` under T2)"""
    parts: list[Runs] = [numbered(str(step.number), step.text), plan.owners.runs(t, step)]
    if step.due_date:
        parts.append(compose(day(step.due_date, t.lang)))
    if goal_mark and (goal := plan.goal_number(step)) is not None:
        parts.append(compose(f"T{goal}"))
    if step.status == StepStatus.OPEN and step.due_date and step.due_date < plan.today:
        parts.append(t("overdue_mark"))
    if step.status != StepStatus.OPEN:
        parts.append(t(f"status_{step.status}"))
    if step.status == StepStatus.OPEN and plan.owners.needs_new_owner(step, plan.member_ids):
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


def goal_line(t: Catalog, goal: Goal) -> Runs:
    """`*T1.* Oma asunto keväällä · saavutettu`"""
    return join(" · ", (numbered(f"T{goal.number}", goal.text), t(f"goal_status_{goal.status}")))


def goal_message(t: Catalog, goal: Goal) -> Message:
    """The goal's own message in the team channel, updated in place when it changes."""
    value = str(goal.number)
    blocks: list[Block] = [Text(compose(strong(t("goal_title")), "\n", goal_line(t, goal)))]
    buttons: tuple[Button, ...]
    if goal.status == GoalStatus.OPEN:
        buttons = (
            Button(
                _goal_button(GoalStatus.REACHED), t.plain("button_goal_reached"), value, "primary"
            ),
            Button(
                _goal_button(GoalStatus.NOT_RELEVANT), t.plain("button_goal_not_relevant"), value
            ),
        )
    else:
        buttons = (Button(_goal_button(GoalStatus.OPEN), t.plain("button_goal_reopen"), value),)
    blocks.append(Buttons(buttons))
    if goal.updated_by:
        blocks.append(Note(t("step_changed_by", user=Person(goal.updated_by))))
    return Message(t("goal_fallback", number=goal.number, text=goal.text), blocks=tuple(blocks))


def _goal_button(status: GoalStatus) -> str:
    return action_ids.variant(action_ids.GOAL_STATUS, status)


def step_list(t: Catalog, plan: PlanData, *, include_finished: bool) -> Message:
    """The steps loaded, at most LIST_LIMIT (the rest are in `/tiimi suunnitelma`'s pages)."""
    lines = [step_line(t, s, plan) for s in plan.steps[:LIST_LIMIT]]
    if plan.steps_total > len(lines):
        lines.append(t("steps_more", count=plan.steps_total - len(lines)))
    header = t("steps_header_all" if include_finished else "steps_header_open", code=plan.team.code)
    body = join("\n", lines) if lines else t("steps_none")
    return Message(compose(header, "\n", body), blocks=(Header(header), Text(body)))


def plan_view(t: Catalog, plan: PlanData, *, by_code: bool = False) -> Message:
    """The plan: each goal with its state and its steps beneath it, then the steps without a
    goal, then members; long plans in pages of STEPS_PER_PAGE (`plan` holds one page of the
    steps, grouped by goal). Asked by code (from anywhere, also after closing), the first
    page only, with a note of how to get the rest and whether the team is closed."""
    pages = max(1, -(-plan.steps_total // STEPS_PER_PAGE))
    page = plan.steps_offset // STEPS_PER_PAGE + 1
    header = t("plan_header", code=plan.team.code)
    blocks: list[Block] = [Header(header)]
    for goal, steps in _goal_groups(plan, last=page == pages):
        lines = [step_line(t, s, plan, goal_mark=False) for s in steps] or [t("goal_no_steps")]
        title = goal_line(t, goal) if goal else compose(strong(t("steps_without_goal")))
        blocks.append(Text(compose(title, "\n", join("\n", lines))))
    if not plan.goals and page == 1:
        blocks.append(Text(t("goals_none")))
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
    if not by_code:
        blocks += page_blocks(t, action=action_ids.PLAN_PAGE, page=page, pages=pages)
        return Message(header, blocks=tuple(blocks))
    if plan.team.state == TeamState.CLOSED:
        blocks.append(Note(t("plan_of_closed_team", code=plan.team.code)))
    if pages > 1:
        blocks.append(Note(t("plan_by_code_more", code=plan.team.code)))
    return Message(header, blocks=tuple(blocks))


def _goal_groups(plan: PlanData, *, last: bool = True) -> list[tuple[Goal | None, list[Step]]]:
    """The goals in order, each with its steps among those loaded, then the steps without a
    goal (None). On a page of the steps (loaded grouped by goal), a goal without steps is
    shown where its steps would be: on the page of the first step after it."""
    by_goal: dict[int | None, list[Step]] = {}
    for step in plan.steps:
        by_goal.setdefault(step.goal_id if _place(plan, step) < _NO_GOAL else None, []).append(step)
    start = -1 if plan.step_before is None else _place(plan, plan.step_before)
    end = _NO_GOAL if last or not plan.steps else _place(plan, plan.steps[-1])
    groups: list[tuple[Goal | None, list[Step]]] = [
        (g, by_goal.get(g.id, [])) for g in plan.goals if g.id in by_goal or start < g.number < end
    ]
    if None in by_goal:
        groups.append((None, by_goal[None]))
    return groups


def _place(plan: PlanData, step: Step) -> int:
    """Where the step comes in the plan: its goal's number, or after every goal."""
    number = plan.goal_number(step)
    return _NO_GOAL if number is None else number


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
    lines += ["", t.plain("goals_and_steps_title") + ":"]
    if not plan.goals:
        lines.append(t.plain("goals_none"))
    for group, steps in _goal_groups(plan):
        if group is None:
            lines.append(t.plain("steps_without_goal") + ":")
        else:
            status = t.plain(f"goal_status_{group.status}")
            lines.append(f"T{group.number}. {group.text} – {status}")
        if not steps:
            lines.append("  " + t.plain("goal_no_steps"))
        for step in steps:
            owner = plan.owners.plain(t, step, names)
            due = format_date(step.due_date, t.lang) if step.due_date else t.plain("due_none")
            status = t.plain(f"status_{step.status}")
            if step.status == StepStatus.OPEN and plan.owners.needs_new_owner(
                step, plan.member_ids
            ):
                status += ", " + t.plain("export_needs_new_owner")
            lines.append(f"  {step.number}. {step.text} – {owner} – {due} – {status}")
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
