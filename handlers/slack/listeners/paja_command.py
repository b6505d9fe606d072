"""`/paja`: the staff's workshops (Hukkapaja and Ratkaisupaja). The buttons on their cards
that open a form: handlers/slack/listeners/workshop_form_buttons.py."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond

from handlers.slack.actors import actor_of
from handlers.slack.command_input import command_input
from handlers.slack.render import reply_payload
from handlers.slack.services import SlackServices
from handlers.slack.work import after_ack

COMMAND = "/paja"
DIRECT_MESSAGE = "directmessage"  # Slack's channel_name for a direct message: no staff space


async def handle_paja(
    ack: AsyncAck,
    command: dict[str, Any],
    respond: AsyncRespond,
    context: AsyncBoltContext,
    services: SlackServices,
) -> None:
    await ack()
    async with after_ack(context):
        actor = await actor_of(context, services)
        direct = command.get("channel_name") == DIRECT_MESSAGE
        reply = await services.tiimi.paja.run(
            actor=actor,
            text=command_input(command.get("text") or ""),
            channel_id="" if direct else command["channel_id"],
        )
        await respond(**reply_payload(reply))


def register(app: AsyncApp) -> None:
    app.command(COMMAND)(handle_paja)
