"""Delivering the core's answers on Teams: an answer for everyone into the conversation it was
asked in; an answer for the asker alone into their personal chat with the bot (in a group chat
every member would see it), never into the team's chat. Work that follows the answer
(`Reply.then`) runs after it, its failure logged (the maintenance pass finishes a close)."""

from __future__ import annotations

import logging

from bot.context import Actor
from bot.platform import PlatformError
from bot.replies import Reply, simple
from handlers.teams.actors import Origin
from handlers.teams.platform import TeamsPlatform

log = logging.getLogger("handlers.teams")


async def deliver(platform: TeamsPlatform, *, actor: Actor, origin: Origin, reply: Reply) -> None:
    if reply.public or origin.personal:
        await platform.post(origin.conversation_id, reply.message)
    else:
        await platform.send_direct(actor.user_id, reply.message)
    if reply.then is not None:
        try:
            await reply.then()
        except Exception as error:
            log.error("work after the answer failed: %s", type(error).__name__)


async def tell_failure(platform: TeamsPlatform, *, actor: Actor, origin: Origin) -> None:
    """The one error answer: a clear sentence in the asker's language, never the error."""
    message = simple(actor.t("generic_error")).message
    try:
        if origin.personal:
            await platform.post(origin.conversation_id, message)
        else:
            await platform.send_direct(actor.user_id, message)
    except PlatformError as error:
        log.warning("could not tell %s of a failure: %s", "the asker", error.code)
