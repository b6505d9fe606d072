"""Entry point: `python -m bot` runs the bot, `python -m bot migrate` only migrates.

With `bot.serving` (the whole bot's wiring) this is the one place that wires the Slack adapter
to the core. The bot and the maintenance commands are imported only when they run: with
WORK_PROCESSES > 0 this process is the front, which loads none of the bot.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import tempfile
from contextlib import suppress
from pathlib import Path

import aiohttp
from aiohttp import web

from bot.config import (
    SHUTDOWN_GRACE_SECONDS,
    ConfigError,
    MaintenanceSettings,
    Settings,
    load_settings,
    maintenance_settings,
    read_environment,
)
from bot.logging_setup import configure_logging
from bot.startup import settle_startup_objects
from bot.work_processes import (
    READY,
    Command,
    WorkProcesses,
    bot_work_command,
    watch_supervisor,
)
from handlers.slack.front import build_front_app
from handlers.slack.handover import Handover
from handlers.slack.route_table import RouteTable

log = logging.getLogger("bot")
COMMANDS = ("run", "migrate", "audit", "purge", "work")  # work: started by the front only
WORK_NICENESS = 10  # of work processes (README, "Reliability and performance")
USAGE = (
    "usage: python -m bot [run | migrate | audit [--team CODE] [--user U…] [--since PVM] | purge]"
)


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
        runner: web.AppRunner | None = None
        try:
            web_app = build_front_app(
                routes=RouteTable.from_json(workers.announcement or ""),
                signing_secret=settings.slack_signing_secret or "",
                workers=workers,
                handover=handover,
                http=http,
                language=settings.language,
            )
            runner = web.AppRunner(web_app, access_log=None)
            await runner.setup()
            await web.TCPSite(runner, host="0.0.0.0", port=settings.port).start()
            settle_startup_objects()
            port, count = runner.addresses[0][1], workers.count
            log.info("Tiimi is running (HTTP mode, port %d, %d work processes)", port, count)
            await stop.wait()
        finally:
            if runner is not None:
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
    if work_socket is None and settings.work_processes:
        await serve_front(settings, stop=stop)
        return
    from bot.serving import serve

    if work_socket is not None:
        watching = await watch_supervisor(stop)
        try:
            await serve(settings, stop=stop, unix_socket=work_socket, on_ready=_print_ready)
        finally:
            if watching:
                watching.cancel()
    else:
        await serve(settings, stop=stop)


def _print_ready(_runtime: object) -> None:
    """The ready line the supervisor waits for, with the route table for the front."""
    from handlers.slack.app import listener_routes

    print(f"{READY.decode()} {listener_routes().table().to_json()}", flush=True)


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
    from bot import maintenance

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
