"""Paging through `/tiimi avoimet`."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt.async_app import AsyncBoltContext, AsyncRespond

from handlers.slack.actors import actor_of
from handlers.slack.render import reply_payload
from handlers.slack.routes import Routes


async def handle_teams_page(
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    context: AsyncBoltContext,
) -> None:
    actor = await actor_of(context)
    reply = await context["tiimi"].teams_page(actor=actor, value=action.get("value") or "1|")
    await respond(**(reply_payload(reply) | {"replace_original": True}))


def register(routes: Routes) -> None:
    routes.action(re.compile(r"^teams_page:"))(handle_teams_page)
