"""The acting user of a Slack request, with the language of their Slack locale."""

from __future__ import annotations

from slack_bolt.async_app import AsyncBoltContext

from bot.context import Actor
from handlers.slack.services import SlackServices


async def actor_of(context: AsyncBoltContext, services: SlackServices) -> Actor:
    """Bolt puts the user of every command, action, view and event in the context."""
    user_id = context.user_id or ""
    return Actor(user_id=user_id, lang=await services.locales.language(user_id))
