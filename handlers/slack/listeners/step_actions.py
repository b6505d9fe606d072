"""The buttons on a step's channel message: Tehty, Ei toteutunut, Siirrä."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from handlers.slack.actors import actor_of
from handlers.slack.render import reply_payload
from handlers.slack.views.reschedule_form import reschedule_modal
from handlers.slack.work import after_ack


async def handle_step_status(
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    context: AsyncBoltContext,
) -> None:
    await ack()
    async with after_ack(context):
        actor = await actor_of(context)
        reply = await context["askel"].press(
            actor=actor,
            channel_id=body["channel"]["id"],
            action_id=action["action_id"],
            value=action.get("value") or "",
        )
        await respond(**reply_payload(reply))


async def handle_step_move(
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    await ack()
    async with after_ack(context):
        actor = await actor_of(context)
        channel_id, number = body["channel"]["id"], int(action["value"])
        view = reschedule_modal(actor.t, channel_id=channel_id, number=number)
        await client.views_open(trigger_id=body["trigger_id"], view=view)


def register(app: AsyncApp) -> None:
    app.action("step_done")(handle_step_status)
    app.action("step_not_done")(handle_step_status)
    app.action("step_move")(handle_step_move)
