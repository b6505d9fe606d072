"""The fake Graph's app installations in chats: install (with RSC consent), list, uninstall,
and the events Teams then sends the bot."""

from __future__ import annotations

import base64
import re
from typing import Any, Literal

from aiohttp import web

from tests.fake_teams.events import BotSender, TeamsEvents
from tests.fake_teams.graph_base import ROLES, GraphParts, Refused, json_body
from tests.fake_teams.odata import equals_filter
from tests.fake_teams.state import Conversation

_APP_BIND = re.compile(r"https://graph\.microsoft\.com/v1\.0/appCatalogs/teamsApps/(.+)")
CONSENTING = (
    "TeamsAppInstallation.ReadWriteAndConsentSelfForChat.All",
    "TeamsAppInstallation.ReadWriteAndConsentForChat.All",
)
INSTALLING = (
    "TeamsAppInstallation.ReadWriteSelfForChat.All",
    "TeamsAppInstallation.ReadWriteForChat.All",
    *CONSENTING,
)
InstallEvents = Literal["inline", "deferred", "never"]


class AppInstalls(GraphParts):
    """A successful install (or uninstall) sends the bot `installationUpdate` and
    `conversationUpdate`: before the answer (`install_events="inline"`), when a test awaits
    `deliver_install_events()` ("deferred"), or not at all ("never")."""

    events: TeamsEvents
    sender: BotSender
    install_events: InstallEvents
    pending_events: list[dict[str, Any]]
    event_statuses: list[int]  # the bot's HTTP answers to the install events

    async def _install_app(self, request: web.Request) -> web.Response:
        """Install the app; a `consentedPermissionSet` (allowed only by a `…AndConsent…`
        permission) grants the app those RSC permissions in the chat."""
        chat, body = self._chat(request), await json_body(request)
        bound = _APP_BIND.fullmatch(str(body.get("teamsApp@odata.bind", "")))
        if bound is None:
            raise Refused(400, "BadRequest", "teamsApp@odata.bind is required.")
        consented = _consented(body.get("consentedPermissionSet"))
        if consented and not set(CONSENTING) & request[ROLES]:
            raise Refused(403, "Forbidden", f"Consenting needs one of '{', '.join(CONSENTING)}'.")
        if bound[1] != self.tenant.catalog_app_id:
            raise Refused(404, "NotFound", "The app is not in the tenant's catalog.")
        if bound[1] in chat.installed_apps:
            raise Refused(409, "Conflict", "The app is already installed in the chat.")
        chat.installed_apps.add(bound[1])
        chat.rsc_grants |= consented
        chat.bot_in_roster = True
        await self._tell_bot(
            self.events.installation_update(chat),
            self.events.conversation_update(chat, added=(self.events.bot_account(),)),
        )
        return web.Response(status=201)

    async def _list_apps(self, request: web.Request) -> web.Response:
        """The chat's installations, filtered by `teamsApp/id eq '…'`, with `$expand=teamsApp`."""
        chat, wanted = self._chat(request), equals_filter(request, ("teamsApp/id",))
        expand = request.query.get("$expand")
        if expand not in (None, "teamsApp"):
            raise Refused(400, "BadRequest", "Only teamsApp can be expanded.")
        value = []
        for catalog_id in sorted(chat.installed_apps):
            if wanted is not None and wanted[1] != catalog_id:
                continue
            entry: dict[str, Any] = {"id": _installation_id(chat, catalog_id)}
            if expand:
                entry["teamsApp"] = {"id": catalog_id, "distributionMethod": "organization"}
            value.append(entry)
        return web.json_response({"value": value})

    async def _uninstall_app(self, request: web.Request) -> web.Response:
        """Remove the app: its RSC grants in the chat go, the bot leaves and is told."""
        chat, wanted = self._chat(request), request.match_info["installation"]
        found = [c for c in chat.installed_apps if _installation_id(chat, c) == wanted]
        if not found:
            raise Refused(404, "NotFound", "The app installation was not found.")
        chat.installed_apps.discard(found[0])
        chat.rsc_grants.clear()
        chat.bot_in_roster = False
        await self._tell_bot(
            self.events.installation_update(chat, action="remove"),
            self.events.conversation_update(chat, removed=(self.events.bot_account(),)),
        )
        return web.Response(status=204)

    async def _tell_bot(self, *activities: dict[str, Any]) -> None:
        """Send the bot these events as `install_events` says."""
        self.pending_events += activities
        if self.install_events == "inline":
            await self.deliver_install_events()
        elif self.install_events == "never":
            self.pending_events.clear()

    async def deliver_install_events(self) -> None:
        """Send the bot the install events not yet sent, signed, in order."""
        while self.pending_events:
            status, _ = await self.sender.send(self.pending_events.pop(0))
            self.event_statuses.append(status)


def _installation_id(chat: Conversation, catalog_id: str) -> str:
    """Graph's installation ids are opaque; the fake's name the chat and the app."""
    return base64.urlsafe_b64encode(f"{chat.id}##{catalog_id}".encode()).decode()


def _consented(permission_set: Any) -> set[str]:
    """The RSC permissions of an install's `consentedPermissionSet`; a malformed one is 400."""
    if permission_set is None:
        return set()
    entries = permission_set.get("resourceSpecificPermissions")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("permissionValue"), str) for e in entries
    ):
        raise Refused(400, "BadRequest", "resourceSpecificPermissions is a list of permissions.")
    return {e["permissionValue"] for e in entries}
