"""Acknowledgement latency of the real bot against a bare Bolt app that only acknowledges.

    python -m benchmarks.ack [--requests 100] [--rounds 3] [--warmup 20] [--only KIND]
                             [--work-ms MS]

For each database kind (SQLite; PostgreSQL when TIIMI_TEST_POSTGRES_URL is set) the real bot
runs as `python -m bot` (HTTP mode) against the fake Slack, which runs in a process of its own
(Slack's work is not the bot's). Beside it run two bare apps (`benchmarks.bare_app`, the
framework's floor): "bare" with process_before_response, and "default" in Bolt's default mode,
the bot's, which polls for ack() every 10 ms. With --work-ms, "bare+N ms" spends N ms of CPU
after each acknowledgement and then answers as the bot does. All get the same signed requests;
the time is measured from sending to the HTTP answer (Slack's acknowledgement).

The loads (`LOADS`):
- "1 user", "16 users": that many people at once, each sending the next request when the
  answer of the previous one is in (the post to its response_url, or the published Home tab;
  the bare apps answer with the acknowledgement), so at most that many requests are in the
  app at once. The bare apps' users then wait as long as the bot's users waited for their
  answers in the same round (`user_pause`), so that every app is hit at the same pace and after
  the same idle time; "bare, back to back" is the bare app without that pause;
- "50/s": a request every 20 ms, whatever the answers;
- "1 flood", "16 flood": the next request as soon as the previous is acknowledged. The bot's
  work after its acknowledgements piles up: 10 times more than it can do, which shows how the
  acknowledgement holds up under overload.
Every series checks that the bot answered each request once. Each series follows a few
unmeasured requests of the same kind and starts when the bot has finished the work of the
requests before it (`work_in_progress` in /healthz is 0). The apps take turns, a series each,
for a few rounds, so that the machine's drift hits them alike.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import socket
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import aiohttp

from benchmarks.fake_slack_process import AnswerFeed, FakeSlackProcess
from benchmarks.machine import python_speed
from tests.support.databases import fresh_database_url
from tests.support.signing import signed_headers

SECRET = "benchmark0signing0secret0value"
ROOT = str(Path(__file__).resolve().parents[1])
USERS = ("UANNA", "UBERT")
SERIES_TIMEOUT = 300.0  # seconds; a request left unanswered stops the run


@dataclass(frozen=True)
class Load:
    name: str
    in_app: int = 0  # requests in the app at once (0: no limit)
    per_second: int = 0  # a steady rate instead
    waits_for_answer: bool = True  # False: the next request goes as soon as one is acknowledged

    @property
    def of_users(self) -> bool:
        """Each user sends again once the answer to the previous request is in."""
        return self.in_app > 0 and self.waits_for_answer


LOADS = (
    Load("1 user", in_app=1),
    Load("16 users", in_app=16),
    Load("50/s", per_second=50),
    Load("1 flood", in_app=1, waits_for_answer=False),
    Load("16 flood", in_app=16, waits_for_answer=False),
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bot_env(fake: FakeSlackProcess, database_url: str) -> dict[str, str]:
    """The environment of a bot (or bare app) served against the fake Slack."""
    return {
        "SLACK_BOT_TOKEN": fake.token,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.base_url,
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "ERROR",
    }


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


def requests(
    next_response_url: Callable[[], str], channel: str
) -> dict[str, Callable[[int], tuple[str, str]]]:
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
                "response_url": next_response_url(),
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
            "response_url": next_response_url(),
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
    port: int,
    make: Callable[[int], tuple[str, str]],
    count: int,
    load: Load,
    answers: AnswerFeed | None,
    pause_ms: float = 0.0,
) -> tuple[list[float], float]:
    """Send `count` requests under `load`: their sorted latencies and the series' wall time in
    ms. `answers` is None for an app that answers nothing but the acknowledgement; under a user
    load each user then sends again `pause_ms` after the acknowledgement."""
    times: list[float] = []
    in_app = asyncio.Semaphore(load.in_app or count)
    by_answer = load.waits_for_answer and load.in_app > 0 and answers is not None
    async with aiohttp.ClientSession() as session:

        async def one(i: int) -> None:
            body, kind = make(i)
            headers = signed_headers(SECRET, body) | {"Content-Type": kind}
            if load.per_second:
                await asyncio.sleep(i / load.per_second)
            await in_app.acquire()
            started = time.perf_counter()
            async with session.post(
                f"http://127.0.0.1:{port}/slack/events", data=body, headers=headers
            ) as resp:
                await resp.read()
                assert resp.status == 200, resp.status
            times.append((time.perf_counter() - started) * 1000)
            if not by_answer:
                if pause_ms:
                    await asyncio.sleep(pause_ms / 1000)
                in_app.release()

        if by_answer:
            assert answers is not None
            answers.gate = in_app  # each answer lets the next request in
        started = time.perf_counter()
        try:
            await asyncio.wait_for(asyncio.gather(*(one(i) for i in range(count))), SERIES_TIMEOUT)
        finally:
            if answers is not None:
                answers.gate = None
    return sorted(times), (time.perf_counter() - started) * 1000


async def steady_latencies(
    port: int,
    make: Callable[[int], tuple[str, str]],
    count: int,
    warmup: int,
    load: Load,
    answers: AnswerFeed | None,
    pause_ms: float = 0.0,
) -> tuple[list[float], float]:
    """Latencies and wall time (ms) of `count` requests after `warmup` unmeasured ones of the
    same kind; checks that each got one answer."""
    for series in (warmup, count):
        await until_idle(port)  # the series starts without the work of the requests before
        if answers is not None:
            answers.read()  # the answers to earlier requests are counted before it starts
        before = answers.count if answers else 0
        times, wall = await latencies(port, make, series, load, answers, pause_ms)
        await until_idle(port)
        if answers is not None:
            for _ in range(100):  # the bot may still be answering
                answers.read()
                if answers.count - before >= series:
                    break
                await asyncio.sleep(0.05)
            if answers.count - before != series:
                raise RuntimeError(f"{series} requests got {answers.count - before} answers")
    return times, wall


def user_pause(load: Load, times: list[float], wall: float, count: int) -> float:
    """How long after its acknowledgement each user of the real app waited for the answer, on
    average (ms): the floors' users wait as long before sending again, so that every app is
    hit at the same pace, each request after the same idle time. 0 for other loads."""
    if not load.of_users:
        return 0.0
    return max(0.0, wall * load.in_app / count - statistics.mean(times))


async def until_idle(port: int) -> None:
    """Wait until the app has no acknowledged request's work left."""
    async with aiohttp.ClientSession() as session:
        for _ in range(600):
            async with session.get(f"http://127.0.0.1:{port}/healthz") as resp:
                if (await resp.json())["work_in_progress"] == 0:
                    return
            await asyncio.sleep(0.05)
    raise RuntimeError("the bot did not finish its work in 30 s")


def p(times: list[float], q: float) -> float:
    return times[min(len(times) - 1, int(len(times) * q))]


async def post(port: int, body: str, kind: str) -> None:
    async with aiohttp.ClientSession() as session:
        headers = signed_headers(SECRET, body) | {"Content-Type": kind}
        async with session.post(
            f"http://127.0.0.1:{port}/slack/events", data=body, headers=headers
        ) as resp:
            assert resp.status == 200, resp.status


async def open_teams(
    fake: FakeSlackProcess, port: int, next_url: Callable[[], str], count: int
) -> list[str]:
    """Open teams through the bot (`/tiimi uusi`) and return their channels' ids."""
    for n in range(count):
        body, kind = requests(next_url, "")["/tiimi ohje"](n)
        await post(port, body.replace("text=ohje", "text=uusi+%3C%40UBERT%3E"), kind)
    for _ in range(600):
        if fake.channel_id(f"mt-2026-{count:04d}"):
            break
        await asyncio.sleep(0.1)
    channels = [fake.channel_id(f"mt-2026-{n:04d}") for n in range(1, count + 1)]
    if None in channels:
        raise RuntimeError("a team's channel was not created")
    return [c for c in channels if c]


def row(
    name: str, load: Load, label: str, real: list[float], floors: dict[str, list[float]]
) -> str:
    bot50, bot99 = statistics.median(real), p(real, 0.99)
    line = f"{name:16} {load.name:8} {label} p50 {bot50:5.1f} p99 {bot99:5.1f} ms"
    for floor_label, floor in floors.items():
        bare50, bare99 = statistics.median(floor), p(floor, 0.99)
        line += (
            f" | {floor_label} p50 {bare50:5.1f} p99 {bare99:5.1f}"
            f" ratio {bot50 / bare50:.2f} / {bot99 / bare99:.2f}"
        )
    return line


async def measure(
    kind: str,
    count: int,
    warmup: int,
    rounds: int,
    only: str | None,
    work_ms: float,
) -> None:
    tmp = tempfile.mkdtemp()
    fake = FakeSlackProcess([], enforce_post_rate=False, users=list(USERS), tell_answers=True)
    assert fake.answers is not None
    answers = AnswerFeed(fake.answers)
    pool = iter(fake.response_urls(4 * 6 * len(LOADS) * rounds * (count + warmup) + 10))
    next_url = functools.partial(next, pool)
    try:
        async with fresh_database_url(kind, Path(tmp)) as url:
            env = bot_env(fake, url)
            bot, bot_port = await start("bot", env, tmp)
            bare, bare_port = await start(
                "benchmarks.bare_app", env | {"BARE_PROCESS_BEFORE_RESPONSE": "1"}, tmp
            )
            default, default_port = await start("benchmarks.bare_app", env, tmp)
            floors = {"bare": (bare_port, None), "default": (default_port, None)}
            processes = [bot, bare, default]
            if work_ms:
                working, working_port = await start(
                    "benchmarks.bare_app",
                    env | {"BARE_WORK_MS": str(work_ms)},
                    tmp,
                )
                floors[f"bare+{work_ms:g}ms"] = (working_port, answers)
                processes.append(working)
            label = "bot"
            measured_port = bot_port
            try:
                [channel] = await open_teams(fake, bot_port, next_url, 1)
                print(
                    f"{kind}: {rounds} rounds of {count} requests per app and row,"
                    f" each after {warmup} warm-up requests"
                )
                for name, make in requests(next_url, channel).items():
                    if only and name != only:
                        continue
                    for load in LOADS:
                        paced = load.of_users
                        times: dict[str, list[float]] = {label: []} | {f: [] for f in floors}
                        if paced:
                            times["bare, back to back"] = []
                        pauses: list[float] = []
                        for _ in range(rounds):  # taking turns, so drift hits all apps alike
                            real, wall = await steady_latencies(
                                measured_port, make, count, warmup, load, answers
                            )
                            times[label] += real
                            pause = user_pause(load, real, wall, count)
                            pauses.append(pause)
                            for floor, (port, feed) in floors.items():
                                times[floor] += (
                                    await steady_latencies(
                                        port,
                                        make,
                                        count,
                                        warmup,
                                        load,
                                        feed,
                                        pause if feed is None else 0.0,
                                    )
                                )[0]
                            if paced:
                                times["bare, back to back"] += (
                                    await steady_latencies(
                                        bare_port, make, count, warmup, load, None
                                    )
                                )[0]
                        floor_times = {f: sorted(t) for f, t in times.items() if f != label}
                        line = row(name, load, label, sorted(times[label]), floor_times)
                        if paced:
                            line += f" | floors paced {statistics.mean(pauses):.1f} ms"
                        print(f"{kind:10} {line}", flush=True)
            finally:
                for process in processes:
                    process.terminate()
                    await process.wait()
    finally:
        answers.close()
        seen = fake.stop()
        print(f"{kind}: Web API calls refused by the fake: {seen['failed_calls']}")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=100, help="per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=20, help="unmeasured requests per row")
    parser.add_argument("--only", help="measure one request kind, e.g. app_home_opened")
    parser.add_argument(
        "--work-ms",
        type=float,
        default=0,
        help="also measure a bare app that spends this much CPU after each acknowledgement",
    )
    args = parser.parse_args()
    kinds = ["sqlite"] + (["postgresql"] if os.environ.get("TIIMI_TEST_POSTGRES_URL") else [])
    print(python_speed(), flush=True)
    for kind in kinds:
        await measure(
            kind,
            args.requests,
            args.warmup,
            args.rounds,
            args.only,
            args.work_ms,
        )


if __name__ == "__main__":
    asyncio.run(main())
