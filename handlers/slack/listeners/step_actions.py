"""The Tehty and Ei toteutunut buttons on a step's channel message (Siirrä: step_move_action)."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond

from bot import action_ids
from handlers.slack.actors import actor_of
from handlers.slack.render import reply_payload
from handlers.slack.services import SlackServices
from handlers.slack.work import after_ack


async def handle_step_status(
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    context: AsyncBoltContext,
    services: SlackServices,
) -> None:
    await ack()
    async with after_ack(context):
        actor = await actor_of(context, services)
        reply = await services.askel.press(
            actor=actor,
            channel_id=body["channel"]["id"],
            action_id=action["action_id"],
            value=action.get("value") or "",
        )
        await respond(**reply_payload(reply))


def register(app: AsyncApp) -> None:
    app.action(action_ids.STEP_DONE)(handle_step_status)
    app.action(action_ids.STEP_NOT_DONE)(handle_step_status)
