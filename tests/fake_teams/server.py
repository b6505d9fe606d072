"""FakeTeams: the token issuer, Bot Connector and Graph on one aiohttp server on 127.0.0.1."""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType

from aiohttp import web

from tests.fake_teams.connector import FakeConnector
from tests.fake_teams.events import BotSender, TeamsEvents
from tests.fake_teams.faults import Faults
from tests.fake_teams.graph import FakeGraph
from tests.fake_teams.state import Tenant
from tests.fake_teams.tokens import TokenIssuer

APP_ID = "00000000-0000-4000-8000-00000000b07a"  # the bot's Entra app id
TENANT_ID = "00000000-0000-4000-8000-0000000000aa"
CATALOG_APP_ID = "00000000-0000-4000-8000-0000000ca7a1"


class FakeTeams:
    """One tenant's Teams as the bot sees it. `service_url` is the connector's base,
    `graph_url` Graph's; `bot_url` is where inbound activities (and install events) go."""

    def __init__(self, *, bot_url: str | None = None, now: Callable[[], float] = time.time) -> None:
        self.tenant = Tenant(TENANT_ID, APP_ID, CATALOG_APP_ID)
        self.issuer = TokenIssuer(app_id=APP_ID, tenant_id=TENANT_ID, now=now)
        self.faults = Faults()
        self.connector = FakeConnector(self.tenant, self.issuer, self.faults)
        self._bot_url = bot_url
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    async def start(self) -> FakeTeams:
        app = web.Application(client_max_size=1 << 20)
        self.issuer.base_url = ""  # set below, once the port is known
        self.events = TeamsEvents(self.tenant, self.issuer, "")
        self.sender = BotSender(self.issuer, "", self._bot_url)
        self.graph = FakeGraph(self.tenant, self.issuer, self.faults, self.events, self.sender)
        app.add_routes([*self.issuer.routes(), *self.connector.routes(), *self.graph.routes()])
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.base_url = f"http://127.0.0.1:{port}"
        self.issuer.base_url = self.base_url
        self.events.service_url = self.sender.service_url = self.service_url
        return self

    @property
    def service_url(self) -> str:
        return f"{self.base_url}/"

    @property
    def graph_url(self) -> str:
        return f"{self.base_url}/v1.0"

    @property
    def bot_url(self) -> str | None:
        return self.sender.bot_url

    @bot_url.setter
    def bot_url(self, url: str) -> None:
        self.sender.bot_url = url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeTeams:
        return await self.start()

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()
