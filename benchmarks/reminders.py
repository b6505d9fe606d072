"""Reminder delivery throughput and claim latency, on SQLite and PostgreSQL.

    python -m benchmarks.reminders [--reminders 10000] [--teams 2500]

PostgreSQL is measured when TIIMI_TEST_POSTGRES_URL names a server (a throwaway database is
created and dropped). The fake Slack runs in its own process; the worker is the product's, with
its real per-channel pacing (one post per second per channel).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import aiohttp
from slack_sdk.web.async_client import AsyncWebClient
from sqlalchemy import update

from benchmarks.fake_slack_process import FakeSlackProcess
from bot.context import Core
from bot.reminders.worker import ReminderWorker
from handlers.slack.platform import SlackPlatform
from storage import reminder_queries
from storage.db import Database
from storage.migrate import upgrade_to_head
from storage.models import Reminder, ReminderKind, ReminderState, Team, TeamState
from tests.support.databases import fresh_database_url

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


class FixedClock:
    def now(self) -> datetime:
        return NOW


async def seed(database: Database, channel_ids: list[str], per_team: int) -> None:
    async with database.session() as session:
        for number, channel in enumerate(channel_ids, start=1):
            team = Team(
                code=f"MT-2026-{number:05d}",
                year=2026,
                number=number,
                state=TeamState.ACTIVE,
                channel_id=channel,
                convenor_id="UANNA",
                opened_by="UANNA",
                consent_confirmed_by="UANNA",
                consent_confirmed_at=NOW,
                created_at=NOW,
                activated_at=NOW - timedelta(days=30),
            )
            session.add(team)
            await session.flush()
            session.add_all(
                Reminder(
                    team_id=team.pk,
                    kind=ReminderKind.NO_MEETING_NUDGE,
                    due_at=NOW - timedelta(seconds=30 + i),
                    created_at=NOW - timedelta(days=1),
                )
                for i in range(per_team)
            )


async def delivery(kind: str, reminders: int, teams: int, enforce: bool) -> dict[str, object]:
    names = [f"mt-2026-{n:05d}" for n in range(1, teams + 1)]
    fake = FakeSlackProcess(names, enforce_post_rate=enforce)
    with tempfile.TemporaryDirectory() as tmp:
        async with fresh_database_url(kind, Path(tmp)) as url:
            database = Database(url)
            await upgrade_to_head(database)
            await seed(database, fake.channel_ids, reminders // teams)
            http = aiohttp.ClientSession()
            client = AsyncWebClient(token=fake.token, base_url=fake.base_url, session=http)
            core = Core(
                database=database,
                platform=SlackPlatform(client),
                clock=FixedClock(),
                timezone=ZoneInfo("Europe/Helsinki"),
                language="fi",
                coordinators=frozenset(),
            )
            worker = ReminderWorker(core, worker_id="bench")
            started = time.perf_counter()
            report = await worker.run_once()
            elapsed = time.perf_counter() - started
            await http.close()
            await database.dispose()
    seen = fake.stop()
    ids = Counter(seen["reminder_ids"])  # type: ignore[arg-type]
    return {
        "db": kind,
        "fake enforces 1/s/channel": enforce,
        "reminders": reminders,
        "seconds": round(elapsed, 1),
        "per second": round(reminders / elapsed, 1),
        "sent": report.counts.get("sent", 0),
        "429s": seen["rate_limited"],
        "lost": reminders - len(ids),
        "doubled": sum(1 for c in ids.values() if c > 1),
    }


async def claim_latency(kind: str, reminders: int, rounds: int = 200) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        async with fresh_database_url(kind, Path(tmp)) as url:
            database = Database(url)
            await upgrade_to_head(database)
            await seed(database, [f"C{n:08d}" for n in range(reminders // 20)], 20)
            timings = []
            for _ in range(rounds):
                started = time.perf_counter()
                ids = await reminder_queries.claim_due(
                    database,
                    now=NOW,
                    lease_until=NOW + timedelta(minutes=5),
                    worker="bench",
                    limit=100,
                )
                timings.append((time.perf_counter() - started) * 1000)
                async with database.session() as session:  # put them back for the next round
                    await session.exec(
                        update(Reminder)
                        .where(Reminder.id.in_(ids))  # type: ignore[union-attr]
                        .values(state=ReminderState.PENDING, lease_until=None)
                    )
            await database.dispose()
    timings.sort()
    return {
        "db": kind,
        "pending rows": reminders,
        "claim 100, p50 ms": round(statistics.median(timings), 2),
        "p95 ms": round(timings[int(len(timings) * 0.95)], 2),
    }


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reminders", type=int, default=10_000)
    parser.add_argument("--teams", type=int, default=2_500)
    args = parser.parse_args()
    kinds = ["sqlite"] + (["postgresql"] if os.environ.get("TIIMI_TEST_POSTGRES_URL") else [])
    for kind in kinds:
        for enforce in (False, True):
            print(await delivery(kind, args.reminders, args.teams, enforce), flush=True)
        print(await claim_latency(kind, args.reminders), flush=True)


if __name__ == "__main__":
    asyncio.run(main())
