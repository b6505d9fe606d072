"""Paging through a long plan (`/tiimi suunnitelma`)."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt.async_app import AsyncBoltContext, AsyncRespond

from handlers.slack.actors import actor_of
from handlers.slack.render import reply_payload
from handlers.slack.routes import Routes


async def handle_plan_page(
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    context: AsyncBoltContext,
) -> None:
    actor = await actor_of(context)
    page = int(action.get("value") or "1")
    reply = await context["askel"].show_plan(
        actor=actor, channel_id=body["channel"]["id"], page=page
    )
    await respond(**(reply_payload(reply) | {"replace_original": True}))


def register(routes: Routes) -> None:
    routes.action(re.compile(r"^plan_page:"))(handle_plan_page)
