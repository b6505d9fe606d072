"""Starts the real bot (bot.runtime.serve with the adapter PLATFORM names, as `python -m bot`
runs it) against the fake Slack."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from bot.plugins import configure
from bot.ratings.dispatch import ArvioCommands
from bot.reminders.pacing import ChannelPacer
from bot.reminders.worker import ReminderWorker
from bot.runtime import Runtime, serve
from bot.teams.closing import ClosingService
from handlers.sandbox.workspace import SimulatedSlack
from handlers.sandbox.workspace.sender import BotResponse, SlackSender
from tests.support.clock import FakeClock, VirtualTime

SIGNING_SECRET = "e2e0signing0secret0for0tiimi0tests"
MUTATING_METHODS = frozenset(
    {
        "conversations.create",
        "conversations.invite",
        "conversations.kick",
        "conversations.archive",
        "chat.postMessage",
        "chat.update",
        "chat.delete",
    }
)


@dataclass
class RunningBot:
    url: str
    fake: SimulatedSlack
    sender: SlackSender
    clock: FakeClock
    worker: ReminderWorker
    closing: ClosingService  # run its periodic pass by hand: `finish_interrupted()`
    ratings: ArvioCommands  # the self-rating's periodic pass by hand: `run_due()`

    async def tiimi(self, text: str, *, user: str = "UANNA", channel: str = "DANNA") -> str:
        """Send `/tiimi text`, wait for the answer through response_url, return its text."""
        sent = await self.sender.command("/tiimi", text, user_id=user, channel_id=channel)
        assert sent.status == 200, sent.body
        return await self.answer(sent)

    async def askel(self, text: str, *, channel: str, user: str = "UANNA") -> str:
        """Send `/askel text` and return the answer's text."""
        sent = await self.sender.command("/askel", text, user_id=user, channel_id=channel)
        assert sent.status == 200, sent.body
        return await self.answer(sent)

    async def answer(self, sent: BotResponse) -> str:
        assert sent.response_url is not None
        url = sent.response_url
        await self.fake.wait_for(lambda: self.fake.responses(url))
        body: dict[str, Any] = self.fake.responses(url)[-1]
        return str(body.get("text", ""))

    def mutations(self) -> list[str]:
        """The Web API calls so far that changed something in Slack."""
        return [c.method for c in self.fake.calls if c.method in MUTATING_METHODS]

    def channel_named(self, name: str) -> str:
        channel = self.fake.channel_by_name(name)
        assert channel is not None, f"no channel {name}"
        return channel.id


@contextlib.asynccontextmanager
async def running_bot(
    fake: SimulatedSlack, database_url: str, clock: FakeClock, **env: str
) -> AsyncIterator[RunningBot]:
    settings, adapter = configure(
        {
            "SLACK_BOT_TOKEN": fake.token,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": fake.base_url,
            "DATABASE_URL": database_url,
            "PORT": "0",
            "REMINDER_POLL_SECONDS": "3600",  # tests run the worker themselves
            **env,
        }
    )
    stop = asyncio.Event()
    ready: asyncio.Future[Runtime] = asyncio.get_running_loop().create_future()
    virtual = VirtualTime()  # per-channel pacing without waiting in tests
    pacer = ChannelPacer(sleep=virtual.sleep, monotonic=virtual.monotonic)
    task = asyncio.create_task(
        serve(settings, adapter, stop=stop, clock=clock, on_ready=ready.set_result, pacer=pacer)
    )
    done, _ = await asyncio.wait({task, ready}, timeout=30, return_when=asyncio.FIRST_COMPLETED)
    if task in done:
        task.result()  # raises what made start-up fail
    assert ready in done, "the bot did not start in time"
    runtime = ready.result()
    url = f"http://127.0.0.1:{runtime.port}"
    try:
        sender = SlackSender(url, SIGNING_SECRET, fake)
        yield RunningBot(url, fake, sender, clock, runtime.worker, runtime.closing, runtime.ratings)
    finally:
        stop.set()
        await task
