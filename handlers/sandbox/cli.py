"""`python -m bot sandbox`: Tiimi in a simulated Slack workspace, in the browser, with no
Slack account and no settings."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys
from contextlib import suppress
from pathlib import Path

from bot.logging_setup import configure_logging
from handlers.sandbox.page.server import SandboxPage
from handlers.sandbox.runner import SandboxFiles, running_sandbox
from handlers.sandbox.workspace.persistence import StateFileError

DEFAULT_PORT = 8300
DEFAULT_DATA = Path(".tiimi-sandbox")
log = logging.getLogger("sandbox")


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bot sandbox",
        description="Try Tiimi without Slack: a simulated workspace in your browser.",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"the page's port (default {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        help=f"the folder for the sandbox's database and workspace (default {DEFAULT_DATA}/)",
    )
    parser.add_argument(
        "--reset", action="store_true", help="forget the earlier sandbox and start clean"
    )
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    options = arguments(argv)
    configure_logging("WARNING")
    files = SandboxFiles(options.data)
    if options.reset:
        files.reset()
    try:
        asyncio.run(_run(files, options.port))
    except OSError as error:
        print(f"The sandbox cannot start: {error.strerror or error}.", file=sys.stderr)
        print("Is another sandbox running? Choose another port with --port.", file=sys.stderr)
        return 2
    except (StateFileError, ValueError) as error:  # an unreadable workspace or clock file
        print(f"The sandbox cannot start: {error}", file=sys.stderr)
        print("Start it with --reset to begin again.", file=sys.stderr)
        return 2
    return 0


async def _run(files: SandboxFiles, port: int) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    async with running_sandbox(files) as sandbox:
        page = SandboxPage(sandbox)
        port = await page.start(port)
        print(f"Tiimi sandbox: http://127.0.0.1:{port}/", flush=True)
        print(f"Data in {files.folder}/ (--reset starts clean). Ctrl+C stops.", flush=True)
        try:
            await stop.wait()
        finally:
            await page.stop()
