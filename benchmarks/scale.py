"""`/tiimi avoimet` and App Home at 10,000 open teams, server-side, on SQLite and PostgreSQL.

    python -m benchmarks.scale [--rounds 60]

Seeds a fresh database of each kind with benchmarks.seed_scale (PostgreSQL when
TIIMI_TEST_POSTGRES_URL is set), then times the core call plus Block Kit rendering, which is
everything the bot does between acknowledging a request and sending the answer.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from benchmarks.seed_scale import NOW
from bot.context import Actor, Core
from bot.coordinators.commands import ListOpenTeams
from bot.coordinators.overview import OverviewService
from bot.coordinators.roster import CoordinatorDirectory
from bot.home.service import HomeService
from handlers.slack.render import render_blocks
from storage.db import Database
from tests.support.databases import fresh_database_url
from tests.support.memory_platform import MemoryPlatform


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
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


async def measure(kind: str, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        async with fresh_database_url(kind, Path(tmp)) as url:
            started = time.perf_counter()
            seeding = await asyncio.create_subprocess_exec(  # its lists stay out of this process
                sys.executable, "-m", "benchmarks.seed_scale", url
            )
            assert await seeding.wait() == 0
            print(f"{kind}: seeded in {time.perf_counter() - started:.0f} s", flush=True)
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
                message = await overview.open_teams(
                    actor=coordinator, command=ListOpenTeams(), filters=""
                )
                render_blocks(message)

            async def home_of(actor: Actor) -> None:
                render_blocks(await home.home(actor), limit=100)

            for name, work, target in (
                ("/tiimi avoimet (coordinator)", avoimet, 200),
                ("App Home (coordinator)", lambda: home_of(coordinator), 200),
                ("App Home (member)", lambda: home_of(member), 100),
            ):
                p50, p95 = await timed(work, rounds)
                verdict = "ok" if p95 <= target else "OVER TARGET"
                print(
                    f"{kind}: {name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms "
                    f"(target {target} ms: {verdict})",
                    flush=True,
                )
            await database.dispose()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()
    kinds = ["sqlite"] + (["postgresql"] if os.environ.get("TIIMI_TEST_POSTGRES_URL") else [])
    for kind in kinds:
        await measure(kind, args.rounds)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of this process (bot code, queries, rendering): {peak:.0f} MB")


if __name__ == "__main__":
    asyncio.run(main())
