"""The Teams adapter's settings, validated from the variables bot.config read.

The bot's Entra app registration is given in the Agents SDK's own variable names
(`CONNECTIONS__SERVICE_CONNECTION__SETTINGS__CLIENTID`, `…CLIENTSECRET`, `…TENANTID`,
`…AUTHTYPE`), which the SDK's `load_configuration_from_env` reads from the same mapping. There is
no setting that turns the inbound token check off.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from microsoft_agents.activity import load_configuration_from_env

from bot.config import ConfigError

SDK_PREFIX = "CONNECTIONS__SERVICE_CONNECTION__SETTINGS__"
PUBLIC_SERVICE_URL = "https://smba.trafficmanager.net/teams/"  # the SDK's PUBLIC_GLOBAL
DEFAULT_GRAPH_URL = "https://graph.microsoft.com/v1.0"
_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_AUTH_TYPES = {"clientsecret", "certificate", "certificatesubjectname", "usermanagedidentity"}
_AUTH_TYPES |= {"systemmanagedidentity", "federatedcredentials", "workloadidentity"}


@dataclass(frozen=True)
class TeamsSettings:
    client_id: str  # the bot's Entra app (client) id
    tenant_id: str
    catalog_app_id: str  # the app's id in the tenant's Teams app catalog (Graph installs by it)
    service_url: str = PUBLIC_SERVICE_URL  # for chats the bot has not heard from yet
    graph_url: str = DEFAULT_GRAPH_URL
    sdk_configuration: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def service_url_is_microsofts(self) -> bool:
        return self.service_url == PUBLIC_SERVICE_URL


def teams_settings(env: Mapping[str, str]) -> TeamsSettings:
    """Validate the Teams variables; one ConfigError names each bad one."""
    problems: list[str] = []

    def get(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    def guid(name: str, what: str) -> str:
        value = get(name)
        if value is None:
            problems.append(f"{name} is required ({what})")
        elif not _GUID.fullmatch(value):
            problems.append(f"{name} must be a GUID ({what})")
        return value or ""

    client_id = guid(SDK_PREFIX + "CLIENTID", "the bot's Entra app registration's client id")
    tenant_id = guid(SDK_PREFIX + "TENANTID", "the organisation's Entra tenant id")
    catalog = guid("TEAMS_CATALOG_APP_ID", "the Tiimi app's id in the Teams app catalog")
    auth_type = (get(SDK_PREFIX + "AUTHTYPE") or "ClientSecret").lower()
    if auth_type not in _AUTH_TYPES:
        problems.append(f"{SDK_PREFIX}AUTHTYPE is not an auth type the Agents SDK knows")
    elif auth_type == "clientsecret" and get(SDK_PREFIX + "CLIENTSECRET") is None:
        problems.append(f"{SDK_PREFIX}CLIENTSECRET is required with AUTHTYPE ClientSecret")
    service_url = _url(
        get("TEAMS_SERVICE_URL") or PUBLIC_SERVICE_URL, "TEAMS_SERVICE_URL", problems
    )
    graph_url = _url(get("GRAPH_BASE_URL") or DEFAULT_GRAPH_URL, "GRAPH_BASE_URL", problems)
    for name, what in (("COORDINATORS", "Entra object ids"), ("COORDINATOR_USERGROUP", "")):
        ids = [u.strip() for u in (get(name) or "").split(",") if u.strip()]
        if any(not _GUID.fullmatch(u) for u in ids):
            kind = what or "an Entra group's object id"
            problems.append(f"{name} must be {kind} (GUIDs) on Teams")
    if problems:
        raise ConfigError(problems)
    return TeamsSettings(
        client_id=client_id.lower(),
        tenant_id=tenant_id.lower(),
        catalog_app_id=catalog.lower(),
        service_url=service_url if service_url.endswith("/") else service_url + "/",
        graph_url=graph_url.rstrip("/"),
        sdk_configuration=load_configuration_from_env(dict(env)),
    )


def _url(value: str, name: str, problems: list[str]) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        problems.append(f"{name} must be an http(s) URL")
    return value
