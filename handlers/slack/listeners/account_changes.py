"""Slack's user_change: members' deactivated accounts are marked."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext

from handlers.slack.services import SlackServices
from handlers.slack.work import after_ack


async def handle_user_change(
    event: dict[str, Any], context: AsyncBoltContext, services: SlackServices
) -> None:
    """Slack sends it for every profile change; only `deleted` matters here. Marking is
    idempotent (one UPDATE), after the acknowledgement as for every event."""
    user = event.get("user")
    if isinstance(user, dict) and user.get("id"):
        async with after_ack(context):
            await services.channel_guard.account_changed(
                user_id=str(user["id"]), deactivated=user.get("deleted") is True
            )


def register(app: AsyncApp) -> None:
    app.event("user_change")(handle_user_change)
