"""`/tiimi avoimet` and App Home at 100,000 open teams, server-side.

    python -m benchmarks.scale [--database postgres|sqlite] [--teams 100000] [--rounds 50]
                               [--url SEEDED_URL]

Seeds a fresh database (`benchmarks.databases`) with benchmarks.seed_scale, or uses an already
seeded one (--url), then times the core call plus Block Kit rendering: everything the bot does
between acknowledging a request and sending the answer. Target: p95 under 300 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from benchmarks.databases import KINDS, bench_database
from benchmarks.machine import python_speed
from benchmarks.seed_scale import NOW
from bot.context import Actor, Core
from bot.coordinators.commands import ListOpenTeams
from bot.coordinators.overview import OverviewService
from bot.coordinators.roster import CoordinatorDirectory
from bot.home.service import HomeService
from handlers.slack.render import render_blocks
from storage.db import Database
from tests.support.memory_platform import MemoryPlatform

TARGET_MS = 300


class FixedClock:
    def now(self) -> object:
        return NOW


async def timed(work: Callable[[], Awaitable[object]], rounds: int) -> tuple[float, float]:
    await work()  # warm-up
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        await work()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.95))]


async def measure(url: str, rounds: int) -> None:
    database = Database(url)
    core = Core(
        database=database,
        platform=MemoryPlatform(),
        clock=FixedClock(),  # type: ignore[arg-type]
        timezone=ZoneInfo("Europe/Helsinki"),
        language="fi",
        coordinators=frozenset({"UCOORD"}),
    )
    directory = CoordinatorDirectory(core)
    overview, home = OverviewService(core, directory), HomeService(core, directory)
    coordinator, member = Actor("UCOORD", "fi"), Actor("U0000042", "fi")

    async def avoimet() -> None:
        message = await overview.open_teams(actor=coordinator, command=ListOpenTeams(), filters="")
        render_blocks(message)

    async def home_of(actor: Actor) -> None:
        render_blocks(await home.home(actor), limit=100)

    for name, work in (
        ("/tiimi avoimet (coordinator)", avoimet),
        ("App Home (coordinator)", lambda: home_of(coordinator)),
        ("App Home (member)", lambda: home_of(member)),
    ):
        p50, p95 = await timed(work, rounds)
        verdict = "ok" if p95 < TARGET_MS else "OVER TARGET"
        print(
            f"{name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms (target {TARGET_MS} ms: {verdict})",
            flush=True,
        )
    await database.dispose()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", choices=KINDS, default="postgres")
    parser.add_argument("--teams", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--url", help="an already seeded database (no seeding)")
    args = parser.parse_args()
    print(python_speed(), flush=True)
    if args.url:
        await measure(args.url, args.rounds)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            async with bench_database(args.database, Path(tmp)) as url:
                started = time.perf_counter()
                seeding = await asyncio.create_subprocess_exec(  # its rows stay out of here
                    sys.executable, "-m", "benchmarks.seed_scale", url, "--teams", str(args.teams)
                )
                assert await seeding.wait() == 0
                print(f"{args.database}: seeded in {time.perf_counter() - started:.0f} s")
                await measure(url, args.rounds)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of this process (bot code, queries, rendering): {peak:.0f} MB")


if __name__ == "__main__":
    asyncio.run(main())
