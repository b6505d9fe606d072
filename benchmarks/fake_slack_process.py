"""Runs the tests' fake Slack in its own process so that it shares no CPU with the bot or the
load client (Slack's own work is not part of what a benchmark measures)."""

from __future__ import annotations

import asyncio
import functools
import multiprocessing
import time
from multiprocessing.connection import Connection
from typing import Any

from handlers.sandbox.workspace import SimulatedSlack


def _answer(fake: SimulatedSlack, question: tuple[Any, ...]) -> Any:
    """What the parent may ask while the fake runs."""
    match question:
        case ("response_urls", int(count)):
            return [fake.new_response_url() for _ in range(count)]
        case ("channel_id", str(name)):
            channel = fake.channel_by_name(name)
            return channel.id if channel else None
    raise ValueError(f"unknown question {question!r}")


def _seen(fake: SimulatedSlack) -> dict[str, object]:
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


def arrival(fake: SimulatedSlack, path: str) -> tuple[object, ...] | None:
    """What a user would see of a request the fake has just served, with the time it was
    taken (`time.monotonic()`, one clock for every process of the machine): a post to a
    response_url (by its key), a message posted or updated in a channel, a published Home tab."""
    now = time.monotonic()
    if path.startswith("/response/"):
        return (now, "response", path.rsplit("/", 1)[1])
    method = path.removeprefix("/api/")
    if method not in ("chat.postMessage", "chat.update", "views.publish"):
        return None
    call = fake.calls[-1]  # the fake records a call and answers it without awaiting between
    if call.method != method or not call.ok:
        return None
    if method == "views.publish":
        return (now, "home", str(call.args.get("user_id")))
    return (now, method, str(call.args.get("channel")), str(call.args.get("text") or ""))


def _tell(answers: Connection, fake: SimulatedSlack, path: str) -> None:
    if (seen := arrival(fake, path)) is not None:
        answers.send(seen)


def _serve(
    conn: Connection,
    answers: Connection | None,
    enforce_post_rate: bool,
    channels: list[str],
    users: list[str],
) -> None:
    async def main() -> None:
        loop = asyncio.get_running_loop()
        async with SimulatedSlack(enforce_post_rate=enforce_post_rate) as fake:
            if answers is not None:
                fake.observers.append(functools.partial(_tell, answers, fake))
            for user in users:
                fake.add_user(user)
            ids = [fake.add_channel(name, members={"UANNA"}) for name in channels]
            conn.send((fake.base_url, fake.token, ids))
            while (question := await loop.run_in_executor(None, conn.recv)) != ("stop",):
                conn.send(_answer(fake, question))
            conn.send(_seen(fake))

    asyncio.run(main())


class FakeSlackProcess:
    """Start with the channel names to create; `stop()` returns what the fake saw.

    With `tell_answers`, `answers` receives each answer a user would see as the fake takes it
    (see `arrival`); the caller must keep reading it.
    """

    def __init__(
        self,
        channels: list[str],
        *,
        enforce_post_rate: bool,
        users: list[str] | None = None,
        tell_answers: bool = False,
    ) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self.answers: Connection | None = None
        answers = None
        if tell_answers:
            self.answers, answers = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_serve,
            args=(child, answers, enforce_post_rate, channels, users or []),
            daemon=True,
        )
        self._process.start()
        for end in (child, answers):  # the child's now; a dead child then reads as EOF here
            if end is not None:
                end.close()
        try:
            self.base_url, self.token, self.channel_ids = self._conn.recv()
        except EOFError:
            raise RuntimeError("the fake Slack died at start (its error is above)") from None

    @property
    def pid(self) -> int:
        assert self._process.pid is not None
        return self._process.pid

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
