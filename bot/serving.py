"""The whole bot's wiring: database, Slack adapter, HTTP server (or Socket Mode) and the
reminder scheduler. Run by `python -m bot`; imported only when the bot runs, not for the
maintenance commands."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import aiohttp
from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from bot.clock import Clock, SystemClock
from bot.config import SHUTDOWN_GRACE_SECONDS, Settings
from bot.context import Core
from bot.home.service import HomeService
from bot.privacy.request_log import RequestLog
from bot.privacy.retention import RetentionService
from bot.reminders.pacing import ChannelPacer
from bot.reminders.timing import load_holiday_calendar
from bot.reminders.worker import ReminderWorker, new_worker_id
from bot.startup import settle_startup_objects
from bot.teams.channel_guard import ChannelGuard
from bot.teams.closing import ClosingService
from bot.teams.dispatch import TiimiCommands
from handlers.slack.app import build_app
from handlers.slack.client import retry_handlers, slack_client
from handlers.slack.locale import LocaleResolver
from handlers.slack.platform import SlackPlatform
from handlers.slack.respond import PooledRespond
from handlers.slack.server import build_web_app
from handlers.slack.services import SlackServices
from handlers.slack.work import WorkSlots
from storage.db import Database
from storage.migrate import upgrade_to_head

log = logging.getLogger("bot")
WORK_SLOTS = 4  # requests worked on at once after their acknowledgement
CLOSING_CHECK_MINUTES = 10  # how often interrupted closes are looked for and finished


@dataclass(frozen=True)
class Runtime:
    """What a running bot exposes to its starter (tests drive the worker directly)."""

    port: int
    worker: ReminderWorker
    closing: ClosingService  # its `finish_interrupted` is the periodic maintenance pass


async def serve(
    settings: Settings,
    *,
    stop: asyncio.Event,
    clock: Clock | None = None,
    on_ready: Callable[[Runtime], None] | None = None,
    pacer: ChannelPacer | None = None,
) -> None:
    """Migrate, start the HTTP server (and Socket Mode when configured) and the reminder
    scheduler, and run until `stop`."""
    database = Database(settings.database_url)
    await upgrade_to_head(database)
    http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
    client = slack_client(
        token=settings.slack_bot_token, base_url=settings.slack_api_url, session=http
    )
    platform = SlackPlatform(
        client,
        posts_once=slack_client(
            token=settings.slack_bot_token,
            base_url=settings.slack_api_url,
            session=http,
            retry_lost_connections=False,
        ),
    )
    core = Core(
        database=database,
        platform=platform,
        clock=clock or SystemClock(),
        timezone=settings.timezone,
        language=settings.language,
        coordinators=settings.coordinators,
        coordinator_usergroup=settings.coordinator_usergroup,
        retention_days=settings.retention_days,
        reminders=settings.reminders,
    )
    tiimi = TiimiCommands(core)
    recovered = await tiimi.teams.recover_pending()
    if recovered:
        log.warning("rolled back %d team set-ups interrupted earlier", recovered)
    services = SlackServices(
        tiimi=tiimi,
        askel=tiimi.askel,
        home=HomeService(core, tiimi.coordinators),
        channel_guard=ChannelGuard(core),
        locales=LocaleResolver(client, default=settings.language),
        platform=platform,
    )
    work = WorkSlots(WORK_SLOTS)
    bolt_app = build_app(
        client=client,
        signing_secret=settings.slack_signing_secret or "",
        services=services,
        work=work,
        request_log=RequestLog(core),
        responder=lambda url: PooledRespond(
            response_url=url, session=http, retry_handlers=retry_handlers()
        ),
    )
    web_app = build_web_app(
        None if settings.socket_mode else bolt_app,
        database_ok=database.ping,
        work_in_progress=lambda: work.running,
    )
    runner = web.AppRunner(web_app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host="0.0.0.0", port=settings.port).start()
    socket_handler = None
    if settings.slack_app_token:
        socket_handler = AsyncSocketModeHandler(
            bolt_app, settings.slack_app_token, web_client=client
        )
        await socket_handler.connect_async()  # type: ignore[no-untyped-call]
    worker = ReminderWorker(core, worker_id=new_worker_id(), pacer=pacer)
    scheduler = AsyncIOScheduler(timezone=UTC)
    scheduler.add_job(
        worker.run_scheduled,
        "interval",
        seconds=settings.reminders.poll_seconds,
        max_instances=1,
        coalesce=True,
        next_run_time=datetime.now(UTC),
    )
    retention = RetentionService(
        database=database, clock=core.clock, retention_days=settings.retention_days
    )
    scheduler.add_job(  # daily; idempotent, so several processes may all run it
        retention.purge,
        "cron",
        hour=3,
        minute=30,
        timezone=settings.timezone,
        max_instances=1,
        coalesce=True,
    )
    scheduler.add_job(  # idempotent: a close is finished once, whichever process gets to it
        tiimi.closing.finish_interrupted,
        "interval",
        minutes=CLOSING_CHECK_MINUTES,
        max_instances=1,
        coalesce=True,
    )
    load_holiday_calendar(core.clock.now().year)
    scheduler.start()
    settle_startup_objects()
    port = runner.addresses[0][1]
    log.info("Tiimi is running (%s mode, port %d)", "Socket" if socket_handler else "HTTP", port)
    if on_ready:
        on_ready(Runtime(port=port, worker=worker, closing=tiimi.closing))
    try:
        await stop.wait()
    finally:
        scheduler.pause()  # no new pass; one under way gets the grace with the requests' work
        if socket_handler:
            await socket_handler.close_async()  # type: ignore[no-untyped-call]
        await runner.cleanup()  # no new requests; answers under way are sent
        await asyncio.gather(
            work.drain(grace_seconds=SHUTDOWN_GRACE_SECONDS),
            worker.drain(grace_seconds=SHUTDOWN_GRACE_SECONDS),
        )
        scheduler.shutdown(wait=False)  # cancels a pass still running after the grace,
        await worker.drain(grace_seconds=SHUTDOWN_GRACE_SECONDS)  # which unwinds before close
        await http.close()
        await database.dispose()
