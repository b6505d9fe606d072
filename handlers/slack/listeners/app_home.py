"""App Home: publish the user's own teams when the Home tab opens."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from handlers.slack.actors import actor_of
from handlers.slack.render import home_view
from handlers.slack.services import SlackServices
from handlers.slack.work import after_ack


async def publish_home(
    client: AsyncWebClient, context: AsyncBoltContext, services: SlackServices
) -> None:
    actor = await actor_of(context, services)
    message = await services.home.home(actor)
    await client.views_publish(user_id=actor.user_id, view=await home_view(message))


async def handle_app_home_opened(
    event: dict[str, Any],
    client: AsyncWebClient,
    context: AsyncBoltContext,
    services: SlackServices,
) -> None:
    """Runs once the event is acknowledged: Bolt acknowledges events before their listener (a
    redelivery stops at request_keys.HandleOnce)."""
    if event.get("tab") == "home":
        async with after_ack(context):
            await publish_home(client, context, services)


def register(app: AsyncApp) -> None:
    app.event("app_home_opened")(handle_app_home_opened)
