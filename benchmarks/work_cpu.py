"""CPU time the real bot spends per request, by kind: acknowledgement and work together.

    python -m benchmarks.work_cpu [--requests 300] [--rate 50] [--only KIND]

CPU time is steadier than latency on a shared machine: it is what the bot's own code costs,
whatever else runs. The bot serves 20 teams (as in benchmarks.sustained); each kind is sent
`--requests` times at `--rate` per second, and the bot's CPU time (all threads, from /proc) is
read before and after, once its work is done; so is the fake Slack's, which shares the machine
with the bot here but not in production.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import tempfile
import time
from pathlib import Path

import aiohttp

from benchmarks.ack import SECRET, USERS, bot_env, open_teams, requests, start, until_idle
from benchmarks.bot_memory import cpu_seconds, own_cpu_seconds
from benchmarks.fake_slack_process import FakeSlackProcess
from benchmarks.machine import python_speed
from tests.support.signing import signed_headers

TEAMS = 20


async def main(count: int, rate: int, only: str | None) -> None:
    print(python_speed(), flush=True)
    tmp = tempfile.mkdtemp()
    fake = FakeSlackProcess([], enforce_post_rate=False, users=list(USERS))
    next_url = functools.partial(next, iter(fake.response_urls(7 * count + TEAMS + 10)))
    try:
        env = bot_env(fake, f"sqlite:///{Path(tmp)}/cpu.db")
        bot, port = await start("bot", env, tmp)
        teams = await open_teams(fake, port, next_url, TEAMS)
        kinds = {
            name: [requests(next_url, team)[name] for team in teams]
            for name in requests(next_url, teams[0])
        }
        url = f"http://127.0.0.1:{port}/slack/events"
        async with aiohttp.ClientSession() as session:
            for name, makers in kinds.items():
                if only and name != only:
                    continue
                await until_idle(port)
                before, fake_before = cpu_seconds(bot.pid), own_cpu_seconds(fake.pid)
                started = time.perf_counter()
                for i in range(count):
                    await asyncio.sleep(max(0.0, started + i / rate - time.perf_counter()))
                    body, kind = makers[i % len(makers)](i)
                    headers = signed_headers(SECRET, body) | {"Content-Type": kind}
                    async with session.post(url, data=body, headers=headers) as resp:
                        assert resp.status == 200, resp.status
                await until_idle(port)
                cpu = (cpu_seconds(bot.pid) - before) / count * 1000
                fake_cpu = (own_cpu_seconds(fake.pid) - fake_before) / count * 1000
                line = f"{name:18} {cpu:5.2f} ms CPU per request"
                print(f"{line}, the fake Slack {fake_cpu:5.2f} ms", flush=True)
        bot.terminate()
        await bot.wait()
    finally:
        seen = fake.stop()
    print(f"Web API calls refused by the fake: {seen['failed_calls']}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--rate", type=int, default=50)
    parser.add_argument("--only", help="one kind, e.g. app_home_opened")
    args = parser.parse_args()
    asyncio.run(main(args.requests, args.rate, args.only))
