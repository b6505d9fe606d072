"""Runs a Ratkaisupaja's commands (`/paja ratkaisu uusi`, `käytännöt`, `yhteenveto`) and its
three forms (a client case, an experiment, a review): guard, check, act, redraw the card,
answer the one who asked. Each adapter draws the forms itself from the descriptions here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from bot.answers import answer, guard
from bot.context import Actor, Core
from bot.dates import DateParseError, parse_date
from bot.dates.explain import explain
from bot.errors import UserError
from bot.plan.dispatch import FormErrors, refused_beside
from bot.platform import PlatformError
from bot.privacy import Display
from bot.privacy.access import Action
from bot.replies import Reply, plain_text, simple
from bot.workshops.flow_chart import flow_chart
from bot.workshops.forms import checked_text, redrawn, workshop_ref
from bot.workshops.posting import post_card, refresh_card
from bot.workshops.service import WorkshopService
from bot.workshops.solution_card import flow_text
from bot.workshops.solutions import MAX_CASES, MAX_OWNERS, SolutionService
from bot.workshops.summary import people_in, summary_text
from storage.workshops import ExperimentOutcome

MAX_CASE, MAX_WHAT, MAX_REVIEW_NOTE = 1000, 300, 300
# the forms' fields
CASE_FIELD = "case"
WHAT_FIELD, OWNERS_FIELD, DATE_FIELD = "what", "owners", "review_date"
OUTCOME_FIELD, NOTE_FIELD = "outcome", "note"
SUMMARY_FILE, FLOW_FILE = "ratkaisupaja.txt", "yhteistyokaytannot.png"


@dataclass(frozen=True)
class CaseForm:
    workshop_id: int


@dataclass(frozen=True)
class ExperimentForm:
    key: str  # `workshop:theme`, the form's value back
    theme_name: str


@dataclass(frozen=True)
class ReviewForm:
    experiment_id: int
    number: int
    what: str


class SolutionCommands:
    def __init__(self, core: Core) -> None:
        self.core = core
        self.solutions = SolutionService(core)
        self.workshops = WorkshopService(core)

    async def open(self, actor: Actor, space: str) -> Reply:
        workshop = await self.solutions.open(actor=actor, space=space)
        try:
            ref, shown = await post_card(self.core, workshop)
        except PlatformError:  # not in the space, or may not post there
            await self.workshops.discard(workshop)
            raise UserError("workshop_space_unavailable") from None
        await self.workshops.posted(actor=actor, workshop=workshop, message_ref=ref)
        await refresh_card(self.core, workshop.pk, shown=shown)
        return simple(actor.t("solution_opened"))

    async def order_practices(self, actor: Actor, space: str, numbers: Sequence[int]) -> Reply:
        ordered = await self.solutions.order_practices(actor=actor, space=space, numbers=numbers)
        await refresh_card(self.core, ordered[0].workshop_id)
        return simple(actor.t("solution_practices_ordered", flow=flow_text(ordered)))

    async def summary(self, actor: Actor, space: str) -> Reply:
        """The summary as a text file, and the practices' flow as an image, to the asker."""
        workshop = await self.solutions.in_space(space)
        await self.solutions.require(actor, Action.SOLUTION_SUMMARY)
        state = await self.solutions.state(workshop.pk)
        t = actor.t
        names = await self.core.platform.display_names(people_in(state))
        await self.core.platform.send_file(
            actor.user_id,
            filename=SUMMARY_FILE,
            content=summary_text(t, state, names, self.core.timezone),
            title=t.plain("solution_card_header", topic=workshop.topic),
        )
        if not state.practices:
            return simple(t("solution_summary_sent_no_flow"))
        flow = flow_text(state.practices)
        png = flow_chart(t.plain("solution_practices"), [e.what for e in state.practices])
        alt = t.plain("solution_flow_alt", flow=flow)
        await self.core.platform.send_image(
            actor.user_id, filename=FLOW_FILE, png=png, alt_text=alt
        )
        return simple(t("solution_summary_sent", flow=flow))

    # the forms
    async def case_form(self, *, actor: Actor, value: str) -> CaseForm | Reply:
        async def work() -> CaseForm:
            state = await self.solutions.state(workshop_ref(value))
            if len(state.cases) >= MAX_CASES:
                raise UserError("solution_case_limit", count=MAX_CASES)
            return CaseForm(state.workshop.pk)

        return await answer(actor, work)

    async def submit_case(
        self, *, actor: Actor, value: str, text: str, form_id: str, display: Display | None = None
    ) -> Reply:
        """Raises FormErrors; the answer's `then` redraws the card."""
        case = _checked(actor, CASE_FIELD, text, MAX_CASE, display)
        with refused_beside(actor, CASE_FIELD):
            workshop_id = workshop_ref(value)
            await self.solutions.add_case(
                actor=actor, workshop_id=workshop_id, text=case, form_key=f"case:{form_id}"
            )
        return redrawn(self.core, actor.t("solution_case_added"), workshop_id)

    async def experiment_form(self, *, actor: Actor, value: str) -> ExperimentForm | Reply:
        async def work() -> ExperimentForm:
            workshop_id, theme_id = _pair(value)
            state = await self.solutions.state(workshop_id)
            for theme in state.themes:
                if theme.pk == theme_id:
                    return ExperimentForm(f"{workshop_id}:{theme_id}", theme.name)
            raise UserError("workshop_gone")

        return await answer(actor, work)

    async def submit_experiment(
        self,
        *,
        actor: Actor,
        value: str,
        what: str,
        owners: Sequence[str],
        review_date: str,
        form_id: str,
        display: Display | None = None,
    ) -> Reply:
        """What, owner(s) and a review date (Finnish date grammar, not in the past); raises
        FormErrors; the answer's `then` redraws the card."""
        text = _checked(actor, WHAT_FIELD, what, MAX_WHAT, display)
        if not owners:
            raise FormErrors({OWNERS_FIELD: actor.t.plain("solution_owners_needed")})
        if len(set(owners)) > MAX_OWNERS:
            raise FormErrors(
                {OWNERS_FIELD: actor.t.plain("solution_owners_many", count=MAX_OWNERS)}
            )
        day = self._review_date(actor, review_date)
        with refused_beside(actor, WHAT_FIELD):
            workshop_id, theme_id = _pair(value)
            added = await self.solutions.add_experiment(
                actor=actor,
                workshop_id=workshop_id,
                theme_id=theme_id,
                what=text,
                owners=owners,
                review_date=day,
                form_key=f"experiment:{form_id}",
            )
        number = added.number if added else 0
        return redrawn(self.core, actor.t("solution_experiment_added", number=number), workshop_id)

    def _review_date(self, actor: Actor, text: str) -> date:
        today = self.core.clock.now().astimezone(self.core.timezone).date()
        try:
            with refused_beside(actor, DATE_FIELD):
                guard(text)
                found = parse_date(text, today=today)
        except DateParseError as error:
            raise FormErrors({DATE_FIELD: plain_text(explain(actor.t, error))}) from None
        if found < today:
            past = explain(actor.t, DateParseError("past", {"date": found}))
            raise FormErrors({DATE_FIELD: plain_text(past)})
        return found

    async def review_form(self, *, actor: Actor, value: str) -> ReviewForm | Reply:
        async def work() -> ReviewForm:
            experiment = await self.solutions.may_review(actor, workshop_ref(value))
            return ReviewForm(experiment.pk, experiment.number, experiment.what)

        return await answer(actor, work)

    async def submit_review(
        self,
        *,
        actor: Actor,
        value: str,
        outcome: str,
        note: str,
        display: Display | None = None,
    ) -> Reply:
        """Kept, changed or dropped, with a note; raises FormErrors; `then` redraws the card."""
        if outcome not in set(ExperimentOutcome):
            raise FormErrors({OUTCOME_FIELD: actor.t.plain("solution_outcome_needed")})
        written = (
            _checked(actor, NOTE_FIELD, note, MAX_REVIEW_NOTE, display) if note.strip() else ""
        )
        with refused_beside(actor, NOTE_FIELD):
            experiment = await self.solutions.review(
                actor=actor,
                experiment_id=workshop_ref(value),
                outcome=ExperimentOutcome(outcome),
                note=written,
            )
        said = actor.t(
            "solution_reviewed",
            number=experiment.number,
            outcome=actor.t.plain(f"solution_outcome_{outcome}"),
        )
        return redrawn(self.core, said, experiment.workshop_id)


def _checked(actor: Actor, field: str, text: str, limit: int, display: Display | None) -> str:
    return checked_text(
        actor, field, text, limit=limit, empty="solution_text_empty", display=display
    )


def _pair(value: str) -> tuple[int, int]:
    first, _, second = value.partition(":")
    return workshop_ref(first), workshop_ref(second)
