"""The app installed in or removed from a chat, and the bot added to or removed from one: the
conversation's reference is kept (with the service URL Teams gives) or forgotten; installed for
a person, the bot's personal chat starts with the home card. A chat the
bot was removed from answers the next post with 403, which the core turns into a failed
reminder and a word to the convenor."""

from __future__ import annotations

from microsoft_agents.activity import Activity
from microsoft_agents.hosting.core import AgentApplication, TurnContext, TurnState

from handlers.teams.actors import actor_of, origin_of
from handlers.teams.home import post_home
from handlers.teams.services import TeamsServices


async def on_installation(context: TurnContext, services: TeamsServices) -> None:
    activity = context.activity
    if (activity.action or "").startswith("remove"):
        await services.platform.conversations.forget(activity.conversation.id)
    else:
        await services.platform.conversations.remember(context)
        if activity.action == "add":  # not on an upgrade
            await _welcome_personally(context, services)


async def _welcome_personally(context: TurnContext, services: TeamsServices) -> None:
    """The personal chat's first message: the home card (with Uusi tiimi)."""
    activity = context.activity
    origin = origin_of(activity)
    actor = actor_of(activity, default_language=services.language)
    if origin.personal and actor is not None:
        await post_home(services, actor, origin)


async def on_members_changed(context: TurnContext, services: TeamsServices) -> None:
    activity = context.activity
    if _bot_among(activity, activity.members_removed):
        await services.platform.conversations.forget(activity.conversation.id)
    elif _bot_among(activity, activity.members_added):
        await services.platform.conversations.remember(context)


def _bot_among(activity: Activity, accounts: object) -> bool:
    bot = activity.recipient.id if activity.recipient else None
    return bool(bot) and any(getattr(a, "id", None) == bot for a in accounts or ())  # type: ignore[attr-defined]


def register(app: AgentApplication[TurnState], services: TeamsServices) -> None:
    async def installation(context: TurnContext, _: TurnState) -> None:
        await on_installation(context, services)

    async def members(context: TurnContext, _: TurnState) -> None:
        await on_members_changed(context, services)

    app.activity("installationUpdate")(installation)
    app.activity("conversationUpdate")(members)
