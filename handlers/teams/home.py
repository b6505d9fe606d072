"""The home card (`koti`, and the first message of the bot's personal chat): the core's home
view with a **Uusi tiimi** button, and a `refresh` by which Teams asks for a current card
(`Action.Execute` verb `home`) whenever its viewer looks at it, so an old one never shows."""

from __future__ import annotations

from typing import Any

from bot.context import Actor
from bot.i18n import Catalog
from bot.replies import Message
from handlers.teams.actors import Origin
from handlers.teams.dialogs.buttons import open_team_button
from handlers.teams.services import TeamsServices

HOME_VERB = "home"


def home_message(t: Catalog, home: Message) -> Message:
    return Message(home.fallback, (*home.blocks, open_team_button(t)))


def with_refresh(activity: dict[str, Any], *, viewer: str) -> dict[str, Any]:
    """The activity whose card Teams refreshes for the viewer (who alone sees the chat)."""
    refresh = {
        "action": {"type": "Action.Execute", "verb": HOME_VERB, "data": {}},
        "userIds": [viewer],
    }
    for attachment in activity.get("attachments") or ():
        content = attachment.get("content")
        if isinstance(content, dict) and content.get("type") == "AdaptiveCard":
            content["refresh"] = refresh
    return activity


async def _home_activity(services: TeamsServices, actor: Actor) -> dict[str, Any]:
    message = home_message(actor.t, await services.home.home(actor))
    activity = await services.platform.card_activity(message)  # one card, refreshed whole
    return with_refresh(activity, viewer=actor.user_id)


async def home_card(services: TeamsServices, actor: Actor) -> dict[str, Any]:
    """A current home card, the answer to the refresh and to the home card's buttons."""
    return card_of(await _home_activity(services, actor))


def card_of(activity: dict[str, Any]) -> dict[str, Any]:
    """The Adaptive Card a rendered activity carries."""
    for attachment in activity.get("attachments") or ():
        content = attachment.get("content")
        if isinstance(content, dict):
            return content
    raise ValueError("the message rendered no card")


async def post_home(services: TeamsServices, actor: Actor, origin: Origin) -> None:
    """The home card into the actor's personal chat (it is theirs alone)."""
    conversations = services.platform.conversations
    chat = (
        origin.conversation_id if origin.personal else await conversations.personal(actor.user_id)
    )
    await conversations.send(chat, await _home_activity(services, actor))
