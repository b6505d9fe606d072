"""Buttons on Tiimi's cards (`Action.Execute`): Tehty, Ei toteutunut, a goal's state, page
turns, snoozes, a meeting's outcome, close reasons and the home card's Tehty.

The press is answered in the invoke's own answer, which only the presser sees: the card the
press updated (the update reaches everyone else through the connector), or else the core's
answer as a message. An answer for everyone is also posted into the conversation."""

from __future__ import annotations

import logging
import re
from typing import Any

from microsoft_agents.activity import AdaptiveCardInvokeResponse
from microsoft_agents.hosting.core import AgentApplication, TurnContext, TurnState

from bot import action_ids
from bot.button_presses import Press, button_for
from bot.context import Actor
from bot.platform import PlatformError
from bot.replies import Reply
from bot.teams.close_service import CloseServiceDialog
from handlers.teams.actors import Origin, actor_of, origin_of
from handlers.teams.delivery import deliver
from handlers.teams.dialogs.buttons import offers_form
from handlers.teams.dialogs.offers import offer_form
from handlers.teams.home import HOME_VERB, card_of, home_card
from handlers.teams.services import TeamsServices

log = logging.getLogger("handlers.teams")
CARD = "application/vnd.microsoft.card.adaptive"
MESSAGE = "application/vnd.microsoft.activity.message"
_CLOSE = action_ids.any_variant(action_ids.CLOSE_TEAM)


async def on_card_action(
    context: TurnContext, services: TeamsServices, data: Any
) -> AdaptiveCardInvokeResponse:
    activity = context.activity
    await services.platform.conversations.remember(context)
    actor = actor_of(activity, default_language=services.language)
    if actor is None:
        return _message("")
    origin = origin_of(activity)
    verb = _verb(activity.value)
    if verb == HOME_VERB:  # Teams asks for a current home card
        return _card(await home_card(services, actor))
    value = str(data.get("value") or "") if isinstance(data, dict) else ""
    card_ref = activity.reply_to_id or ""
    earlier = services.platform.updated_card(card_ref) if card_ref else None
    reply = await _press(services, actor, origin, verb, value)
    if reply is None:
        return _message(actor.t.plain("teams_unknown_button"))
    button = button_for(verb)
    if button is not None and button.replaces and card_ref:
        try:
            await services.platform.update_message(origin.conversation_id, card_ref, reply.message)
        except PlatformError as error:  # the card is gone (or not the bot's): the presser sees
            log.warning("a pressed card could not be updated: %s", error.code)  # its new state
            return _card(card_of(await services.platform.card_activity(reply.message)))
    elif reply.public:
        await deliver(services.platform, actor=actor, origin=origin, reply=reply)
    if reply.then is not None:
        services.work.start(reply.then)
    if verb == action_ids.HOME_STEP_DONE:  # the home card again, showing the outcome
        return _card(await home_card(services, actor))
    if offers_form(reply.message):  # its button in place of the card, for the presser
        return _card(card_of(await services.platform.card_activity(reply.message)))
    updated = services.platform.updated_card(card_ref) if card_ref else None
    if updated is not None and updated is not earlier:  # this press updated it, not an earlier
        return _card(updated)
    return _message(reply.message.text)


async def _press(
    services: TeamsServices, actor: Actor, origin: Origin, verb: str, value: str
) -> Reply | None:
    space = "" if origin.personal else origin.conversation_id
    button = button_for(verb)
    if button is not None:
        return await button.answer(services.tiimi, Press(actor, space, verb, value))
    if verb == action_ids.HOME_STEP_DONE:
        return await services.askel.finish_from_home(actor=actor, value=value)
    if _CLOSE.match(verb):
        closed = await services.tiimi.close_from_button(actor=actor, channel_id=space, value=value)
        if isinstance(closed, CloseServiceDialog):
            return offer_form(actor, closed)
        return closed
    return None


def _verb(value: object) -> str:
    action = value.get("action") if isinstance(value, dict) else None
    verb = action.get("verb") if isinstance(action, dict) else None
    return verb if isinstance(verb, str) else ""


def _card(card: dict[str, Any]) -> AdaptiveCardInvokeResponse:
    return AdaptiveCardInvokeResponse(status_code=200, type=CARD, value=card)


def _message(text: str) -> AdaptiveCardInvokeResponse:
    return AdaptiveCardInvokeResponse(status_code=200, type=MESSAGE, value=text)


def register(app: AgentApplication[TurnState], services: TeamsServices) -> None:
    async def handler(context: TurnContext, _: TurnState, data: Any) -> AdaptiveCardInvokeResponse:
        return await on_card_action(context, services, data)

    app.adaptive_card.action_execute(re.compile(r".+"))(handler)
