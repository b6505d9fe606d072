"""App Home: publish the user's own teams when the Home tab opens."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.context import Actor
from handlers.slack.errors import answers_failures
from handlers.slack.render import render_blocks


async def handle_app_home_opened(
    event: dict[str, Any], client: AsyncWebClient, context: AsyncBoltContext
) -> None:
    if event.get("tab") != "home":
        return
    user_id = event["user"]
    actor = Actor(user_id=user_id, lang=await context["locales"].language(user_id))
    message = await context["home"].home(actor)
    await client.views_publish(
        user_id=user_id, view={"type": "home", "blocks": render_blocks(message, limit=100)}
    )


def register(app: AsyncApp) -> None:
    app.event("app_home_opened")(answers_failures(handle_app_home_opened))
