"""Runs the tests' fake Slack in its own process so that it shares no CPU with the bot or the
load client (Slack's own work is not part of what a benchmark measures)."""

from __future__ import annotations

import asyncio
import multiprocessing
from multiprocessing.connection import Connection
from typing import Any

from tests.fake_slack import FakeSlack


def _answer(fake: FakeSlack, question: tuple[Any, ...]) -> Any:
    """What the parent may ask while the fake runs."""
    match question:
        case ("response_urls", int(count)):
            return [fake.new_response_url() for _ in range(count)]
        case ("channel_id", str(name)):
            channel = fake.channel_by_name(name)
            return channel.id if channel else None
    raise ValueError(f"unknown question {question!r}")


def _seen(fake: FakeSlack) -> dict[str, object]:
    posts = fake.calls_to("chat.postMessage")
    return {
        "posted": sum(1 for c in posts if c.ok),
        "home_views": sum(1 for c in fake.calls_to("views.publish") if c.ok),
        "rate_limited": sum(1 for c in posts if c.http_status == 429),
        "failed_calls": sum(1 for c in fake.calls if not c.ok),
        "reminder_ids": [
            m.metadata["event_payload"]["reminder_id"]
            for messages in fake.messages.values()
            for m in messages
            if m.metadata and m.metadata["event_type"] == "tiimi_reminder"
        ],
    }


def _serve(
    conn: Connection, enforce_post_rate: bool, channels: list[str], users: list[str]
) -> None:
    async def main() -> None:
        loop = asyncio.get_running_loop()
        async with FakeSlack(enforce_post_rate=enforce_post_rate) as fake:
            for user in users:
                fake.add_user(user)
            ids = [fake.add_channel(name, members={"UANNA"}) for name in channels]
            conn.send((fake.base_url, fake.token, ids))
            while (question := await loop.run_in_executor(None, conn.recv)) != ("stop",):
                conn.send(_answer(fake, question))
            conn.send(_seen(fake))

    asyncio.run(main())


class FakeSlackProcess:
    """Start with the channel names to create; `stop()` returns what the fake saw."""

    def __init__(
        self, channels: list[str], *, enforce_post_rate: bool, users: list[str] | None = None
    ) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(child, enforce_post_rate, channels, users or []), daemon=True
        )
        self._process.start()
        self.base_url, self.token, self.channel_ids = self._conn.recv()

    def response_urls(self, count: int) -> list[str]:
        """Fresh response_urls, each accepting up to five posts as Slack's do."""
        self._conn.send(("response_urls", count))
        urls: list[str] = self._conn.recv()
        return urls

    def channel_id(self, name: str) -> str | None:
        self._conn.send(("channel_id", name))
        found: str | None = self._conn.recv()
        return found

    def stop(self) -> dict[str, object]:
        self._conn.send(("stop",))
        result: dict[str, object] = self._conn.recv()
        self._process.join(10)
        return result
