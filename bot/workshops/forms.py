"""What the workshops' forms share: a button's value read as an id, a typed text checked with
its refusal beside its field, and the answer that redraws the card once it has been given."""

from __future__ import annotations

from bot.answers import guard
from bot.context import Actor, Core
from bot.errors import UserError
from bot.plan.dispatch import refused_beside
from bot.privacy import Display
from bot.replies import Reply, Runs, simple
from bot.workshops.commands import free_text
from bot.workshops.posting import refresh_card


def workshop_ref(value: str) -> int:
    """A button's value: the id of its workshop (or theme, or experiment)."""
    if not (value.isascii() and value.isdecimal() and len(value) <= 12):
        raise UserError("workshop_gone")
    return int(value)


def checked_text(
    actor: Actor, field: str, text: str, *, limit: int, empty: str, display: Display | None
) -> str:
    """The typed text as stored (guarded, tidied, at most `limit`); raises FormErrors."""
    with refused_beside(actor, field):
        guard(text, display=display)
        return free_text(text, limit, empty)


def redrawn(core: Core, said: Runs, workshop_id: int) -> Reply:
    """The answer `said`; once it is given, the workshop's card is redrawn."""
    return Reply(simple(said).message, then=lambda: refresh_card(core, workshop_id))
