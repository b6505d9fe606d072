"""Shared steps of every command: the privacy guard and turning refusals into answers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from bot.command_input import CommandInput
from bot.context import Actor
from bot.errors import UserError
from bot.platform import SpaceUnavailable
from bot.privacy import Display, IdentityCodeKind, PrivacyViolation, check_text
from bot.replies import Reply, simple
from bot.teams.professions import profession_names

T = TypeVar("T")


def guard(*texts: str, display: Display | None = None) -> None:
    """Refuse free text that carries a personal identity code, without echoing it.

    ``display``: how the texts' platform shows them (None: as they are)."""
    try:
        check_text("\n".join(texts), display=display)  # together, so that a valid code wins
    except PrivacyViolation as violation:
        valid = violation.kind is IdentityCodeKind.VALID
        raise UserError("privacy_hetu" if valid else "privacy_hetu_like") from None


def guard_input(command: CommandInput) -> None:
    """Guard a command as its platform sent it and displays it, and as it will be stored."""
    guard(command.sent, command.text, display=command.display)


def refusal(actor: Actor, error: UserError) -> Reply:
    """The refusal in the actor's language (the profession list, too, is in that language)."""
    params = dict(error.params)
    if error.key == "unknown_profession":
        params["options"] = ", ".join(profession_names(actor.lang))
    return simple(actor.t(error.key, **params))


async def answer(actor: Actor, work: Callable[[], Awaitable[T]]) -> T | Reply:
    """Run the work and turn a UserError into a plain answer in the actor's language."""
    try:
        return await work()
    except UserError as error:
        return refusal(actor, error)
    except SpaceUnavailable:  # archived behind the bot's back, or the bot was removed
        return simple(actor.t("channel_unavailable"))
