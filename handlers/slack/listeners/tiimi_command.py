"""`/tiimi`: acknowledge, then run the command in the core and answer."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.teams.commands import OpenTeamDialog
from handlers.slack.actors import actor_of
from handlers.slack.command_input import command_input
from handlers.slack.render import reply_payload
from handlers.slack.services import SlackServices
from handlers.slack.views.open_team import open_team_modal
from handlers.slack.work import after_ack, after_answer

COMMAND = "/tiimi"


async def handle_tiimi(
    ack: AsyncAck,
    command: dict[str, Any],
    respond: AsyncRespond,
    client: AsyncWebClient,
    context: AsyncBoltContext,
    services: SlackServices,
) -> None:
    await ack()
    then = None
    async with after_ack(context):
        actor = await actor_of(context, services)
        result = await services.tiimi.run(
            actor=actor,
            text=command_input(command.get("text") or ""),
            channel_id=command["channel_id"],
            request_key=f"command:{command['trigger_id']}",
        )
        if isinstance(result, OpenTeamDialog):
            view = open_team_modal(actor.t, origin_channel=command["channel_id"])
            await client.views_open(trigger_id=command["trigger_id"], view=view)
            return
        then = result.then
        await respond(**reply_payload(result))
    await after_answer(context, then)


def register(app: AsyncApp) -> None:
    app.command(COMMAND)(handle_tiimi)
