"""The fake Microsoft Graph (`/v1.0/...`): chats, chat members, app installation, users and
groups, with the permission checks of an app-only token's `roles`."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any, Literal

from aiohttp import web

from tests.fake_teams.events import BotSender, TeamsEvents
from tests.fake_teams.faults import Faults
from tests.fake_teams.state import GROUP_CHAT, Conversation, Tenant
from tests.fake_teams.tokens import GRAPH_AUDIENCE, TokenIssuer

MEMBER_TYPE = "#microsoft.graph.aadUserConversationMember"
MAX_TOPIC, MAX_MEMBERS_PER_CALL, MAX_MEMBERS = 250, 200, 250
_USER_BIND = re.compile(r"https://graph\.microsoft\.com/v1\.0/users\('?([^')]+)'?\)")
_APP_BIND = re.compile(r"https://graph\.microsoft\.com/v1\.0/appCatalogs/teamsApps/(.+)")
# Each operation and the application permissions any one of which allows it.
PERMISSIONS: dict[str, tuple[str, ...]] = {
    "create_chat": ("Chat.Create", "Chat.ReadWrite.All"),
    "list_members": ("ChatMember.Read.All", "ChatMember.ReadWrite.All"),
    "add_member": ("ChatMember.ReadWrite.All",),
    "remove_member": ("ChatMember.ReadWrite.All",),
    "install_app": (
        "TeamsAppInstallation.ReadWriteSelfForChat.All",
        "TeamsAppInstallation.ReadWriteForChat.All",
    ),
    "user": ("User.ReadBasic.All", "User.Read.All"),
    "transitive_members": ("GroupMember.Read.All", "Group.Read.All"),
}
InstallEvents = Literal["inline", "deferred", "never"]


def graph_error(
    status: int, code: str, message: str, *, headers: dict[str, str] | None = None
) -> web.Response:
    """An answer in Graph's error shape."""
    return web.json_response(
        {"error": {"code": code, "message": message}}, status=status, headers=headers
    )


async def _body(request: web.Request) -> dict[str, Any]:
    """The request's JSON object; anything else is Graph's 400."""
    try:
        body = await request.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise Refused(400, "BadRequest", "The body must be a JSON object.")
    return body


class Refused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.response = graph_error(status, code, message)


class FakeGraph:
    """The Graph routes. A successful app install sends the bot `installationUpdate` and
    `conversationUpdate`: before the answer (`install_events="inline"`), when a test awaits
    `deliver_install_events()` ("deferred"), or not at all ("never")."""

    def __init__(
        self,
        tenant: Tenant,
        issuer: TokenIssuer,
        faults: Faults,
        events: TeamsEvents,
        sender: BotSender,
    ) -> None:
        self.tenant, self.issuer, self.faults = tenant, issuer, faults
        self.events, self.sender = events, sender
        self.install_events: InstallEvents = "inline"
        self.pending_events: list[dict[str, Any]] = []
        self.event_statuses: list[int] = []  # the bot's HTTP answers to the install events

    def routes(self) -> list[web.RouteDef]:
        def served(name: str, handler: Callable[[web.Request], Awaitable[web.Response]]) -> Any:
            async def guarded(request: web.Request) -> web.Response:
                try:
                    self._authorize(request, name)
                    return await handler(request)
                except Refused as refused:
                    return refused.response

            return self.faults.wrap(f"graph.{name}", guarded, graph_error)

        chat = "/v1.0/chats/{chat}"
        return [
            web.post("/v1.0/chats", served("create_chat", self._create_chat)),
            web.get(f"{chat}/members", served("list_members", self._list_members)),
            web.post(f"{chat}/members", served("add_member", self._add_member)),
            web.delete(
                f"{chat}/members/{{membership}}", served("remove_member", self._remove_member)
            ),
            web.post(f"{chat}/installedApps", served("install_app", self._install_app)),
            web.get("/v1.0/users/{user}", served("user", self._user)),
            web.get(
                "/v1.0/groups/{group}/transitiveMembers",
                served("transitive_members", self._transitive),
            ),
        ]

    def _authorize(self, request: web.Request, operation: str) -> None:
        claims = self.issuer.verify(request.headers.get("Authorization"), audience=GRAPH_AUDIENCE)
        if claims is None:
            raise Refused(401, "InvalidAuthenticationToken", "Access token validation failure.")
        allowed, roles = PERMISSIONS[operation], claims.get("roles", [])
        if not set(allowed) & set(roles):
            message = (
                f"Missing role permissions on the request. API requires one of "
                f"'{', '.join(allowed)}'. Roles on the request '{', '.join(roles)}'."
            )
            raise Refused(403, "Forbidden", message)

    # --- chats -------------------------------------------------------------------------------

    def _chat(self, request: web.Request) -> Conversation:
        found = self.tenant.conversations.get(request.match_info["chat"])
        if found is None or found.conversation_type == "channel":
            raise Refused(404, "NotFound", "Chat not found.")
        return found

    def _member_ref(self, member: Any) -> tuple[str, list[str]]:
        """The user id and roles of an aadUserConversationMember; unknown users → 404."""
        if not isinstance(member, dict) or member.get("@odata.type") != MEMBER_TYPE:
            raise Refused(400, "BadRequest", f"A member must be of type {MEMBER_TYPE}.")
        bound = _USER_BIND.fullmatch(str(member.get("user@odata.bind", "")))
        if bound is None:
            raise Refused(400, "BadRequest", "A member needs user@odata.bind.")
        roles = member.get("roles", [])
        if not isinstance(roles, list) or not set(roles) <= {"owner", "guest"}:
            raise Refused(400, "BadRequest", "A member's roles are owner or guest.")
        if bound[1] not in self.tenant.users:
            raise Refused(404, "NotFound", f"User {bound[1]} not found.")
        return bound[1], roles

    async def _create_chat(self, request: web.Request) -> web.Response:
        body = await _body(request)
        kind, topic, members = body.get("chatType"), body.get("topic"), body.get("members", [])
        if kind not in ("group", "oneOnOne"):
            raise Refused(400, "BadRequest", "chatType is group or oneOnOne.")
        if not isinstance(members, list) or len(members) > MAX_MEMBERS_PER_CALL:
            raise Refused(400, "BadRequest", f"At most {MAX_MEMBERS_PER_CALL} members per request.")
        refs = [self._member_ref(member) for member in members]
        if kind == "group" and len(refs) < 3:
            raise Refused(400, "BadRequest", "A group chat needs at least three members.")
        if kind == "oneOnOne" and len(refs) != 2:
            raise Refused(400, "BadRequest", "A one-on-one chat has exactly two members.")
        if not any("owner" in roles for _, roles in refs):
            raise Refused(400, "BadRequest", "A chat needs an owner.")
        if topic is not None and (kind != "group" or len(str(topic)) > MAX_TOPIC):
            raise Refused(
                400, "BadRequest", f"A topic is for group chats, at most {MAX_TOPIC} characters."
            )
        chat_id = f"19:{self.tenant.next_id('chat')}@thread.v2"
        conversation = self.tenant.add_conversation(
            chat_id,
            conversation_type=GROUP_CHAT if kind == "group" else "personal",
            members=[],
            bot_in_roster=False,
            topic=topic,
        )
        for user_id, roles in refs:
            self.tenant.add_member(conversation, user_id, roles)
        return web.json_response({"id": chat_id, "chatType": kind, "topic": topic}, status=201)

    async def _list_members(self, request: web.Request) -> web.Response:
        chat = self._chat(request)
        value = [
            {
                "@odata.type": MEMBER_TYPE,
                "id": member.membership_id,
                "userId": member.user_id,
                "displayName": self.tenant.users[member.user_id].display_name,
                "roles": member.roles,
                "tenantId": self.tenant.id,
            }
            for member in chat.members.values()
        ]
        return web.json_response({"value": value})

    async def _add_member(self, request: web.Request) -> web.Response:
        chat = self._chat(request)
        if chat.conversation_type != GROUP_CHAT:
            raise Refused(403, "Forbidden", "RosterAddMemberBlocked: not a group chat.")
        user_id, roles = self._member_ref(await _body(request))
        if user_id in chat.members:
            raise Refused(409, "Conflict", "The user is already a member.")
        if len(chat.members) >= MAX_MEMBERS:
            raise Refused(403, "Forbidden", f"A chat has at most {MAX_MEMBERS} members.")
        member = self.tenant.add_member(chat, user_id, roles)
        return web.json_response(
            {"id": member.membership_id, "userId": user_id, "roles": roles}, status=201
        )

    async def _remove_member(self, request: web.Request) -> web.Response:
        chat = self._chat(request)
        wanted = request.match_info["membership"]
        for user_id, member in chat.members.items():
            if member.membership_id == wanted:
                del chat.members[user_id]
                return web.Response(status=204)
        raise Refused(404, "NotFound", "Membership not found.")

    # --- apps --------------------------------------------------------------------------------

    async def _install_app(self, request: web.Request) -> web.Response:
        chat = self._chat(request)
        bound = _APP_BIND.fullmatch(str((await _body(request)).get("teamsApp@odata.bind", "")))
        if bound is None:
            raise Refused(400, "BadRequest", "teamsApp@odata.bind is required.")
        if bound[1] != self.tenant.catalog_app_id:
            raise Refused(404, "NotFound", "The app is not in the tenant's catalog.")
        if bound[1] in chat.installed_apps:
            raise Refused(409, "Conflict", "The app is already installed in the chat.")
        chat.installed_apps.add(bound[1])
        chat.bot_in_roster = True
        self.pending_events += [
            self.events.installation_update(chat),
            self.events.conversation_update(chat, added=(self.events.bot_account(),)),
        ]
        if self.install_events == "inline":
            await self.deliver_install_events()
        elif self.install_events == "never":
            self.pending_events.clear()
        return web.Response(status=201)

    async def deliver_install_events(self) -> None:
        """Send the bot the install events not yet sent, signed, in order."""
        while self.pending_events:
            status, _ = await self.sender.send(self.pending_events.pop(0))
            self.event_statuses.append(status)

    # --- directory ---------------------------------------------------------------------------

    async def _user(self, request: web.Request) -> web.Response:
        user = self.tenant.users.get(request.match_info["user"])
        if user is None:
            raise Refused(404, "Request_ResourceNotFound", "Resource does not exist.")
        return web.json_response({"id": user.id, "displayName": user.display_name})

    async def _transitive(self, request: web.Request) -> web.Response:
        group = request.match_info["group"]
        if group not in self.tenant.groups:
            raise Refused(404, "Request_ResourceNotFound", "Resource does not exist.")
        value = [
            {
                "@odata.type": "#microsoft.graph.user",
                "id": user_id,
                "displayName": self.tenant.users[user_id].display_name,
            }
            for user_id in self.tenant.transitive_members(group)
        ]
        return web.json_response({"value": value})
