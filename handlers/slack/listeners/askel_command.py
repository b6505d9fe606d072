"""`/askel`: small steps and goals of the team's plan."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.plan.commands import StepDialog
from handlers.slack.actors import actor_of
from handlers.slack.command_input import command_input
from handlers.slack.render import reply_payload
from handlers.slack.services import SlackServices
from handlers.slack.views.step_form import step_form_modal
from handlers.slack.work import after_ack

COMMAND = "/askel"


async def handle_askel(
    ack: AsyncAck,
    command: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    context: AsyncBoltContext,
    services: SlackServices,
) -> None:
    await ack()
    async with after_ack(context):
        channel_id = command["channel_id"]
        actor = await actor_of(context, services)
        result = await services.askel.run(
            actor=actor, text=command_input(command.get("text") or ""), channel_id=channel_id
        )
        if isinstance(result, StepDialog):
            view = step_form_modal(actor.t, result, channel_id=channel_id)
            await client.views_open(trigger_id=command["trigger_id"], view=view)
            return
        await respond(**reply_payload(result))


def register(app: AsyncApp) -> None:
    app.command(COMMAND)(handle_askel)
