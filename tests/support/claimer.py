"""A reminder-delivery process for the several-processes tests.

    python -m tests.support.claimer DATABASE_URL SLACK_API_URL TOKEN WORKER_ID NOW_ISO

Runs the real ReminderWorker against the given database and (fake) Slack at a fixed moment
until nothing is due, then prints its outcome counts as JSON.
"""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from slack_sdk.web.async_client import AsyncWebClient

from bot.context import Core
from bot.reminders.pacing import ChannelPacer
from bot.reminders.worker import ReminderWorker
from handlers.slack.platform import SlackPlatform
from storage.db import Database


class FixedClock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def now(self) -> datetime:
        return self.moment


async def main(database_url: str, api_url: str, token: str, worker_id: str, now: str) -> None:
    database = Database(database_url)
    core = Core(
        database=database,
        platform=SlackPlatform(AsyncWebClient(token=token, base_url=api_url)),
        clock=FixedClock(datetime.fromisoformat(now)),
        timezone=ZoneInfo("Europe/Helsinki"),
        language="fi",
        coordinators=frozenset(),
    )
    worker = ReminderWorker(
        core, worker_id=worker_id, pacer=ChannelPacer(interval=0), batch_size=50
    )
    report = await worker.run_once()
    await database.dispose()
    print(json.dumps(dict(report.counts)))


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:6]))
