"""The real app's listeners acknowledge first and work after, through Bolt's own dispatch: the
answer goes out at ack() while the work goes on, the work runs a few requests at a time,
failures after ack() reach the user in Finnish, and shutdown lets the work finish."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any, cast
from urllib.parse import urlencode

import pytest
from slack_bolt.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import Catalog
from bot.replies import Message, Reply, compose
from handlers.sandbox.workspace import SimulatedSlack
from handlers.sandbox.workspace.signing import signed_headers
from handlers.slack.app import build_app
from handlers.slack.services import SlackServices
from handlers.slack.work import after_answer
from handlers.work_slots import WorkSlots

SECRET = "work0after0ack0secret"


class KeysInMemory:
    async def first_time(self, key: str) -> bool:
        return True


class Languages:
    def __init__(self, lang: str = "fi") -> None:
        self.lang = lang

    def cached(self, user_id: str | None) -> str:
        return self.lang

    async def language(self, user_id: str) -> str:
        return self.lang


class Tiimi:
    """Stands in for TiimiCommands: `run` does what the test gives it."""

    def __init__(self, run: Callable[[], Awaitable[None]]) -> None:
        self._run = run

    async def run(self, **_: Any) -> Reply:
        await self._run()
        return Reply(message=Message(compose("valmis")))


class Home:
    def __init__(self, run: Callable[[], Awaitable[None]]) -> None:
        self._run = run

    async def home(self, actor: Any) -> Any:
        await self._run()
        raise RuntimeError("no Home tab in this test")


def app_with(
    fake: SimulatedSlack, work: WorkSlots, run: Callable[[], Awaitable[None]], *, lang: str = "fi"
) -> tuple[AsyncApp, AsyncWebClient]:
    client = AsyncWebClient(token=fake.token, base_url=fake.base_url)
    stand_ins: dict[str, Any] = {
        "tiimi": Tiimi(run),
        "askel": None,
        "home": Home(run),
        "channel_guard": None,
        "locales": Languages(lang),
        "platform": None,
    }
    app = build_app(
        client=client,
        signing_secret=SECRET,
        services=cast(SlackServices, SlackServices(**stand_ins)),
        work=work,
        request_log=KeysInMemory(),
    )
    return app, client


async def send_command(app: AsyncApp, response_url: str, trigger: str = "1.2.3") -> BoltResponse:
    body = urlencode(
        {
            "command": "/tiimi",
            "text": "ohje",
            "user_id": "UANNA",
            "team_id": "T0TEST",
            "channel_id": "C1",
            "trigger_id": trigger,
            "response_url": response_url,
        }
    )
    headers = signed_headers(SECRET, body)
    return await app.async_dispatch(AsyncBoltRequest(body=body, headers=headers))


async def send_home_opened(app: AsyncApp) -> BoltResponse:
    body = json.dumps(
        {
            "type": "event_callback",
            "team_id": "T0TEST",
            "event_id": "Ev1",
            "event": {"type": "app_home_opened", "user": "UANNA", "tab": "home"},
        }
    )
    headers = signed_headers(SECRET, body) | {"content-type": "application/json"}
    return await app.async_dispatch(AsyncBoltRequest(body=body, headers=headers))


@pytest.fixture
def people(fake_slack: SimulatedSlack) -> SimulatedSlack:
    fake_slack.add_user("UANNA")
    return fake_slack


async def test_the_answer_goes_out_at_ack_while_the_work_goes_on(people: SimulatedSlack) -> None:
    work = WorkSlots(4)
    release = asyncio.Event()
    app, _client = app_with(people, work, release.wait)
    url = people.new_response_url()

    response = await asyncio.wait_for(send_command(app, url), 5)

    assert (response.status, response.body) == (200, "")
    assert work.running == 1 and people.responses(url) == []
    release.set()
    await work.drain(grace_seconds=5)
    assert [r["text"] for r in people.responses(url)] == ["valmis"]


async def test_an_event_is_acknowledged_while_its_work_goes_on(people: SimulatedSlack) -> None:
    work = WorkSlots(4)
    release = asyncio.Event()
    app, _client = app_with(people, work, release.wait)

    response = await asyncio.wait_for(send_home_opened(app), 5)

    assert response.status == 200 and work.running == 1
    release.set()
    await work.drain(grace_seconds=5)
    assert work.running == 0


async def test_busy_slots_do_not_delay_an_acknowledgement(people: SimulatedSlack) -> None:
    work = WorkSlots(1)
    release = asyncio.Event()
    started: list[int] = []

    async def run() -> None:
        started.append(len(started))
        await release.wait()

    app, _client = app_with(people, work, run)
    urls = [people.new_response_url() for _ in range(2)]
    first = await asyncio.wait_for(send_command(app, urls[0], "1.1"), 5)
    second = await asyncio.wait_for(send_command(app, urls[1], "1.2"), 5)

    assert (first.status, second.status) == (200, 200)
    assert started == [0] and work.running == 2  # the second request's work waits for the slot
    release.set()
    await work.drain(grace_seconds=5)
    assert started == [0, 1]
    assert [len(people.responses(url)) for url in urls] == [1, 1]


@pytest.mark.parametrize("slots", [1, 3])
async def test_no_more_than_the_slots_work_at_once(people: SimulatedSlack, slots: int) -> None:
    work = WorkSlots(slots)
    release = asyncio.Event()
    at_once = peak = 0

    async def run() -> None:
        nonlocal at_once, peak
        at_once += 1
        peak = max(peak, at_once)
        await release.wait()
        at_once -= 1

    app, _client = app_with(people, work, run)
    for i in range(6):
        response = await send_command(app, people.new_response_url(), f"1.{i}")
        assert response.status == 200
    assert work.running == 6
    release.set()
    await work.drain(grace_seconds=5)
    assert peak == slots


async def test_a_failure_after_ack_is_told_in_finnish(people: SimulatedSlack) -> None:
    """Also the acknowledgement holds: Bolt alone, when a listener fails after ack() before its
    10 ms poll has seen the acknowledgement, drops it and answers 404 after 3 s."""
    work = WorkSlots(4)

    async def broken() -> None:
        raise RuntimeError("database down")

    app, _client = app_with(people, work, broken)
    url = people.new_response_url()
    response = await asyncio.wait_for(send_command(app, url), 1)
    await people.wait_for(lambda: people.responses(url))

    assert (response.status, response.body) == (200, "")
    assert [r["text"] for r in people.responses(url)] == [Catalog("fi").template("generic_error")]
    assert "database down" not in json.dumps(people.responses(url))


async def test_a_failure_is_told_in_the_users_language(people: SimulatedSlack) -> None:
    async def broken() -> None:
        raise RuntimeError("database down")

    app, _client = app_with(people, WorkSlots(4), broken, lang="sv")
    url = people.new_response_url()
    assert (await send_command(app, url)).status == 200
    await people.wait_for(lambda: people.responses(url))
    assert [r["text"] for r in people.responses(url)] == [Catalog("sv").template("generic_error")]


async def test_shutdown_waits_for_work_and_cancels_it_after_the_grace(
    people: SimulatedSlack,
) -> None:
    work = WorkSlots(4)
    stuck = asyncio.Event()
    app, _client = app_with(people, work, stuck.wait)
    url = people.new_response_url()

    assert (await send_command(app, url)).status == 200
    await work.drain(grace_seconds=0.05)  # the work never finishes: cancelled after the grace

    assert work.running == 0 and people.responses(url) == []

    quick = WorkSlots(4)
    app, _client = app_with(people, quick, lambda: asyncio.sleep(0))
    url = people.new_response_url()
    assert (await send_command(app, url)).status == 200
    await quick.drain(grace_seconds=5)
    assert [r["text"] for r in people.responses(url)] == ["valmis"]


async def test_work_after_the_answer_is_given_the_shutdown_grace() -> None:
    """Clearing a closed team's channel follows the answer outside the slots; a shutdown still
    waits for it rather than cutting it off half-way."""
    work = WorkSlots(1)
    release, finished = asyncio.Event(), asyncio.Event()

    async def clear_channel() -> None:
        await release.wait()
        finished.set()

    context = cast(Any, {"work": work})
    clearing = asyncio.create_task(after_answer(context, clear_channel))
    await asyncio.sleep(0)  # one turn: the clearing has started
    assert work.running == 1
    async with work.slot():  # the slot is free for other requests meanwhile
        pass
    shutdown = asyncio.create_task(work.drain(grace_seconds=60))
    await asyncio.sleep(0)
    assert not shutdown.done()
    release.set()
    await shutdown
    assert finished.is_set() and clearing.done() and work.running == 0
