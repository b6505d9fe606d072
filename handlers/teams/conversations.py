"""The bot's Teams conversations reached outside any turn (reminders, a team's posts, direct
messages): their references kept in Tiimi's database (storage/platform_records.py, not the
SDK's storage), posts made through the SDK's proactive calls (proactive_calls.py), and the
bot's posts in a team's space recorded, for posting once and for closing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import aiohttp
from microsoft_agents.activity import Activity
from microsoft_agents.hosting.core import ChannelServiceAdapter, TurnContext

from bot.clock import Clock, SystemClock
from bot.platform import PlatformError, Posted, PostKey, SpaceUnavailable
from handlers.teams.connector_failures import ConnectorRetry, Retries
from handlers.teams.proactive_calls import ProactiveCalls, Target
from storage import platform_record_queries as records
from storage.db import Database
from storage.platform_records import ConversationKind

_PERSONAL = "personal"  # Teams' conversationType of a 1:1 chat with the bot
Outgoing = Activity | Mapping[str, Any]  # an activity, or its JSON (Bot Framework names)


@dataclass(frozen=True)
class RecordedPost:
    activity_id: str
    key_kind: str | None  # the PostKey of a post made once
    key_id: str | None


@dataclass(frozen=True)
class Cleared:
    deleted: int  # the bot's recorded posts deleted
    undeletable: int  # refused by the connector (they stay recorded, for another try)


@dataclass(frozen=True)
class _Known:
    target: Target
    kind: ConversationKind


class Conversations:
    """`service_url` reaches a chat the bot has not heard from yet (a chat Graph just created)
    and opens 1:1 chats: proactive_calls.PUBLIC_SERVICE_URL in production (a chat's own one
    comes with its activities). Each call is retried by `retry` (default: ConnectorRetry).
    Failures: PlatformError with the connector's code; SpaceUnavailable when the bot is not
    in the chat (403) or the chat is gone (404); PersonUnreachable from personal()."""

    def __init__(
        self,
        *,
        database: Database,
        adapter: ChannelServiceAdapter,
        app_id: str,
        tenant_id: str,
        service_url: str,
        retry: Retries | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.database, self.service_url = database, service_url
        self.clock = clock or SystemClock()
        self.calls = ProactiveCalls(
            adapter=adapter, app_id=app_id, tenant_id=tenant_id, retry=retry or ConnectorRetry()
        )

    async def remember(self, context: TurnContext) -> None:
        """Store or refresh the reference of the conversation an inbound activity came from,
        with the claims of its turn (for a 1:1 chat, the person's Entra object id too)."""
        activity, target = context.activity, Target.from_turn(context)
        personal = activity.conversation.conversation_type == _PERSONAL
        sender = activity.from_property
        async with self.database.session() as session:
            await records.save_conversation(
                session,
                conversation_id=activity.conversation.id,
                kind=ConversationKind.PERSONAL if personal else ConversationKind.SPACE,
                user_id=sender.aad_object_id if personal and sender else None,
                service_url=activity.service_url,
                reference_json=target.reference_json(personal=personal),
                claims_json=target.claims_json(),
                at=self.clock.now(),
            )

    async def send(self, conversation_id: str, activity: Outgoing) -> str:
        """Post into the conversation; the new activity's id. A post into a team's space is
        recorded, so that closing deletes it."""
        known = await self._known(conversation_id)
        activity_id = await self.calls.send(known.target, _activity(activity))
        if known.kind == ConversationKind.SPACE:
            async with self.database.session() as session:
                await records.record_post(
                    session,
                    conversation_id=conversation_id,
                    activity_id=activity_id,
                    at=self.clock.now(),
                )
        return activity_id

    async def post_once(self, conversation_id: str, activity: Outgoing, key: PostKey) -> Posted:
        """Post unless a post with this key is recorded (then that one, `earlier=True`).

        Exactly once where the bot can know: a post recorded by an earlier or a concurrent
        try is never repeated (of two concurrent posts, the later recorded is deleted
        again). A post whose answer was lost was never recorded, and Teams cannot be asked
        for it without reading the chat through Graph: that case is at-least-once."""
        async with self.database.session() as session:
            earlier = await records.recorded_post(
                session, conversation_id=conversation_id, key_kind=key.kind, key_id=key.id
            )
        if earlier is not None:
            return Posted(earlier, earlier=True)
        target = (await self._known(conversation_id)).target
        activity_id = await self.calls.send(target, _activity(activity))
        at = self.clock.now()
        async with self.database.session() as session:
            recorded = await records.record_post(
                session,
                conversation_id=conversation_id,
                activity_id=activity_id,
                key_kind=key.kind,
                key_id=key.id,
                at=at,
            )
            if not recorded:  # a concurrent try was first; ours stays findable for closing
                await records.record_post(
                    session, conversation_id=conversation_id, activity_id=activity_id, at=at
                )
        if recorded:
            return Posted(activity_id)
        await self.delete(conversation_id, activity_id)
        return await self.post_once(conversation_id, activity, key)

    async def update(self, conversation_id: str, activity_id: str, activity: Outgoing) -> None:
        """Replace a message the bot posted (in place, for everyone)."""
        replacement = _activity(activity).model_copy(deep=True)
        replacement.id = activity_id

        async def update(context: TurnContext) -> None:
            await context.update_activity(replacement)

        await self.calls.run((await self._known(conversation_id)).target, update)

    async def delete(self, conversation_id: str, activity_id: str) -> None:
        """Delete a message the bot posted, and its record. A message already gone counts as
        deleted: the SDK keeps no body of a failed delete, so a 404 cannot tell a deleted
        message from a deleted chat."""

        async def delete(context: TurnContext) -> None:
            try:
                await context.delete_activity(activity_id)
            except aiohttp.ClientResponseError as error:
                if error.status != 404:
                    raise

        await self.calls.run((await self._known(conversation_id)).target, delete)
        async with self.database.session() as session:
            await records.forget_post(
                session, conversation_id=conversation_id, activity_id=activity_id
            )

    async def recorded_posts(self, conversation_id: str) -> list[RecordedPost]:
        """The bot's recorded posts in the conversation, oldest first."""
        async with self.database.session() as session:
            posts = await records.recorded_posts(session, conversation_id=conversation_id)
        return [RecordedPost(p.activity_id, p.key_kind, p.key_id) for p in posts]

    async def delete_recorded(
        self, conversation_id: str, *, keep: PostKey | None = None
    ) -> Cleared:
        """Delete the bot's recorded posts in the conversation but the one recorded under
        `keep` (a farewell posted by an earlier try). SpaceUnavailable stops it; a post the
        connector refuses otherwise stays recorded while the rest go. Safe to repeat."""
        kept = (keep.kind, keep.id) if keep else None
        deleted = undeletable = 0
        for post in await self.recorded_posts(conversation_id):
            if (post.key_kind, post.key_id) == kept:
                continue
            try:
                await self.delete(conversation_id, post.activity_id)
            except SpaceUnavailable:
                raise
            except PlatformError:  # logged by the call
                undeletable += 1
            else:
                deleted += 1
        return Cleared(deleted, undeletable)

    async def personal(self, user_id: str) -> str:
        """The id of the person's 1:1 chat with the bot (`user_id`: the Entra object id): the
        stored one, or one opened through the connector and stored. PersonUnreachable when
        Teams refuses (the person does not have the app, or is unknown)."""
        async with self.database.session() as session:
            stored = await records.personal_conversation(session, user_id=user_id)
        if stored is not None:
            return stored.conversation_id
        target = await self.calls.create_personal(user_id, self.service_url)
        conversation_id = str(target.reference.conversation.id)
        async with self.database.session() as session:
            await records.save_conversation(
                session,
                conversation_id=conversation_id,
                kind=ConversationKind.PERSONAL,
                user_id=user_id,
                service_url=target.reference.service_url,
                reference_json=target.reference_json(personal=True),
                claims_json=target.claims_json(),
                at=self.clock.now(),
            )
        return conversation_id

    async def service_url_of(self, conversation_id: str) -> str:
        """The service URL the conversation's activities came from (the default for one not
        heard from)."""
        async with self.database.session() as session:
            stored = await records.conversation(session, conversation_id=conversation_id)
        return stored.service_url if stored is not None else self.service_url

    async def forget(self, conversation_id: str) -> None:
        """Drop the conversation's reference and recorded posts (the bot was removed)."""
        async with self.database.session() as session:
            await records.forget_conversation(session, conversation_id=conversation_id)

    async def _known(self, conversation_id: str) -> _Known:
        """The stored reference, or one at the default service URL for a chat not heard from
        (taken to be a team's space)."""
        async with self.database.session() as session:
            stored = await records.conversation(session, conversation_id=conversation_id)
        if stored is None:
            target = self.calls.unheard_target(conversation_id, self.service_url)
            return _Known(target, ConversationKind.SPACE)
        target = Target.from_json(stored.reference_json, stored.claims_json)
        return _Known(target, ConversationKind(stored.kind))


def _activity(activity: Outgoing) -> Activity:
    return activity if isinstance(activity, Activity) else Activity.model_validate(activity)
