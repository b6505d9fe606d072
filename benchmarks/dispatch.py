"""CPU time of the acknowledgement path alone: Bolt's dispatch in the bot's app against the bare
app, in one process, with no HTTP, no other process and no work after the acknowledgement.

    python -m benchmarks.dispatch [--requests 3000]

`benchmarks.ack` measures what Slack sees, but on two shared cores its figures move with the
load client, the fake and the database. This measures only what the bot adds before its
answer: its middleware, finding the listener and starting the work. The work itself never
starts: it waits for an answer that the benchmark never marks as written. Request keys are
remembered in memory here, so the database INSERT of each key (handlers.slack.request_keys)
is not measured.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import time
from collections.abc import Callable
from dataclasses import fields

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from benchmarks.ack import SECRET, requests
from benchmarks.bare_app import bare_app
from handlers.slack.app import SlackServices, build_app
from handlers.slack.respond import PooledRespond
from handlers.slack.work import ANSWERED, BackgroundWork
from tests.fake_slack import FakeSlack
from tests.support.signing import signed_headers


class KeysInMemory:
    """Stands in for bot.request_log.RequestLog, without a database."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    async def first_time(self, key: str) -> bool:
        if key in self.seen:
            return False
        self.seen.add(key)
        return True


WARMUP = 100  # unmeasured dispatches before each round
ROUNDS = 10


async def dispatch_times(
    app: AsyncApp, work: BackgroundWork, make: Callable[[int], tuple[str, str]], count: int
) -> list[float]:
    """Microseconds per `async_dispatch`, after WARMUP unmeasured ones; the work each
    dispatch starts is cancelled after it, so that none piles up."""
    never = asyncio.Event()  # the work waits for the written answer, which never comes here
    times: list[float] = []
    for i in range(WARMUP + count):
        body, kind = make(i)
        headers = signed_headers(SECRET, body) | {"content-type": kind}
        request = AsyncBoltRequest(body=body, headers=headers, context={ANSWERED: never})
        started = time.perf_counter()
        response = await app.async_dispatch(request)
        elapsed = (time.perf_counter() - started) * 1e6
        if response.status != 200:
            raise RuntimeError(f"status {response.status}: {response.body}")
        await work.drain(grace_seconds=0)
        if i >= WARMUP:
            times.append(elapsed)
    return sorted(times)


async def main(count: int) -> None:
    logging.getLogger("handlers.slack.work").setLevel(logging.ERROR)  # the cancelled work
    async with FakeSlack() as fake, aiohttp.ClientSession() as session:
        fake.add_user("UANNA")
        fake.add_user("UBERT")
        client = AsyncWebClient(token=fake.token, base_url=fake.base_url, session=session)
        no_services = SlackServices(**dict.fromkeys(f.name for f in fields(SlackServices)))
        bot_work, bare_work = BackgroundWork(slots=4), BackgroundWork(slots=4)
        bot = build_app(
            client=client,
            signing_secret=SECRET,
            services=no_services,  # only handed on: the work never runs
            work=bot_work,
            request_log=KeysInMemory(),
            responder=lambda url: PooledRespond(
                response_url=url, session=session, retry_handlers=[]
            ),
        )
        bare = bare_app(
            client, session, bare_work, signing_secret=SECRET, process_before_response=True
        )
        print(
            f"{count} dispatches per app and kind in {ROUNDS} rounds,"
            f" each round after {WARMUP} unmeasured ones"
        )
        for name, make in requests(fake.new_response_url, "C0TEAM").items():
            bot_times: list[float] = []
            bare_times: list[float] = []
            for _ in range(ROUNDS):  # taking turns, so that the machine's drift hits both alike
                bot_times += await dispatch_times(bot, bot_work, make, count // ROUNDS)
                bare_times += await dispatch_times(bare, bare_work, make, count // ROUNDS)
            bot50, bare50 = statistics.median(bot_times), statistics.median(bare_times)
            print(
                f"{name:16} bot p50 {bot50:6.1f} µs | bare p50 {bare50:6.1f} µs"
                f" | bot adds {bot50 - bare50:5.1f} µs (ratio {bot50 / bare50:.2f})",
                flush=True,
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=3000)
    asyncio.run(main(parser.parse_args().requests))
