"""The app installed in or removed from a chat, and the bot added to or removed from one: the
conversation's reference is kept (with the service URL Teams gives) or forgotten; installed for
a person, the bot's personal chat starts with the home card. A chat the
bot was removed from answers the next post with 403, which the core turns into a failed
reminder and a word to the convenor.

A team's chat is its boundary: someone added with Teams' own "Add people", not recorded with
the client's consent, is removed and the convenor told why (bot.teams.channel_guard), as on
Slack. The people the bot adds itself are recorded before they are added."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from microsoft_agents.activity import Activity, ChannelAccount
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
        return
    if _bot_among(activity, activity.members_added):
        await services.platform.conversations.remember(context)
    joined = [
        (member.aad_object_id or "").lower()
        for member in activity.members_added or ()
        if member.aad_object_id and member.id != _bot_id(activity)
    ]
    if joined:
        inviter = activity.from_property.aad_object_id if activity.from_property else None
        chat = activity.conversation.id
        services.work.start(partial(_guard, services, chat, joined, (inviter or "").lower()))


async def _guard(services: TeamsServices, chat: str, people: list[str], inviter: str) -> None:
    for person in people:
        team = await services.channel_guard.uninvited(
            channel_id=chat, user_id=person, inviter_id=inviter or None
        )
        if team is not None:
            await services.channel_guard.remove(team, user_id=person, inviter_id=inviter or None)


def _bot_id(activity: Activity) -> str:
    return activity.recipient.id if activity.recipient else ""


def _bot_among(activity: Activity, accounts: Sequence[ChannelAccount] | None) -> bool:
    bot = _bot_id(activity)
    return bool(bot) and any(account.id == bot for account in accounts or ())


def register(app: AgentApplication[TurnState], services: TeamsServices) -> None:
    async def installation(context: TurnContext, _: TurnState) -> None:
        await on_installation(context, services)

    async def members(context: TurnContext, _: TurnState) -> None:
        await on_members_changed(context, services)

    app.activity("installationUpdate")(installation)
    app.activity("conversationUpdate")(members)
