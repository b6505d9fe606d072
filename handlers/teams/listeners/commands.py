"""Typed commands: `@Tiimi tiimi …` and `@Tiimi askel …` in a case chat, `@Tiimi arvio …`
(the self-rating) and `@Tiimi paja …` (the workshops) in a staff chat, and in the bot's
personal chat also `uusi`, `koti`, `ohje`. The message is read (handlers/teams/inbound.py),
its mentions resolved to Entra object ids, and the command run after the request is answered
(Teams waits for the turn to end before it hears the answer): the core's answer is then
delivered as a post (handlers/teams/delivery.py)."""

from __future__ import annotations

import logging

from microsoft_agents.activity import Activity
from microsoft_agents.hosting.core import AgentApplication, TurnContext, TurnState

from bot.context import Actor
from bot.plan.commands import StepDialog
from bot.replies import Reply
from bot.teams.commands import OpenTeamDialog
from handlers.teams.actors import Origin, actor_of, origin_of
from handlers.teams.delivery import deliver, tell_failure
from handlers.teams.dialogs.offers import offer_form
from handlers.teams.home import post_home
from handlers.teams.inbound import (
    Route,
    TypedMessage,
    read_message,
    teams_ids,
    to_command_input,
)
from handlers.teams.services import TeamsServices

log = logging.getLogger("handlers.teams")


async def on_message(context: TurnContext, services: TeamsServices) -> None:
    activity = context.activity
    await services.platform.conversations.remember(context)
    actor = actor_of(activity, default_language=services.language)
    if actor is None or (activity.value is not None and not (activity.text or "").strip()):
        return  # not a person's typed message (a card's submission has its own route)
    origin = origin_of(activity)
    typed = read_message(activity.text, _entities(activity), bot_id=_bot_id(activity))
    ids = await services.platform.mentions.entra_ids(
        service_url=origin.service_url,
        conversation_id=origin.conversation_id,
        teams_ids=teams_ids(typed),
    )
    request_key = f"teams:{origin.conversation_id}:{activity.id or ''}"

    async def work() -> None:
        try:
            await _run(services, actor, origin, typed, ids, request_key)
        except Exception as error:
            log.error("command failed: %s", type(error).__name__, exc_info=error)
            await tell_failure(services.platform, actor=actor, origin=origin)

    services.work.start(work)


async def _run(
    services: TeamsServices,
    actor: Actor,
    origin: Origin,
    typed: TypedMessage,
    ids: dict[str, str],
    request_key: str,
) -> None:
    route = typed.personal_route  # `@Tiimi uusi` reads as `@Tiimi tiimi uusi` everywhere
    text = to_command_input(typed, ids)  # empty for HELP: the bare command's help
    space = "" if origin.personal else origin.conversation_id
    result: Reply | OpenTeamDialog | StepDialog
    if route is Route.HOME:
        await post_home(services, actor, origin)  # with its refresh and Uusi tiimi
        return
    if route is Route.ASKEL:
        result = await services.askel.run(actor=actor, text=text, channel_id=space)
    elif route is Route.ARVIO:
        result = await services.tiimi.ratings.run(actor=actor, text=text, channel_id=space)
    elif route is Route.PAJA:
        result = await services.tiimi.paja.run(actor=actor, text=text, channel_id=space)
    else:
        result = await services.tiimi.run(
            actor=actor, text=text, channel_id=space, request_key=request_key
        )
    if isinstance(result, OpenTeamDialog | StepDialog):
        result = offer_form(actor, result)
    await deliver(services.platform, actor=actor, origin=origin, reply=result)


def _entities(activity: Activity) -> list[dict[str, object]]:
    return [e.model_dump(mode="json", by_alias=True) for e in activity.entities or ()]


def _bot_id(activity: Activity) -> str:
    return (activity.recipient.id or "") if activity.recipient else ""


def register(app: AgentApplication[TurnState], services: TeamsServices) -> None:
    """Every message that is not a card's submission."""

    async def handler(context: TurnContext, _: TurnState) -> None:
        await on_message(context, services)

    app.activity("message")(handler)
