"""The workshop's card: posted once into its space, then redrawn in place after each change.

Several processes may change one workshop at once, and their redraws may reach the platform
in any order; so each redraw reads the card's version with what it shows, and after drawing
looks again: if the version grew meanwhile, it draws again. The last redraw to land was then
made from the newest version (a change committed after its last look is drawn by the one who
made that change, after it)."""

from __future__ import annotations

import logging

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.context import Core
from bot.platform import PlatformError
from bot.replies import Message
from bot.workshops.card import workshop_card
from bot.workshops.service import read_state
from bot.workshops.solution_card import solution_card
from bot.workshops.solutions import read_solution
from storage import workshop_queries as wq
from storage.workshops import Workshop, WorkshopKind

log = logging.getLogger(__name__)
MAX_REDRAWS = 5  # a redraw per round of concurrent changes; others' redraws follow theirs


async def post_card(core: Core, workshop: Workshop) -> tuple[str, int]:
    """Post the workshop's card; its reference and the version it shows. Raises the
    platform's error when the bot cannot post there."""
    async with core.database.session() as session:
        card = await _card(core, session, workshop)
    ref = await core.platform.post(workshop.space_id, card)
    return ref, workshop.card_version


async def _card(core: Core, session: AsyncSession, workshop: Workshop) -> Message:
    """A Hukkapaja's card or a Ratkaisupaja's."""
    if workshop.kind == WorkshopKind.RATKAISU:
        return solution_card(core.t, await read_solution(session, workshop))
    return workshop_card(core.t, await read_state(session, workshop))


async def refresh_card(core: Core, workshop_id: int, *, shown: int | None = None) -> None:
    """Redraw the card until it shows the newest version (`shown`: the version it shows)."""
    for _ in range(MAX_REDRAWS):
        async with core.database.session() as session:
            workshop = await wq.get_workshop(session, workshop_id=workshop_id)
            if workshop is None or workshop.message_ref is None:
                return
            if workshop.card_version == shown:
                return
            card = await _card(core, session, workshop)
        try:
            await core.platform.update_message(workshop.space_id, workshop.message_ref, card)
        except PlatformError as error:  # the space archived, the bot removed: nothing to draw
            log.warning("a workshop's card could not be updated: %s", error.code)
            return
        shown = workshop.card_version
