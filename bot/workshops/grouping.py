"""Grouping: the facilitator gathers the notes, by their numbers, into named themes. A note is
in one theme at most: naming it for another moves it, and a theme left without notes goes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.context import Actor
from bot.errors import UserError
from bot.text_norm import fold
from bot.workshops.commands import GroupNotes
from bot.workshops.service import WorkshopService
from storage import workshop_queries as wq
from storage.workshops import Workshop, WorkshopPhase, WorkshopTheme

MAX_THEMES = 15  # what one card can show with a button each


@dataclass(frozen=True)
class Grouped:
    workshop_id: int
    theme_number: int
    theme_name: str
    new: bool  # the theme was made now
    moved: int  # notes taken from another theme
    emptied: tuple[int, ...]  # themes left without notes, removed


async def group(
    service: WorkshopService, *, actor: Actor, space: str, command: GroupNotes
) -> Grouped:
    running = await service.running(space)
    await service.lead(actor, running.pk)
    async with service.core.database.session() as session:
        workshop = await _grouping(session, running.pk)
        notes = {n.number: n for n in await wq.notes(session, workshop_id=workshop.pk)}
        unknown = [n for n in command.numbers if n not in notes]
        if unknown:
            numbers = ", ".join(map(str, unknown))
            raise UserError("workshop_unknown_notes", numbers=numbers, total=len(notes))
        themes = list(await wq.themes(session, workshop_id=workshop.pk))
        theme = next((t for t in themes if fold(t.name) == fold(command.name)), None)
        new = theme is None
        if theme is None:
            if len(themes) >= MAX_THEMES:
                raise UserError("workshop_theme_limit", limit=MAX_THEMES)
            number = await wq.next_theme_number(session, workshop_id=workshop.pk)
            theme = WorkshopTheme(workshop_id=workshop.pk, number=number, name=command.name)
            session.add(theme)
            await session.flush()
        chosen = [notes[n] for n in command.numbers]
        moved = sum(1 for n in chosen if n.theme_id not in (None, theme.pk))
        left = {n.theme_id for n in chosen} - {None, theme.pk}
        for note in chosen:
            note.theme_id = theme.pk
        await session.flush()
        emptied = await _drop_empty(session, workshop, [t for t in themes if t.pk in left])
        workshop.card_version += 1
    return Grouped(workshop.pk, theme.number, theme.name, new, moved, emptied)


async def remove_theme(service: WorkshopService, *, actor: Actor, space: str, number: int) -> int:
    """The theme goes; its notes are in no theme again. Returns how many notes it had."""
    running = await service.running(space)
    await service.lead(actor, running.pk)
    async with service.core.database.session() as session:
        workshop = await _grouping(session, running.pk)
        themes = {t.number: t for t in await wq.themes(session, workshop_id=workshop.pk)}
        theme = themes.get(number)
        if theme is None:
            raise UserError("workshop_unknown_theme", number=number)
        notes = [
            n for n in await wq.notes(session, workshop_id=workshop.pk) if n.theme_id == theme.pk
        ]
        for note in notes:
            note.theme_id = None
        await session.flush()
        await session.delete(theme)
        workshop.card_version += 1
    return len(notes)


async def _grouping(session: AsyncSession, workshop_id: int) -> Workshop:
    workshop = await wq.locked_workshop(session, workshop_id=workshop_id)
    if workshop is None:
        raise UserError("workshop_gone")
    if workshop.phase != WorkshopPhase.GROUPING:
        raise UserError("workshop_grouping_only")
    return workshop


async def _drop_empty(
    session: AsyncSession, workshop: Workshop, themes: list[WorkshopTheme]
) -> tuple[int, ...]:
    """Remove those of the themes that have no notes left."""
    used = {n.theme_id for n in await wq.notes(session, workshop_id=workshop.pk)}
    emptied = [t for t in themes if t.pk not in used]
    for theme in emptied:
        await session.delete(theme)
    return tuple(sorted(t.number for t in emptied))
