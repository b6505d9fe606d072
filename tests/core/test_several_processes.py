"""Several delivery processes on one database: every due reminder exactly once."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from handlers.sandbox.workspace import SimulatedSlack
from storage.db import Database
from storage.migrate import upgrade_to_head
from storage.models import Reminder, ReminderKind, ReminderState, Team, TeamState

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
TEAMS, PER_TEAM = 50, 40  # 2,000 reminders


async def seed(database: Database, fake: SimulatedSlack) -> None:
    async with database.session() as session:
        for number in range(1, TEAMS + 1):
            channel = fake.add_channel(f"mt-2026-{number:04d}", members={"UANNA"})
            team = Team(
                code=f"MT-2026-{number:04d}",
                year=2026,
                number=number,
                state=TeamState.ACTIVE,
                channel_id=channel,
                channel_name=f"mt-2026-{number:04d}",
                convenor_id="UANNA",
                opened_by="UANNA",
                consent_confirmed_by="UANNA",
                consent_confirmed_at=NOW - timedelta(days=30),
                created_at=NOW - timedelta(days=30),
                activated_at=NOW - timedelta(days=30),
            )
            session.add(team)
            await session.flush()
            for i in range(PER_TEAM):
                session.add(
                    Reminder(
                        team_id=team.pk,
                        kind=ReminderKind.NO_MEETING_NUDGE,
                        due_at=NOW - timedelta(minutes=1, seconds=i),
                        created_at=NOW - timedelta(days=1),
                    )
                )


async def run_claimers(count: int, database_url: str, fake: SimulatedSlack) -> list[dict[str, int]]:
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.support.claimer",
            database_url,
            fake.base_url,
            fake.token,
            f"claimer-{i}",
            NOW.isoformat(),
            cwd=ROOT,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        for i in range(count)
    ]
    outputs = await asyncio.gather(*(p.communicate() for p in processes))
    for process, (_, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err.decode()[-3000:]
    return [json.loads(out.decode().strip().splitlines()[-1]) for out, _ in outputs]


@pytest.mark.parametrize(
    ("kind", "processes"),
    [("sqlite", 2), pytest.param("postgresql", 4, marks=pytest.mark.postgres)],
)
async def test_every_reminder_exactly_once(
    kind: str, processes: int, tmp_path: Path, fake_slack: SimulatedSlack
) -> None:
    from tests.support.databases import fresh_database_url

    async with fresh_database_url(kind, tmp_path) as url:
        database = Database(url)
        await upgrade_to_head(database)
        await seed(database, fake_slack)
        reports = await run_claimers(processes, url, fake_slack)
        posted = Counter(
            m.metadata["event_payload"]["reminder_id"]
            for messages in fake_slack.messages.values()
            for m in messages
            if m.metadata and m.metadata["event_type"] == "tiimi_reminder"
        )
        async with database.session() as session:
            rows = (await session.exec(select(Reminder))).all()
        await database.dispose()
    assert len(rows) == TEAMS * PER_TEAM
    assert {r.state for r in rows} == {ReminderState.SENT}
    assert len(posted) == TEAMS * PER_TEAM, "lost"
    assert max(posted.values()) == 1, "doubled"
    assert sum(r.get("sent", 0) for r in reports) == TEAMS * PER_TEAM
    assert sum(1 for r in reports if r.get("sent")) >= 2, f"only one process worked: {reports}"
