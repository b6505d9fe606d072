"""The Slack implementation of the core's ChatPlatform interface."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.platform import (
    ActionRestricted,
    ChannelNameTaken,
    ChannelUnavailable,
    ClearedSpace,
    InviteOutcome,
    PlatformError,
)
from bot.replies import Message
from handlers.slack.clearing import delete_own_message, own_messages
from handlers.slack.render import fallback_text, render_blocks

HISTORY_PAGES = 5  # 1,000 messages back is more than a lease can miss
CLOCK_SKEW = timedelta(minutes=5)  # between this host's clock and Slack's message timestamps
LIST_PAGE = 999  # conversations.list: fewest calls (Tier 2) through many private channels
INVITE_BATCH = 100  # conversations.invite accepts at most 100 users per call
CLEARING_ROUNDS = 3  # scans of a channel being cleared: posts landing during one are found next
_UNAVAILABLE = {
    "is_archived",
    "channel_not_found",
    "not_in_channel",
    "channel_is_archived",
    "already_archived",  # e.g. a retry of an archive whose answer was lost
}
_ALREADY_THERE = {"already_in_channel", "cant_invite_self"}


def _translate(error: SlackApiError) -> PlatformError:
    code = str(error.response.get("error") or "unknown_error")
    if code == "name_taken":
        return ChannelNameTaken(code)
    if code == "restricted_action":
        return ActionRestricted(code)
    if code in _UNAVAILABLE:
        return ChannelUnavailable(code)
    return PlatformError(code)


class SlackPlatform:
    def __init__(self, client: AsyncWebClient, *, posts_once: AsyncWebClient | None = None) -> None:
        """`posts_once` (without retries on connection errors) posts messages that carry
        metadata: a post whose answer was lost is looked up by its metadata before it is sent
        again, so that it appears once."""
        self.client = client
        self.posts_once = posts_once or client
        self._bot_user_id: str | None = None
        self._bot_id: str | None = None

    async def _identity(self) -> tuple[str, str | None]:
        """The bot's user id and bot id (auth.test, asked once)."""
        if self._bot_user_id is None:
            response = await self.client.auth_test()
            self._bot_id = str(response.get("bot_id") or "") or None
            self._bot_user_id = str(response["user_id"])
        return self._bot_user_id, self._bot_id

    async def own_channels(self, name: str) -> dict[str, str]:
        pattern = re.compile(rf"{re.escape(name)}(-[0-9]+)?")
        found: dict[str, str] = {}
        cursor = None
        try:
            await self._identity()
            while True:
                response = await self.client.conversations_list(
                    types="private_channel", exclude_archived=True, limit=LIST_PAGE, cursor=cursor
                )
                channels: list[dict[str, Any]] = response.get("channels") or []
                for channel in channels:
                    mine = channel.get("creator") == self._bot_user_id
                    if mine and pattern.fullmatch(str(channel.get("name", ""))):
                        found[str(channel["name"])] = str(channel["id"])
                cursor = (response.get("response_metadata") or {}).get("next_cursor")
                if not cursor:
                    return found
        except SlackApiError as error:
            raise _translate(error) from None

    async def create_private_channel(self, name: str) -> str:
        try:
            response = await self.client.conversations_create(name=name, is_private=True)
        except SlackApiError as error:
            raise _translate(error) from None
        return str(response["channel"]["id"])

    async def invite(self, channel_id: str, user_ids: Sequence[str]) -> InviteOutcome:
        failed: dict[str, str] = {}
        for start in range(0, len(user_ids), INVITE_BATCH):
            batch = list(user_ids[start : start + INVITE_BATCH])
            try:
                await self.client.conversations_invite(channel=channel_id, users=batch, force=True)
            except SlackApiError as error:
                failed.update(_per_user_failures(error, batch))
        return InviteOutcome(failed=failed)

    async def remove_member(self, channel_id: str, user_id: str) -> None:
        try:
            await self.client.conversations_kick(channel=channel_id, user=user_id)
        except SlackApiError as error:
            raise _translate(error) from None

    async def post_message(
        self, channel_id: str, message: Message, *, metadata: Mapping[str, Any] | None = None
    ) -> str:
        if not metadata:
            return await self._post(self.client, channel_id, message, None)
        (key, value), *_ = dict(metadata["event_payload"]).items()
        for _attempt in range(2):
            sent_at = datetime.now(UTC)
            try:
                return await self._post(self.posts_once, channel_id, message, metadata)
            except aiohttp.ClientConnectionError:  # posted or not: the metadata tells
                found = await self.find_message(
                    channel_id,
                    event_type=str(metadata["event_type"]),
                    key=str(key),
                    value=str(value),
                    since=sent_at - CLOCK_SKEW,
                )
                if found:
                    return found
        raise PlatformError("connection_lost")

    async def _post(
        self,
        client: AsyncWebClient,
        channel_id: str,
        message: Message,
        metadata: Mapping[str, Any] | None,
    ) -> str:
        try:
            response = await client.chat_postMessage(
                channel=channel_id,
                text=fallback_text(message),
                blocks=render_blocks(message),
                metadata=dict(metadata) if metadata else None,
            )
        except SlackApiError as error:
            raise _translate(error) from None
        return str(response["ts"])

    async def update_message(self, channel_id: str, message_id: str, message: Message) -> None:
        try:
            await self.client.chat_update(
                channel=channel_id,
                ts=message_id,
                text=fallback_text(message),
                blocks=render_blocks(message),
            )
        except SlackApiError as error:
            raise _translate(error) from None

    async def display_names(self, user_ids: Sequence[str]) -> dict[str, str]:
        names: dict[str, str] = {}
        for user_id in dict.fromkeys(user_ids):
            try:
                user = (await self.client.users_info(user=user_id))["user"]
            except SlackApiError:
                names[user_id] = user_id
                continue
            profile = user.get("profile") or {}
            names[user_id] = str(
                profile.get("real_name") or user.get("real_name") or user.get("name") or user_id
            )
        return names

    async def deactivated_users(self, user_ids: Sequence[str]) -> frozenset[str]:
        deactivated = set()
        for user_id in dict.fromkeys(user_ids):
            try:
                user = (await self.client.users_info(user=user_id))["user"]
            except SlackApiError as error:
                if error.response.get("error") == "user_not_found":
                    continue
                raise _translate(error) from None
            if user.get("deleted") is True:
                deactivated.add(user_id)
        return frozenset(deactivated)

    async def find_message(
        self, channel_id: str, *, event_type: str, key: str, value: str, since: datetime
    ) -> str | None:
        cursor = None
        for _ in range(HISTORY_PAGES):
            try:
                page = await self.client.conversations_history(
                    channel=channel_id,
                    oldest=f"{since.timestamp():.6f}",
                    include_all_metadata=True,
                    limit=200,
                    cursor=cursor,
                )
            except SlackApiError as error:
                raise _translate(error) from None
            for message in page.get("messages") or []:
                metadata = message.get("metadata") or {}
                payload = metadata.get("event_payload") or {}
                if metadata.get("event_type") == event_type and str(payload.get(key)) == value:
                    return str(message["ts"])
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                return None
        return None

    async def send_direct(self, user_id: str, message: Message) -> None:
        try:
            opened = await self.client.conversations_open(users=[user_id])
        except SlackApiError as error:
            raise _translate(error) from None
        await self.post_message(str(opened["channel"]["id"]), message)

    async def usergroup_members(self, usergroup_id: str) -> frozenset[str]:
        try:
            response = await self.client.usergroups_users_list(usergroup=usergroup_id)
        except SlackApiError as error:
            raise _translate(error) from None
        return frozenset(str(u) for u in response.get("users") or [])

    async def send_file(self, user_id: str, *, filename: str, content: str, title: str) -> None:
        try:
            opened = await self.client.conversations_open(users=[user_id])
            await self.client.files_upload_v2(
                channel=str(opened["channel"]["id"]),
                filename=filename,
                content=content,
                title=title,
            )
        except SlackApiError as error:
            raise _translate(error) from None

    async def remove_own_messages(self, channel_id: str, *, keep: str) -> ClearedSpace:
        deleted, undeletable, tried = 0, 0, set[str]()
        kept: tuple[str, ...] = ()
        try:
            for _round in range(CLEARING_ROUNDS):
                user_id, bot_id = await self._identity()
                own, kept = await own_messages(
                    self.client, channel_id, user_id=user_id, bot_id=bot_id, keep=keep
                )
                todo = [ts for ts in own if ts not in tried]
                if not todo:
                    break
                for ts in todo:
                    tried.add(ts)
                    outcome = await delete_own_message(self.client, channel_id, ts)
                    deleted += outcome == "deleted"
                    undeletable += outcome == "cant_delete_message"
        except SlackApiError as error:
            raise _translate(error) from None
        return ClearedSpace(deleted=deleted, kept=kept, undeletable=undeletable)

    async def archive_channel(self, channel_id: str) -> None:
        try:
            await self.client.conversations_archive(channel=channel_id)
        except SlackApiError as error:
            translated = _translate(error)
            if translated.code in ("already_archived", "is_archived"):
                return
            raise translated from None


def _per_user_failures(error: SlackApiError, batch: list[str]) -> dict[str, str]:
    """Per-user invite errors; users already in the channel count as invited."""
    entries = error.response.get("errors") or []
    failures = {
        str(entry.get("user")): str(entry.get("error"))
        for entry in entries
        if entry.get("user") and entry.get("error") not in _ALREADY_THERE
    }
    if entries:
        return failures
    code = str(error.response.get("error"))
    if code in _ALREADY_THERE:
        return {}
    if (
        code in ("user_not_found", "cant_invite", "user_is_restricted", "no_user")
        and len(batch) == 1
    ):
        return {batch[0]: code}
    raise _translate(error) from None
