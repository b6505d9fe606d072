"""Team channels' boundary: Slack's member_joined_channel (someone added to a team channel in
Slack's own dialog is removed)."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext

from handlers.slack.services import SlackServices
from handlers.slack.work import after_ack


async def handle_member_joined(
    event: dict[str, Any], context: AsyncBoltContext, services: SlackServices
) -> None:
    """Runs once the event is acknowledged (Bolt acknowledges events before their listener).
    The bot's own joins are ignored (redeliveries never get here: request_keys.HandleOnce
    answers them). People the bot invites are never removed whatever the order: their member
    rows are written before the invitation."""
    user_id, channel_id = str(event.get("user") or ""), str(event.get("channel") or "")
    inviter_id = str(event.get("inviter") or "") or None
    if not user_id or not channel_id or user_id == context.bot_user_id:
        return
    guard = services.channel_guard
    async with after_ack(context):
        team = await guard.uninvited(channel_id=channel_id, user_id=user_id, inviter_id=inviter_id)
        if team is not None:
            await guard.remove(team, user_id=user_id, inviter_id=inviter_id)


def register(app: AsyncApp) -> None:
    app.event("member_joined_channel")(handle_member_joined)
