"""`/paja`: the staff's workshops (Hukkapaja), and the card's *Kirjoita hukka* button, which
opens the note form."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot import action_ids
from bot.workshops.dispatch import NoteForm
from handlers.slack.actors import actor_of
from handlers.slack.command_input import command_input
from handlers.slack.render import reply_payload
from handlers.slack.services import SlackServices
from handlers.slack.views.workshop_note_form import note_modal
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


async def handle_write(
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    client: AsyncWebClient,
    respond: AsyncRespond,
    context: AsyncBoltContext,
    services: SlackServices,
) -> None:
    await ack()
    async with after_ack(context):
        actor = await actor_of(context, services)
        value = str(action.get("value") or "")
        result = await services.tiimi.paja.note_form(actor=actor, value=value)
        if isinstance(result, NoteForm):
            view = note_modal(actor.t, result)
            await client.views_open(trigger_id=body["trigger_id"], view=view)
            return
        await respond(**reply_payload(result))


def register(app: AsyncApp) -> None:
    app.command(COMMAND)(handle_paja)
    app.action(action_ids.WORKSHOP_NOTE_FORM)(handle_write)
