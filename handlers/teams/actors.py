"""Who acts in a Teams activity, where, and in which language."""

from __future__ import annotations

from dataclasses import dataclass

from microsoft_agents.activity import Activity

from bot.context import Actor
from handlers.teams.locale import language_of

PERSONAL = "personal"
DIALECT = "teams"  # the catalogs' Teams wording (bot/i18n)


@dataclass(frozen=True)
class Origin:
    """The conversation an activity came from."""

    conversation_id: str
    personal: bool  # the bot's 1:1 chat with the actor (nobody else sees it)
    service_url: str


def actor_of(activity: Activity, *, default_language: str) -> Actor | None:
    """The acting user by their Entra object id (the neutral user id on Teams); None for an
    activity without one (a bot, a guest Teams does not identify), which Tiimi does not act on."""
    sender = activity.from_property
    user_id = (sender.aad_object_id or "").strip().lower() if sender else ""
    if not user_id:
        return None
    lang = language_of(activity.locale, default=default_language)
    return Actor(user_id=user_id, lang=lang, dialect=DIALECT)


def origin_of(activity: Activity) -> Origin:
    conversation = activity.conversation
    kind = (conversation.conversation_type or "") if conversation else ""
    return Origin(
        conversation_id=conversation.id if conversation else "",
        personal=kind == PERSONAL,
        service_url=activity.service_url or "",
    )
