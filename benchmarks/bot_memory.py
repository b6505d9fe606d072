"""Resident memory of the real bot process serving coordinators at 10,000 teams.

    python -m benchmarks.bot_memory [DATABASE_URL]

Seeds a SQLite file (or uses the given, already seeded database), starts `python -m bot` in HTTP
mode against the fake Slack (in its own process), sends 40 signed `/tiimi avoimet` commands and
40 App Home openings as a coordinator, and reads the bot's VmRSS (and Pss) from /proc.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

import aiohttp

from benchmarks.ack import until_idle
from benchmarks.fake_slack_process import FakeSlackProcess
from tests.support.signing import signed_headers

SECRET = "benchmark0signing0secret0value"


def resident_mb(pid: int, field: str = "VmRSS") -> float:
    """Resident memory now (VmRSS) or at its peak so far (VmHWM) of the bot's process."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field}")


def proportional_mb(pid: int) -> float:
    """Proportional set size (Pss) of the bot's process: each page shared with n processes
    counts 1/n."""
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no Pss")


def cpu_seconds(pid: int) -> float:
    """CPU time used so far, user and system (all threads), by the bot's process."""
    return own_cpu_seconds(pid)


def own_cpu_seconds(pid: int) -> float:
    """CPU time used so far by this one process, user and system (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])  # utime and stime, fields 14 and 15 of proc(5)
    return ticks / os.sysconf("SC_CLK_TCK")


async def main(url: str | None) -> None:
    tmp = tempfile.mkdtemp()
    if url is None:
        url = f"sqlite:///{tmp}/scale.db"
        seeding = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "benchmarks.seed_scale", url
        )
        assert await seeding.wait() == 0
    fake = FakeSlackProcess([], enforce_post_rate=False, users=["UCOORD"])
    response_urls = fake.response_urls(40)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = os.environ | {
        "SLACK_BOT_TOKEN": fake.token,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.base_url,
        "DATABASE_URL": url,
        "PORT": str(port),
        "COORDINATORS": "UCOORD",
        "LOG_LEVEL": "WARNING",
        "REMINDER_POLL_SECONDS": "3600",
    }
    bot = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", env=env, cwd=tmp)
    async with aiohttp.ClientSession() as session:
        for _ in range(100):
            try:
                async with session.get(f"http://127.0.0.1:{port}/healthz") as resp:
                    if resp.status == 200:
                        break
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
        idle, idle_pss = resident_mb(bot.pid), proportional_mb(bot.pid)
        for i in range(40):
            body = urlencode(
                {
                    "command": "/tiimi",
                    "text": "avoimet",
                    "user_id": "UCOORD",
                    "channel_id": "DCOORD",
                    "team_id": "T0TEST",
                    "trigger_id": f"1.2.{i}",
                    "response_url": response_urls[i],
                }
            )
            headers = signed_headers(SECRET, body) | {
                "Content-Type": "application/x-www-form-urlencoded"
            }
            async with session.post(
                f"http://127.0.0.1:{port}/slack/events", data=body, headers=headers
            ) as resp:
                assert resp.status == 200
            event = json.dumps(
                {
                    "type": "event_callback",
                    "team_id": "T0TEST",
                    "event_id": f"Ev{i}",
                    "event": {"type": "app_home_opened", "user": "UCOORD", "tab": "home"},
                }
            )
            headers = signed_headers(SECRET, event) | {"Content-Type": "application/json"}
            async with session.post(
                f"http://127.0.0.1:{port}/slack/events", data=event, headers=headers
            ) as resp:
                assert resp.status == 200
    await until_idle(port)  # every answer is out before memory is read
    busy, peak = resident_mb(bot.pid), resident_mb(bot.pid, "VmHWM")
    busy_pss = proportional_mb(bot.pid)
    bot.terminate()
    await bot.wait()
    seen = fake.stop()
    print(
        f"bot resident memory: idle {idle:.0f} MB, after 40 avoimet + 40 App Home at "
        f"10,000 teams {busy:.0f} MB, peak {peak:.0f} MB"
        f" (Home tabs published: {seen['home_views']}, calls refused: {seen['failed_calls']})"
    )
    print(f"proportional (Pss): idle {idle_pss:.0f} MB, after the load {busy_pss:.0f} MB")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else None))
