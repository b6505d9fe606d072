"""One running sandbox: the simulated workspace, the real bot talking to it over HTTP, and the
movable clock, with its state in one folder."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from asyncio import FIRST_COMPLETED
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.coordinators.overview import recount_overdue
from bot.plugins import PlatformAdapter, configure
from bot.runtime import Runtime, serve
from handlers.sandbox.clock import MovableClock
from handlers.sandbox.people import COORDINATOR, furnish
from handlers.sandbox.workspace import SimulatedSlack
from handlers.sandbox.workspace.sender import SlackSender
from storage.reminder_queries import next_pending_due

START_SECONDS = 60  # migrating an old database may take a while; more means something is wrong


@dataclass(frozen=True)
class SandboxFiles:
    """What the sandbox keeps in its folder; nothing else there is touched."""

    folder: Path

    @property
    def database(self) -> Path:
        return self.folder / "tiimi.db"

    @property
    def workspace(self) -> Path:
        return self.folder / "workspace.json"

    @property
    def clock(self) -> Path:
        return self.folder / "clock.json"

    def reset(self) -> None:
        """Forget an earlier sandbox: its database, workspace and clock."""
        for path in (self.database, self.workspace, self.clock):
            for stale in (path, *path.parent.glob(path.name + "-*")):  # SQLite's -wal, -shm
                stale.unlink(missing_ok=True)


@dataclass
class Sandbox:
    """The parts of a running sandbox the page works with."""

    slack: SimulatedSlack
    clock: MovableClock
    runtime: Runtime
    delivery: SlackSender  # Slack's signed requests to the bot: commands, clicks, events

    async def advance(self, delta: timedelta) -> None:
        """Move the clock forward as if the time had passed with the bot running: each
        reminder due on the way is sent at its own moment, not late."""
        target = self.clock.now() + delta
        passed: datetime | None = None
        while (due := await self._next_due()) is not None and due <= target:
            if passed is not None and due <= passed:
                break  # one the worker kept waiting (a retry): the real timer would wait too
            await self._move_to(due)
            passed = due
        await self._move_to(target)

    async def to_next_reminder(self) -> datetime | None:
        """Move the clock to the next waiting reminder and send what is due; None when no
        reminder waits."""
        due = await self._next_due()
        if due is not None:
            await self._move_to(due)
        return due

    async def _next_due(self) -> datetime | None:
        async with self.runtime.core.database.session() as session:
            return await next_pending_due(session)

    async def _move_to(self, moment: datetime) -> None:
        """Move the clock (if `moment` is ahead) and do what the scheduled jobs would."""
        before = self._local_day()
        self.clock.advance_to(moment)
        if self._local_day() != before:
            await recount_overdue(self.runtime.core)  # the nightly job, for the new day
        await self.runtime.worker.run_once()
        await self.runtime.ratings.run_due()  # self-rating rounds that close or repeat

    def _local_day(self) -> date:
        return self.clock.now().astimezone(self.runtime.core.timezone).date()


def bot_environment(slack: SimulatedSlack, files: SandboxFiles, secret: str) -> dict[str, str]:
    """The bot's whole configuration: nothing is read from the environment or a .env file,
    so a sandbox can never reach a real workspace or database."""
    return {
        "PLATFORM": "slack",
        "SLACK_BOT_TOKEN": slack.token,
        "SLACK_SIGNING_SECRET": secret,
        "SLACK_API_URL": slack.base_url,
        "DATABASE_URL": f"sqlite:///{files.database}",
        "PORT": "0",
        "COORDINATORS": COORDINATOR.user_id,
        "LOG_LEVEL": "WARNING",
    }


@contextlib.asynccontextmanager
async def running_sandbox(files: SandboxFiles) -> AsyncIterator[Sandbox]:
    """Start the workspace and the bot; stop both (saving the workspace) on the way out."""
    files.folder.mkdir(parents=True, exist_ok=True)
    clock = MovableClock(files.clock)
    token = "xoxb-sandbox-" + secrets.token_hex(12)
    slack = SimulatedSlack(token=token, now=clock.epoch, state_file=files.workspace)
    await slack.start()
    try:
        furnish(slack)
        secret = secrets.token_hex(16)
        settings, adapter = configure(bot_environment(slack, files, secret))
        async with _serving(settings, adapter, clock) as runtime:
            delivery = SlackSender(f"http://127.0.0.1:{runtime.port}", secret, slack)

            async def deliver(event: dict[str, Any]) -> None:
                await delivery.event(event)  # Slack's member_joined_channel, as Slack sends it

            slack.on_join = deliver
            yield Sandbox(slack=slack, clock=clock, runtime=runtime, delivery=delivery)
            slack.on_join = None
    finally:
        await slack.stop()


@contextlib.asynccontextmanager
async def _serving(
    settings: Settings, adapter: PlatformAdapter, clock: MovableClock
) -> AsyncIterator[Runtime]:
    stop = asyncio.Event()
    ready: asyncio.Future[Runtime] = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(
        serve(settings, adapter, stop=stop, clock=clock, on_ready=ready.set_result)
    )
    started: set[asyncio.Future[Any]] = {task, ready}
    done, _ = await asyncio.wait(started, timeout=START_SECONDS, return_when=FIRST_COMPLETED)
    if task in done:
        task.result()  # raises what made the start fail
    if ready not in done:
        stop.set()
        await task
        raise RuntimeError(f"the bot did not start within {START_SECONDS} s")
    try:
        yield ready.result()
    finally:
        stop.set()
        await task
