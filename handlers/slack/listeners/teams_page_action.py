"""Paging through `/tiimi avoimet`."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond

from bot.context import Actor
from handlers.slack.errors import answers_failures
from handlers.slack.render import reply_payload


async def handle_teams_page(
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    context: AsyncBoltContext,
) -> None:
    await ack()
    user_id = body["user"]["id"]
    actor = Actor(user_id=user_id, lang=await context["locales"].language(user_id))
    reply = await context["tiimi"].teams_page(actor=actor, value=action.get("value") or "1|")
    await respond(**(reply_payload(reply) | {"replace_original": True}))


def register(app: AsyncApp) -> None:
    app.action(re.compile(r"^teams_page:"))(answers_failures(handle_teams_page))
