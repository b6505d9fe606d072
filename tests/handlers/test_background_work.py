"""The listener wrapper: Bolt answers at ack(), the work runs after it in a bounded background,
failures reach the user in Finnish, and shutdown lets the work finish."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlencode

import pytest
from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse

from bot.i18n import CATALOGS
from handlers.slack.errors import background_listener
from handlers.slack.work import ANSWERED, BackgroundWork
from tests.fake_slack import FakeSlack
from tests.support.signing import signed_headers

SECRET = "handler0test0secret"
Listener = Callable[..., Awaitable[None]]


def bolt_app(
    work: BackgroundWork, *, command: Listener | None = None, event: Listener | None = None
) -> AsyncApp:
    async def authorize(**_: Any) -> AuthorizeResult:
        return AuthorizeResult(enterprise_id=None, team_id="T0TEST", bot_token="xoxb-test")

    app = AsyncApp(signing_secret=SECRET, authorize=authorize, process_before_response=True)

    async def provide(context: AsyncBoltContext, next: Callable[[], Awaitable[None]]) -> None:
        context["work"] = work
        await next()

    app.middleware(provide)
    if command:
        app.command("/tiimi")(background_listener(command))
    if event:
        app.event("app_home_opened")(background_listener(event))
    return app


async def send_command(
    app: AsyncApp, response_url: str = "", *, answered: asyncio.Event | None = None
) -> BoltResponse:
    body = urlencode(
        {
            "command": "/tiimi",
            "text": "ohje",
            "user_id": "UANNA",
            "team_id": "T0TEST",
            "channel_id": "C1",
            "trigger_id": "1.2.3",
            "response_url": response_url,
        }
    )
    context = {ANSWERED: answered} if answered else None  # as the HTTP server sets it
    return await app.async_dispatch(
        AsyncBoltRequest(body=body, headers=signed_headers(SECRET, body), context=context)
    )


async def send_event(app: AsyncApp) -> BoltResponse:
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


async def test_the_answer_goes_out_at_ack_while_the_work_goes_on() -> None:
    work = BackgroundWork(slots=4)
    release, finished = asyncio.Event(), asyncio.Event()

    async def listener(ack: AsyncAck) -> None:
        await ack(text="kuitattu")
        await release.wait()
        finished.set()

    response = await send_command(bolt_app(work, command=listener))

    assert (response.status, response.body) == (200, "kuitattu")
    assert work.running == 1 and not finished.is_set()
    release.set()
    await asyncio.wait_for(finished.wait(), 5)


async def test_a_listener_without_ack_is_acknowledged_before_it_runs() -> None:
    work = BackgroundWork(slots=4)
    ran = asyncio.Event()

    async def listener(command: dict[str, Any]) -> None:
        assert command["text"] == "ohje"
        ran.set()

    response = await send_command(bolt_app(work, command=listener))

    assert (response.status, response.body) == (200, "") and not ran.is_set()
    await asyncio.wait_for(ran.wait(), 5)


@pytest.mark.parametrize("takes_ack", [False, True])
async def test_the_work_waits_until_the_answer_is_written(takes_ack: bool) -> None:
    work = BackgroundWork(slots=4)
    answered, ran = asyncio.Event(), asyncio.Event()

    async def acknowledged(command: dict[str, Any]) -> None:
        ran.set()

    async def acknowledging(ack: AsyncAck) -> None:
        await ack()
        ran.set()

    app = bolt_app(work, command=acknowledging if takes_ack else acknowledged)
    response = await send_command(app, answered=answered)
    for _ in range(20):
        await asyncio.sleep(0)

    assert response.status == 200 and not ran.is_set()
    answered.set()
    await asyncio.wait_for(ran.wait(), 5)


async def test_busy_slots_do_not_delay_an_acknowledgement() -> None:
    work = BackgroundWork(slots=1)
    release = asyncio.Event()
    started: list[int] = []

    async def listener(ack: AsyncAck) -> None:
        await ack()
        started.append(len(started))
        await release.wait()

    app = bolt_app(work, command=listener)
    first, second = await send_command(app), await send_command(app)

    assert (first.status, second.status) == (200, 200)
    assert started == [0]  # the second request's work waits for the one slot
    release.set()
    await work.drain(grace_seconds=5)
    assert started == [0, 1]


async def test_a_second_ack_takes_no_second_slot() -> None:
    work = BackgroundWork(slots=1)
    finished = asyncio.Event()

    async def listener(ack: AsyncAck) -> None:
        await ack()
        await ack()  # would wait for the slot this request holds
        finished.set()

    app = bolt_app(work, command=listener)
    await send_command(app)
    await work.drain(grace_seconds=1)
    assert finished.is_set()
    await asyncio.wait_for(work.slots.acquire(), 1)  # the one slot was given back


@pytest.mark.parametrize("takes_ack", [False, True])
async def test_a_failure_after_ack_is_told_in_finnish(
    fake_slack: FakeSlack, takes_ack: bool
) -> None:
    work = BackgroundWork(slots=4)

    async def acknowledged() -> None:
        raise RuntimeError("database down")

    async def acknowledging(ack: AsyncAck) -> None:
        await ack()
        raise RuntimeError("database down")

    url = fake_slack.new_response_url()
    app = bolt_app(work, command=acknowledging if takes_ack else acknowledged)
    response = await send_command(app, url)
    await work.drain(grace_seconds=5)

    assert response.status == 200
    assert [r["text"] for r in fake_slack.responses(url)] == [CATALOGS["fi"]["generic_error"]]


async def test_a_failure_before_ack_still_answers_slack_and_the_user(fake_slack: FakeSlack) -> None:
    work = BackgroundWork(slots=4)

    async def listener(ack: AsyncAck, respond: AsyncRespond) -> None:
        raise RuntimeError("broken before the answer")

    url = fake_slack.new_response_url()
    response = await send_command(bolt_app(work, command=listener), url)
    await work.drain(grace_seconds=5)

    assert (response.status, response.body) == (200, "")
    assert [r["text"] for r in fake_slack.responses(url)] == [CATALOGS["fi"]["generic_error"]]


async def test_an_event_is_acknowledged_before_its_work_runs() -> None:
    work = BackgroundWork(slots=4)
    ran = asyncio.Event()

    async def listener(event: dict[str, Any]) -> None:
        ran.set()

    response = await send_event(bolt_app(work, event=listener))

    assert response.status == 200 and not ran.is_set()
    await asyncio.wait_for(ran.wait(), 5)


async def test_shutdown_waits_for_work_and_cancels_it_after_the_grace() -> None:
    work = BackgroundWork(slots=4)
    finished, cancelled = asyncio.Event(), asyncio.Event()

    async def quick() -> None:
        await asyncio.sleep(0)
        finished.set()

    async def stuck() -> None:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.set()
            raise

    work.start(quick())
    await work.drain(grace_seconds=5)
    assert finished.is_set() and work.running == 0

    work.start(stuck())
    await work.drain(grace_seconds=0.01)
    assert cancelled.is_set() and work.running == 0


@pytest.mark.parametrize("takes_ack", [False, True])
@pytest.mark.parametrize("slots", [1, 3])
async def test_no_more_than_the_slots_work_at_once(slots: int, takes_ack: bool) -> None:
    work = BackgroundWork(slots=slots)
    release = asyncio.Event()
    at_once = peak = 0

    async def acknowledged() -> None:
        nonlocal at_once, peak
        at_once += 1
        peak = max(peak, at_once)
        await release.wait()
        at_once -= 1

    async def acknowledging(ack: AsyncAck) -> None:
        await ack()
        await acknowledged()

    app = bolt_app(work, command=acknowledging if takes_ack else acknowledged)
    for _ in range(6):
        assert (await send_command(app)).status == 200
    for _ in range(50):  # the event loop's turns until the work has started
        await asyncio.sleep(0)
    release.set()
    await work.drain(grace_seconds=5)
    assert peak == slots
