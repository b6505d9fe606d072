"""Fills a database with open teams: per team 5 members (at most), the client participant, 20
steps (each with one owner), 5 meetings and 10 meeting reminders (at 100,000 teams: 2,000,000
steps, 500,000 meetings, 1,000,000 reminders).

    python -m benchmarks.seed_scale DATABASE_URL [--teams 100000]

Rows go in batches of BATCH teams: PostgreSQL takes them by COPY, SQLite by executemany.
"""

from __future__ import annotations

import argparse
import asyncio
import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import asyncpg
from sqlalchemy import insert

from storage.db import Database
from storage.migrate import upgrade_to_head
from storage.models import Meeting, Member, Participant, Reminder, Step, StepOwner, Team
from tests.support.databases import asyncpg_url

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
TODAY = date(2026, 11, 23)  # NOW's day in Helsinki
PROFESSIONS = ["social_counsellor", "nurse", "doctor", "psychologist", "kela_expert", None]
BATCH = 5_000  # teams
Rows = dict[str, list[dict[str, Any]]]  # by table name, in the order of the foreign keys
TABLES = {
    "team": Team,
    "member": Member,
    "participant": Participant,
    "step": Step,
    "step_owner": StepOwner,
    "meeting": Meeting,
    "reminder": Reminder,
}


def batches(teams: int, steps_per_team: int) -> Iterator[Rows]:
    """The rows of BATCH teams at a time; the same rows for the same arguments."""
    rng = random.Random(42)
    meetings = steps = 0
    rows: Rows = {name: [] for name in TABLES}
    for n in range(1, teams + 1):
        opened = NOW - timedelta(days=rng.randint(1, 400))
        convenor = f"U{n:07d}"
        rows["team"].append(
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
                # its attention figures (storage.models.Team), as the nightly recount leaves
                # them: the latest of its meetings and its overdue steps, below
                "last_scheduled_meeting_at": None,
                "overdue_steps": 0,
                "overdue_on": TODAY,
            }
        )
        users = [convenor] + [f"U{rng.randint(1, teams):07d}" for _ in range(4)]
        for user in dict.fromkeys(users):
            rows["member"].append(
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
        rows["participant"].append(
            {
                "id": n,
                "team_id": n,
                "number": 1,
                "role": "client",
                "added_by": convenor,
                "added_at": opened,
            }
        )
        for s in range(1, steps_per_team + 1):
            due = TODAY + timedelta(days=rng.randint(-30, 60))
            steps += 1
            rows["step"].append(
                {
                    "id": steps,
                    "team_id": n,
                    "number": s,
                    "text": f"Askel {s}",
                    "status": (status := rng.choice(["open", "open", "done", "not_done"])),
                    "due_date": due,
                    "created_by": convenor,
                    "created_at": opened,
                }
            )
            owner = rng.choice([*users, None])  # None: the client
            rows["step_owner"].append(
                {"step_id": steps, "user_id": owner, "participant_id": None if owner else n}
            )
            if status == "open" and due < TODAY:
                rows["team"][-1]["overdue_steps"] += 1
        for _ in range(5):
            starts = NOW + timedelta(days=rng.randint(-120, 40), hours=rng.randint(0, 8))
            team = rows["team"][-1]  # its attention figure (storage.models.Team)
            team["last_scheduled_meeting_at"] = max(
                team["last_scheduled_meeting_at"] or starts, starts
            )
            meetings += 1
            rows["meeting"].append(
                {
                    "id": meetings,
                    "team_id": n,
                    "starts_at": starts,
                    "status": "scheduled",
                    "created_by": convenor,
                    "created_at": opened,
                }
            )
            for offset in (24, 1):
                rows["reminder"].append(
                    {
                        "team_id": n,
                        "kind": "meeting_before",
                        "meeting_id": meetings,
                        "due_at": starts - timedelta(hours=offset),
                        "state": "pending" if starts > NOW else "sent",
                        "offset_minutes": offset * 60,
                        "attempts": 0,
                        "late": False,
                        "created_at": opened,
                    }
                )
        if n % BATCH == 0 or n == teams:
            yield rows
            rows = {name: [] for name in TABLES}


async def _write_postgres(url: str, rows: Rows) -> None:
    conn = await asyncpg.connect(asyncpg_url(url))
    try:
        async with conn.transaction():
            for table, table_rows in rows.items():
                columns = list(table_rows[0])
                await conn.copy_records_to_table(
                    table, columns=columns, records=[tuple(r.values()) for r in table_rows]
                )
    finally:
        await conn.close()


async def _write_sqlite(database: Database, rows: Rows) -> None:
    async with database.engine.begin() as conn:
        for table, table_rows in rows.items():
            await conn.execute(insert(TABLES[table]), table_rows)


async def seed(url: str, *, teams: int = 100_000, steps_per_team: int = 20) -> None:
    database = Database(url)
    await upgrade_to_head(database)
    counts = dict.fromkeys(TABLES, 0)
    for rows in batches(teams, steps_per_team):
        if database.is_sqlite:
            await _write_sqlite(database, rows)
        else:
            await _write_postgres(url, rows)
        for table, table_rows in rows.items():
            counts[table] += len(table_rows)
    async with database.engine.begin() as conn:
        if not database.is_sqlite:  # continue the id sequences after explicit ids
            for table in ("team", "participant", "step", "meeting"):
                await conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
        await conn.exec_driver_sql("ANALYZE")
    await database.dispose()
    print("seeded " + ", ".join(f"{count} {table}s" for table, count in counts.items()))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--teams", type=int, default=100_000)
    args = parser.parse_args()
    asyncio.run(seed(args.url, teams=args.teams))
