"""The fake Graph's directory: users (basic or full profile by permission) and the transitive
members of groups."""

from __future__ import annotations

from aiohttp import web

from tests.fake_teams.graph_base import ROLES, GraphParts, Refused
from tests.fake_teams.odata import page, selected

# Who may read more of a user than the basic profile (e.g. accountEnabled).
FULL_PROFILE = ("User.Read.All", "User.ReadWrite.All", "Directory.Read.All")
BASIC_PROFILE = ("id", "displayName", "givenName", "surname", "mail", "userPrincipalName")
MEMBER_PAGE, MEMBER_PAGE_MAX = 100, 999


class Directory(GraphParts):
    async def _user(self, request: web.Request) -> web.Response:
        """A user's profile: `$select` chooses; beyond the basic profile (e.g. accountEnabled)
        only with a full-profile permission, and left out otherwise (our reading of Graph:
        verify in a tenant)."""
        user = self.tenant.users.get(request.match_info["user"])
        if user is None:
            raise Refused(404, "Request_ResourceNotFound", "Resource does not exist.")
        profile = {
            "id": user.id,
            "displayName": user.display_name,
            "accountEnabled": user.account_enabled,
        }
        wanted = selected(request) or {"id", "displayName"}
        readable = set(BASIC_PROFILE)
        if set(FULL_PROFILE) & request[ROLES]:
            readable |= set(profile)
        return web.json_response({k: v for k, v in profile.items() if k in wanted & readable})

    async def _transitive(self, request: web.Request) -> web.Response:
        value = [
            {
                "@odata.type": "#microsoft.graph.user",
                "id": user_id,
                "displayName": self.tenant.users[user_id].display_name,
            }
            for user_id in self._group_users(request)
        ]
        return web.json_response({"value": value})

    async def _transitive_users(self, request: web.Request) -> web.Response:
        """The users among a group's transitive members (an OData cast), paged."""
        value = [
            {"@odata.type": "#microsoft.graph.user", "id": user_id}
            for user_id in self._group_users(request)
        ]
        body = page(request, value, default=MEMBER_PAGE, maximum=MEMBER_PAGE_MAX)
        return web.json_response(body)

    def _group_users(self, request: web.Request) -> list[str]:
        group = request.match_info["group"]
        if group not in self.tenant.groups:
            raise Refused(404, "Request_ResourceNotFound", "Resource does not exist.")
        return self.tenant.transitive_members(group)
