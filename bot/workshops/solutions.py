"""A Ratkaisupaja's life in rows: opened from a Hukkapaja's results with its carried-forward
themes, up to two pseudonymous client cases, experiments per theme (what, owners, a review
date, its reminder a row of the reminder worker's), their review (kept, changed or dropped,
with a note) and the kept ones' order as the agreed collaboration practices.

A Ratkaisupaja has no phases: its row's `phase` stays `results`, so that no Hukkapaja path
(notes, dots, phase buttons) acts on it; `open_space` stays NULL, so that the space may run
its next Hukkapaja meanwhile. Changes lock the workshop's row and grow its `card_version`, as
a Hukkapaja's do (bot/workshops/posting.py redraws the card)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.exc import IntegrityError
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.context import Actor, Core
from bot.errors import UserError
from bot.privacy.access import Action, experiment_roles, require, workshop_roles
from bot.reminders.planner import ReminderPlanner
from storage import queries
from storage import solution_queries as sq
from storage import workshop_queries as wq
from storage.models import TeamState
from storage.workshops import (
    ExperimentOutcome,
    Workshop,
    WorkshopCase,
    WorkshopExperiment,
    WorkshopKind,
    WorkshopPhase,
    WorkshopTheme,
)

MAX_CASES = 2
MAX_EXPERIMENTS = 12  # the card stays one message (a line and a button each)
MAX_OWNERS = 5


@dataclass(frozen=True)
class SolutionState:
    """What the Ratkaisupaja's card and summary show, read in one transaction."""

    workshop: Workshop
    source: Workshop
    themes: tuple[WorkshopTheme, ...]  # the Hukkapaja's carried-forward themes
    cases: tuple[WorkshopCase, ...]
    experiments: tuple[WorkshopExperiment, ...]

    @property
    def practices(self) -> tuple[WorkshopExperiment, ...]:
        """The kept experiments in the facilitator's order: the collaboration practices."""
        kept = [e for e in self.experiments if e.outcome == ExperimentOutcome.KEPT]
        return tuple(sorted(kept, key=lambda e: (e.practice_order or 0, e.number)))

    def of_theme(self, theme: WorkshopTheme) -> tuple[WorkshopExperiment, ...]:
        return tuple(e for e in self.experiments if e.theme_id == theme.pk)


async def read_solution(session: AsyncSession, workshop: Workshop) -> SolutionState:
    assert workshop.source_id is not None, "a Ratkaisupaja has its Hukkapaja"
    source = await wq.get_workshop(session, workshop_id=workshop.source_id)
    assert source is not None
    themes = await wq.themes(session, workshop_id=source.pk)
    return SolutionState(
        workshop,
        source,
        tuple(theme for theme in themes if theme.carried_forward),
        tuple(await sq.cases(session, workshop_id=workshop.pk)),
        tuple(await sq.experiments(session, workshop_id=workshop.pk)),
    )


class SolutionService:
    def __init__(self, core: Core) -> None:
        self.core = core
        self.planner = ReminderPlanner(core)

    async def state(self, workshop_id: int) -> SolutionState:
        async with self.core.database.session() as session:
            workshop = await wq.get_workshop(session, workshop_id=workshop_id)
            if workshop is None or workshop.kind != WorkshopKind.RATKAISU:
                raise UserError("workshop_gone")
            return await read_solution(session, workshop)

    async def open(self, *, actor: Actor, space: str) -> Workshop:
        """A Ratkaisupaja from the space's latest Hukkapaja, once it has its results and a
        theme carried forward; one per Hukkapaja. Its card is posted by the caller."""
        if not space:
            raise UserError("workshop_needs_space")
        async with self.core.database.session() as session:
            team = await queries.get_team_by_channel(session, channel_id=space)
            source = await sq.latest_of_kind(session, space_id=space, kind=WorkshopKind.HUKKA)
            themes = await wq.themes(session, workshop_id=source.pk) if source else ()
        if team is not None and team.state != TeamState.FAILED:
            raise UserError("workshop_not_in_team_space")
        roles = workshop_roles(actor.user_id, facilitator_id=None)
        await require(self.core, actor, Action.OPEN_WORKSHOP, roles)
        if source is None or source.phase != WorkshopPhase.RESULTS:
            raise UserError("solution_needs_results")
        if not any(theme.carried_forward for theme in themes):
            raise UserError("solution_no_themes")
        now = self.core.clock.now()
        workshop = Workshop(
            kind=WorkshopKind.RATKAISU,
            topic=source.topic,
            space_id=space,
            facilitator_id=actor.user_id,
            phase=WorkshopPhase.RESULTS,
            source_id=source.pk,
            created_at=now,
            phase_changed_at=now,
        )
        try:
            async with self.core.database.session() as session:
                session.add(workshop)
        except IntegrityError:  # the Hukkapaja has its Ratkaisupaja
            raise UserError("solution_already_opened") from None
        return workshop

    async def in_space(self, space: str) -> Workshop:
        """The space's latest Ratkaisupaja, or a clear refusal."""
        async with self.core.database.session() as session:
            found = await sq.latest_of_kind(session, space_id=space, kind=WorkshopKind.RATKAISU)
        if found is None:
            raise UserError("solution_none")
        return found

    async def add_case(self, *, actor: Actor, workshop_id: int, text: str, form_key: str) -> bool:
        """A client case, as written (pseudonymous, guarded by the caller); False for a form
        sent again."""
        await self.require(actor, Action.WRITE_CASE)
        try:
            async with self.core.database.session() as session:
                workshop = await self._locked(session, workshop_id)
                cases = await sq.cases(session, workshop_id=workshop_id)
                if len(cases) >= MAX_CASES:
                    raise UserError("solution_case_limit", count=MAX_CASES)
                queries.record_request_key(session, key=form_key, at=self.core.clock.now())
                session.add(WorkshopCase(workshop_id=workshop_id, number=len(cases) + 1, text=text))
                workshop.card_version += 1
        except IntegrityError:
            return False
        return True

    async def add_experiment(
        self,
        *,
        actor: Actor,
        workshop_id: int,
        theme_id: int,
        what: str,
        owners: Sequence[str],
        review_date: date,
        form_key: str,
    ) -> WorkshopExperiment | None:
        """An experiment for one of the carried-forward themes, and its review reminder's
        row; None for a form sent again."""
        await self.require(actor, Action.ADD_EXPERIMENT)
        try:
            async with self.core.database.session() as session:
                workshop = await self._locked(session, workshop_id)
                theme = await wq.get_theme(session, theme_id=theme_id)
                carried = theme is not None and theme.carried_forward
                if not carried or theme is None or theme.workshop_id != workshop.source_id:
                    raise UserError("workshop_gone")  # not one of this workshop's themes
                number = await sq.next_experiment_number(session, workshop_id=workshop_id)
                if number > MAX_EXPERIMENTS:
                    raise UserError("solution_experiment_limit", count=MAX_EXPERIMENTS)
                queries.record_request_key(session, key=form_key, at=self.core.clock.now())
                experiment = WorkshopExperiment(
                    workshop_id=workshop_id,
                    theme_id=theme_id,
                    number=number,
                    what=what,
                    owners=" ".join(dict.fromkeys(owners)),
                    review_date=review_date,
                )
                session.add(experiment)
                await session.flush()
                self.planner.plan_experiment(session, experiment)
                workshop.card_version += 1
        except IntegrityError:
            return None
        return experiment

    async def may_review(self, actor: Actor, experiment_id: int) -> WorkshopExperiment:
        """The experiment, once the actor may review it (its owners and the facilitator)."""
        async with self.core.database.session() as session:
            experiment = await sq.get_experiment(session, experiment_id=experiment_id)
            workshop = (
                await wq.get_workshop(session, workshop_id=experiment.workshop_id)
                if experiment
                else None
            )
        if experiment is None or workshop is None:
            raise UserError("workshop_gone")
        roles = experiment_roles(
            actor.user_id, facilitator_id=workshop.facilitator_id, owners=experiment.owner_ids
        )
        await require(self.core, actor, Action.REVIEW_EXPERIMENT, roles)
        return experiment

    async def review(
        self, *, actor: Actor, experiment_id: int, outcome: ExperimentOutcome, note: str
    ) -> WorkshopExperiment:
        """Kept, changed or dropped, with a note (may be reviewed again); a kept one joins
        the practices last, and its pending reminder is cancelled."""
        found = await self.may_review(actor, experiment_id)
        async with self.core.database.session() as session:
            workshop = await self._locked(session, found.workshop_id)
            experiment = await sq.get_experiment(session, experiment_id=experiment_id)
            assert experiment is not None
            if outcome == ExperimentOutcome.KEPT and experiment.outcome != outcome:
                orders = [e.practice_order or 0 for e in await self._all(session, workshop)]
                experiment.practice_order = max(orders, default=0) + 1
            elif outcome != ExperimentOutcome.KEPT:
                experiment.practice_order = None
            experiment.outcome, experiment.outcome_note = outcome, note or None
            experiment.reviewed_at = self.core.clock.now()
            await sq.cancel_experiment_reminders(session, experiment_id=experiment_id)
            workshop.card_version += 1
        return experiment

    async def order_practices(
        self, *, actor: Actor, space: str, numbers: Sequence[int]
    ) -> tuple[WorkshopExperiment, ...]:
        """The practices' order (the facilitator's): the kept experiments numbered first in
        that order, the others after them as they were."""
        workshop = await self.in_space(space)
        roles = workshop_roles(actor.user_id, facilitator_id=workshop.facilitator_id)
        await require(self.core, actor, Action.LEAD_WORKSHOP, roles)
        async with self.core.database.session() as session:
            locked = await self._locked(session, workshop.pk)
            state = await read_solution(session, locked)
            kept = {e.number: e for e in state.practices}
            if not kept:
                raise UserError("solution_no_practices")
            if unknown := [n for n in numbers if n not in kept]:
                raise UserError("solution_not_practice", number=unknown[0])
            rest = [e for e in state.practices if e.number not in numbers]
            ordered = [kept[n] for n in numbers] + rest
            for place, experiment in enumerate(ordered, 1):
                experiment.practice_order = place
            locked.card_version += 1
        return tuple(ordered)

    async def require(self, actor: Actor, action: Action) -> None:
        """An action open to anyone in the space (the table still decides, and audits)."""
        await require(self.core, actor, action, workshop_roles(actor.user_id, facilitator_id=None))

    async def _locked(self, session: AsyncSession, workshop_id: int) -> Workshop:
        workshop = await wq.locked_workshop(session, workshop_id=workshop_id)
        if workshop is None or workshop.kind != WorkshopKind.RATKAISU:
            raise UserError("workshop_gone")
        return workshop

    async def _all(self, session: AsyncSession, workshop: Workshop) -> list[WorkshopExperiment]:
        return list(await sq.experiments(session, workshop_id=workshop.pk))
