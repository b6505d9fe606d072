"""The Siirrä button on a step's channel message: opens the form for a new due date."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot import action_ids
from handlers.slack.actors import actor_of
from handlers.slack.services import SlackServices
from handlers.slack.views.reschedule_form import reschedule_modal
from handlers.slack.work import after_ack


async def handle_step_move(
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    client: AsyncWebClient,
    context: AsyncBoltContext,
    services: SlackServices,
) -> None:
    await ack()
    async with after_ack(context):
        actor = await actor_of(context, services)
        channel_id, number = body["channel"]["id"], int(action["value"])
        view = reschedule_modal(actor.t, channel_id=channel_id, number=number)
        await client.views_open(trigger_id=body["trigger_id"], view=view)


def register(app: AsyncApp) -> None:
    app.action(action_ids.STEP_MOVE)(handle_step_move)
