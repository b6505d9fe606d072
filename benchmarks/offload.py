"""Would moving the work after the acknowledgement to a lower-priority process help?

    python -m benchmarks.offload [--events 300]

A bare Bolt app (the bot's mode) acknowledges App Home events one at a time while a real bot
process, at nice 0, 10 and 19, does the same events' work (Home queries, Block Kit,
views.publish). The bare app's acknowledgement latency is what a process that only acknowledges
would see if the work ran in worker processes beside it.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import statistics
import tempfile
import time
from pathlib import Path

import aiohttp

from benchmarks.ack import (
    SECRET,
    USERS,
    bot_env,
    open_teams,
    p,
    requests,
    start,
    until_idle,
)
from benchmarks.fake_slack_process import FakeSlackProcess
from tests.support.databases import fresh_database_url
from tests.support.signing import signed_headers

WARMUP = 20


async def measure(nice: int, events: int) -> None:
    tmp = tempfile.mkdtemp()
    fake = FakeSlackProcess([], enforce_post_rate=False, users=list(USERS))
    next_url = functools.partial(next, iter(fake.response_urls(events + 10)))
    try:
        async with fresh_database_url("sqlite", Path(tmp)) as url:
            env = bot_env(fake, url)
            worker, worker_port = await start("bot", env, tmp)
            os.setpriority(os.PRIO_PROCESS, worker.pid, nice)
            bare_env = env | {"BARE_PROCESS_BEFORE_RESPONSE": "1"}
            bare, bare_port = await start("benchmarks.bare_app", bare_env, tmp)
            try:
                [channel] = await open_teams(fake, worker_port, next_url, 1)
                make = requests(next_url, channel)["app_home_opened"]
                times: list[float] = []
                async with aiohttp.ClientSession() as session:
                    for i in range(events + WARMUP):
                        body, kind = make(i)
                        headers = signed_headers(SECRET, body) | {"Content-Type": kind}
                        started = time.perf_counter()
                        async with session.post(
                            f"http://127.0.0.1:{bare_port}/slack/events", data=body, headers=headers
                        ) as resp:
                            await resp.read()
                        if i >= WARMUP:
                            times.append((time.perf_counter() - started) * 1000)
                        async with session.post(
                            f"http://127.0.0.1:{worker_port}/slack/events",
                            data=body,
                            headers=headers,
                        ) as resp:
                            await resp.read()
                await until_idle(worker_port)
            finally:
                for process in (worker, bare):
                    process.terminate()
                    await process.wait()
    finally:
        fake.stop()
    times.sort()
    print(
        f"work at nice {nice:2}: acknowledgement p50 {statistics.median(times):.2f} ms,"
        f" p99 {p(times, 0.99):.2f} ms ({events} events)",
        flush=True,
    )


async def main(events: int) -> None:
    for nice in (0, 10, 19):
        await measure(nice, events)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=300)
    asyncio.run(main(parser.parse_args().events))
