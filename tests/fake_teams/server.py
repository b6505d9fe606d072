"""FakeTeams: the token issuer, Bot Connector and Graph on one aiohttp server on 127.0.0.1."""

from __future__ import annotations

import socket
import time
import traceback
from collections.abc import Callable
from types import TracebackType

from aiohttp import web
from aiohttp.typedefs import Handler

from tests.fake_teams.connector import FakeConnector
from tests.fake_teams.events import BotSender, TeamsEvents
from tests.fake_teams.faults import Faults
from tests.fake_teams.graph import FakeGraph
from tests.fake_teams.state import Tenant
from tests.fake_teams.tokens import TokenIssuer

APP_ID = "00000000-0000-4000-8000-00000000b07a"  # the bot's Entra app id
TENANT_ID = "00000000-0000-4000-8000-0000000000aa"
CATALOG_APP_ID = "00000000-0000-4000-8000-0000000ca7a1"


async def serve(app: web.Application) -> tuple[web.AppRunner, str]:
    """Serve `app` on a free port of 127.0.0.1: (its runner, its base URL)."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    await web.SockSite(runner, sock).start()
    return runner, f"http://127.0.0.1:{sock.getsockname()[1]}"


class FakeTeams:
    """One tenant's Teams as the bot sees it. `service_url` is the connector's base,
    `graph_url` Graph's; `bot_url` is where inbound activities (and install events) go."""

    def __init__(self, *, bot_url: str | None = None, now: Callable[[], float] = time.time) -> None:
        self.tenant = Tenant(TENANT_ID, APP_ID, CATALOG_APP_ID)
        self.issuer = TokenIssuer(app_id=APP_ID, tenant_id=TENANT_ID, now=now)
        self.faults = Faults()
        self.connector = FakeConnector(self.tenant, self.issuer, self.faults)
        # The URLs below are filled in by start(), once the port is known.
        self.events = TeamsEvents(self.tenant, self.issuer, "")
        self.sender = BotSender(self.issuer, "", bot_url)
        self.graph = FakeGraph(self.tenant, self.issuer, self.faults, self.events, self.sender)
        self._runner: web.AppRunner | None = None
        self.base_url = ""
        self.fake_errors: list[str] = []  # the fake's own crashes; stop() raises them

    async def start(self) -> FakeTeams:
        app = web.Application(client_max_size=1 << 20, middlewares=[self._catch_own_errors])
        app.add_routes([*self.issuer.routes(), *self.connector.routes(), *self.graph.routes()])
        self._runner, self.base_url = await serve(app)
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

    @web.middleware
    async def _catch_own_errors(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            return await handler(request)
        except web.HTTPException:
            raise
        except Exception:  # a bug in the fake, not a fault a test injected
            self.fake_errors.append(f"{request.method} {request.path}\n{traceback.format_exc()}")
            return web.json_response({"error": {"code": "FakeBug"}}, status=500)

    async def stop(self) -> None:
        """Stop serving; raise AssertionError if the fake itself crashed meanwhile."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self.fake_errors:
            errors, self.fake_errors = self.fake_errors, []
            raise AssertionError("fake Teams internal error(s):\n" + "\n".join(errors))

    async def __aenter__(self) -> FakeTeams:
        return await self.start()

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()
