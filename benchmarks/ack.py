"""Acknowledgement latency of the real bot against a bare Bolt app that only acknowledges.

    python -m benchmarks.ack [--requests 200]

For each database kind (SQLite; PostgreSQL when TIIMI_TEST_POSTGRES_URL is set) the real bot
runs as `python -m bot` (HTTP mode) against the fake Slack, next to `benchmarks.bare_app` (the
framework's floor). Both get the same signed requests; the time is measured from sending to the
HTTP answer (Slack's acknowledgement), at concurrency 1 and 16.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import aiohttp

from tests.fake_slack import FakeSlack
from tests.support.databases import fresh_database_url
from tests.support.signing import signed_headers

SECRET = "benchmark0signing0secret0value"
ROOT = str(Path(__file__).resolve().parents[1])
USERS = ("UANNA", "UBERT")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def start(
    module: str, env: dict[str, str], cwd: str
) -> tuple[asyncio.subprocess.Process, int]:
    port = free_port()
    root = ROOT
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        module,
        cwd=cwd,
        env=os.environ | env | {"PORT": str(port), "PYTHONPATH": root},
    )
    async with aiohttp.ClientSession() as session:
        for _ in range(200):
            try:
                async with session.get(f"http://127.0.0.1:{port}/healthz") as resp:
                    if resp.status == 200:
                        return process, port
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError(f"{module} did not start")


def requests(fake: FakeSlack, channel: str) -> dict[str, Callable[[int], tuple[str, str]]]:
    """Request kinds: a function of a counter giving (body, content type)."""

    def command(name: str, text: str, where: str) -> Callable[[int], tuple[str, str]]:
        def make(i: int) -> tuple[str, str]:
            fields = {
                "command": name,
                "text": text,
                "user_id": USERS[i % 2],
                "channel_id": where,
                "team_id": "T0TEST",
                "trigger_id": f"1.{i}.{time.time_ns()}",
                "response_url": fake.new_response_url(),
            }
            return urlencode(fields), "application/x-www-form-urlencoded"

        return make

    def button(i: int) -> tuple[str, str]:
        payload = {
            "type": "block_actions",
            "user": {"id": "UANNA"},
            "team": {"id": "T0TEST"},
            "trigger_id": f"2.{i}.{time.time_ns()}",
            "channel": {"id": channel},
            "response_url": fake.new_response_url(),
            "actions": [
                {
                    "type": "button",
                    "action_id": "plan_page:next",
                    "value": "1",
                    "block_id": "b",
                    "action_ts": "1",
                }
            ],
        }
        return urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded"

    def event(i: int) -> tuple[str, str]:
        envelope = {
            "type": "event_callback",
            "team_id": "T0TEST",
            "event_id": f"Ev{time.time_ns()}",
            "event": {"type": "app_home_opened", "user": USERS[i % 2], "tab": "home"},
        }
        return json.dumps(envelope), "application/json"

    return {
        "/tiimi ohje": command("/tiimi", "ohje", "DANNA"),
        "/tiimi jäsenet": command("/tiimi", "jäsenet", channel),
        "/askel lista": command("/askel", "lista", channel),
        "/askel <step>": command("/askel", "Soita Kelaan pe mennessä", channel),
        "button": button,
        "app_home_opened": event,
    }


async def latencies(
    port: int, make: Callable[[int], tuple[str, str]], count: int, concurrency: int
) -> list[float]:
    times: list[float] = []
    slots = asyncio.Semaphore(concurrency)
    async with aiohttp.ClientSession() as session:

        async def one(i: int) -> None:
            body, kind = make(i)
            headers = signed_headers(SECRET, body) | {"Content-Type": kind}
            async with slots:
                started = time.perf_counter()
                async with session.post(
                    f"http://127.0.0.1:{port}/slack/events", data=body, headers=headers
                ) as resp:
                    await resp.read()
                    assert resp.status == 200, resp.status
                times.append((time.perf_counter() - started) * 1000)

        await asyncio.gather(*(one(i) for i in range(count)))
    return sorted(times)


def p(times: list[float], q: float) -> float:
    return times[min(len(times) - 1, int(len(times) * q))]


async def measure(kind: str, count: int, only: str | None = None) -> None:
    tmp = tempfile.mkdtemp()
    async with FakeSlack() as fake, fresh_database_url(kind, Path(tmp)) as url:
        for user in USERS:
            fake.add_user(user)
        env = {
            "SLACK_BOT_TOKEN": fake.token,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": fake.base_url,
            "DATABASE_URL": url,
            "LOG_LEVEL": "ERROR",
        }
        bot, bot_port = await start("bot", env, tmp)
        bare, bare_port = await start("benchmarks.bare_app", env, tmp)
        try:
            body, kind_ = requests(fake, "")["/tiimi ohje"](0)
            body = body.replace("text=ohje", "text=uusi+%3C%40UBERT%3E")
            async with aiohttp.ClientSession() as session:
                headers = signed_headers(SECRET, body) | {"Content-Type": kind_}
                await session.post(
                    f"http://127.0.0.1:{bot_port}/slack/events", data=body, headers=headers
                )
            await fake.wait_for(lambda: fake.channel_by_name("mt-2026-0001"), 30)
            channel = fake.channel_by_name("mt-2026-0001")
            assert channel is not None
            for name, make in requests(fake, channel.id).items():
                if only and name != only:
                    continue
                for concurrency in (1, 16):
                    real = await latencies(bot_port, make, count, concurrency)
                    floor = await latencies(bare_port, make, count, concurrency)
                    bot50, bare50 = statistics.median(real), statistics.median(floor)
                    print(
                        f"{kind:10} {name:16} c={concurrency:<2} bot p50 {bot50:5.1f}"
                        f" p99 {p(real, 0.99):5.1f} ms | bare p50 {bare50:5.1f}"
                        f" p99 {p(floor, 0.99):5.1f} ms | ratio p50 {bot50 / bare50:.2f}"
                        f" p99 {p(real, 0.99) / p(floor, 0.99):.2f}",
                        flush=True,
                    )
        finally:
            for process in (bot, bare):
                process.terminate()
                await process.wait()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--only", help="measure one request kind, e.g. app_home_opened")
    args = parser.parse_args()
    kinds = ["sqlite"] + (["postgresql"] if os.environ.get("TIIMI_TEST_POSTGRES_URL") else [])
    for kind in kinds:
        await measure(kind, args.requests, args.only)


if __name__ == "__main__":
    asyncio.run(main())
