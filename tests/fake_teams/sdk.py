"""The Agents SDK's outbound auth pointed at the fake issuer: a connection manager whose
token provider hands out issuer-minted tokens instead of asking Entra (MSAL)."""

from __future__ import annotations

from typing import NoReturn

from microsoft_agents.hosting.core import (
    AccessTokenProviderBase,
    AgentAuthConfiguration,
    ConnectionManager,
)

from tests.fake_teams.tokens import GRAPH_AUDIENCE, TokenIssuer


class IssuedTokens(AccessTokenProviderBase):
    """An `AccessTokenProviderBase`: connector tokens, or Graph tokens with `graph_roles`."""

    def __init__(
        self, issuer: TokenIssuer, configuration: AgentAuthConfiguration, graph_roles: list[str]
    ) -> None:
        self.issuer, self._configuration, self.graph_roles = issuer, configuration, graph_roles
        self.requested: list[tuple[str, list[str]]] = []  # (resource, scopes) per token

    @property
    def configuration(self) -> AgentAuthConfiguration:
        return self._configuration

    async def get_access_token(
        self, resource_url: str, scopes: list[str], force_refresh: bool = False
    ) -> str:
        self.requested.append((resource_url, scopes))
        if resource_url.startswith(GRAPH_AUDIENCE):
            return self.issuer.graph_token(roles=self.graph_roles)
        return self.issuer.connector_token()

    def get_token_credential(self) -> NoReturn:
        raise NotImplementedError("the fake issuer has no azure-core credential")


def auth_configuration(issuer: TokenIssuer) -> AgentAuthConfiguration:
    """The bot's inbound JWT settings as production has them: not anonymous."""
    return AgentAuthConfiguration(client_id=issuer.app_id, tenant_id=issuer.tenant_id)


def connection_manager(
    issuer: TokenIssuer, *, graph_roles: list[str] | None = None
) -> tuple[ConnectionManager, IssuedTokens]:
    """A ConnectionManager with one SERVICE_CONNECTION backed by `IssuedTokens`."""
    providers: list[IssuedTokens] = []

    def provider(configuration: AgentAuthConfiguration) -> IssuedTokens:
        # The on-behalf-of and agentic flows keep the protocol's raising defaults (unused).
        tokens = IssuedTokens(issuer, configuration, graph_roles or [])  # type: ignore[abstract]
        providers.append(tokens)
        return providers[-1]

    manager = ConnectionManager(
        provider_factory=provider,
        connections_configurations={"SERVICE_CONNECTION": auth_configuration(issuer)},
    )
    return manager, providers[0]
