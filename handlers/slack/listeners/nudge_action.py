"""The snooze buttons (1 day, 1 week) on the no-meeting nudge."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond

from bot import action_ids
from handlers.slack.actors import actor_of
from handlers.slack.render import reply_payload
from handlers.slack.services import SlackServices
from handlers.slack.work import after_ack


async def handle_snooze(
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
        days = int(action["action_id"].split(":", 1)[1])
        reply = await services.tiimi.snooze_from_button(
            actor=actor, channel_id=body["channel"]["id"], days=days
        )
        await respond(**reply_payload(reply))


def register(app: AsyncApp) -> None:
    app.action(re.compile(rf"^{action_ids.NUDGE_SNOOZE}:(1|7)$"))  # a day or a week(handle_snooze)
