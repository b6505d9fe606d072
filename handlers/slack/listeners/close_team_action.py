"""The close-reason buttons under `/tiimi sulje`; *siirtyi yhteen palveluun* opens a form."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot import action_ids
from bot.teams.close_service import CloseServiceDialog
from handlers.slack.actors import actor_of
from handlers.slack.render import reply_payload
from handlers.slack.services import SlackServices
from handlers.slack.views.close_service_form import close_service_modal
from handlers.slack.work import after_ack, after_answer


async def handle_close_team(
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    context: AsyncBoltContext,
    services: SlackServices,
) -> None:
    await ack()
    then = None
    async with after_ack(context):
        actor = await actor_of(context, services)
        channel_id = (body.get("channel") or {}).get("id") or ""
        reply = await services.tiimi.close_from_button(
            actor=actor, channel_id=channel_id, value=action.get("value") or ""
        )
        if isinstance(reply, CloseServiceDialog):  # which service: asked in a form
            view = close_service_modal(
                actor.t, reply, channel_id=channel_id, response_url=body.get("response_url") or ""
            )
            await client.views_open(trigger_id=body["trigger_id"], view=view)
            return
        then = reply.then
        await respond(**(reply_payload(reply) | {"replace_original": True}))
    await after_answer(context, then)


def register(app: AsyncApp) -> None:
    app.action(action_ids.any_variant(action_ids.CLOSE_TEAM))(handle_close_team)
