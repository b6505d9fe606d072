"""Who is in a channel, for the self-rating's questions: conversations.members page by page,
then users.info for each member, so that bots (the app itself included) and deactivated
accounts are left out."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from handlers.slack.slack_errors import error_code, translate

PAGE_SIZE = 200  # Slack recommends no more than 200 members a page


async def channel_members(client: AsyncWebClient, channel: str) -> frozenset[str]:
    """The channel's people; PlatformError (SpaceUnavailable: not visible to the bot) when
    Slack refuses."""
    members: list[str] = []
    cursor: str | None = None
    try:
        while True:
            page = await client.conversations_members(
                channel=channel, limit=PAGE_SIZE, cursor=cursor
            )
            members += [str(member) for member in page.get("members") or ()]
            cursor = str((page.get("response_metadata") or {}).get("next_cursor") or "")
            if not cursor:
                break
    except SlackApiError as error:
        raise translate(error) from None
    return frozenset([member for member in dict.fromkeys(members) if await _person(client, member)])


async def _person(client: AsyncWebClient, user_id: str) -> bool:
    """Whether the member is a person with an active account."""
    try:
        user = (await client.users_info(user=user_id))["user"]
    except SlackApiError as error:
        if error_code(error) == "user_not_found":
            return False
        raise translate(error) from None
    return not (user.get("is_bot") or user.get("deleted") or user_id == "USLACKBOT")
