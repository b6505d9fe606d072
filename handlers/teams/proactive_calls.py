"""Calls into a Teams conversation outside any turn, through the Agents SDK's adapter
(`continue_conversation_with_claims`, `create_conversation`), retried by a policy, with the
connector's refusals as the core's typed failures."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import aiohttp
from microsoft_agents.activity import (
    Activity,
    ChannelAccount,
    ChannelId,
    Channels,
    ConversationAccount,
    ConversationParameters,
    ConversationReference,
)
from microsoft_agents.hosting.core import ChannelServiceAdapter, ClaimsIdentity, TurnContext
from microsoft_agents.hosting.core.app.proactive import Conversation

from bot.platform import PlatformError
from handlers.teams.connector_failures import Retries, connector_failure, error_code

PUBLIC_SERVICE_URL = "https://smba.trafficmanager.net/teams/"  # Teams' global connector
_UNREACHABLE_PERSON = frozenset({403, 404})  # no app installed for the user; no such user
T = TypeVar("T")
log = logging.getLogger(__name__)


class PersonUnreachable(PlatformError):
    """Teams would not open a 1:1 chat with the person (without the app, or unknown)."""


@dataclass(frozen=True)
class Target:
    """A conversation as the SDK continues it: its reference and the claims to act with."""

    reference: ConversationReference
    claims: dict[str, str]

    @classmethod
    def from_json(cls, reference_json: str, claims_json: str) -> Target:
        conversation = Conversation.from_json_to_store_item(
            {
                "conversation_reference": json.loads(reference_json),
                "claims": json.loads(claims_json),
            }
        )
        return cls(conversation.conversation_reference, conversation.claims)

    @classmethod
    def from_turn(cls, context: TurnContext) -> Target:
        """The conversation of an inbound turn, with the claims `Conversation` keeps."""
        conversation = Conversation.from_turn_context(context)
        return cls(conversation.conversation_reference, conversation.claims)

    def reference_json(self, *, personal: bool = True) -> str:
        """The reference as JSON without the sender's name (not needed to post). A chat of
        several people's keeps no sender at all: the SDK would put the last sender's id into
        every later post and update as its recipient, beside what the post shows (a
        Hukkapaja's card and the person who last pressed a button on it)."""
        reference: dict[str, Any] = self.reference.model_dump(
            mode="json", by_alias=True, exclude_none=True
        )
        if not personal:
            reference.pop("user", None)
        elif isinstance(reference.get("user"), dict):
            reference["user"].pop("name", None)
        return json.dumps(reference)

    def claims_json(self) -> str:
        return json.dumps(self.claims)


class ProactiveCalls:
    def __init__(
        self, *, adapter: ChannelServiceAdapter, app_id: str, tenant_id: str, retry: Retries
    ) -> None:
        self.adapter, self.app_id, self.tenant_id, self.retry = adapter, app_id, tenant_id, retry

    def unheard_target(self, conversation_id: str, service_url: str) -> Target:
        """A chat the bot has not heard from (Graph just created it): the bot's own claims."""
        reference = ConversationReference(
            channel_id=ChannelId(Channels.ms_teams),
            service_url=service_url,
            conversation=ConversationAccount(id=conversation_id, tenant_id=self.tenant_id),
            agent=self._bot(),
        )
        return Target(reference, self._claims())

    async def send(self, target: Target, activity: Activity) -> str:
        """Post the activity; the new activity's id."""

        async def send(context: TurnContext) -> str:
            return (await context.send_activity(activity)).id or ""

        activity_id = await self.run(target, send)
        if not activity_id:
            raise _logged("send", PlatformError("no_activity_id"))
        return activity_id

    async def run(self, target: Target, action: Callable[[TurnContext], Awaitable[T]]) -> T:
        """Run `action` in a proactive turn of the conversation, retried by the policy."""
        identity = Conversation.identity_from_claims(target.claims)

        async def attempt() -> T:
            done: list[T] = []
            failed: list[Exception] = []

            async def turn(context: TurnContext) -> None:
                try:
                    done.append(await action(context))
                except Exception as error:  # raised below: on_turn_error would post it
                    failed.append(error)

            await self.adapter.continue_conversation_with_claims(
                identity, target.reference.get_continuation_activity(), turn
            )
            if failed:
                raise failed[0]
            return done[0]

        return await self._retried(getattr(action, "__name__", "call"), attempt)

    async def create_personal(self, user_id: str, service_url: str) -> Target:
        """Open (or find: Teams answers the same id again) the 1:1 chat with the person, by
        the Entra object id. PersonUnreachable when Teams refuses."""
        identity = ClaimsIdentity(self._claims())
        parameters = ConversationParameters(
            is_group=False,
            bot=self._bot(),
            members=[ChannelAccount(id=user_id)],  # Teams takes the Entra object id as the id
            tenant_id=self.tenant_id,
            channel_data={"tenant": {"id": self.tenant_id}},
        )
        created: list[ConversationReference] = []

        async def keep_reference(context: TurnContext) -> None:
            created.append(context.activity.get_conversation_reference())

        async def create() -> None:
            await self.adapter.create_conversation(
                self.app_id,
                Channels.ms_teams,
                service_url,
                identity.get_token_audience(),
                parameters,
                keep_reference,
            )

        await self._retried("create", create, refused=_person_refusal)
        [reference] = created
        return Target(reference, self._claims())

    async def _retried(
        self,
        operation: str,
        call: Callable[[], Awaitable[T]],
        *,
        refused: Callable[[aiohttp.ClientResponseError], PlatformError] = connector_failure,
    ) -> T:
        try:
            return await self.retry.run(call)
        except aiohttp.ClientResponseError as error:
            raise _logged(operation, refused(error)) from None
        except (aiohttp.ClientError, TimeoutError):
            raise _logged(operation, PlatformError("connection_failed")) from None

    def _bot(self) -> ChannelAccount:
        return ChannelAccount(id=f"28:{self.app_id}")

    def _claims(self) -> dict[str, str]:
        """The bot's own claims, as the SDK's adapter makes them for a proactive call."""
        return Conversation.claims_from_identity(self.adapter.create_claims_identity(self.app_id))


def _person_refusal(error: aiohttp.ClientResponseError) -> PlatformError:
    if error.status in _UNREACHABLE_PERSON:
        return PersonUnreachable(error_code(error))
    return connector_failure(error)


def _logged(operation: str, failure: PlatformError) -> PlatformError:
    """Log the failure (its operation and code only, never content) and give it back."""
    log.warning("teams connector %s failed: %s", operation, failure.code)
    return failure
