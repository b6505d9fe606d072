"""Microsoft Graph for the Teams adapter, over aiohttp: group chats (create, read, find by
topic, rename), their members, the app's installation in them, and the directory (names,
disabled accounts, a group's members). Only what Tiimi uses; results as small dataclasses.

An error answer raises GraphError with Graph's `error.code` (never its message, which may hold
names), a 403 its subclass Forbidden naming the permission the call needs (graph_http). No
answer after the retries raises NoAnswer; create_group_chat, which is never sent twice, raises
AnswerLost when its answer was lost (see http_retry).

Application permissions (app-only token): Chat.Create; TeamsAppInstallation.ReadWriteSelfForChat.All
(…AndConsent… to consent RSC permissions at install); ChatMember.ReadWrite.All;
Chat.ReadBasic.All; ChatSettings.ReadWrite.Chat (RSC) or Chat.ReadWrite.All to rename;
User.ReadBasic.All; User.Read.All for accountEnabled; GroupMember.Read.All.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import aiohttp

from handlers.teams.graph_http import Forbidden, GraphError, GraphHttp, Token
from handlers.teams.http_retry import RetryPolicy

__all__ = ["Chat", "ChatMember", "Forbidden", "GraphClient", "GraphError"]
DEFAULT_BASE_URL = "https://graph.microsoft.com/v1.0"
BIND_BASE = "https://graph.microsoft.com/v1.0"  # Graph's @odata.bind URLs name its own host
MEMBER_TYPE = "#microsoft.graph.aadUserConversationMember"
# Every member of a case chat is an "owner": Graph's role for a user of the tenant in a group
# chat ("guest" is for guest accounts). A group chat has no other ranks among its members.
MEMBER_ROLES = ("owner",)
INSTALLING = "TeamsAppInstallation.ReadWriteSelfForChat.All"
CONSENTING = "TeamsAppInstallation.ReadWriteAndConsentSelfForChat.All"


@dataclass(frozen=True)
class Chat:
    id: str
    topic: str | None
    chat_type: str  # "group", "oneOnOne" or "meeting"
    web_url: str | None = None

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Chat:
        return cls(
            id=str(data["id"]),
            topic=data.get("topic"),
            chat_type=str(data.get("chatType", "")),
            web_url=data.get("webUrl"),
        )


@dataclass(frozen=True)
class ChatMember:
    membership_id: str  # opaque: the id of the membership, for removing it
    user_id: str  # the Entra object id
    roles: tuple[str, ...] = ()


class GraphClient:
    def __init__(
        self,
        session: aiohttp.ClientSession,
        *,
        token: Token,
        base_url: str = DEFAULT_BASE_URL,
        retry: RetryPolicy | None = None,
        timeout: float = 30.0,
    ) -> None:
        """`token` gives a current app-only token for Graph (the SDK's MSAL connection:
        `get_access_token("https://graph.microsoft.com", ["https://graph.microsoft.com/.default"])`)."""
        self._http = GraphHttp(
            session, token=token, base_url=base_url, retry=retry or RetryPolicy(), timeout=timeout
        )

    # --- chats ---------------------------------------------------------------------------

    async def create_group_chat(self, topic: str, members: Sequence[str]) -> Chat:
        """A group chat of these users (Entra object ids; Graph wants 3 to 200), every one an
        owner (MEMBER_ROLES). An app-only creator is no member: it names them all. Sent once:
        raises AnswerLost when the chat may exist although no answer came."""
        body = {"chatType": "group", "topic": topic, "members": [_member(u) for u in members]}
        data = await self._http.call(
            "POST", "/chats", needs="Chat.Create", body=body, repeatable=False
        )
        return Chat.from_json(data)

    async def get_chat(self, chat_id: str) -> Chat:
        data = await self._http.call(
            "GET", "/chats/{chat}", needs="Chat.ReadBasic.All", ids={"chat": chat_id}
        )
        return Chat.from_json(data)

    async def rename_chat(self, chat_id: str, topic: str) -> None:
        """Set a group chat's topic (at most 250 characters, no ':')."""
        await self._http.call(
            "PATCH",
            "/chats/{chat}",
            needs="ChatSettings.ReadWrite.Chat",
            ids={"chat": chat_id},
            body={"topic": topic},
        )

    async def chats_with_topic(self, topic: str, *, member: str) -> list[Chat]:
        """The group chats of `member` whose topic is exactly `topic` (e.g. a chat whose
        creation answer was lost)."""
        found = await self._http.all(
            "/users/{user}/chats",
            needs="Chat.ReadBasic.All",
            ids={"user": member},
            query={"$filter": f"topic eq {_literal(topic)}"},
        )
        chats = [Chat.from_json(item) for item in found]
        return [chat for chat in chats if chat.chat_type == "group" and chat.topic == topic]

    # --- the app in chats ----------------------------------------------------------------

    async def install_app(
        self, chat_id: str, catalog_app_id: str, *, consent: Sequence[str] = ()
    ) -> bool:
        """Install the app (its id in the tenant's app catalog, not the manifest id), granting
        it the RSC permissions in `consent` (which the manifest must declare); False when it
        was installed already (409: also a retry of an install whose answer was lost)."""
        body: dict[str, Any] = {
            "teamsApp@odata.bind": f"{BIND_BASE}/appCatalogs/teamsApps/{catalog_app_id}"
        }
        if consent:
            body["consentedPermissionSet"] = {
                "resourceSpecificPermissions": [
                    {"permissionValue": p, "permissionType": "Application"} for p in consent
                ]
            }
        needs = CONSENTING if consent else INSTALLING
        try:
            await self._http.call(
                "POST", "/chats/{chat}/installedApps", needs=needs, ids={"chat": chat_id}, body=body
            )
        except GraphError as error:
            if error.status == 409:
                return False
            raise
        return True

    async def uninstall_app(self, chat_id: str, catalog_app_id: str) -> bool:
        """Remove the app from the chat (its RSC grants there go with it); False when it was
        not installed."""
        installations = await self._http.all(
            "/chats/{chat}/installedApps",
            needs=INSTALLING,
            ids={"chat": chat_id},
            query={"$expand": "teamsApp", "$filter": f"teamsApp/id eq {_literal(catalog_app_id)}"},
        )
        removed = False
        for installation in installations:
            if (installation.get("teamsApp") or {}).get("id") != catalog_app_id:
                continue
            try:
                await self._http.call(
                    "DELETE",
                    "/chats/{chat}/installedApps/{installation}",
                    needs=INSTALLING,
                    ids={"chat": chat_id, "installation": str(installation["id"])},
                )
                removed = True
            except GraphError as error:
                if error.status != 404:  # gone meanwhile: as good as removed
                    raise
        return removed

    # --- members -------------------------------------------------------------------------

    async def chat_members(self, chat_id: str) -> list[ChatMember]:
        found = await self._http.all(
            "/chats/{chat}/members", needs="ChatMember.Read.All", ids={"chat": chat_id}
        )
        return [
            ChatMember(str(m["id"]), str(m.get("userId", "")), tuple(m.get("roles") or ()))
            for m in found
        ]

    async def add_chat_member(self, chat_id: str, user_id: str) -> bool:
        """Add a user; False when they were a member already (409)."""
        try:
            await self._http.call(
                "POST",
                "/chats/{chat}/members",
                needs="ChatMember.ReadWrite.All",
                ids={"chat": chat_id},
                body=_member(user_id),
            )
        except GraphError as error:
            if error.status == 409:
                return False
            raise
        return True

    async def remove_chat_member(self, chat_id: str, user_id: str) -> bool:
        """Remove a user; False when they were not a member."""
        for member in await self.chat_members(chat_id):
            if member.user_id != user_id:
                continue
            try:
                await self._http.call(
                    "DELETE",
                    "/chats/{chat}/members/{membership}",
                    needs="ChatMember.ReadWrite.All",
                    ids={"chat": chat_id, "membership": member.membership_id},
                )
            except GraphError as error:
                if error.status == 404:  # removed meanwhile
                    return False
                raise
            return True
        return False

    # --- directory -----------------------------------------------------------------------

    async def display_names(self, user_ids: Sequence[str]) -> dict[str, str]:
        """Users' display names, one by one; an unknown user's is their id."""
        names: dict[str, str] = {}
        for user_id in dict.fromkeys(user_ids):
            user = await self._user(user_id, "displayName", needs="User.ReadBasic.All")
            names[user_id] = str((user or {}).get("displayName") or user_id)
        return names

    async def disabled_users(self, user_ids: Sequence[str]) -> frozenset[str]:
        """The users whose accounts are disabled (accountEnabled false) or deleted (unknown).
        Raises Forbidden when accountEnabled is not readable (it needs User.Read.All: with
        only User.ReadBasic.All Graph leaves it out)."""
        disabled = set()
        for user_id in dict.fromkeys(user_ids):
            user = await self._user(user_id, "accountEnabled", needs="User.Read.All")
            if user is None:
                disabled.add(user_id)
            elif "accountEnabled" not in user:
                raise Forbidden(403, "PropertyNotReturned", needs="User.Read.All")
            elif user["accountEnabled"] is False:
                disabled.add(user_id)
        return frozenset(disabled)

    async def group_members(self, group_id: str) -> frozenset[str]:
        """The users among an Entra group's transitive members (nested groups flattened)."""
        found = await self._http.all(
            "/groups/{group}/transitiveMembers/microsoft.graph.user",
            needs="GroupMember.Read.All",
            ids={"group": group_id},
            query={"$select": "id"},
        )
        return frozenset(str(user["id"]) for user in found)

    async def _user(self, user_id: str, field: str, *, needs: str) -> dict[str, Any] | None:
        """The user's id and `field`; None for an unknown user."""
        try:
            data: dict[str, Any] = await self._http.call(
                "GET",
                "/users/{user}",
                needs=needs,
                ids={"user": user_id},
                query={"$select": f"id,{field}"},
            )
        except GraphError as error:
            if error.status == 404:
                return None
            raise
        return data


def _member(user_id: str) -> dict[str, Any]:
    return {
        "@odata.type": MEMBER_TYPE,
        "roles": list(MEMBER_ROLES),
        "user@odata.bind": f"{BIND_BASE}/users('{user_id}')",
    }


def _literal(value: str) -> str:
    """An OData string literal: quoted, with quotes doubled."""
    return "'" + value.replace("'", "''") + "'"
