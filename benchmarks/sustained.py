"""Sustained load: 50 mixed signed requests per second against the real bot for 5 minutes.

    python -m benchmarks.sustained [--seconds 300] [--rate 50]

Reports errors, the bot's CPU time per request (acknowledgement and work, all its threads),
acknowledgement latency per minute and the bot's resident memory per minute.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import statistics
import tempfile
import time
from pathlib import Path

import aiohttp

from benchmarks.ack import SECRET, USERS, bot_env, open_teams, p, requests, start, until_idle
from benchmarks.bot_memory import cpu_seconds, resident_mb
from benchmarks.fake_slack_process import FakeSlackProcess
from tests.support.signing import signed_headers

TEAMS = 20


async def main(seconds: int, rate: int) -> None:
    tmp = tempfile.mkdtemp()
    fake = FakeSlackProcess([], enforce_post_rate=False, users=list(USERS))
    pool = iter(fake.response_urls(seconds * rate + TEAMS + 10))
    next_url = functools.partial(next, pool)
    try:
        env = bot_env(fake, f"sqlite:///{Path(tmp)}/load.db")
        bot, port = await start("bot", env, tmp)
        url = f"http://127.0.0.1:{port}/slack/events"
        teams = await open_teams(fake, port, next_url, TEAMS)  # spread the load over teams
        makers = [make for team in teams for make in requests(next_url, team).values()]
        async with aiohttp.ClientSession() as session:
            errors = 0
            minute_times: list[list[float]] = [[] for _ in range(seconds // 60 + 1)]
            memory = [resident_mb(bot.pid)]
            cpu_before = cpu_seconds(bot.pid)
            started = time.perf_counter()

            async def one(i: int) -> None:
                nonlocal errors
                body, kind = makers[i % len(makers)](i)
                headers = signed_headers(SECRET, body) | {"Content-Type": kind}
                sent = time.perf_counter()
                try:
                    async with session.post(url, data=body, headers=headers) as resp:
                        await resp.read()
                        if resp.status != 200:
                            errors += 1
                except aiohttp.ClientError:
                    errors += 1
                minute_times[i // (60 * rate)].append(  # by when it was due to be sent
                    (time.perf_counter() - sent) * 1000
                )

            tasks = []
            for i in range(seconds * rate):
                due = started + i / rate
                await asyncio.sleep(max(0.0, due - time.perf_counter()))
                tasks.append(asyncio.create_task(one(i)))
                if i and i % (60 * rate) == 0:
                    memory.append(resident_mb(bot.pid))
            await asyncio.gather(*tasks)
            await until_idle(port)  # the work after the last acknowledgements counts too
            cpu = cpu_seconds(bot.pid) - cpu_before
            memory.append(resident_mb(bot.pid))
        bot.terminate()
        await bot.wait()
    finally:
        seen = fake.stop()
    print(f"{seconds * rate} requests at {rate}/s, errors {errors}")
    print(f"Web API calls refused by the fake: {seen['failed_calls']}")
    print(f"bot CPU per request: {cpu / (seconds * rate) * 1000:.2f} ms (acknowledgement and work)")
    for minute, times in enumerate(t for t in minute_times if t):
        times.sort()
        p50, p99 = statistics.median(times), p(times, 0.99)
        print(f"minute {minute + 1}: p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    print("bot resident memory per minute (MB): " + ", ".join(f"{m:.0f}" for m in memory))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--rate", type=int, default=50)
    args = parser.parse_args()
    asyncio.run(main(args.seconds, args.rate))
