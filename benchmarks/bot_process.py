"""The real bot, `python -m bot` in HTTP mode as the Procfile starts it, served against the
fake Slack (in a process of its own) for a benchmark, and what can be read of it from /proc."""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from pathlib import Path
from typing import IO

import aiohttp

from benchmarks.fake_slack_process import FakeSlackProcess

SECRET = "benchmark0signing0secret0value"
ROOT = str(Path(__file__).resolve().parents[1])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bot_env(fake: FakeSlackProcess, database_url: str, coordinators: str) -> dict[str, str]:
    return {
        "SLACK_BOT_TOKEN": fake.token,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.base_url,
        "DATABASE_URL": database_url,
        "COORDINATORS": coordinators,
        "LOG_LEVEL": "WARNING",
    }


async def start_bot(
    env: dict[str, str], cwd: str, log: IO[bytes]
) -> tuple[asyncio.subprocess.Process, int]:
    """Start the bot (its log lines go to `log`) and wait until /healthz answers."""
    port = free_port()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=cwd,
        env=os.environ | env | {"PORT": str(port), "PYTHONPATH": ROOT},
        stdout=log,
        stderr=log,
    )
    async with aiohttp.ClientSession() as session:
        for _ in range(300):
            try:
                async with session.get(f"http://127.0.0.1:{port}/healthz") as resp:
                    if resp.status == 200:
                        return process, port
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("the bot did not start")


async def until_idle(port: int, seconds: float = 30.0) -> bool:
    """Wait until the bot has no acknowledged request's work left; False if it still has
    after `seconds`."""
    async with aiohttp.ClientSession() as session:
        for _ in range(int(seconds / 0.05)):
            async with session.get(f"http://127.0.0.1:{port}/healthz") as resp:
                if (await resp.json())["work_in_progress"] == 0:
                    return True
            await asyncio.sleep(0.05)
    return False


def resident_mb(pid: int) -> float:
    """Resident memory (VmRSS) of a process."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by a process, user and system (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime and stime, fields 14 and 15 of proc(5)
    return ticks / os.sysconf("SC_CLK_TCK")


def log_errors(path: Path) -> list[str]:
    """The ERROR and CRITICAL lines of the bot's log (format: time LEVEL logger: message)."""
    return [
        line
        for line in path.read_text(errors="replace").splitlines()
        if " ERROR " in line or " CRITICAL " in line
    ]
