"""The maintenance commands: `migrate`, `audit` and `purge` (no Slack needed)."""

from __future__ import annotations

import argparse
import sys

from bot.clock import SystemClock
from bot.config import MaintenanceSettings
from bot.privacy.audit_export import audit_csv, parse_since
from bot.privacy.retention import RetentionService
from storage.db import Database
from storage.migrate import Upgrade, upgrade_to_head


def audit_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bot audit", description=__doc__)
    parser.add_argument("--team", help="a team code such as MT-2026-0042")
    parser.add_argument("--user", help="a Slack user id (as actor or as the person concerned)")
    parser.add_argument("--since", type=parse_since, help="a date: 1.1.2026 or 2026-01-01")
    return parser.parse_args(argv)


async def migrate(settings: MaintenanceSettings) -> Upgrade:
    database = Database(settings.database_url)
    try:
        return await upgrade_to_head(database)
    finally:
        await database.dispose()


async def audit(settings: MaintenanceSettings, args: argparse.Namespace) -> None:
    database = Database(settings.database_url)
    try:
        await upgrade_to_head(database)
        text = await audit_csv(
            database,
            tz=settings.timezone,
            team_code=args.team,
            user_id=args.user,
            since=args.since,
        )
    finally:
        await database.dispose()
    sys.stdout.write(text)


async def purge(settings: MaintenanceSettings) -> int:
    database = Database(settings.database_url)
    try:
        await upgrade_to_head(database)
        service = RetentionService(
            database=database, clock=SystemClock(), retention_days=settings.retention_days
        )
        return await service.purge()
    finally:
        await database.dispose()
