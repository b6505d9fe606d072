"""Dot voting: each person has the workshop's N dots to give to themes, several to one theme
if they like. A person's dots are told apart by a pseudonym under the workshop's salt, never
by who they are; the count stays hidden until the facilitator closes the vote, and closing
drops the keys and the salt, so that no dot leads back to anyone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.context import Actor, Core
from bot.errors import UserError
from bot.privacy.access import Action, require, workshop_roles
from bot.privacy.pseudonyms import pseudonym
from storage import workshop_queries as wq
from storage.workshops import Workshop, WorkshopDot, WorkshopPhase, WorkshopTheme

CARRIED_AT_MOST = 2  # the one or two biggest themes are carried forward


@dataclass(frozen=True)
class DotGiven:
    workshop_id: int
    theme_number: int
    theme_name: str
    remaining: int
    first: bool  # the person's first dot: the card's count of voters grew


@dataclass(frozen=True)
class MyDots:
    given: Mapping[int, int]  # theme number → the person's dots on it
    remaining: int


def _open_vote(workshop: Workshop | None) -> Workshop:
    if workshop is None:
        raise UserError("workshop_gone")
    if workshop.phase == WorkshopPhase.RESULTS:
        raise UserError("workshop_vote_closed")
    if workshop.phase != WorkshopPhase.VOTING or workshop.salt is None:
        raise UserError("workshop_vote_not_open")
    return workshop


async def give_dot(core: Core, *, actor: Actor, theme_id: int) -> DotGiven:
    """One dot on the theme, unless the person has given all theirs: the workshop's row is
    locked while their dots are counted, so that concurrent presses never give more."""
    async with core.database.session() as session:
        theme = await wq.get_theme(session, theme_id=theme_id)
    if theme is None:
        raise UserError("workshop_gone")
    await require(core, actor, Action.GIVE_DOT, workshop_roles(actor.user_id, facilitator_id=None))
    async with core.database.session() as session:
        workshop = _open_vote(await wq.locked_workshop(session, workshop_id=theme.workshop_id))
        voter = pseudonym(_salt(workshop), actor.user_id)
        given = await wq.dots_of(session, workshop_id=workshop.pk, voter=voter)
        if given >= workshop.dots_per_person:
            raise UserError("workshop_no_dots_left", count=workshop.dots_per_person)
        session.add(WorkshopDot(workshop_id=workshop.pk, theme_id=theme.pk, voter=voter))
        if not given:
            workshop.card_version += 1
        remaining = workshop.dots_per_person - given - 1
    return DotGiven(workshop.pk, theme.number, theme.name, remaining, first=not given)


async def my_dots(core: Core, *, actor: Actor, workshop_id: int) -> MyDots:
    """Where the person's dots are, and how many they have left (to themselves alone)."""
    async with core.database.session() as session:
        workshop = _open_vote(await wq.get_workshop(session, workshop_id=workshop_id))
        voter = pseudonym(_salt(workshop), actor.user_id)
        by_theme = await wq.dots_by_theme(session, workshop_id=workshop_id, voter=voter)
        numbers = {t.pk: t.number for t in await wq.themes(session, workshop_id=workshop_id)}
    given = {numbers[theme_id]: count for theme_id, count in by_theme.items()}
    return MyDots(dict(sorted(given.items())), workshop.dots_per_person - sum(given.values()))


async def close_vote(session: AsyncSession, workshop: Workshop) -> None:
    """Count each theme's dots, mark the biggest carried forward, then forget who voted
    (in the caller's transaction, with the workshop's row locked)."""
    counts = await wq.dots_by_theme(session, workshop_id=workshop.pk)
    themes = list(await wq.themes(session, workshop_id=workshop.pk))
    for theme in themes:
        theme.dots = counts.get(theme.pk, 0)
    for theme in carried_forward(ranked(themes)):
        theme.carried_forward = True
    workshop.voter_count = await wq.voters(session, workshop_id=workshop.pk)
    await wq.forget_voters(session, workshop_id=workshop.pk)
    workshop.salt = None
    workshop.open_space = None  # the space may run its next workshop


def ranked(themes: Sequence[WorkshopTheme]) -> list[WorkshopTheme]:
    """Most dots first; equal ones in their numbers' order."""
    return sorted(themes, key=lambda theme: (-(theme.dots or 0), theme.number))


def carried_forward(ranked_themes: Sequence[WorkshopTheme]) -> list[WorkshopTheme]:
    """The one or two biggest themes: the two with most dots, or only the first when the
    second ties with the third; none when three or more tie for the first place (the group
    decides), nor a theme without dots."""
    top = [theme for theme in ranked_themes if theme.dots]
    if len(top) <= CARRIED_AT_MOST:
        return top
    if top[1].dots != top[2].dots:
        return top[:2]
    if top[0].dots != top[1].dots:
        return top[:1]
    return []


def _salt(workshop: Workshop) -> str:
    assert workshop.salt is not None, "a workshop votes with its salt"
    return workshop.salt
