"""End-to-end check of SlackSender against a real Bolt AsyncApp talking to the fake."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio
from aiohttp import web
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from handlers.sandbox.workspace import Message, SimulatedSlack
from handlers.sandbox.workspace.sender import SlackSender

SECRET = "test-signing-secret"


def _build_app(fake: SimulatedSlack, seen: list[dict[str, Any]]) -> AsyncApp:
    """Return a tiny Bolt app using the fake as its Web API."""
    client = AsyncWebClient(token=fake.token, base_url=fake.base_url, retry_handlers=[])
    app = AsyncApp(client=client, signing_secret=SECRET, process_before_response=True)

    @app.command("/tiimi")
    async def command(ack: Any, respond: Any, command: dict[str, Any], client: Any) -> None:
        await ack()
        await respond(text=f"sait: {command['text']}")
        await client.views_open(
            trigger_id=command["trigger_id"],
            view={
                "type": "modal",
                "callback_id": "cb",
                "title": {"type": "plain_text", "text": "T"},
                "blocks": [{"type": "divider"}],
            },
        )

    @app.action("approve")
    async def action(ack: Any, body: dict[str, Any], respond: Any) -> None:
        await ack()
        seen.append(body)
        await respond(text="hyväksytty", replace_original=True)

    @app.view("cb")
    async def submit(ack: Any, view: dict[str, Any]) -> None:
        seen.append(view)
        await ack()

    @app.event("app_mention")
    async def mention(event: dict[str, Any], say: Any) -> None:
        await say(text="moi")

    return app


@pytest_asyncio.fixture
async def sender(
    fake_slack: SimulatedSlack,
) -> AsyncIterator[tuple[SlackSender, list[dict[str, Any]]]]:
    """Serve the Bolt app on a free port and yield a SlackSender for it."""
    seen: list[dict[str, Any]] = []
    runner = web.AppRunner(_build_app(fake_slack, seen).web_app())
    await runner.setup()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    await web.SockSite(runner, sock).start()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    try:
        yield SlackSender(url, SECRET, fake_slack), seen
    finally:
        await runner.cleanup()


async def test_command_action_view_event(
    sender: tuple[SlackSender, list[dict[str, Any]]], fake_slack: SimulatedSlack
) -> None:
    slack, seen = sender
    cid = fake_slack.add_channel("e2e", members={"UANNA"})
    result = await slack.command("/tiimi", "hei", user_id="UANNA", channel_id=cid)
    assert result.status == 200
    assert fake_slack.responses(result.response_url) == [{"text": "sait: hei"}]
    assert [(e.channel, e.user, e.text) for e in fake_slack.ephemerals] == [
        (cid, "UANNA", "sait: hei")
    ]
    assert fake_slack.views_opened[0]["trigger_id"] == result.trigger_id

    original = Message(ts="2.000001", channel=cid, user=fake_slack.bot_user_id, text="hyväksy?")
    fake_slack.messages[cid].append(original)
    clicked = await slack.block_action(
        user_id="UANNA", action_id="approve", value="7", channel_id=cid, message_ts=original.ts
    )
    assert clicked.status == 200 and seen[0]["actions"][0]["value"] == "7"
    assert seen[0]["message"]["text"] == "hyväksy?"
    assert original.text == "hyväksytty"

    view = fake_slack.views_opened[0]["view"]
    submitted = await slack.view_submission(user_id="UANNA", view=view, values={"b": {}})
    assert submitted.status == 200 and seen[1]["id"] == view["id"]

    event = {
        "type": "app_mention",
        "user": "UANNA",
        "text": "<@UBOT>",
        "channel": cid,
        "ts": "1.1",
        "event_ts": "1.1",
    }
    assert (await slack.event(event)).status == 200
    assert fake_slack.messages[cid][-1].text == "moi"


async def test_forged_and_stale_requests_rejected(
    sender: tuple[SlackSender, list[dict[str, Any]]],
) -> None:
    slack, _ = sender
    body = "command=%2Ftiimi&text=x"
    form = "application/x-www-form-urlencoded"
    assert (await slack.raw(body, content_type=form, signed=False)).status == 401
    assert (await slack.raw(body, content_type=form, timestamp=1_000_000)).status == 401
    forged = {"X-Slack-Signature": "v0=" + "0" * 64}
    assert (await slack.raw(body, content_type=form, headers=forged)).status == 401


async def test_action_on_an_ephemeral_message_replaces_it(
    sender: tuple[SlackSender, list[dict[str, Any]]], fake_slack: SimulatedSlack
) -> None:
    slack, seen = sender
    cid = fake_slack.add_channel("e2e", members={"UANNA"})
    await slack.command("/tiimi", "hei", user_id="UANNA", channel_id=cid)
    [asked] = fake_slack.ephemerals

    await slack.block_action(
        user_id="UANNA", action_id="approve", value="7", channel_id=cid, message_ts=asked.ts
    )

    assert seen[0]["container"]["is_ephemeral"] is True and "message" not in seen[0]
    assert [(e.ts, e.user, e.text) for e in fake_slack.ephemerals] == [
        (asked.ts, "UANNA", "hyväksytty")
    ]
    assert fake_slack.messages[cid] == []
