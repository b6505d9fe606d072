"""Runs `/paja` commands, the workshop card's buttons and the note form: privacy guard, parse,
act, redraw the card, answer the one who asked."""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers import answer, guard_input, refusal
from bot.command_input import CommandInput
from bot.context import Actor, Core
from bot.errors import UserError
from bot.plan.dispatch import FormErrors, refused_beside
from bot.platform import PlatformError
from bot.privacy import Display
from bot.replies import Reply, compose, simple
from bot.workshops.commands import (
    MAX_NOTE,
    GroupNotes,
    OpenSolution,
    OpenWorkshop,
    OrderPractices,
    PajaCommand,
    RemoveTheme,
    ShowMyDots,
    ShowSummary,
    ShowThemes,
    WorkshopHelp,
    parse_paja,
)
from bot.workshops.forms import checked_text, redrawn, workshop_ref
from bot.workshops.grouping import group, remove_theme
from bot.workshops.messages import help_reply, my_dots_reply, notes_listing
from bot.workshops.posting import post_card, refresh_card
from bot.workshops.service import WorkshopService
from bot.workshops.solution_dispatch import SolutionCommands
from bot.workshops.voting import give_dot, my_dots
from bot.workshops.waste import WASTES, Waste
from storage.workshops import WorkshopPhase

TEXT_FIELD, WASTE_FIELD = "text", "waste"  # the note form's fields


@dataclass(frozen=True)
class NoteForm:
    """Open the note form for the workshop (each adapter has its own form)."""

    workshop_id: int


class PajaCommands:
    def __init__(self, core: Core) -> None:
        self.core = core
        self.workshops = WorkshopService(core)
        self.solutions = SolutionCommands(core)  # the Ratkaisupaja's commands and forms

    async def run(self, *, actor: Actor, text: CommandInput, channel_id: str) -> Reply:
        """Handle `/paja <text>` in a space ("" outside one)."""
        try:
            guard_input(text)
            command = parse_paja(text)
        except UserError as error:
            return refusal(actor, error)
        return await answer(actor, lambda: self._execute(command, actor, channel_id))

    async def _execute(self, command: PajaCommand, actor: Actor, space: str) -> Reply:
        t = actor.t
        match command:
            case WorkshopHelp(unknown=unknown):
                return help_reply(t, unknown=unknown)
            case OpenWorkshop():
                return await self._open(actor, space, command)
            case GroupNotes():
                grouped = await group(self.workshops, actor=actor, space=space, command=command)
                await refresh_card(self.core, grouped.workshop_id)
                key = "workshop_theme_made" if grouped.new else "workshop_theme_added"
                said = t(key, number=grouped.theme_number, name=grouped.theme_name)
                if grouped.moved:
                    said = compose(said, " ", t("workshop_notes_moved", count=grouped.moved))
                if grouped.emptied:
                    emptied = ", ".join(map(str, grouped.emptied))
                    said = compose(said, " ", t("workshop_themes_emptied", numbers=emptied))
                return simple(said)
            case RemoveTheme(number=number):
                workshop = await self.workshops.running(space)
                count = await remove_theme(self.workshops, actor=actor, space=space, number=number)
                await refresh_card(self.core, workshop.pk)
                return simple(t("workshop_theme_removed", number=number, count=count))
            case ShowThemes():
                return await self._listing(actor, (await self.workshops.running(space)).pk)
            case OpenSolution():
                return await self.solutions.open(actor, space)
            case OrderPractices(numbers=numbers):
                return await self.solutions.order_practices(actor, space, numbers)
            case ShowSummary():
                return await self.solutions.summary(actor, space)
            case ShowMyDots():
                workshop = await self.workshops.running(space)
                return my_dots_reply(
                    t, await my_dots(self.core, actor=actor, workshop_id=workshop.pk)
                )
        raise AssertionError(f"unhandled command {command!r}")

    async def _open(self, actor: Actor, space: str, command: OpenWorkshop) -> Reply:
        workshop = await self.workshops.open(actor=actor, space=space, command=command)
        try:
            ref, shown = await post_card(self.core, workshop)
        except PlatformError:  # not in the space, or may not post there
            await self.workshops.discard(workshop)
            raise UserError("workshop_space_unavailable") from None
        await self.workshops.posted(actor=actor, workshop=workshop, message_ref=ref)
        await refresh_card(self.core, workshop.pk, shown=shown)  # a note may have come already
        return simple(actor.t("workshop_opened", count=command.dots))

    async def _listing(self, actor: Actor, workshop_id: int) -> Reply:
        await self.workshops.lead(actor, workshop_id)
        return notes_listing(actor.t, await self.workshops.state(workshop_id))

    # the card's buttons (bot/button_presses.py)
    async def press_phase(self, *, actor: Actor, action_id: str, value: str) -> Reply:
        """The facilitator's button to the next phase (`workshop_phase:<phase>`)."""

        async def work() -> Reply:
            to = WorkshopPhase(action_id.split(":", 1)[1])
            workshop_id = workshop_ref(value)
            await self.workshops.advance(actor=actor, workshop_id=workshop_id, to=to)
            await refresh_card(self.core, workshop_id)
            return simple(actor.t(f"workshop_phase_done_{to}"))

        return await answer(actor, work)

    async def press_dot(self, *, actor: Actor, value: str) -> Reply:
        """Anna piste: one of the person's dots on the theme (the value: its id)."""

        async def work() -> Reply:
            given = await give_dot(self.core, actor=actor, theme_id=workshop_ref(value))
            if given.first:  # the count of voters on the card grew
                await refresh_card(self.core, given.workshop_id)
            said = actor.t(
                "workshop_dot_given",
                number=given.theme_number,
                name=given.theme_name,
                count=given.remaining,
            )
            return simple(said)

        return await answer(actor, work)

    async def press_my_dots(self, *, actor: Actor, value: str) -> Reply:
        async def work() -> Reply:
            dots = await my_dots(self.core, actor=actor, workshop_id=workshop_ref(value))
            return my_dots_reply(actor.t, dots)

        return await answer(actor, work)

    async def press_notes(self, *, actor: Actor, value: str) -> Reply:
        """The notes and themes, to the facilitator alone."""
        return await answer(actor, lambda: self._listing(actor, workshop_ref(value)))

    # the note form
    async def note_form(self, *, actor: Actor, value: str) -> NoteForm | Reply:
        """Kirjoita hukka: the form, while the notes are being collected."""

        async def work() -> NoteForm:
            state = await self.workshops.state(workshop_ref(value))
            if state.workshop.phase != WorkshopPhase.COLLECTING:
                raise UserError("workshop_note_closed")
            return NoteForm(state.workshop.pk)

        return await answer(actor, work)

    def check_note(
        self, *, actor: Actor, text: str, waste: str | None, display: Display | None = None
    ) -> tuple[str, Waste | None]:
        """The form's note and its kind of waste, checked without I/O; raises FormErrors."""
        note = checked_text(
            actor, TEXT_FIELD, text, limit=MAX_NOTE, empty="workshop_note_empty", display=display
        )
        if waste and waste not in WASTES:
            raise FormErrors({WASTE_FIELD: actor.t.plain("workshop_unknown_waste")})
        return note, Waste(waste) if waste else None

    async def submit_note(
        self,
        *,
        actor: Actor,
        value: str,
        text: str,
        waste: str | None,
        form_id: str,
        display: Display | None = None,
    ) -> Reply:
        """Write the note, anonymously: `actor` is only the language of the answer. Raises
        FormErrors; the answer's `then` redraws the card. The same form (`form_id`) writes
        one note however often it is sent."""
        note, kind = self.check_note(actor=actor, text=text, waste=waste, display=display)
        with refused_beside(actor, TEXT_FIELD):
            workshop_id = workshop_ref(value)
            await self.workshops.add_note(
                workshop_id=workshop_id, text=note, waste=kind, form_key=f"note:{form_id}"
            )
        return redrawn(self.core, actor.t("workshop_note_added"), workshop_id)
