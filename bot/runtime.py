"""The platform-neutral wiring of a running bot: database, core, reminder worker and its
APScheduler timer, the retention purge, finishing interrupted closes, start-up and shutdown.

A chat platform's adapter (a bot.plugins.PlatformAdapter, found by PLATFORM) takes the
platform's requests and gives the core its ChatPlatform; this module never knows which
platform it is.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.clock import Clock, SystemClock
from bot.config import SHUTDOWN_GRACE_SECONDS, Settings
from bot.context import Core
from bot.coordinators.overview import recount_overdue
from bot.plugins import PlatformAdapter
from bot.privacy.retention import RetentionService
from bot.ratings.dispatch import ArvioCommands
from bot.reminders.pacing import ChannelPacer
from bot.reminders.timing import load_holiday_calendar
from bot.reminders.worker import ReminderWorker, new_worker_id
from bot.startup import settle_startup_objects
from bot.teams.closing import ClosingService
from bot.teams.dispatch import TiimiCommands
from storage.db import Database
from storage.migrate import upgrade_to_head

log = logging.getLogger("bot")
CLOSING_CHECK_MINUTES = 10  # how often interrupted closes are looked for and finished
RATING_CHECK_MINUTES = 10  # how often self-rating rounds due to close or repeat are looked for


@dataclass(frozen=True)
class Runtime:
    """What a running bot exposes to its starter (tests drive the worker directly)."""

    port: int
    core: Core
    worker: ReminderWorker
    closing: ClosingService  # its `finish_interrupted` is the periodic maintenance pass
    ratings: ArvioCommands  # its `run_due` closes and repeats self-rating rounds


async def serve(
    settings: Settings,
    adapter: PlatformAdapter,
    *,
    stop: asyncio.Event,
    clock: Clock | None = None,
    on_ready: Callable[[Runtime], None] | None = None,
    pacer: ChannelPacer | None = None,
) -> None:
    """Connect to the platform, migrate, start the adapter and the scheduled jobs, and run
    until `stop`. The platform comes first: one refusing the bot stops it before the database."""
    database = Database(settings.database_url)  # no connection until it is migrated
    try:
        platform = await adapter.connect(database)
    except BaseException:
        await database.dispose()
        raise
    try:
        await upgrade_to_head(database)
        core = Core(
            database=database,
            platform=platform,
            clock=clock or SystemClock(),
            timezone=settings.timezone,
            language=settings.language,
            coordinators=settings.coordinators,
            coordinator_usergroup=settings.coordinator_usergroup,
            retention_days=settings.retention_days,
            reminders=settings.reminders,
            dialect=settings.platform,  # a platform without wording of its own gets the base
        )
        await _run(settings, adapter, core, stop=stop, on_ready=on_ready, pacer=pacer)
    finally:
        await adapter.close()
        await database.dispose()


async def _run(
    settings: Settings,
    adapter: PlatformAdapter,
    core: Core,
    *,
    stop: asyncio.Event,
    on_ready: Callable[[Runtime], None] | None,
    pacer: ChannelPacer | None,
) -> None:
    """Take requests and run the scheduled jobs until `stop`, then drain them."""
    tiimi = TiimiCommands(core)
    recovered = await tiimi.teams.recover_pending()
    if recovered:
        log.warning("rolled back %d team set-ups interrupted earlier", recovered)
    port = await adapter.start(core, tiimi)
    worker = ReminderWorker(core, worker_id=new_worker_id(), pacer=pacer)
    scheduler = _scheduler(settings, core, worker, tiimi)
    load_holiday_calendar(core.clock.now().year)
    scheduler.start()
    settle_startup_objects()
    log.info("Tiimi is running (%s, port %d)", adapter.describe(), port)
    if on_ready:
        on_ready(
            Runtime(
                port=port, core=core, worker=worker, closing=tiimi.closing, ratings=tiimi.ratings
            )
        )
    try:
        await stop.wait()
    finally:
        scheduler.pause()  # no new pass; one under way gets the grace with the requests' work
        await adapter.stop_taking()
        await asyncio.gather(
            adapter.drain(grace_seconds=SHUTDOWN_GRACE_SECONDS),
            worker.drain(grace_seconds=SHUTDOWN_GRACE_SECONDS),
        )
        scheduler.shutdown(wait=False)  # cancels a pass still running after the grace,
        await worker.drain(grace_seconds=SHUTDOWN_GRACE_SECONDS)  # which unwinds before close


def _scheduler(
    settings: Settings, core: Core, worker: ReminderWorker, tiimi: TiimiCommands
) -> AsyncIOScheduler:
    """The reminder pass, the daily purge, the overdue steps' daily recount, the
    maintenance of interrupted closes and the self-rating's rounds."""
    scheduler = AsyncIOScheduler(timezone=UTC)
    scheduler.add_job(
        worker.run_scheduled,
        "interval",
        seconds=settings.reminders.poll_seconds,
        max_instances=1,
        coalesce=True,
        next_run_time=datetime.now(UTC),
    )
    retention = RetentionService(
        database=core.database, clock=core.clock, retention_days=settings.retention_days
    )
    scheduler.add_job(  # daily; idempotent, so several processes may all run it
        retention.purge,
        "cron",
        hour=3,
        minute=30,
        timezone=settings.timezone,
        max_instances=1,
        coalesce=True,
    )
    scheduler.add_job(  # idempotent: each team is recounted once a day, by whichever process
        recount_overdue,
        "cron",
        args=[core],
        hour=0,
        minute=1,
        timezone=settings.timezone,
        max_instances=1,
        coalesce=True,
    )
    scheduler.add_job(  # idempotent: a close is finished once, whichever process gets to it
        tiimi.closing.finish_interrupted,
        "interval",
        minutes=CLOSING_CHECK_MINUTES,
        max_instances=1,
        coalesce=True,
    )
    scheduler.add_job(  # each round closes and repeats once, whichever process claims it
        tiimi.ratings.run_due,
        "interval",
        minutes=RATING_CHECK_MINUTES,
        max_instances=1,
        coalesce=True,
    )
    return scheduler
