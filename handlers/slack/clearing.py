"""Finding and deleting the app's own messages in a channel (closing a team)."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

HISTORY_PAGE = 200  # conversations.history: Slack recommends at most 200 per page
_OWN_SUBTYPES = (None, "bot_message")  # not joins, topic changes and the like


async def own_messages(
    client: AsyncWebClient, channel_id: str, *, user_id: str, bot_id: str | None, keep: str
) -> tuple[list[str], tuple[str, ...]]:
    """The ts of every message the app posted in the channel (all history pages; by its bot
    id or bot user id, so also replies through response_url), and of those among them whose
    metadata event type is `keep`."""
    own: list[str] = []
    kept: list[str] = []
    cursor = None
    while True:
        page = await client.conversations_history(
            channel=channel_id, include_all_metadata=True, limit=HISTORY_PAGE, cursor=cursor
        )
        for message in page.get("messages") or []:
            by_app = bot_id is not None and message.get("bot_id") == bot_id
            if not (by_app or message.get("user") == user_id):
                continue
            if message.get("subtype") not in _OWN_SUBTYPES:
                continue
            spared = (message.get("metadata") or {}).get("event_type") == keep
            (kept if spared else own).append(str(message["ts"]))
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return own, tuple(kept)


async def delete_own_message(client: AsyncWebClient, channel_id: str, ts: str) -> str:
    """chat.delete: "deleted", or the code of a message already gone or one Slack refuses
    (an outcome, not an error). Rate limits are retried by the client's handlers."""
    try:
        await client.chat_delete(channel=channel_id, ts=ts)
    except SlackApiError as error:
        code = str(error.response.get("error") or "")
        if code in ("message_not_found", "cant_delete_message"):
            return code
        raise
    return "deleted"
