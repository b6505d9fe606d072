"""The Slack side of a running bot: Web API clients, the SlackPlatform, the Bolt app and its
HTTP server (or Socket Mode). bot.runtime drives it; `configure` is the `slack` entry point of
the `tiimi.platforms` group (bot.plugins)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

import aiohttp
from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from bot.config import Settings
from bot.context import Core
from bot.home.service import HomeService
from bot.platform import ChatPlatform
from bot.plugins import PlatformAdapter
from bot.privacy.request_log import RequestLog
from bot.teams.channel_guard import ChannelGuard
from bot.teams.dispatch import TiimiCommands
from handlers.slack.app import build_app
from handlers.slack.client import retry_handlers, slack_client
from handlers.slack.locale import LocaleResolver
from handlers.slack.log_details import show_slack_details
from handlers.slack.platform import SlackPlatform
from handlers.slack.respond import PooledRespond
from handlers.slack.server import build_web_app
from handlers.slack.services import SlackServices
from handlers.slack.settings import SlackSettings, slack_settings
from handlers.slack.token_check import check_token
from handlers.work_slots import WorkSlots
from storage.db import Database

WORK_SLOTS = 4  # requests worked on at once after their acknowledgement


def configure(env: Mapping[str, str]) -> Callable[[Settings], PlatformAdapter]:
    """Validate the SLACK_* variables (bot.plugins.Configure)."""
    slack = slack_settings(env)
    show_slack_details()
    return partial(SlackAdapter, slack)


class SlackAdapter:
    """bot.runtime.PlatformAdapter for Slack: the Events API over HTTP, or Socket Mode."""

    def __init__(self, slack: SlackSettings, settings: Settings) -> None:
        self.slack = slack
        self.settings = settings
        self.work = WorkSlots(WORK_SLOTS)
        self._http: aiohttp.ClientSession | None = None
        self._platform: SlackPlatform | None = None
        self._runner: web.AppRunner | None = None
        self._socket: AsyncSocketModeHandler | None = None

    async def connect(self, database: Database) -> ChatPlatform:
        self._http = http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        client = slack_client(token=self.slack.bot_token, base_url=self.slack.api_url, session=http)
        self._platform = platform = SlackPlatform(
            client,
            posts_once=slack_client(
                token=self.slack.bot_token,
                base_url=self.slack.api_url,
                session=http,
                retry_lost_connections=False,
            ),
        )
        try:
            await check_token(platform, api_url=self.slack.api_url)
        except BaseException:
            await self.close()
            raise
        return platform

    async def start(self, core: Core, tiimi: TiimiCommands) -> int:
        platform, http = self._platform, self._http
        assert platform is not None and http is not None, "connect() first"
        client = platform.client
        services = SlackServices(
            tiimi=tiimi,
            askel=tiimi.askel,
            home=HomeService(core, tiimi.coordinators),
            channel_guard=ChannelGuard(core),
            locales=LocaleResolver(client, default=self.settings.language),
            platform=platform,
        )
        bolt_app = build_app(
            client=client,
            signing_secret=self.slack.signing_secret or "",
            services=services,
            work=self.work,
            request_log=RequestLog(core),
            responder=lambda url: PooledRespond(
                response_url=url, session=http, retry_handlers=retry_handlers()
            ),
        )
        web_app = build_web_app(
            None if self.slack.socket_mode else bolt_app,
            database_ok=core.database.ping,
            work_in_progress=lambda: self.work.running,
        )
        self._runner = runner = web.AppRunner(web_app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, host="0.0.0.0", port=self.settings.port).start()
        if self.slack.app_token:
            self._socket = AsyncSocketModeHandler(bolt_app, self.slack.app_token, web_client=client)
            await self._socket.connect_async()  # type: ignore[no-untyped-call]
        return int(runner.addresses[0][1])

    def describe(self) -> str:
        return "Socket mode" if self._socket else "HTTP mode"

    async def stop_taking(self) -> None:
        if self._socket:
            await self._socket.close_async()  # type: ignore[no-untyped-call]
        if self._runner:
            await self._runner.cleanup()  # no new requests; answers under way are sent

    async def drain(self, *, grace_seconds: float) -> None:
        await self.work.drain(grace_seconds=grace_seconds)

    async def close(self) -> None:
        if self._http:
            await self._http.close()
