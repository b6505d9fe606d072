"""The Slack implementation of the core's ChatPlatform: a team space is a private channel."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.platform import (
    ClosedSpace,
    InviteOutcome,
    PlatformError,
    Posted,
    PostKey,
    Space,
)
from bot.replies import Message
from handlers.slack import once, spaces
from handlers.slack.clearing import delete_own_message, own_messages
from handlers.slack.members import channel_members
from handlers.slack.render import fallback_text, render_blocks
from handlers.slack.slack_errors import error_code, translate

CLOCK_SKEW = timedelta(minutes=5)  # between this host's clock and Slack's message timestamps
INVITE_BATCH = 100  # conversations.invite accepts at most 100 users per call
CLEARING_ROUNDS = 3  # scans of a channel being cleared: posts landing during one are found next
_ALREADY_THERE = {"already_in_channel", "cant_invite_self"}


class SlackPlatform:
    def __init__(self, client: AsyncWebClient, *, posts_once: AsyncWebClient | None = None) -> None:
        """`posts_once` (without retries on connection errors) makes the posts that must appear
        once: a post whose answer was lost is looked up by its metadata before it is sent
        again."""
        self.client = client
        self.posts_once = posts_once or client
        self._bot_user_id: str | None = None
        self._bot_id: str | None = None

    async def _identity(self) -> tuple[str, str | None]:
        """The bot's user id and bot id (auth.test, asked once)."""
        if self._bot_user_id is None:
            try:
                response = await self.client.auth_test()
            except SlackApiError as error:
                raise translate(error) from None
            self._bot_id = str(response.get("bot_id") or "") or None
            self._bot_user_id = str(response["user_id"])
        return self._bot_user_id, self._bot_id

    async def check_identity(self) -> None:
        """Ask auth.test now (at start): a refused token shows at once, and is not asked again."""
        await self._identity()

    async def _user_id(self) -> str:
        return (await self._identity())[0]

    async def open_space(
        self,
        code: str,
        *,
        is_free: Callable[[str], Awaitable[bool]],
        people: Sequence[str] = (),
    ) -> Space:
        """A private channel, opened empty: the core invites `people` next (add_people)."""
        return await spaces.open_channel(
            self.client, code, bot_user_id=self._user_id, is_free=is_free
        )

    async def find_spaces(self, code: str) -> list[Space]:
        base = spaces.channel_name(code)
        found = await spaces.own_channels(self.client, base, bot_user_id=await self._user_id())
        return [Space(ref, name) for name, ref in found.items()]

    async def abandon_space(self, space: str) -> None:
        await self._archive(space)

    async def add_people(self, space: str, people: Sequence[str]) -> InviteOutcome:
        failed: dict[str, str] = {}
        for start in range(0, len(people), INVITE_BATCH):
            batch = list(people[start : start + INVITE_BATCH])
            try:
                await self.client.conversations_invite(channel=space, users=batch, force=True)
            except SlackApiError as error:
                failed.update(_per_user_failures(error, batch))
        return InviteOutcome(failed=failed)

    async def remove_person(self, space: str, person: str) -> None:
        try:
            await self.client.conversations_kick(channel=space, user=person)
        except SlackApiError as error:
            raise translate(error, removing=True) from None

    async def post(self, space: str, message: Message) -> str:
        return await self._post(self.client, space, message, None)

    async def post_once(
        self, space: str, message: Message, *, key: PostKey, since: datetime | None = None
    ) -> Posted:
        if since is not None and (
            found := await once.find_post(self.client, space, key, since=since)
        ):
            return Posted(found, earlier=True)
        for _attempt in range(2):
            sent_at = datetime.now(UTC)
            try:
                ts = await self._post(self.posts_once, space, message, once.metadata(key))
                return Posted(ts)
            except aiohttp.ClientConnectionError:  # posted or not: the metadata tells
                earlier = sent_at - CLOCK_SKEW
                if found := await once.find_post(self.client, space, key, since=earlier):
                    return Posted(found)
        raise PlatformError("connection_lost")

    async def _post(
        self,
        client: AsyncWebClient,
        channel_id: str,
        message: Message,
        metadata: dict[str, Any] | None,
    ) -> str:
        try:
            response = await client.chat_postMessage(
                channel=channel_id,
                text=fallback_text(message),
                blocks=render_blocks(message),
                metadata=metadata,
            )
        except SlackApiError as error:
            raise translate(error) from None
        return str(response["ts"])

    async def update_message(self, space: str, message_ref: str, message: Message) -> None:
        try:
            await self.client.chat_update(
                channel=space,
                ts=message_ref,
                text=fallback_text(message),
                blocks=render_blocks(message),
            )
        except SlackApiError as error:
            raise translate(error) from None

    async def display_names(self, people: Sequence[str]) -> dict[str, str]:
        names: dict[str, str] = {}
        for user_id in dict.fromkeys(people):
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

    async def deactivated_users(self, people: Sequence[str]) -> frozenset[str]:
        deactivated = set()
        for user_id in dict.fromkeys(people):
            try:
                user = (await self.client.users_info(user=user_id))["user"]
            except SlackApiError as error:
                if error_code(error) == "user_not_found":
                    continue
                raise translate(error) from None
            if user.get("deleted") is True:
                deactivated.add(user_id)
        return frozenset(deactivated)

    async def send_direct(self, person: str, message: Message) -> None:
        try:
            opened = await self.client.conversations_open(users=[person])
        except SlackApiError as error:
            raise translate(error) from None
        await self.post(str(opened["channel"]["id"]), message)

    async def usergroup_members(self, usergroup_id: str) -> frozenset[str]:
        try:
            response = await self.client.usergroups_users_list(usergroup=usergroup_id)
        except SlackApiError as error:
            raise translate(error) from None
        return frozenset(str(u) for u in response.get("users") or [])

    async def send_file(self, person: str, *, filename: str, content: str, title: str) -> None:
        try:
            opened = await self.client.conversations_open(users=[person])
            await self.client.files_upload_v2(
                channel=str(opened["channel"]["id"]),
                filename=filename,
                content=content,
                title=title,
            )
        except SlackApiError as error:
            raise translate(error) from None

    async def space_members(self, space: str) -> frozenset[str]:
        return await channel_members(self.client, space)

    async def send_image(self, person: str, *, filename: str, png: bytes, alt_text: str) -> None:
        """Uploaded into the person's direct message with the bot, its text for screen
        readers as the file's `alt_txt`."""
        try:
            opened = await self.client.conversations_open(users=[person])
            await self.client.files_upload_v2(
                channel=str(opened["channel"]["id"]),
                filename=filename,
                content=png,
                title=filename,
                alt_txt=alt_text,
            )
        except SlackApiError as error:
            raise translate(error) from None

    async def close_space(self, space: str, *, farewell: Message, key: PostKey) -> ClosedSpace:
        """Slack removes a bot from a channel it archives, after which the bot can delete
        nothing there: the clearing comes first, the archiving last."""
        deleted, undeletable, kept = await self._clear(space, keep=once.event_type(key.kind))
        if not kept:  # a farewell posted by an earlier try stays, and is not repeated
            await self.post_once(space, farewell, key=key)
        await self._archive(space)
        return ClosedSpace(deleted=deleted, undeletable=undeletable, farewell_earlier=bool(kept))

    async def _clear(self, channel_id: str, *, keep: str) -> tuple[int, int, tuple[str, ...]]:
        """Delete every message this app posted in the channel, found through its history
        (so also posts whose answers were lost), except those whose metadata event type is
        `keep`: (deleted, undeletable, the ts of those kept)."""
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
            raise translate(error) from None
        return deleted, undeletable, kept

    async def _archive(self, channel_id: str) -> None:
        try:
            await self.client.conversations_archive(channel=channel_id)
        except SlackApiError as error:
            if error_code(error) in ("already_archived", "is_archived"):
                return
            raise translate(error) from None


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
    code = error_code(error)
    if code in _ALREADY_THERE:
        return {}
    if (
        code in ("user_not_found", "cant_invite", "user_is_restricted", "no_user")
        and len(batch) == 1
    ):
        return {batch[0]: code}
    raise translate(error) from None
