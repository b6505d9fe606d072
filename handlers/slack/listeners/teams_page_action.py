"""Paging through `/tiimi avoimet`."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond

from bot import action_ids
from handlers.slack.actors import actor_of
from handlers.slack.render import reply_payload
from handlers.slack.services import SlackServices
from handlers.slack.work import after_ack


async def handle_teams_page(
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
        reply = await services.tiimi.teams_page(actor=actor, value=action.get("value") or "1|")
        await respond(**(reply_payload(reply) | {"replace_original": True}))


def register(app: AsyncApp) -> None:
    app.action(action_ids.any_variant(action_ids.TEAMS_PAGE))(handle_teams_page)
