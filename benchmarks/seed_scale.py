"""Fills a database with 10,000 open teams, 200,000 steps, 50,000 meetings and reminders.

python -m benchmarks.seed_scale DATABASE_URL [--teams 10000]
"""

from __future__ import annotations

import argparse
import asyncio
import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert

from storage.db import Database
from storage.migrate import upgrade_to_head
from storage.models import Meeting, Member, Reminder, Step, Team

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
PROFESSIONS = ["social_counsellor", "nurse", "doctor", "psychologist", "kela_expert", None]
CHUNK = 5_000


async def _bulk(database: Database, table: type[Any], rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), CHUNK):
        async with database.engine.begin() as conn:
            await conn.execute(insert(table), rows[start : start + CHUNK])


async def seed(url: str, *, teams: int = 10_000, steps_per_team: int = 20) -> None:
    rng = random.Random(42)
    database = Database(url)
    await upgrade_to_head(database)
    team_rows, member_rows, step_rows, meeting_rows, reminder_rows = [], [], [], [], []
    for n in range(1, teams + 1):
        opened = NOW - timedelta(days=rng.randint(1, 400))
        convenor = f"U{n:07d}"
        team_rows.append(
            {
                "id": n,
                "code": f"MT-2026-{n:05d}",
                "year": 2026,
                "number": n,
                "state": "active",
                "channel_id": f"C{n:08d}",
                "channel_name": f"mt-2026-{n:05d}",
                "convenor_id": convenor,
                "opened_by": convenor,
                "consent_confirmed_by": convenor,
                "consent_confirmed_at": opened,
                "created_at": opened,
                "activated_at": opened,
            }
        )
        users = [convenor] + [f"U{rng.randint(1, teams):07d}" for _ in range(4)]
        for user in dict.fromkeys(users):
            member_rows.append(
                {
                    "team_id": n,
                    "user_id": user,
                    "profession": rng.choice(PROFESSIONS),
                    "added_by": convenor,
                    "added_at": opened,
                    "consent_confirmed_by": convenor,
                    "consent_confirmed_at": opened,
                }
            )
        for s in range(1, steps_per_team + 1):
            due = date(2026, 11, 23) + timedelta(days=rng.randint(-30, 60))
            step_rows.append(
                {
                    "team_id": n,
                    "number": s,
                    "text": f"Askel {s}",
                    "status": rng.choice(["open", "open", "done", "not_done"]),
                    "due_date": due,
                    "owner_user_id": rng.choice(users),
                    "created_by": convenor,
                    "created_at": opened,
                }
            )
        for _ in range(5):
            starts = NOW + timedelta(days=rng.randint(-120, 40), hours=rng.randint(0, 8))
            meeting_rows.append(
                {
                    "id": len(meeting_rows) + 1,
                    "team_id": n,
                    "starts_at": starts,
                    "status": "scheduled",
                    "created_by": convenor,
                    "created_at": opened,
                }
            )
            for offset in (24, 1):
                reminder_rows.append(
                    {
                        "team_id": n,
                        "kind": "meeting_before",
                        "meeting_id": len(meeting_rows),
                        "due_at": starts - timedelta(hours=offset),
                        "state": "pending" if starts > NOW else "sent",
                        "offset_minutes": offset * 60,
                        "attempts": 0,
                        "late": False,
                        "created_at": opened,
                    }
                )
    for table, rows in (
        (Team, team_rows),
        (Member, member_rows),
        (Step, step_rows),
        (Meeting, meeting_rows),
        (Reminder, reminder_rows),
    ):
        await _bulk(database, table, rows)
    if not database.is_sqlite:  # continue the id sequences after explicit ids
        async with database.engine.begin() as conn:
            for table in ("team", "meeting"):
                await conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
            await conn.exec_driver_sql("ANALYZE")
    else:
        async with database.engine.begin() as conn:
            await conn.exec_driver_sql("ANALYZE")
    await database.dispose()
    print(
        f"seeded {len(team_rows)} teams, {len(member_rows)} members, {len(step_rows)} steps, "
        f"{len(meeting_rows)} meetings, {len(reminder_rows)} reminders"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--teams", type=int, default=10_000)
    args = parser.parse_args()
    asyncio.run(seed(args.url, teams=args.teams))
