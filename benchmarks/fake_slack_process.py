"""Runs the tests' fake Slack in its own process so that it does not share the bot's CPU."""

from __future__ import annotations

import asyncio
import multiprocessing
from multiprocessing.connection import Connection

from tests.fake_slack import FakeSlack


def _serve(
    conn: Connection, enforce_post_rate: bool, channels: list[str], users: list[str]
) -> None:
    async def main() -> None:
        async with FakeSlack(enforce_post_rate=enforce_post_rate) as fake:
            for user in users:
                fake.add_user(user)
            ids = [fake.add_channel(name, members={"UANNA"}) for name in channels]
            conn.send((fake.base_url, fake.token, ids))
            await asyncio.get_running_loop().run_in_executor(None, conn.recv)  # "stop"
            posts = fake.calls_to("chat.postMessage")
            conn.send(
                {
                    "posted": sum(1 for c in posts if c.ok),
                    "home_views": sum(1 for c in fake.calls_to("views.publish") if c.ok),
                    "rate_limited": sum(1 for c in posts if c.http_status == 429),
                    "reminder_ids": [
                        m.metadata["event_payload"]["reminder_id"]
                        for messages in fake.messages.values()
                        for m in messages
                        if m.metadata
                    ],
                }
            )

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

    def stop(self) -> dict[str, object]:
        self._conn.send("stop")
        result: dict[str, object] = self._conn.recv()
        self._process.join(10)
        return result
