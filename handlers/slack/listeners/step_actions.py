"""The buttons on a step's channel message: Tehty, Ei toteutunut, Siirrä."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncBoltContext, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from handlers.slack.actors import actor_of
from handlers.slack.render import reply_payload
from handlers.slack.routes import Routes
from handlers.slack.views.reschedule_form import reschedule_modal


async def handle_step_status(
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    context: AsyncBoltContext,
) -> None:
    actor = await actor_of(context)
    reply = await context["askel"].press(
        actor=actor,
        channel_id=body["channel"]["id"],
        action_id=action["action_id"],
        value=action.get("value") or "",
    )
    await respond(**reply_payload(reply))


async def handle_step_move(
    body: dict[str, Any],
    action: dict[str, Any],
    client: AsyncWebClient,
    context: AsyncBoltContext,
) -> None:
    actor = await actor_of(context)
    view = reschedule_modal(actor.t, channel_id=body["channel"]["id"], number=int(action["value"]))
    await client.views_open(trigger_id=body["trigger_id"], view=view)


def register(routes: Routes) -> None:
    routes.action("step_done")(handle_step_status)
    routes.action("step_not_done")(handle_step_status)
    routes.action("step_move")(handle_step_move)
