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


ANSWER_PATHS = ("/response/", "/api/views.publish")  # what a user sees of a request's outcome


def _serve(
    conn: Connection,
    answers: Connection | None,
    enforce_post_rate: bool,
    channels: list[str],
    users: list[str],
) -> None:
    def tell_answer(path: str) -> None:
        if answers is not None and path.startswith(ANSWER_PATHS):
            answers.send_bytes(b"")

    async def main() -> None:
        loop = asyncio.get_running_loop()
        async with FakeSlack(enforce_post_rate=enforce_post_rate) as fake:
            fake.observers.append(tell_answer)
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

    With `tell_answers`, `answers` receives an empty message whenever the fake has taken an
    answer a user would see (a post to a response_url or a published Home tab); the caller
    must keep reading it.
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


class AnswerFeed:
    """Counts the answers the fake has taken (see FakeSlackProcess's `tell_answers`); while a
    gate is set, each answer opens it once more."""

    def __init__(self, answers: Connection) -> None:
        self._answers = answers
        self.count = 0
        self.gate: asyncio.Semaphore | None = None
        asyncio.get_running_loop().add_reader(answers.fileno(), self.read)

    def read(self) -> None:
        """Take the notices waiting in the pipe (called by the event loop when it has some)."""
        while self._answers.poll():
            try:
                self._answers.recv_bytes()
            except EOFError:  # the fake's process is gone: stop listening rather than spin
                self.close()
                return
            self.count += 1
            if self.gate is not None:
                self.gate.release()

    def close(self) -> None:
        asyncio.get_running_loop().remove_reader(self._answers.fileno())
