"""Runs `/arvio` and the answer buttons: privacy guard, parse, access, act, answer; and the
periodic pass that closes rounds whose time is up and opens the rounds that repeat."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine, Sequence
from typing import Any

from bot.answers import answer, guard_input, refusal
from bot.command_input import CommandInput
from bot.context import Actor, Core
from bot.coordinators.roster import CoordinatorDirectory, CoordinatorStatus
from bot.dates import day, moment
from bot.errors import UserError
from bot.i18n import Catalog
from bot.platform import PlatformError
from bot.privacy.access import Action
from bot.ratings import messages
from bot.ratings.chart import rating_chart
from bot.ratings.figures import RoundFigures
from bot.ratings.grammar import (
    CloseRound,
    RatingCommand,
    ShowHelp,
    ShowResults,
    StartRound,
    parse_arvio,
)
from bot.ratings.service import Opened, RatingService, Results, Target
from bot.replies import Message, Note, Reply, Runs, Text, join, simple
from storage import rating_queries
from storage.ratings import RatingRound, RatingTarget

log = logging.getLogger(__name__)
CHART_FILENAME = "verkostotyokyky.png"


class ArvioCommands:
    def __init__(self, core: Core, coordinators: CoordinatorDirectory) -> None:
        self.core = core
        self.coordinators = coordinators
        self.service = RatingService(core, coordinators)

    async def run(self, *, actor: Actor, text: CommandInput, channel_id: str) -> Reply:
        """Handle `/arvio <text>` typed in `channel_id` ("" outside any shared space)."""
        try:
            guard_input(text)
            command = parse_arvio(text)
        except UserError as error:
            return refusal(actor, error)
        return await answer(actor, lambda: self._execute(command, actor, channel_id))

    async def press(self, *, actor: Actor, action_id: str, value: str) -> Reply:
        """An answer button: `rating:<score>` carrying the round's id."""

        async def work() -> Reply:
            score = int(action_id.rpartition(":")[2])
            if not value.isdigit():
                raise UserError("rating_round_unknown")
            answered = await self.service.answer(actor=actor, round_id=int(value), score=score)
            closes = moment(answered.closes_at, self.core.timezone, actor.lang)
            return simple(actor.t("rating_saved", closes=closes))

        return await answer(actor, work)

    async def _execute(self, command: RatingCommand, actor: Actor, channel_id: str) -> Reply:
        service, t = self.service, actor.t
        match command:
            case ShowHelp(unknown=unknown):
                return Reply(messages.help_message(t, unknown=unknown))
            case StartRound(group=group, repeat_months=repeat_months):
                await service.require(actor, Action.START_RATING)
                target = await service.target(group, space=channel_id)
                opened = await service.start(
                    actor=actor, target=target, repeat_months=repeat_months
                )
                return simple(self._started(t, opened))
            case CloseRound(group=group, stop_repeating=stop):
                await service.require(actor, Action.CLOSE_RATING)
                target = await service.target(group, space=channel_id)
                closed, stopped = await service.close(
                    actor=actor, target=target, stop_repeating=stop
                )
                if closed is None:
                    return simple(t("rating_repeat_stopped"))
                results = await service.results(actor=actor, target=target)
                return self._results_reply(actor, results, stopped=stopped)
            case ShowResults(group=group):
                await service.require(actor, Action.VIEW_RATINGS)
                target = await service.target(group, space=channel_id)
                return self._results_reply(actor, await service.results(actor=actor, target=target))
        raise AssertionError(f"unhandled command {command!r}")

    def _started(self, t: Catalog, opened: Opened) -> Runs:
        tz, rating_round = self.core.timezone, opened.round
        parts = [
            t(
                "rating_started",
                count=opened.asked,
                closes=moment(rating_round.closes_at, tz, t.lang),
            )
        ]
        if opened.unreachable:
            parts.append(t("rating_unreachable", count=opened.unreachable))
        if rating_round.next_due_at is not None:
            next_day = day(rating_round.next_due_at.astimezone(tz).date(), t.lang)
            parts.append(t("rating_repeats", months=rating_round.repeat_months, next=next_day))
        else:
            parts.append(t("rating_no_repeat"))
        return join(" ", parts)

    def _results_reply(self, actor: Actor, results: Results, *, stopped: bool = False) -> Reply:
        """The results as text; the chart follows privately when any round is shown."""
        t, tz = actor.t, self.core.timezone
        message = messages.results_message(t, results.round, results.figures, tz)
        if stopped:
            message = Message(message.fallback, (*message.blocks, Note(t("rating_repeat_stopped"))))
        if not any(f.shown for f in results.figures):
            return Reply(message)
        note = Note(t("rating_chart_sent"))
        person, figures = actor.user_id, results.figures
        return Reply(
            Message(message.fallback, (*message.blocks, note)),
            then=lambda: self.send_chart(person, t, figures),
        )

    async def send_chart(self, person: str, t: Catalog, figures: Sequence[RoundFigures]) -> None:
        """The chart of the shown rounds, privately to one person (drawn off the event loop)."""
        shown = [f for f in figures if f.shown]
        tz = self.core.timezone
        png = await asyncio.to_thread(
            rating_chart,
            messages.chart_text(t, figures),
            distribution=shown[-1].counts or (),
            trend=[(messages.chart_label(f, tz), f.mean or 0.0) for f in shown],
        )
        alt_text = messages.alt_text(t, figures)
        await self.core.platform.send_image(
            person, filename=CHART_FILENAME, png=png, alt_text=alt_text
        )

    async def run_due(self) -> None:
        """The periodic pass (any number of processes): close the rounds whose time is up and
        open the rounds due to repeat, each once; the starter hears of both."""
        for closed in await self.service.close_due():
            await self._guarded(self._report_closed(closed))
        async with self.core.database.session() as session:
            due = await rating_queries.due_to_repeat(session, now=self.core.clock.now())
        for rating_round in due:
            await self._guarded(self._repeat(rating_round))

    async def _repeat(self, due: RatingRound) -> None:
        try:
            opened = await self.service.repeat(due)
        except UserError as error:  # the members could not be read: the next pass tries
            log.warning("a rating round could not repeat yet: %s", error.key)
            return
        if opened is None:
            return
        if opened.earlier is not None:
            await self._report_closed(opened.earlier)
        starter = self._starter(opened.round)
        t = starter.t
        started = self._started(t, opened)
        details = join("\n", [messages.target_runs(t, opened.round), started])
        message = Message(started, (Text(t("rating_repeat_opened")), Text(details)))
        await self.core.platform.send_direct(starter.user_id, message)

    async def _report_closed(self, closed: RatingRound) -> None:
        """Tell the round's starter, while a coordinator, the results of a round that closed
        by itself."""
        starter = self._starter(closed)
        if await self.coordinators.status(starter.user_id) is not CoordinatorStatus.YES:
            return
        target = Target(RatingTarget(closed.target_kind), closed.target_id, closed.target_name)
        results = await self.service.results(actor=starter, target=target)
        reply = self._results_reply(starter, results)
        lead = starter.t("rating_closed_report")
        await self.core.platform.send_direct(
            starter.user_id, Message(lead, (Text(lead), *reply.message.blocks))
        )
        if reply.then is not None:
            await reply.then()

    def _starter(self, rating_round: RatingRound) -> Actor:
        return Actor(rating_round.started_by, self.core.language, self.core.dialect)

    @staticmethod
    async def _guarded(work: Coroutine[Any, Any, None]) -> None:
        """One round's work in the pass: its failure does not stop the others."""
        try:
            await work
        except PlatformError as error:
            log.warning("rating pass: %s", error.code)
        except UserError as error:
            log.warning("rating pass: %s", error.key)
