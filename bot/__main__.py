"""Entry point: `python -m bot` runs the bot, `python -m bot migrate` only migrates.

This is the one place that wires the Slack adapter to the core.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import signal
import sys
import tempfile
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from bot import maintenance
from bot.clock import Clock, SystemClock
from bot.config import (
    ConfigError,
    MaintenanceSettings,
    Settings,
    load_settings,
    maintenance_settings,
    read_environment,
)
from bot.context import Core
from bot.dispatch import TiimiCommands
from bot.events import EventLog
from bot.home import HomeService
from bot.logging_setup import configure_logging
from bot.pacing import ChannelPacer
from bot.reminder_timing import load_holiday_calendar
from bot.reminder_worker import ReminderWorker, new_worker_id
from bot.retention import RetentionService
from bot.work_processes import (
    READY,
    Command,
    WorkProcesses,
    bot_work_command,
    watch_supervisor,
)
from handlers.slack.app import SlackServices, build_app, listener_routes
from handlers.slack.client import retry_handlers, slack_client
from handlers.slack.front import build_front_app
from handlers.slack.handover import Handover
from handlers.slack.locale import LocaleResolver
from handlers.slack.platform import SlackPlatform
from handlers.slack.respond import PooledRespond
from handlers.slack.server import build_web_app
from handlers.slack.work import BackgroundWork
from storage.db import Database
from storage.migrate import upgrade_to_head

log = logging.getLogger("bot")
COMMANDS = ("run", "migrate", "audit", "purge", "work")  # work: started by the front only
WORK_SLOTS = 4  # requests worked on at once after their acknowledgement
WORK_NICENESS = 10  # of work processes (README, "Reliability and performance")
SHUTDOWN_GRACE_SECONDS = 10.0  # for requests' work under way when the bot is stopped
USAGE = (
    "usage: python -m bot [run | migrate | audit [--team CODE] [--user U…] [--since PVM] | purge]"
)


@dataclass(frozen=True)
class Runtime:
    """What a running bot exposes to its starter (tests drive the worker directly)."""

    port: int
    worker: ReminderWorker


async def serve(
    settings: Settings,
    *,
    stop: asyncio.Event,
    clock: Clock | None = None,
    on_ready: Callable[[Runtime], None] | None = None,
    pacer: ChannelPacer | None = None,
    unix_socket: Path | None = None,
) -> None:
    """Migrate, start the HTTP server (and Socket Mode when configured) and the reminder
    scheduler, and run until `stop`. A work process serves on `unix_socket` instead of PORT."""
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
        events=EventLog(core),
        locales=LocaleResolver(client, default=settings.language),
        platform=platform,
    )
    work = BackgroundWork(slots=WORK_SLOTS)
    bolt_app = build_app(
        client=client,
        signing_secret=settings.slack_signing_secret or "",
        services=services,
        work=work,
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
    if unix_socket is None:
        await web.TCPSite(runner, host="0.0.0.0", port=settings.port).start()
    else:
        await web.UnixSite(runner, str(unix_socket)).start()
    socket_handler = None
    if settings.slack_app_token:
        socket_handler = AsyncSocketModeHandler(
            bolt_app, settings.slack_app_token, web_client=client
        )
        await socket_handler.connect_async()  # type: ignore[no-untyped-call]
    worker = ReminderWorker(core, worker_id=new_worker_id(), pacer=pacer)
    scheduler = AsyncIOScheduler(timezone=UTC)
    scheduler.add_job(
        worker.run_once,
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
    load_holiday_calendar(core.clock.now().year)
    scheduler.start()
    settle_startup_objects()
    port = 0 if unix_socket else runner.addresses[0][1]
    if unix_socket is None:
        mode = "Socket" if socket_handler else "HTTP"
        log.info("Tiimi is running (%s mode, port %d)", mode, port)
    if on_ready:
        on_ready(Runtime(port=port, worker=worker))
    try:
        await stop.wait()
    finally:
        scheduler.shutdown(wait=False)
        if socket_handler:
            await socket_handler.close_async()  # type: ignore[no-untyped-call]
        await runner.cleanup()  # no new requests; answers under way are sent
        await work.drain(grace_seconds=SHUTDOWN_GRACE_SECONDS)
        await worker.drain()
        await http.close()
        await database.dispose()


def settle_startup_objects() -> None:
    """Keep the objects built at start-up (modules, app, catalogs) out of later garbage
    collections: a full collection over them paused every request for 20–100 ms."""
    gc.collect()
    gc.freeze()


async def serve_front(
    settings: Settings, *, stop: asyncio.Event, command: Command = bot_work_command
) -> None:
    """Start the work processes, then answer Slack on PORT and hand the requests over to them
    (WORK_PROCESSES > 0), until `stop`."""
    with tempfile.TemporaryDirectory(prefix="tiimi-") as directory:
        workers = WorkProcesses(settings.work_processes, Path(directory), command=command)
        await workers.start()  # one after another: the first migrates the database
        handover = Handover()
        http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        web_app = build_front_app(
            routes=listener_routes(),
            signing_secret=settings.slack_signing_secret or "",
            workers=workers,
            handover=handover,
            http=http,
            language=settings.language,
        )
        runner = web.AppRunner(web_app, access_log=None)
        try:
            await runner.setup()
            await web.TCPSite(runner, host="0.0.0.0", port=settings.port).start()
            settle_startup_objects()
            port, count = runner.addresses[0][1], workers.count
            log.info("Tiimi is running (HTTP mode, port %d, %d work processes)", port, count)
            await stop.wait()
        finally:
            await runner.cleanup()  # no new requests; hand-overs under way finish
            await handover.close()
            await http.close()
            await workers.stop(grace_seconds=SHUTDOWN_GRACE_SECONDS + 5)


async def _run_until_signalled(settings: Settings, work_socket: Path | None) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    if work_socket is not None:
        watching = await watch_supervisor(stop)
        try:
            await serve(settings, stop=stop, unix_socket=work_socket, on_ready=_print_ready)
        finally:
            if watching:
                watching.cancel()
    elif settings.work_processes:
        await serve_front(settings, stop=stop)
    else:
        await serve(settings, stop=stop)


def _print_ready(_runtime: Runtime) -> None:
    print(READY.decode(), flush=True)  # the supervisor reads it: see bot.work_processes


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("run", [])
    arity = {"run": 0, "migrate": 0, "purge": 0, "work": 1}  # audit takes options
    if command not in COMMANDS or len(rest) != arity.get(command, len(rest)):
        print(USAGE, file=sys.stderr)
        return 2
    env = read_environment()
    try:
        if command not in ("run", "work"):
            return _maintenance(command, rest, maintenance_settings(env))
        settings = load_settings(env)
    except ConfigError as error:
        problems = "\n".join(f"  - {p}" for p in error.problems)
        print(f"Tiimi cannot start; fix these environment variables:\n{problems}", file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    work_socket = Path(rest[0]) if command == "work" else None
    if work_socket is not None:
        os.nice(WORK_NICENESS)  # the front's acknowledgements come first on a busy machine
    asyncio.run(_run_until_signalled(settings, work_socket))
    return 0


def _maintenance(command: str, rest: list[str], settings: MaintenanceSettings) -> int:
    configure_logging(settings.log_level)
    if command == "migrate":
        asyncio.run(maintenance.migrate(settings))
        log.info("database migrated")
    elif command == "audit":
        asyncio.run(maintenance.audit(settings, maintenance.audit_arguments(rest)))
    else:
        purged = asyncio.run(maintenance.purge(settings))
        log.info("retention: %d closed teams purged", purged)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
