"""The Teams side of a running bot: the Agents SDK's CloudAdapter and application, Graph, the
conversation references and the HTTP server. bot.runtime drives it; `configure` is the `teams`
entry point of the `tiimi.platforms` group (bot.plugins)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

import aiohttp
from aiohttp import web
from microsoft_agents.authentication.msal import MsalConnectionManager
from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import Connections

from bot.config import Settings
from bot.context import Core
from bot.home.service import HomeService
from bot.i18n import Catalog
from bot.platform import ChatPlatform
from bot.plugins import PlatformAdapter, PlatformRefused, PlatformUnreachable
from bot.teams.channel_guard import ChannelGuard
from bot.teams.dispatch import TiimiCommands
from handlers.teams.app import build_agent_app
from handlers.teams.conversations import Conversations
from handlers.teams.dialogs.buttons import team_form_buttons
from handlers.teams.graph import GraphClient
from handlers.teams.hosts import ServiceHosts
from handlers.teams.log_details import show_teams_details
from handlers.teams.mentions import MentionResolver
from handlers.teams.platform import TeamsPlatform
from handlers.teams.server import build_web_app
from handlers.teams.services import TeamsServices
from handlers.teams.settings import TeamsSettings, teams_settings
from handlers.teams.spaces import TeamsSpaces
from handlers.work_slots import WorkSlots
from storage import queries
from storage.db import Database

WORK_SLOTS = 4  # commands worked on at once after their request was answered
GRAPH = ("https://graph.microsoft.com", ["https://graph.microsoft.com/.default"])
CONNECTOR = ("https://api.botframework.com", ["https://api.botframework.com/.default"])


def configure(env: Mapping[str, str]) -> Callable[[Settings], PlatformAdapter]:
    """Validate the Teams variables (bot.plugins.Configure)."""
    teams = teams_settings(env)
    show_teams_details()
    return partial(TeamsAdapter, teams)


class TeamsAdapter:
    """bot.plugins.PlatformAdapter for Teams. `connections` gives the bot's outbound tokens:
    MSAL with the app registration's credentials, unless a test gives its own."""

    def __init__(
        self, teams: TeamsSettings, settings: Settings, connections: Connections | None = None
    ) -> None:
        self.teams = teams
        self.settings = settings
        self.connections = connections or MsalConnectionManager(**teams.sdk_configuration)
        self.work = WorkSlots(WORK_SLOTS)
        self.adapter: CloudAdapter | None = None
        self.platform: TeamsPlatform | None = None
        self._http: aiohttp.ClientSession | None = None
        self._runner: web.AppRunner | None = None

    async def _token(self, target: tuple[str, list[str]]) -> str:
        resource, scopes = target
        provider = self.connections.get_default_connection()
        token: object = await provider.get_access_token(resource, scopes)
        return token if isinstance(token, str) else str(getattr(token, "token", ""))  # MSAL's

    async def connect(self, database: Database) -> ChatPlatform:
        self._http = http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        try:
            await self._check_credentials()
        except BaseException:
            await self.close()
            raise
        self.adapter = adapter = CloudAdapter(
            connection_manager=self.connections,
            host_validator=ServiceHosts(self.teams.service_url),
        )
        graph = GraphClient(http, base_url=self.teams.graph_url, token=partial(self._token, GRAPH))
        words = Catalog(self.settings.language)  # chat topics are the organisation's language

        async def opener_of(code: str) -> str | None:
            async with database.session() as session:
                team = await queries.get_team_by_code(session, code=code)
            return (team.opened_by or None) if team is not None else None

        self.platform = TeamsPlatform(
            spaces=TeamsSpaces(
                graph,
                catalog_app_id=self.teams.catalog_app_id,
                opener_of=opener_of,
                abandoned_suffix=words.plain("teams_chat_abandoned_suffix"),
            ),
            conversations=Conversations(
                database=database,
                adapter=adapter,
                app_id=self.teams.client_id,
                tenant_id=self.teams.tenant_id,
                service_url=self.teams.service_url,
            ),
            mentions=MentionResolver(session=http, token=partial(self._token, CONNECTOR)),
            tenant_id=self.teams.tenant_id,
            closed_suffix=words.plain("teams_chat_closed_suffix"),
            welcome_buttons=team_form_buttons(words),
        )
        return self.platform

    async def _check_credentials(self) -> None:
        """Ask for a Graph token now: wrong credentials show at start, not at the first team."""
        try:
            await self._token(GRAPH)
        except ValueError as error:  # MSAL's answer held no token: the credentials were refused
            raise PlatformRefused(
                "Microsoft Entra refused the app registration's credentials "
                f"(CONNECTIONS__SERVICE_CONNECTION__SETTINGS__*: {type(error).__name__})"
            ) from error
        except OSError as error:  # requests' and aiohttp's connection errors are OSErrors
            raise PlatformUnreachable(
                f"Microsoft Entra could not be reached ({type(error).__name__})"
            ) from error

    async def start(self, core: Core, tiimi: TiimiCommands) -> int:
        assert self.adapter is not None and self.platform is not None, "connect() first"
        services = TeamsServices(
            tiimi=tiimi,
            home=HomeService(core, tiimi.coordinators),
            channel_guard=ChannelGuard(core),
            platform=self.platform,
            work=self.work,
            language=self.settings.language,
        )
        agent_app = build_agent_app(
            adapter=self.adapter, connections=self.connections, services=services
        )
        web_app = build_web_app(
            agent_app=agent_app,
            adapter=self.adapter,
            auth_configuration=self.connections.get_default_connection_configuration(),
            database_ok=core.database.ping,
            work_in_progress=lambda: self.work.running,
        )
        self._runner = runner = web.AppRunner(web_app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, host="0.0.0.0", port=self.settings.port).start()
        return int(runner.addresses[0][1])

    def describe(self) -> str:
        return "Microsoft Teams, HTTP"

    async def stop_taking(self) -> None:
        if self._runner:
            await self._runner.cleanup()

    async def drain(self, *, grace_seconds: float) -> None:
        await self.work.drain(grace_seconds=grace_seconds)

    async def close(self) -> None:
        if self._http:
            await self._http.close()
