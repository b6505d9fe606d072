"""Team channels' boundary: Slack's member_joined_channel (someone added to a team channel in
Slack's own dialog is removed) and user_change (members' deactivated accounts are marked)."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncBoltContext

from handlers.slack.routes import Routes


async def handle_member_joined(
    ack: AsyncAck, event: dict[str, Any], context: AsyncBoltContext
) -> None:
    """Whether the person may stay is decided before the acknowledgement (one lookup); the
    removal follows the answer. The bot's own joins are ignored (redeliveries never get here:
    request_keys.HandleOnce answers them). People the bot invites are never removed whatever
    the order: their member rows are written before the invitation."""
    user_id, channel_id = str(event.get("user") or ""), str(event.get("channel") or "")
    inviter_id = str(event.get("inviter") or "") or None
    if not user_id or not channel_id or user_id == context.bot_user_id:
        await ack()
        return
    guard = context["channel_guard"]
    team = await guard.uninvited(channel_id=channel_id, user_id=user_id, inviter_id=inviter_id)
    await ack()
    if team is not None:
        await guard.remove(team, user_id=user_id, inviter_id=inviter_id)


async def handle_user_change(
    ack: AsyncAck, event: dict[str, Any], context: AsyncBoltContext
) -> None:
    """Slack sends it for every profile change; only `deleted` matters here. Marked before the
    acknowledgement (one UPDATE); marking is idempotent."""
    user = event.get("user")
    if isinstance(user, dict) and user.get("id"):
        await context["channel_guard"].account_changed(
            user_id=str(user["id"]), deactivated=user.get("deleted") is True
        )
    await ack()


def register(routes: Routes) -> None:
    routes.event("member_joined_channel")(handle_member_joined)
    routes.event("user_change")(handle_user_change)
