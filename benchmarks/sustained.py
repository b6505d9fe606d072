"""Steady mixed load on one bot process: acknowledgement and answer latencies, errors, memory.

    python -m benchmarks.sustained [--seconds 600] [--rate 20] [--database sqlite|postgres]
    python -m benchmarks.sustained --find-max [--step-seconds 60] [--database ...]

`python -m bot` (HTTP mode, as the Procfile starts it) serves TEAMS teams opened through it,
on a fresh database (`benchmarks.databases`); the fake Slack runs in a process of its own and
tells each answer as it arrives (`benchmarks.load` has the mix of requests and the matching).
Requests go at a steady rate whatever the answers. Reports the acknowledgement latency (to
the HTTP 200), the answer latency (to the last part of the answer in the fake Slack), errors
(non-200s, missing answers, ERROR lines in the bot's log, Web API calls the fake refused) and
the bot's resident memory at the end of each minute.

--find-max steps the rate up (20, 40, 60, ...) for --step-seconds each and reports the last
rate whose answers held under 1 s at p95 without errors, and the first that did not.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import tempfile
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from urllib.parse import urlencode

import aiohttp

from benchmarks.bot_process import (
    SECRET,
    bot_env,
    cpu_seconds,
    log_errors,
    resident_mb,
    start_bot,
    until_idle,
)
from benchmarks.databases import KINDS, bench_database
from benchmarks.fake_slack_process import FakeSlackProcess
from benchmarks.load import COORDINATOR, FORM, Request, Users, convenor, member, users
from benchmarks.machine import python_speed
from benchmarks.report import Phase, report
from handlers.sandbox.workspace.signing import signed_headers

TEAMS = 20
ANSWER_WAIT = 30.0  # seconds after the last request for the answers still on their way
MAX_P95_MS = 1000.0  # --find-max: the answers' p95 that a rate must hold


@dataclass
class Bot:
    process: asyncio.subprocess.Process
    port: int
    users: Users
    log: Path
    fake: FakeSlackProcess


class Arrivals:
    """Reads the fake's arrivals as the event loop sees them and hands them on."""

    def __init__(self, answers: Connection) -> None:
        self._answers = answers
        self.users: Users | None = None
        asyncio.get_running_loop().add_reader(answers.fileno(), self.read)

    def read(self) -> None:
        while self._answers.poll():
            try:
                seen = self._answers.recv()
            except EOFError:
                self.close()
                return
            if self.users is not None:
                self.users.arrived(seen)

    def close(self) -> None:
        asyncio.get_running_loop().remove_reader(self._answers.fileno())


@asynccontextmanager
async def running_bot(kind: str, urls: int) -> AsyncIterator[Bot]:
    """The bot on a fresh database of `kind`, with TEAMS teams opened through it."""
    tmp = Path(tempfile.mkdtemp())
    fake = FakeSlackProcess([], enforce_post_rate=False, users=users(TEAMS), tell_answers=True)
    assert fake.answers is not None
    arrivals = Arrivals(fake.answers)
    next_url = functools.partial(next, iter(fake.response_urls(urls + TEAMS)))
    try:
        async with bench_database(kind, tmp) as url:
            log_path = tmp / "bot.log"
            with log_path.open("wb") as log:
                process, port = await start_bot(bot_env(fake, url, COORDINATOR), str(tmp), log)
                try:
                    channels = await open_teams(fake, port, next_url)
                    arrivals.users = Users(channels, next_url)
                    yield Bot(process, port, arrivals.users, log_path, fake)
                finally:
                    process.terminate()
                    await process.wait()
    finally:
        arrivals.close()
        seen = fake.stop()
        print(f"{kind}: Web API calls refused by the fake: {seen['failed_calls']}")


async def post(session: aiohttp.ClientSession, port: int, body: str, kind: str) -> int:
    headers = signed_headers(SECRET, body) | {"Content-Type": kind}
    async with session.post(
        f"http://127.0.0.1:{port}/slack/events", data=body, headers=headers
    ) as resp:
        await resp.read()
        return resp.status


async def open_teams(fake: FakeSlackProcess, port: int, next_url: Callable[[], str]) -> list[str]:
    """Team n is opened by its convenor with one member (`/tiimi uusi <@member>`), one after
    the other, so that team n gets the channel of the year's number n + 1."""
    channels = []
    async with aiohttp.ClientSession() as session:
        for n in range(TEAMS):
            fields = {
                "command": "/tiimi",
                "text": f"uusi <@{member(n)}>",
                "user_id": convenor(n),
                "channel_id": f"D{convenor(n)}",
                "team_id": "T0TEST",
                "trigger_id": f"0.{n}.{time.time_ns()}",
                "response_url": next_url(),
            }
            assert await post(session, port, urlencode(fields), FORM) == 200
            await until_idle(port)
            channel = fake.channel_id(f"mt-2026-{n + 1:04d}")
            if channel is None:
                raise RuntimeError(f"team {n + 1}'s channel was not created")
            channels.append(channel)
    return channels


async def send(bot: Bot, rate: int, seconds: int, minutes: list[float]) -> list[Request]:
    """Requests at `rate` a second for `seconds`; the bot's memory is appended to `minutes`
    at the end of each minute. Returns the requests once answered (or ANSWER_WAIT after)."""
    sent: list[Request] = []
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:

        async def one(request: Request, body: str, kind: str) -> None:
            request.sent = time.monotonic()
            try:
                request.status = await post(session, bot.port, body, kind)
            except aiohttp.ClientError:
                request.status = None
            request.acked = time.monotonic()

        tasks = []
        started = time.monotonic()
        for i in range(seconds * rate):
            await asyncio.sleep(max(0.0, started + i / rate - time.monotonic()))
            request, body, kind = bot.users.next()
            sent.append(request)
            tasks.append(asyncio.create_task(one(request, body, kind)))
            if (i + 1) % (60 * rate) == 0:
                minutes.append(resident_mb(bot.process.pid))
        await asyncio.gather(*tasks)
    for _ in range(int(ANSWER_WAIT * 10)):
        if all(r.answered is not None for r in sent):
            break
        await asyncio.sleep(0.1)
    return sent


async def sustained(kind: str, seconds: int, rate: int) -> None:
    async with running_bot(kind, seconds * rate) as bot:
        memory = [resident_mb(bot.process.pid)]
        cpu = cpu_seconds(bot.process.pid)
        errors_before = len(log_errors(bot.log))
        requests = await send(bot, rate, seconds, memory)
        cpu = cpu_seconds(bot.process.pid) - cpu
        log = log_errors(bot.log)[errors_before:]
        phases = [
            Phase(f"minute {m + 1}", requests[m * 60 * rate : (m + 1) * 60 * rate], [memory[m + 1]])
            for m in range(seconds // 60)
        ]
        print(f"{kind}: {len(requests)} requests at {rate}/s for {seconds} s, {TEAMS} teams")
        report(Phase("all", requests, memory), phases, log, cpu)


async def find_max(kind: str, step_seconds: int, top: int) -> None:
    rates = list(range(20, top + 1, 20))
    async with running_bot(kind, sum(rates) * step_seconds) as bot:
        held = None
        for rate in rates:
            errors_before = len(log_errors(bot.log))
            cpu = cpu_seconds(bot.process.pid)
            memory: list[float] = []
            requests = await send(bot, rate, step_seconds, memory)
            cpu = cpu_seconds(bot.process.pid) - cpu
            log = log_errors(bot.log)[errors_before:]
            phase = Phase(f"{rate}/s", requests, memory)
            print(f"{kind}: {rate}/s for {step_seconds} s", flush=True)
            summary = report(phase, [], log, cpu)
            if summary.answer_p95 >= MAX_P95_MS or summary.errors:
                print(f"{kind}: held {held}/s, failed at {rate}/s", flush=True)
                return
            held = rate
            await until_idle(bot.port, 60)
        print(f"{kind}: held {held}/s, the highest rate tried")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=600)
    parser.add_argument("--rate", type=int, default=20)
    parser.add_argument("--database", choices=KINDS, default="sqlite")
    parser.add_argument("--find-max", action="store_true")
    parser.add_argument("--step-seconds", type=int, default=60)
    parser.add_argument("--top", type=int, default=200, help="--find-max: the highest rate")
    args = parser.parse_args()
    print(python_speed(), flush=True)
    if args.find_max:
        asyncio.run(find_max(args.database, args.step_seconds, args.top))
    else:
        asyncio.run(sustained(args.database, args.seconds, args.rate))


if __name__ == "__main__":
    main()
