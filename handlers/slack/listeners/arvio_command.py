"""`/arvio`: the network-work self-rating (coordinators); the chart follows the answer."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond

from handlers.slack.actors import actor_of
from handlers.slack.command_input import command_input
from handlers.slack.render import reply_payload
from handlers.slack.services import SlackServices
from handlers.slack.work import after_ack, after_answer

COMMAND = "/arvio"


async def handle_arvio(
    ack: AsyncAck,
    command: dict[str, Any],
    respond: AsyncRespond,
    context: AsyncBoltContext,
    services: SlackServices,
) -> None:
    await ack()
    then = None
    async with after_ack(context):
        actor = await actor_of(context, services)
        reply = await services.tiimi.ratings.run(
            actor=actor,
            text=command_input(command.get("text") or ""),
            channel_id=command["channel_id"],
        )
        then = reply.then
        await respond(**reply_payload(reply))
    await after_answer(context, then)


def register(app: AsyncApp) -> None:
    app.command(COMMAND)(handle_arvio)
