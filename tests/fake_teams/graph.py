"""The fake Microsoft Graph (`/v1.0/...`): chats, chat members, app installation, users and
groups, with the permission checks of an app-only token's `roles` and of the resource-specific
(RSC) permissions consented in a chat when the app was installed there."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from tests.fake_teams.events import BotSender, TeamsEvents
from tests.fake_teams.faults import Faults
from tests.fake_teams.graph_apps import INSTALLING, AppInstalls, InstallEvents
from tests.fake_teams.graph_base import ROLES, Refused, graph_error, json_body
from tests.fake_teams.graph_directory import Directory
from tests.fake_teams.odata import BadQuery, equals_filter, page
from tests.fake_teams.state import GROUP_CHAT, Tenant
from tests.fake_teams.tokens import GRAPH_AUDIENCE, TokenIssuer

MEMBER_TYPE = "#microsoft.graph.aadUserConversationMember"
MAX_TOPIC, MAX_MEMBERS_PER_CALL, MAX_MEMBERS = 250, 200, 250
_USER_BIND = re.compile(r"https://graph\.microsoft\.com/v1\.0/users\('?([^')]+)'?\)")
_READING_CHATS = ("Chat.ReadBasic.All", "Chat.Read.All", "Chat.ReadWrite.All")
# Each operation and the permissions any one of which allows it: application permissions (in
# the token's `roles`) and, for a chat's own routes, RSC permissions (`….Chat`) held there.
PERMISSIONS: dict[str, tuple[str, ...]] = {
    "create_chat": ("Chat.Create", "Chat.ReadWrite.All"),
    "get_chat": (*_READING_CHATS, "ChatSettings.Read.Chat", "ChatSettings.ReadWrite.Chat"),
    "update_chat": ("ChatSettings.ReadWrite.Chat", "Chat.ReadWrite.All"),
    "list_chats": _READING_CHATS,
    "list_members": ("ChatMember.Read.All", "ChatMember.ReadWrite.All"),
    "add_member": ("ChatMember.ReadWrite.All",),
    "remove_member": ("ChatMember.ReadWrite.All",),
    "install_app": INSTALLING,
    "list_apps": (
        "TeamsAppInstallation.ReadSelfForChat.All",
        "TeamsAppInstallation.ReadForChat.All",
        *INSTALLING,
    ),
    "uninstall_app": INSTALLING,
    "user": ("User.ReadBasic.All", "User.Read.All"),
    "transitive_members": ("GroupMember.Read.All", "Group.Read.All"),
}
CHAT_PAGE, CHAT_PAGE_MAX = 20, 50
__all__ = ["FakeGraph", "InstallEvents", "Refused", "graph_error"]


class FakeGraph(AppInstalls, Directory):
    """The Graph routes: chats and their members here, app installations (and the events
    they send the bot, see AppInstalls) and the directory beside."""

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
                except BadQuery as bad:
                    return graph_error(400, "BadRequest", str(bad))

            return self.faults.wrap(f"graph.{name}", guarded, graph_error)

        chat, transitive = "/v1.0/chats/{chat}", "/v1.0/groups/{group}/transitiveMembers"
        return [
            web.post("/v1.0/chats", served("create_chat", self._create_chat)),
            web.get(chat, served("get_chat", self._get_chat)),
            web.patch(chat, served("update_chat", self._update_chat)),
            web.get("/v1.0/users/{user}/chats", served("list_chats", self._list_chats)),
            web.get(f"{chat}/members", served("list_members", self._list_members)),
            web.post(f"{chat}/members", served("add_member", self._add_member)),
            web.delete(
                f"{chat}/members/{{membership}}", served("remove_member", self._remove_member)
            ),
            web.post(f"{chat}/installedApps", served("install_app", self._install_app)),
            web.get(f"{chat}/installedApps", served("list_apps", self._list_apps)),
            web.delete(
                f"{chat}/installedApps/{{installation}}",
                served("uninstall_app", self._uninstall_app),
            ),
            web.get("/v1.0/users/{user}", served("user", self._user)),
            web.get(transitive, served("transitive_members", self._transitive)),
            web.get(
                f"{transitive}/microsoft.graph.user",
                served("transitive_members", self._transitive_users),
            ),
        ]

    def _authorize(self, request: web.Request, operation: str) -> None:
        claims = self.issuer.verify(request.headers.get("Authorization"), audience=GRAPH_AUDIENCE)
        if claims is None:
            raise Refused(401, "InvalidAuthenticationToken", "Access token validation failure.")
        allowed, roles = PERMISSIONS[operation], claims.get("roles", [])
        request[ROLES] = frozenset(roles)
        chat = self.tenant.conversations.get(request.match_info.get("chat", ""))
        granted = set(roles) | (chat.rsc_grants if chat is not None else set())
        if not set(allowed) & granted:
            message = (
                f"Missing role permissions on the request. API requires one of "
                f"'{', '.join(allowed)}'. Roles on the request '{', '.join(roles)}'."
            )
            raise Refused(403, "Forbidden", message)

    # --- chats -------------------------------------------------------------------------------

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
        body = await json_body(request)
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
        return web.json_response(self._chat_json(conversation), status=201)

    async def _get_chat(self, request: web.Request) -> web.Response:
        return web.json_response(self._chat_json(self._chat(request)))

    async def _update_chat(self, request: web.Request) -> web.Response:
        """PATCH a group chat's topic: at most 250 characters, no ':'."""
        chat, topic = self._chat(request), (await json_body(request)).get("topic")
        if chat.conversation_type != GROUP_CHAT:
            raise Refused(400, "BadRequest", "Only a group chat has a topic.")
        if not isinstance(topic, str) or len(topic) > MAX_TOPIC or ":" in topic:
            raise Refused(400, "BadRequest", f"A topic has at most {MAX_TOPIC} characters, no ':'.")
        chat.topic = topic
        return web.json_response(self._chat_json(chat))

    async def _list_chats(self, request: web.Request) -> web.Response:
        """A user's chats (not channels), filtered by `topic eq '…'`, paged."""
        user_id = request.match_info["user"]
        if user_id not in self.tenant.users:
            raise Refused(404, "NotFound", f"User {user_id} not found.")
        wanted = equals_filter(request, ("topic",))
        chats = [
            self._chat_json(chat)
            for chat in self.tenant.conversations.values()
            if chat.conversation_type != "channel"
            and user_id in chat.members
            and (wanted is None or chat.topic == wanted[1])
        ]
        return web.json_response(page(request, chats, default=CHAT_PAGE, maximum=CHAT_PAGE_MAX))

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
        user_id, roles = self._member_ref(await json_body(request))
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
