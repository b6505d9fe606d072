"""Posting once on Slack: a post carries message metadata naming what it is about, so that a
post whose answer was lost, or one made by a try that crashed, is found in the channel's
history instead of being posted again."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.platform import PostKey, PostKind
from handlers.slack.slack_errors import translate

HISTORY_PAGES = 5  # 1,000 messages back is more than a lease can miss
# The metadata of each kind of post: its event type and the one key of its payload.
EVENT_TYPES = {
    PostKind.WELCOME: ("tiimi_team", "team_id"),
    PostKind.STEP: ("tiimi_step", "step_id"),
    PostKind.GOAL: ("tiimi_goal", "goal_id"),
    PostKind.REMINDER: ("tiimi_reminder", "reminder_id"),
    PostKind.CLOSING: ("tiimi_closing", "team_id"),
    PostKind.MEETING: ("tiimi_meeting", "meeting_change"),
}


def metadata(key: PostKey) -> dict[str, Any]:
    event_type, name = EVENT_TYPES[key.kind]
    return {"event_type": event_type, "event_payload": {name: key.id}}


def event_type(kind: PostKind) -> str:
    return EVENT_TYPES[kind][0]


async def find_post(
    client: AsyncWebClient, channel_id: str, key: PostKey, *, since: datetime
) -> str | None:
    """The ts of a message posted since `since` whose metadata names `key`, if any."""
    event, name = EVENT_TYPES[key.kind]
    cursor = None
    for _ in range(HISTORY_PAGES):
        try:
            page = await client.conversations_history(
                channel=channel_id,
                oldest=f"{since.timestamp():.6f}",
                include_all_metadata=True,
                limit=200,
                cursor=cursor,
            )
        except SlackApiError as error:
            raise translate(error) from None
        for message in page.get("messages") or []:
            found = message.get("metadata") or {}
            payload = found.get("event_payload") or {}
            if found.get("event_type") == event and str(payload.get(name)) == key.id:
                return str(message["ts"])
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return None
    return None
