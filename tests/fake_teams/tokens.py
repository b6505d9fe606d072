"""A local token issuer: Bot Framework-style inbound tokens and bot → connector/Graph tokens,
signed with an RSA key generated for the test run and served as OpenID metadata + JWKS."""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Callable, Iterator
from typing import Any
from unittest import mock

import jwt
from aiohttp import web
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt import PyJWKClient
from jwt.algorithms import RSAAlgorithm

BOT_FRAMEWORK_ISSUER = "https://api.botframework.com"  # the `iss` of Teams → bot tokens
CONNECTOR_AUDIENCE = "https://api.botframework.com"  # the `aud` of bot → connector tokens
GRAPH_AUDIENCE = "https://graph.microsoft.com"
# Where the SDK fetches the Bot Framework signing keys; tests redirect it to the issuer.
SDK_JWKS_URLS = (
    "https://login.botframework.com/v1/.well-known/keys",
    "https://login.botframework.azure.us/v1/.well-known/keys",
)


KEY_ID = "tiimi-fake-key-1"


@functools.cache
def _keys() -> tuple[rsa.RSAPrivateKey, rsa.RSAPrivateKey]:
    """The published and a foreign (never published) key, one pair per test process: PyJWT's
    client caches the key set and will not refetch it within a cooldown, so a new key per
    issuer would look to the SDK like a key rotation it refuses to follow."""
    new = functools.partial(rsa.generate_private_key, public_exponent=65537, key_size=2048)
    return new(), new()


class TokenIssuer:
    """Mints and verifies RS256 tokens; `now` is the clock the tokens' iat/nbf/exp come from
    (the SDK checks them against wall time, so tests of the SDK keep the default)."""

    def __init__(
        self, *, app_id: str, tenant_id: str, now: Callable[[], float] = time.time
    ) -> None:
        self.app_id, self.tenant_id, self.now = app_id, tenant_id, now
        self.kid = KEY_ID
        self._key, self._foreign_key = _keys()
        self.base_url = ""  # set by the server that hosts `routes()`

    # --- serving ---------------------------------------------------------------------------

    @property
    def jwks_url(self) -> str:
        return f"{self.base_url}/keys"

    def jwks(self) -> dict[str, Any]:
        jwk = RSAAlgorithm.to_jwk(self._key.public_key(), as_dict=True)
        jwk.update(kid=self.kid, use="sig", alg="RS256")
        return {"keys": [jwk]}

    def openid_metadata(self) -> dict[str, Any]:
        return {
            "issuer": BOT_FRAMEWORK_ISSUER,
            "jwks_uri": self.jwks_url,
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["private_key_jwt"],
        }

    def routes(self) -> list[web.RouteDef]:
        async def metadata(_: web.Request) -> web.Response:
            return web.json_response(self.openid_metadata())

        async def keys(_: web.Request) -> web.Response:
            return web.json_response(self.jwks())

        return [
            web.get("/v1/.well-known/openidconfiguration", metadata),
            web.get("/keys", keys),
        ]

    @contextlib.contextmanager
    def serving_sdk_keys(self) -> Iterator[None]:
        """Make PyJWT's `PyJWKClient` (which the SDK's validator uses) fetch the Bot Framework
        keys from this issuer over HTTP instead of login.botframework.com."""
        original = PyJWKClient.fetch_data

        def fetch_data(client: PyJWKClient) -> Any:
            if client.uri not in SDK_JWKS_URLS:
                return original(client)
            sdk_uri, client.uri = client.uri, self.jwks_url
            try:
                return original(client)
            finally:
                client.uri = sdk_uri

        with mock.patch.object(PyJWKClient, "fetch_data", fetch_data):
            yield

    # --- minting ---------------------------------------------------------------------------

    def sign(
        self, claims: dict[str, Any], *, lifetime: float = 3600, foreign_key: bool = False
    ) -> str:
        """Sign `claims` with iat/nbf/exp from the clock (negative lifetime: expired that long
        ago, issued an hour before); `foreign_key` signs with an unpublished key under the
        published key id."""
        expires = int(self.now() + lifetime)
        issued = int(self.now()) if lifetime > 0 else expires - 3600
        body = {"iat": issued, "nbf": issued, "exp": expires, **claims}
        key = self._foreign_key if foreign_key else self._key
        return jwt.encode(body, key, algorithm="RS256", headers={"kid": self.kid})

    def inbound_token(
        self,
        *,
        service_url: str,
        audience: str | None = None,
        lifetime: float = 3600,
        foreign_key: bool = False,
    ) -> str:
        """A token as the Bot Framework signs a Teams → bot request."""
        claims = {
            "iss": BOT_FRAMEWORK_ISSUER,
            "aud": audience or self.app_id,
            "serviceurl": service_url,
        }
        return self.sign(claims, lifetime=lifetime, foreign_key=foreign_key)

    def connector_token(self, *, app_id: str | None = None, lifetime: float = 3600) -> str:
        """A token as Entra issues the bot for the Bot Connector (client credentials)."""
        return self._app_token(CONNECTOR_AUDIENCE, app_id, [], lifetime)

    def graph_token(
        self, *, roles: list[str], app_id: str | None = None, lifetime: float = 3600
    ) -> str:
        """An app-only Graph token whose `roles` are the consented application permissions."""
        return self._app_token(GRAPH_AUDIENCE, app_id, roles, lifetime)

    def _app_token(
        self, audience: str, app_id: str | None, roles: list[str], lifetime: float
    ) -> str:
        app = app_id or self.app_id
        issuer = f"https://login.microsoftonline.com/{self.tenant_id}/v2.0"
        claims: dict[str, Any] = {
            "iss": issuer,
            "aud": audience,
            "azp": app,
            "appid": app,
            "tid": self.tenant_id,
        }
        if roles:
            claims["roles"] = roles
        return self.sign(claims, lifetime=lifetime)

    # --- checking --------------------------------------------------------------------------

    def verify(self, authorization: str | None, *, audience: str) -> dict[str, Any] | None:
        """The claims of a valid `Bearer` token for `audience` from this issuer, else None."""
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None
        try:
            claims: dict[str, Any] = jwt.decode(
                token,
                self._key.public_key(),
                algorithms=["RS256"],
                audience=audience,
                options={"verify_exp": False, "verify_nbf": False, "verify_iat": False},
            )
        except jwt.PyJWTError:
            return None
        if not claims.get("nbf", 0) <= self.now() < claims.get("exp", 0):
            return None  # judged by the fake's clock, not wall time
        return claims
