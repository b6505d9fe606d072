"""Runs `/askel` commands, step buttons and the step form: guard, parse, act, answer."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from bot import action_ids
from bot.answers import answer, guard, guard_input, refusal
from bot.command_input import CommandInput
from bot.context import Actor, Core
from bot.dates import DateParseError
from bot.dates.explain import explain
from bot.errors import AlreadyHandled, UserError
from bot.plan import messages as plan_messages
from bot.plan.commands import (
    MAX_TEXT,
    AddGoal,
    AddStep,
    EditGoal,
    EditStep,
    ListSteps,
    Owner,
    PlanCommand,
    PlanHelp,
    Reschedule,
    SetGoalStatus,
    SetOwners,
    SetStatus,
    StepDialog,
    parse_askel,
)
from bot.plan.goals import GoalChange, GoalService
from bot.plan.service import PlanService
from bot.privacy import Display
from bot.privacy.access import Action
from bot.replies import (
    Header,
    Message,
    Preformatted,
    Reply,
    Runs,
    Text,
    compose,
    plain_text,
    simple,
)
from bot.teams.professions import PROFESSIONS
from bot.text_norm import clean
from storage.models import GoalStatus, StepStatus

BUTTON_STATUS = {
    action_ids.STEP_DONE: StepStatus.DONE,
    action_ids.STEP_NOT_DONE: StepStatus.NOT_DONE,
}

GOAL_BUTTON_STATUS = {
    action_ids.variant(action_ids.GOAL_STATUS, status): status
    for status in (GoalStatus.REACHED, GoalStatus.NOT_RELEVANT, GoalStatus.OPEN)
}


@dataclass(frozen=True)
class StepForm:
    """What the step form submitted; the adapter reads it from the platform's form."""

    text: str
    owner_user_ids: tuple[str, ...]
    owner_roles: tuple[str, ...]  # participants by role: "client"… (a new one if none)
    due: date | None
    goal_number: int | None
    display: Display | None = None  # how the platform shows the text (for the privacy guard)
    owner_numbers: tuple[int, ...] = ()  # participants by number (P2)


class FormErrors(Exception):
    """Field name → message, for the adapter to show beside the fields."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(", ".join(errors))
        self.errors = errors


@contextlib.contextmanager
def refused_beside(actor: Actor, field: str) -> Iterator[None]:
    """A UserError raised inside becomes FormErrors: its refusal shown beside `field`."""
    try:
        yield
    except UserError as error:
        raise FormErrors({field: actor.t.plain(error.key, **error.params)}) from None


class AskelCommands:
    def __init__(self, core: Core) -> None:
        self.core = core
        self.plan = PlanService(core)
        self.goals = GoalService(self.plan)

    async def run(self, *, actor: Actor, text: CommandInput, channel_id: str) -> Reply | StepDialog:
        """Handle `/askel <text>`; a StepDialog asks the adapter to open the step form."""
        try:
            guard_input(text)
            command = parse_askel(text, today=self.plan.today())
        except UserError as error:
            return refusal(actor, error)
        except DateParseError as error:
            return simple(explain(actor.t, error))
        if isinstance(command, StepDialog):
            return await answer(actor, lambda: self._dialog(actor, channel_id))
        return await answer(actor, lambda: self._execute(command, actor, channel_id))

    async def _dialog(self, actor: Actor, channel_id: str) -> StepDialog:
        data = await self.plan.load(
            actor, channel_id, action=Action.CHANGE_PLAN, statuses=(), with_participants=True
        )
        open_goals = (g for g in data.goals if g.status == GoalStatus.OPEN)
        present = {p.role for p in data.participants}
        return StepDialog(
            goals=tuple((g.number, g.text) for g in open_goals),
            participants=tuple(
                (p.number, plan_messages.participant_line(actor.t, p)) for p in data.participants
            ),
            new_roles=tuple(key for key in PROFESSIONS if key not in present),
        )

    async def press(self, *, actor: Actor, channel_id: str, action_id: str, value: str) -> Reply:
        async def work() -> Reply:
            status = BUTTON_STATUS[action_id]
            await self.plan.change(
                actor=actor,
                channel_id=channel_id,
                number=action_ids.number_value(value),
                status=status,
            )
            return simple(actor.t(f"step_{status}_done", number=value))

        return await answer(actor, work)

    async def press_goal(
        self, *, actor: Actor, channel_id: str, action_id: str, value: str
    ) -> Reply:
        """A goal's buttons: Saavutettu, Ei enää ajankohtainen, Avaa uudelleen."""

        async def work() -> Reply:
            status = GOAL_BUTTON_STATUS[action_id]
            change = await self.goals.change(
                actor=actor,
                channel_id=channel_id,
                number=action_ids.number_value(value),
                status=status,
            )
            return simple(_goal_changed(actor, change))

        return await answer(actor, work)

    async def finish_from_home(self, *, actor: Actor, value: str) -> Reply:
        """The Home tab's Tehty button: `team_id:number`."""
        team_id, _, number = value.partition(":")

        async def work() -> Reply:
            await self.plan.finish_in_team(
                actor=actor,
                team_id=action_ids.number_value(team_id),
                number=action_ids.number_value(number),
            )
            return simple(actor.t("step_done_done", number=number))

        return await answer(actor, work)

    async def reschedule(self, *, actor: Actor, channel_id: str, number: int, due: date) -> None:
        """From the "Siirrä" form; raises FormErrors for a date in the past."""
        if due < self.plan.today():
            past = explain(actor.t, DateParseError("past", {"date": due}))
            raise FormErrors({"due": plain_text(past)})
        await self.plan.change(actor=actor, channel_id=channel_id, number=number, due=due)

    def check_form(self, *, actor: Actor, form: StepForm) -> AddStep:
        """The step the form asks for, checked without any I/O so that the form can be answered
        at once; raises FormErrors to show beside the fields."""
        errors: dict[str, str] = {}
        try:
            guard(form.text, display=form.display)
        except UserError as error:
            errors["text"] = actor.t.plain(error.key)
        if form.due is not None and form.due < self.plan.today():
            past = explain(actor.t, DateParseError("past", {"date": form.due}))
            errors["due"] = plain_text(past)
        text = clean(form.text)
        if not text and "text" not in errors:
            errors["text"] = actor.t.plain("usage_step")
        if any(role not in PROFESSIONS for role in form.owner_roles or ()):
            errors["owner_role"] = actor.t.plain("unknown_owner_role")
        if errors:
            raise FormErrors(errors)
        owner = Owner(form.owner_user_ids, form.owner_roles, form.owner_numbers)
        return AddStep(text[:MAX_TEXT], owner, form.due, form.goal_number)

    async def submit_form(
        self, *, actor: Actor, channel_id: str, step: AddStep, form_id: str
    ) -> Reply | None:
        """Add the checked step after the form was answered; a refusal to tell the user, or
        None. The same form (`form_id`, its view) adds one step, however often it is sent."""

        async def work() -> None:
            with contextlib.suppress(AlreadyHandled):  # the same form, submitted again
                await self.plan.add_step(
                    actor=actor, channel_id=channel_id, command=step, request_key=f"form:{form_id}"
                )

        return await answer(actor, work)

    async def _execute(self, command: PlanCommand, actor: Actor, channel_id: str) -> Reply:
        t, plan = actor.t, self.plan
        match command:
            case PlanHelp():
                return Reply(
                    Message(
                        t("askel_help_header"),
                        (Header(t("askel_help_header")), Text(t("askel_help_body"))),
                    )
                )
            case AddGoal(text=text):
                goal = await self.goals.add(actor=actor, channel_id=channel_id, text=text)
                return simple(t("goal_added", number=goal.number))
            case EditGoal(number=number, text=text):
                change = await self.goals.change(
                    actor=actor, channel_id=channel_id, number=number, text=text
                )
                return simple(_goal_changed(actor, change))
            case SetGoalStatus(number=number, status=goal_status):
                change = await self.goals.change(
                    actor=actor, channel_id=channel_id, number=number, status=goal_status
                )
                return simple(_goal_changed(actor, change))
            case AddStep():
                step = await plan.add_step(actor=actor, channel_id=channel_id, command=command)
                return simple(t("step_added", number=step.number))
            case ListSteps(include_finished=finished):
                statuses = (
                    (StepStatus.OPEN, StepStatus.DONE, StepStatus.NOT_DONE)
                    if finished
                    else (StepStatus.OPEN,)
                )
                data = await plan.load(
                    actor,
                    channel_id,
                    action=Action.VIEW_PLAN,
                    statuses=statuses,
                    page_size=plan_messages.LIST_LIMIT,
                )
                await plan.viewed(actor, data)
                return Reply(plan_messages.step_list(t, data, include_finished=finished))
            case SetStatus(number=number, status=status):
                await plan.change(actor=actor, channel_id=channel_id, number=number, status=status)
                return simple(t(f"step_{status}_done", number=number))
            case Reschedule(number=number, due=due):
                await plan.change(actor=actor, channel_id=channel_id, number=number, due=due)
                return simple(t("step_rescheduled", number=number))
            case SetOwners(number=number, owner=owner):
                await plan.change(actor=actor, channel_id=channel_id, number=number, owner=owner)
                return simple(t("step_owners_changed", number=number))
            case EditStep(number=number, text=text):
                await plan.change(actor=actor, channel_id=channel_id, number=number, text=text)
                return simple(t("step_edited", number=number))
        raise AssertionError(f"unhandled command {command!r}")

    async def show_plan(self, *, actor: Actor, channel_id: str, page: int = 1) -> Reply:
        async def work() -> Reply:
            data = await self.plan.load(
                actor,
                channel_id,
                action=Action.VIEW_PLAN,
                page_size=plan_messages.STEPS_PER_PAGE,
                page=page,
                with_meetings=True,
                by_goal=True,
            )
            await self.plan.viewed(actor, data)
            return Reply(plan_messages.plan_view(actor.t, data))

        return await answer(actor, work)

    async def show_plan_by_code(self, *, actor: Actor, code: str) -> Reply:
        """`/tiimi suunnitelma MT-…` from anywhere; seen by the asker only, without page
        buttons (they work in the team's channel): a longer plan whole by `/tiimi vie`."""

        async def work() -> Reply:
            data = await self.plan.view_by_code(
                actor=actor, code=code, page_size=plan_messages.STEPS_PER_PAGE
            )
            return Reply(plan_messages.plan_view(actor.t, data, by_code=True))

        return await answer(actor, work)

    async def export(self, *, actor: Actor, channel_id: str) -> Reply:
        async def work() -> Reply:
            return _export_reply(actor, await self.plan.export(actor=actor, channel_id=channel_id))

        return await answer(actor, work)

    async def export_by_code(self, *, actor: Actor, code: str) -> Reply:
        """`/tiimi vie MT-…` from anywhere; the answer is seen by the asker only."""

        async def work() -> Reply:
            return _export_reply(actor, await self.plan.export_by_code(actor=actor, code=code))

        return await answer(actor, work)


def _goal_changed(actor: Actor, change: GoalChange) -> Runs:
    """What was done to the goal; a removed goal's answer says where its steps went."""
    number, count = change.goal.number, change.steps_detached
    if change.edited:
        return actor.t("goal_edited", number=number)
    if change.goal.status == GoalStatus.REMOVED and count:
        return actor.t("goal_removed_steps_kept", number=number, count=count)
    return actor.t(f"goal_{change.goal.status}_done", number=number)


def _export_reply(actor: Actor, text: str) -> Reply:
    header = actor.t("export_header")
    return Reply(Message(compose(text), blocks=(Header(header), Preformatted(text))))
