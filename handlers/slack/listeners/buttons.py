"""The buttons whose press the core answers with a message to the presser (the table in
bot/button_presses.py): one listener routes them all."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond

from bot.button_presses import BUTTONS, Press, button_for
from handlers.slack.actors import actor_of
from handlers.slack.render import reply_payload
from handlers.slack.services import SlackServices
from handlers.slack.work import after_ack


async def handle_button(
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    context: AsyncBoltContext,
    services: SlackServices,
) -> None:
    await ack()
    async with after_ack(context):
        button = button_for(action["action_id"])
        assert button is not None, "registered for the table's buttons only"
        actor = await actor_of(context, services)
        channel_id = str((body.get("channel") or {}).get("id") or "")
        value = str(action.get("value") or "")
        reply = await button.answer(
            services.tiimi, Press(actor, channel_id, action["action_id"], value)
        )
        replace = {"replace_original": True} if button.replaces else {}
        await respond(**(reply_payload(reply) | replace))


def register(app: AsyncApp) -> None:
    for button in BUTTONS:
        app.action(button.key)(handle_button)
