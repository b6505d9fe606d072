"""A workshop's life in rows: opening it, its anonymous notes and its phases. Every change
locks the workshop's row first, so that a phase changes once and a note is never written
after its phase, on any number of processes; every change the card shows grows its
`card_version` (bot/workshops/posting.py redraws the card until it shows the newest)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.audit import audit
from bot.context import Actor, Core
from bot.errors import UserError
from bot.privacy.access import Action, require, workshop_roles
from bot.privacy.pseudonyms import new_salt
from bot.workshops.commands import OpenWorkshop
from bot.workshops.voting import close_vote
from bot.workshops.waste import Waste
from storage import queries
from storage import workshop_queries as wq
from storage.models import AuditAction, TeamState
from storage.workshops import Workshop, WorkshopNote, WorkshopPhase

MAX_NOTES = 80  # a workshop's notes: what one card (Slack's 50 blocks, Teams' 28 KB) shows
PHASES = tuple(WorkshopPhase)  # in their order
_SHUFFLE = random.SystemRandom()


@dataclass(frozen=True)
class NoteShown:
    number: int | None  # None while collecting
    text: str
    waste: str | None


@dataclass(frozen=True)
class ThemeShown:
    id: int
    number: int
    name: str
    notes: tuple[NoteShown, ...]
    dots: int | None  # counted when the vote closed
    carried_forward: bool


@dataclass(frozen=True)
class WorkshopState:
    """What the workshop's card and listing show, read in one transaction."""

    workshop: Workshop
    note_count: int
    voters: int  # people who have given a dot (while voting), or who gave one (results)
    themes: tuple[ThemeShown, ...]
    unthemed: tuple[NoteShown, ...]  # notes in no theme


async def read_state(session: AsyncSession, workshop: Workshop) -> WorkshopState:
    notes = await wq.notes(session, workshop_id=workshop.pk)
    by_theme: dict[int | None, list[NoteShown]] = {}
    for note in notes:
        by_theme.setdefault(note.theme_id, []).append(_shown(note))
    themes = tuple(
        ThemeShown(t.pk, t.number, t.name, tuple(by_theme.get(t.pk, ())), t.dots, t.carried_forward)
        for t in await wq.themes(session, workshop_id=workshop.pk)
    )
    if workshop.voter_count is not None:
        voters = workshop.voter_count
    else:
        voters = await wq.voters(session, workshop_id=workshop.pk)
    return WorkshopState(workshop, len(notes), voters, themes, tuple(by_theme.get(None, ())))


def _shown(note: WorkshopNote) -> NoteShown:
    return NoteShown(note.number, note.text, note.waste)


class WorkshopService:
    def __init__(self, core: Core) -> None:
        self.core = core

    async def state(self, workshop_id: int) -> WorkshopState:
        async with self.core.database.session() as session:
            workshop = await wq.get_workshop(session, workshop_id=workshop_id)
            if workshop is None:
                raise UserError("workshop_gone")
            return await read_state(session, workshop)

    async def open(self, *, actor: Actor, space: str, command: OpenWorkshop) -> Workshop:
        """A new workshop in a staff space (no team's), led by the actor; its card is posted
        by the caller."""
        if not space:
            raise UserError("workshop_needs_space")
        async with self.core.database.session() as session:
            team = await queries.get_team_by_channel(session, channel_id=space)
        if team is not None and team.state != TeamState.FAILED:
            raise UserError("workshop_not_in_team_space")
        await require(
            self.core,
            actor,
            Action.OPEN_WORKSHOP,
            workshop_roles(actor.user_id, facilitator_id=None),
        )
        now = self.core.clock.now()
        workshop = Workshop(
            kind=command.kind,
            topic=command.topic,
            space_id=space,
            open_space=space,
            facilitator_id=actor.user_id,
            dots_per_person=command.dots,
            created_at=now,
            phase_changed_at=now,
        )
        try:
            async with self.core.database.session() as session:
                session.add(workshop)
        except IntegrityError:  # one workshop runs in a space at a time
            raise UserError("workshop_already_running") from None
        return workshop

    async def posted(self, *, actor: Actor, workshop: Workshop, message_ref: str) -> None:
        """The card is in its space: keep its reference, and audit the opening."""
        async with self.core.database.session() as session:
            locked = await wq.locked_workshop(session, workshop_id=workshop.pk)
            assert locked is not None
            locked.message_ref = message_ref
            audit(
                session,
                AuditAction.WORKSHOP_OPENED,
                at=self.core.clock.now(),
                actor=actor,
                subject=f"W{workshop.pk}",
                detail=workshop.kind,
            )

    async def discard(self, workshop: Workshop) -> None:
        """A workshop whose card could not be posted never started: nothing of it is kept."""
        async with self.core.database.session() as session:
            locked = await wq.locked_workshop(session, workshop_id=workshop.pk)
            if locked is not None:
                await session.delete(locked)

    async def add_note(
        self, *, workshop_id: int, text: str, waste: Waste | None, form_key: str
    ) -> bool:
        """Write an anonymous note: nothing of who wrote it is taken, kept or logged. The same
        form (`form_key`) writes one note however often it is sent: False for a repeat."""
        try:
            async with self.core.database.session() as session:
                workshop = await wq.locked_workshop(session, workshop_id=workshop_id)
                if workshop is None:
                    raise UserError("workshop_gone")
                if workshop.phase != WorkshopPhase.COLLECTING:
                    raise UserError("workshop_note_closed")
                if await wq.note_count(session, workshop_id=workshop_id) >= MAX_NOTES:
                    raise UserError("workshop_note_limit", limit=MAX_NOTES)
                queries.record_request_key(session, key=form_key, at=self.core.clock.now())
                session.add(WorkshopNote(workshop_id=workshop_id, text=text, waste=waste))
                workshop.card_version += 1
        except IntegrityError:  # the form's key was recorded: it was sent before
            return False
        return True

    async def advance(self, *, actor: Actor, workshop_id: int, to: WorkshopPhase) -> Workshop:
        """Move the workshop to its next phase (its facilitator only), once."""
        await self.lead(actor, workshop_id)
        async with self.core.database.session() as session:
            workshop = await wq.locked_workshop(session, workshop_id=workshop_id)
            if workshop is None:
                raise UserError("workshop_gone")
            if workshop.phase == to:
                raise UserError("workshop_phase_already")
            if PHASES.index(to) != PHASES.index(WorkshopPhase(workshop.phase)) + 1:
                raise UserError("workshop_phase_not_now")
            if to == WorkshopPhase.GROUPING:
                await _number_notes(session, workshop)
            elif to == WorkshopPhase.VOTING:
                if not await wq.themes(session, workshop_id=workshop_id):
                    raise UserError("workshop_no_themes")
                workshop.salt = new_salt()
            else:
                await close_vote(session, workshop)
            now = self.core.clock.now()
            workshop.phase, workshop.phase_changed_at = to, now
            workshop.card_version += 1
            audit(
                session,
                AuditAction.WORKSHOP_PHASE_CHANGED,
                at=now,
                actor=actor,
                subject=f"W{workshop_id}",
                detail=to,
            )
        return workshop

    async def lead(self, actor: Actor, workshop_id: int) -> Workshop:
        """The workshop, once the actor may lead it (a refusal is audited)."""
        async with self.core.database.session() as session:
            workshop = await wq.get_workshop(session, workshop_id=workshop_id)
        if workshop is None:
            raise UserError("workshop_gone")
        roles = workshop_roles(actor.user_id, facilitator_id=workshop.facilitator_id)
        await require(self.core, actor, Action.LEAD_WORKSHOP, roles)
        return workshop

    async def running(self, space: str) -> Workshop:
        """The workshop running in the space, or a clear refusal."""
        async with self.core.database.session() as session:
            workshop = await wq.running_in(session, space_id=space)
        if workshop is None:
            raise UserError("workshop_none_running")
        return workshop


async def _number_notes(session: AsyncSession, workshop: Workshop) -> None:
    """Number the notes in a random order, so that the order of writing leads back to no one."""
    notes = list(await wq.notes(session, workshop_id=workshop.pk))
    if not notes:
        raise UserError("workshop_no_notes")
    _SHUFFLE.shuffle(notes)
    for number, note in enumerate(notes, 1):
        note.number = number
