"""A team's private channel: named after its code, with Slack's name_taken answered by a
suffix (-2, -3, …), and a channel whose creation answer was lost taken over rather than left
behind."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.platform import PlatformError, Space
from handlers.slack.slack_errors import ChannelNameTaken, translate

log = logging.getLogger(__name__)
MAX_NAME_ATTEMPTS = 20
LIST_PAGE = 999  # conversations.list: fewest calls (Tier 2) through many private channels


def channel_name(code: str) -> str:
    """Slack's channel names are lower case."""
    return code.lower()


async def open_channel(
    client: AsyncWebClient,
    code: str,
    *,
    bot_user_id: Callable[[], Awaitable[str]],
    is_free: Callable[[str], Awaitable[bool]],
) -> Space:
    """Create the team's private channel, under the first name not taken. A name taken by
    this app's own channel that no team holds (`is_free`) is that channel, created by a try
    whose answer was lost: it is taken over."""
    base = channel_name(code)
    ours: dict[str, str] | None = None
    for attempt in range(1, MAX_NAME_ATTEMPTS + 1):
        name = base if attempt == 1 else f"{base}-{attempt}"
        try:
            response = await client.conversations_create(name=name, is_private=True)
            return Space(str(response["channel"]["id"]), name)
        except SlackApiError as error:
            if not isinstance(translated := translate(error), ChannelNameTaken):
                raise translated from None
        if ours is None:  # is it ours, made by a try whose answer was lost?
            try:
                found = await own_channels(client, base, bot_user_id=await bot_user_id())
                ours = {n: ref for n, ref in found.items() if await is_free(ref)}
            except PlatformError as error:  # e.g. missing_scope: take the next name
                log.warning("team %s: cannot list channels: %s", code, error.code)
                ours = {}
        if name in ours:
            log.warning("team %s: taking over its channel from a lost answer", code)
            return Space(ours[name], name)
    raise PlatformError("name_taken")


async def own_channels(client: AsyncWebClient, base: str, *, bot_user_id: str) -> dict[str, str]:
    """This app's unarchived private channels named `base` or `base-<n>`: name -> id."""
    pattern = re.compile(rf"{re.escape(base)}(-[0-9]+)?")
    found: dict[str, str] = {}
    cursor = None
    try:
        while True:
            response = await client.conversations_list(
                types="private_channel", exclude_archived=True, limit=LIST_PAGE, cursor=cursor
            )
            channels: list[dict[str, Any]] = response.get("channels") or []
            for channel in channels:
                mine = channel.get("creator") == bot_user_id
                if mine and pattern.fullmatch(str(channel.get("name", ""))):
                    found[str(channel["name"])] = str(channel["id"])
            cursor = (response.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return found
    except SlackApiError as error:
        raise translate(error) from None
