"""The front's HTTP server against stand-in work processes on Unix sockets."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
from aiohttp import web

from handlers.slack.app import listener_routes
from handlers.slack.front import build_front_app
from handlers.slack.handover import Handover
from handlers.slack.request_checks import FORM
from tests.fake_slack import FakeSlack
from tests.support.fresh_interpreter import run_python
from tests.support.signing import signed_headers
from tests.support.slack_requests import SlackSender

SECRET = "front0test0signing0secret"


@dataclass
class StubWorkers:
    sockets: list[Path]

    @property
    def count(self) -> int:
        return len(self.sockets)

    def ready_sockets(self) -> list[Path]:
        return list(self.sockets)

    def pick(self) -> Path | None:
        return self.sockets[0] if self.sockets else None


@dataclass
class StubWork:
    """Answers like a work process would and keeps what it was handed."""

    received: list[tuple[dict[str, str], bytes]] = field(default_factory=list)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)
    answer: asyncio.Event | None = None  # when set up, the stub answers only once it is set

    async def events(self, request: web.Request) -> web.Response:
        self.received.append((dict(request.headers), await request.read()))
        self.arrived.set()
        if self.answer is not None:
            await self.answer.wait()
        return web.json_response({"response_action": "errors", "errors": {"x": "y"}})

    async def health(self, _request: web.Request) -> web.Response:
        return web.json_response({"status": "ok", "database": "ok", "work_in_progress": 2})


@contextlib.asynccontextmanager
async def serving(app: web.Application, *, unix: Path | None = None) -> AsyncIterator[str]:
    runner = web.AppRunner(app)
    await runner.setup()
    if unix is not None:
        await web.UnixSite(runner, str(unix)).start()
    else:
        await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        yield "" if unix else f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()


@contextlib.asynccontextmanager
async def front(
    fake: FakeSlack, sockets: list[Path], stub: StubWork, directory: Path
) -> AsyncIterator[SlackSender]:
    work_app = web.Application()
    work_app.router.add_post("/slack/events", stub.events)
    work_app.router.add_get("/healthz", stub.health)
    handover = Handover()
    async with (
        aiohttp.ClientSession() as http,
        serving(work_app, unix=directory / "stub.sock"),
        serving(
            build_front_app(
                routes=listener_routes().table(),
                signing_secret=SECRET,
                workers=StubWorkers(sockets),
                handover=handover,
                http=http,
                language="fi",
            )
        ) as url,
    ):
        try:
            yield SlackSender(url, SECRET, fake)
        finally:
            await handover.close()


async def test_a_command_is_answered_empty_then_handed_over_as_signed(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    stub = StubWork()
    async with front(fake_slack, [tmp_path / "stub.sock"], stub, tmp_path) as sender:
        sent = await sender.command("/askel", "lista", user_id="UANNA", channel_id="C1")
        assert (sent.status, sent.body) == (200, "")  # not the stub's answer: the front's own
        await asyncio.wait_for(stub.arrived.wait(), 10)
        headers, body = stub.received[0]
        assert b"command=%2Faskel" in body and headers["X-Slack-Signature"].startswith("v0=")

        forged = SlackSender(sender.url, "some0other0signing0secret", fake_slack)
        refused = await forged.command("/askel", "lista", user_id="UANNA", channel_id="C1")
        assert refused.status == 401 and len(stub.received) == 1


async def test_a_slow_hand_over_does_not_hold_slacks_connection(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    stub = StubWork(answer=asyncio.Event())
    async with (
        front(fake_slack, [tmp_path / "stub.sock"], stub, tmp_path) as sender,
        aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=1)) as one_connection,
    ):
        for i in range(2):  # the second request comes over the first one's connection
            body = urlencode({"command": "/askel", "text": "lista", "trigger_id": f"1.{i}"})
            headers = signed_headers(SECRET, body) | {"Content-Type": FORM}
            post = one_connection.post(sender.url, data=body, headers=headers)
            async with asyncio.timeout(5), post as answered:
                assert answered.status == 200
        await asyncio.wait_for(stub.arrived.wait(), 10)
        assert not stub.answer.is_set()  # the first hand-over still waits for the stub
        stub.answer.set()


async def test_a_form_gets_the_work_process_answer(fake_slack: FakeSlack, tmp_path: Path) -> None:
    stub = StubWork()
    async with front(fake_slack, [tmp_path / "stub.sock"], stub, tmp_path) as sender:
        answer = await sender.view_submission(
            user_id="UANNA", view={"callback_id": "open_team"}, values={}
        )
        assert answer.status == 200 and answer.json()["errors"] == {"x": "y"}


async def test_health_sums_up_the_work_processes(fake_slack: FakeSlack, tmp_path: Path) -> None:
    stub = StubWork()
    gone = tmp_path / "gone.sock"
    async with front(fake_slack, [tmp_path / "stub.sock", gone], stub, tmp_path) as sender:
        base = sender.url.removesuffix("/slack/events")
        async with aiohttp.ClientSession() as session, session.get(f"{base}/healthz") as resp:
            assert resp.status == 200
            assert await resp.json() == {
                "status": "degraded",
                "database": "ok",
                "work_processes": {"ready": 1, "of": 2},
                "work_in_progress": 2,
            }


async def test_with_no_work_process_a_command_is_told_and_an_event_refused(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    async with front(fake_slack, [], StubWork(), tmp_path) as sender:
        sent = await sender.command("/tiimi", "ohje", user_id="UANNA", channel_id="D1")
        assert sent.status == 200 and "käynnistyy" in sent.json()["text"]
        event = await sender.event({"type": "app_home_opened", "user": "UANNA", "tab": "home"})
        assert event.status == 503


async def test_a_request_no_work_process_takes_is_told_to_its_user(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    unreachable = tmp_path / "nobody-listens.sock"
    async with front(fake_slack, [unreachable], StubWork(), tmp_path) as sender:
        sent = await sender.command("/askel", "lista", user_id="UANNA", channel_id="C1")
        assert (sent.status, sent.body) == (200, "")
        url = sent.response_url
        await fake_slack.wait_for(lambda: fake_slack.responses(url))
        told = fake_slack.responses(url)[-1]
        assert told["response_type"] == "ephemeral" and "käynnistyy" in told["text"]


def test_the_front_process_loads_none_of_the_bot() -> None:
    """What `python -m bot` imports before it knows it is the front (WORK_PROCESSES > 0)."""
    bot_modules = (
        "sqlalchemy",
        "alembic",
        "apscheduler",
        "holidays",
        "bot.serving",
        "handlers.slack.app",
    )
    probe = f"import sys, bot.__main__; print([m for m in {bot_modules!r} if m in sys.modules])"
    assert run_python(probe) == "[]"
