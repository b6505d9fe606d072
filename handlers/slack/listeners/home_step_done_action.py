"""The Tehty button beside one's own step on the App Home tab."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot import action_ids
from handlers.slack.actors import actor_of
from handlers.slack.listeners.app_home import publish_home
from handlers.slack.services import SlackServices
from handlers.slack.work import after_ack


async def handle_home_step_done(
    ack: AsyncAck,
    action: dict[str, Any],
    client: AsyncWebClient,
    context: AsyncBoltContext,
    services: SlackServices,
) -> None:
    """Marks the step done; the tab is then refreshed."""
    await ack()
    async with after_ack(context):
        actor = await actor_of(context, services)
        await services.askel.finish_from_home(actor=actor, value=action.get("value") or "")
        await publish_home(client, context, services)  # shows the outcome (or why not)


def register(app: AsyncApp) -> None:
    app.action(action_ids.HOME_STEP_DONE)(handle_home_step_done)
