"""The fake Bot Connector (`{serviceUrl}/v3/conversations/...`), as Teams enforces it."""

from __future__ import annotations

import base64
import json
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from tests.fake_teams.checks import activity_errors, drop_nulls
from tests.fake_teams.faults import Faults
from tests.fake_teams.state import Conversation, Tenant
from tests.fake_teams.tokens import CONNECTOR_AUDIENCE, TokenIssuer

MAX_ACTIVITY_BYTES = 28 * 1024  # Teams refuses larger messages (413)
MAX_PAGE_SIZE = 500  # the most members one page of `pagedmembers` holds
BASE = "/v3/conversations/{conversation}"
OPERATIONS = ("create", "send", "reply", "update", "delete", "members", "member", "pagedmembers")


def connector_error(
    status: int, code: str, message: str, *, headers: dict[str, str] | None = None
) -> web.Response:
    """An answer in the Bot Framework's ErrorResponse shape."""
    body = {"error": {"code": code, "message": message}}
    return web.json_response(body, status=status, headers=headers)


class Refused(Exception):
    """A request the connector answers with an error."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.response = connector_error(status, code, message)


class FakeConnector:
    """Serves the connector routes over a tenant; tests read `tenant.conversations[...]`."""

    def __init__(self, tenant: Tenant, issuer: TokenIssuer, faults: Faults) -> None:
        self.tenant, self.issuer, self.faults = tenant, issuer, faults

    def routes(self) -> list[web.RouteDef]:
        def served(name: str, handler: Callable[..., Awaitable[web.Response]]) -> Any:
            async def guarded(request: web.Request) -> web.Response:
                try:
                    return await handler(request, self._authorized(request))
                except Refused as refused:
                    return refused.response

            return self.faults.wrap(f"connector.{name}", guarded, connector_error)

        async def create(request: web.Request) -> web.Response:
            try:
                return await self._create(request)
            except Refused as refused:
                return refused.response

        return [
            web.post(
                "/v3/conversations", self.faults.wrap("connector.create", create, connector_error)
            ),
            web.post(f"{BASE}/activities", served("send", self._send)),
            web.post(f"{BASE}/activities/{{activity}}", served("reply", self._reply)),
            web.put(f"{BASE}/activities/{{activity}}", served("update", self._update)),
            web.delete(f"{BASE}/activities/{{activity}}", served("delete", self._delete)),
            web.get(f"{BASE}/members", served("members", self._members)),
            web.get(f"{BASE}/pagedmembers", served("pagedmembers", self._paged_members)),
            web.get(f"{BASE}/members/{{member}}", served("member", self._member)),
        ]

    # --- checks ------------------------------------------------------------------------------

    def _authenticate(self, request: web.Request) -> None:
        claims = self.issuer.verify(
            request.headers.get("Authorization"), audience=CONNECTOR_AUDIENCE
        )
        if claims is None or claims.get("appid") != self.tenant.app_id:
            raise Refused(401, "Unauthorized", "Authorization has been denied for this request.")

    def _authorized(self, request: web.Request) -> Conversation:
        """The conversation of a request from the bot, after auth and roster checks."""
        self._authenticate(request)
        conversation = self.tenant.conversations.get(request.match_info["conversation"])
        if conversation is None:
            raise Refused(404, "ConversationNotFound", "Conversation not found.")
        if not conversation.bot_in_roster:
            raise Refused(403, "BotNotInConversationRoster", "The bot is not part of the roster.")
        return conversation

    async def _activity(self, request: web.Request) -> dict[str, Any]:
        raw = await request.read()
        if len(raw) > MAX_ACTIVITY_BYTES:
            raise Refused(413, "RequestEntityTooLarge", "Message size too large.")
        try:
            body = json.loads(raw)
        except ValueError:
            raise Refused(400, "BadSyntax", "The body is not JSON.") from None
        errors = activity_errors(body, bot_id=self.tenant.bot_id)
        if errors:
            raise Refused(400, "BadArgument", "; ".join(errors))
        activity: dict[str, Any] = drop_nulls(body)
        return activity

    @staticmethod
    def _existing(conversation: Conversation, request: web.Request) -> dict[str, Any]:
        found = conversation.activities.get(request.match_info["activity"])
        if found is None:
            raise Refused(404, "ActivityNotFound", "The activity does not exist.")
        return found

    # --- operations --------------------------------------------------------------------------

    async def _create(self, request: web.Request) -> web.Response:
        """A 1:1 chat with a user who has the app installed (bots cannot start group chats)."""
        self._authenticate(request)
        try:
            body = await request.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise Refused(400, "BadSyntax", "The body is not a JSON object.")
        tenant = (body.get("channelData") or {}).get("tenant", {}).get("id") or body.get("tenantId")
        if tenant != self.tenant.id:
            raise Refused(400, "BadArgument", "The tenant id is missing or wrong.")
        members = body.get("members")
        if body.get("isGroup") or not isinstance(members, list) or len(members) != 1:
            raise Refused(400, "BadArgument", "A bot can start only a 1:1 conversation.")
        first = members[0] if isinstance(members[0], dict) else {}
        user_id = str(first.get("id", "")).removeprefix("29:")
        if user_id not in self.tenant.users:
            raise Refused(404, "NotFound", "The user was not found.")
        if user_id not in self.tenant.personal_installs:
            raise Refused(
                403, "Forbidden", "The bot is not installed in the user's personal scope."
            )
        conversation = self.tenant.personal_conversation(user_id)
        return web.json_response({"id": conversation.id}, status=201)

    async def _send(self, request: web.Request, conversation: Conversation) -> web.Response:
        return self._post(conversation, await self._activity(request))

    async def _reply(self, request: web.Request, conversation: Conversation) -> web.Response:
        """A reply; to an unknown id it is a new message, as the SDK's proactive sends
        (which reply to the fresh id of their continuation activity) need."""
        activity = await self._activity(request)
        activity.pop("replyToId", None)
        if request.match_info["activity"] in conversation.activities:
            activity["replyToId"] = request.match_info["activity"]
        return self._post(conversation, activity)

    def _post(self, conversation: Conversation, activity: dict[str, Any]) -> web.Response:
        activity["id"] = self.tenant.next_id("1700000000")
        conversation.activities[activity["id"]] = activity
        conversation.posted.append(activity)
        return web.json_response({"id": activity["id"]}, status=201)

    async def _update(self, request: web.Request, conversation: Conversation) -> web.Response:
        old = self._existing(conversation, request)
        if old.get("from", {}).get("id") != self.tenant.bot_id:
            raise Refused(403, "Forbidden", "The bot can update only its own messages.")
        activity = await self._activity(request)
        activity["id"] = old["id"]
        conversation.activities[old["id"]] = activity
        conversation.updated.append(activity)
        return web.json_response({"id": old["id"]})

    async def _delete(self, request: web.Request, conversation: Conversation) -> web.Response:
        old = self._existing(conversation, request)
        if old.get("from", {}).get("id") != self.tenant.bot_id:
            raise Refused(403, "Forbidden", "The bot can delete only its own messages.")
        del conversation.activities[old["id"]]
        conversation.deleted.append(old["id"])
        return web.Response(status=200)

    async def _members(self, _: web.Request, conversation: Conversation) -> web.Response:
        members = [self._account(user_id) for user_id in conversation.members]
        return web.json_response(members)

    async def _paged_members(
        self, request: web.Request, conversation: Conversation
    ) -> web.Response:
        """One page of the roster: `pageSize` (at most MAX_PAGE_SIZE) members from where the
        opaque `continuationToken` left off; the last page has no token."""
        size_text = request.query.get("pageSize", str(MAX_PAGE_SIZE))
        token = request.query.get("continuationToken")
        if not size_text.isdigit() or int(size_text) < 1:
            raise Refused(400, "BadArgument", "pageSize must be a positive number.")
        start = 0
        if token is not None:
            try:
                start = int(base64.b64decode(token, validate=True).decode().removeprefix("at:"))
            except ValueError:
                raise Refused(400, "BadArgument", "Invalid continuation token.") from None
        everyone = list(conversation.members)
        end = start + min(int(size_text), MAX_PAGE_SIZE)
        body: dict[str, Any] = {"members": [self._account(u) for u in everyone[start:end]]}
        if end < len(everyone):
            body["continuationToken"] = base64.b64encode(f"at:{end}".encode()).decode()
        return web.json_response(body)

    async def _member(self, request: web.Request, conversation: Conversation) -> web.Response:
        wanted = request.match_info["member"].removeprefix("29:")
        if wanted not in conversation.members:
            raise Refused(404, "MemberNotFoundInConversation", "The member was not found.")
        return web.json_response(self._account(wanted))

    def _account(self, user_id: str) -> dict[str, Any]:
        user = self.tenant.users[user_id]
        return {**user.account(), "tenantId": self.tenant.id, "userRole": "user"}
