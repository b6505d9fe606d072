"""Entry point: `python -m bot` runs the bot, `python -m bot migrate` only migrates, and
installed extra commands (the `tiimi.commands` entry points, e.g. `python -m bot sandbox`) run
by name.

The PLATFORM setting names the chat platform; its adapter is found through the
`tiimi.platforms` entry points (bot.plugins) and wired to the core by bot.runtime. The bot and
the maintenance commands are imported only when they run.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from contextlib import suppress

from bot.config import (
    ConfigError,
    MaintenanceSettings,
    Settings,
    maintenance_settings,
    read_environment,
)
from bot.logging_setup import configure_logging
from bot.plugins import (
    PlatformAdapter,
    PlatformRefused,
    PlatformUnreachable,
    configure,
    find_command,
)

log = logging.getLogger("bot")
COMMANDS = ("run", "migrate", "audit", "purge")
TRY_SANDBOX = "To try Tiimi without a workspace: python -m bot sandbox"
USAGE = (
    "usage: python -m bot [run | migrate | audit [--team CODE] [--user U…] [--since PVM] | purge"
    " | sandbox [--port N] [--data DIR] [--reset]]"
)


async def _run_until_signalled(settings: Settings, adapter: PlatformAdapter) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    from bot.runtime import serve

    await serve(settings, adapter, stop=stop)


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("run", [])
    if command not in COMMANDS and (extra := find_command(command)) is not None:
        return extra(rest)
    arity = {"run": 0, "migrate": 0, "purge": 0}  # audit takes options
    if command not in COMMANDS or len(rest) != arity.get(command, len(rest)):
        print(USAGE, file=sys.stderr)
        return 2
    env = read_environment()
    try:
        if command != "run":
            return _maintenance(command, rest, maintenance_settings(env))
        settings, adapter = configure(env)
    except ConfigError as error:
        problems = "\n".join(f"  - {p}" for p in error.problems)
        print(f"Tiimi cannot start; fix these environment variables:\n{problems}", file=sys.stderr)
        if command == "run":
            print(TRY_SANDBOX, file=sys.stderr)
        return 2
    configure_logging(settings.log_level)
    try:
        asyncio.run(_run_until_signalled(settings, adapter))
    except (PlatformRefused, PlatformUnreachable) as error:
        print(f"Tiimi cannot start: {error}. {TRY_SANDBOX}", file=sys.stderr)
        return 2 if isinstance(error, PlatformRefused) else 1  # 1: trying again may help
    return 0


def _maintenance(command: str, rest: list[str], settings: MaintenanceSettings) -> int:
    from bot import maintenance

    configure_logging(settings.log_level)
    if command == "migrate":
        upgrade = asyncio.run(maintenance.migrate(settings))
        if not upgrade.migrated:  # the migration logged its own line
            log.info("database already at %s", upgrade.after)
    elif command == "audit":
        asyncio.run(maintenance.audit(settings, maintenance.audit_arguments(rest)))
    else:
        purged = asyncio.run(maintenance.purge(settings))
        log.info("retention: %d closed teams purged", purged)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
