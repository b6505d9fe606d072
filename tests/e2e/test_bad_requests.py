"""Malformed, forged and replayed requests get 4xx, never 5xx, and change nothing."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from tests.e2e.harness import RunningBot
from tests.support.signing import signed_headers
from tests.support.slack_requests import FORM, JSON


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("hello", "text/plain", 415),
        ("<a/>", "application/xml", 415),
        ("payload=%7Bnot-json", FORM, 400),
        ("payload=%5B1%2C2%5D", FORM, 400),
        ("{not json", JSON, 400),
        ("[1, 2]", JSON, 400),
        ("", FORM, 404),
        ("a=" + "x" * (2 * 1024 * 1024), FORM, 413),
    ],
)
async def test_malformed_bodies(bot: RunningBot, body: str, content_type: str, status: int) -> None:
    answer = await bot.sender.raw(body, content_type=content_type)
    assert answer.status == status
    assert bot.mutations() == []


async def test_unknown_action_is_refused_quietly(bot: RunningBot) -> None:
    answer = await bot.sender.block_action(
        user_id="UANNA", action_id="no_such_button", value="1", channel_id="C1"
    )
    assert 400 <= answer.status < 500 and bot.mutations() == []


async def test_replayed_request_is_refused_before_any_work(bot: RunningBot) -> None:
    body = urlencode(
        {
            "command": "/tiimi",
            "text": "uusi <@UBERT>",
            "user_id": "UANNA",
            "channel_id": "D1",
            "team_id": "T0TEST",
            "trigger_id": "1.2.3",
            "response_url": bot.fake.new_response_url(),
        }
    )
    headers = signed_headers(bot.sender.signing_secret, body)
    first = await bot.sender.raw(body, content_type=FORM, signed=False, headers=headers)
    await bot.fake.wait_for(lambda: bot.fake.calls_to("chat.postMessage"))
    again = await bot.sender.raw(body, content_type=FORM, signed=False, headers=headers)
    assert (first.status, again.status) == (200, 409)
    assert len(bot.fake.calls_to("conversations.create")) == 1


async def test_forged_event_changes_nothing(bot: RunningBot) -> None:
    event = json.dumps(
        {
            "type": "event_callback",
            "event_id": "Ev9",
            "team_id": "T0TEST",
            "event": {"type": "app_home_opened", "user": "UANNA", "tab": "home"},
        }
    )
    forged = await bot.sender.raw(
        event, content_type=JSON, headers={"X-Slack-Signature": "v0=" + "1" * 64}
    )
    assert forged.status == 401 and bot.fake.calls_to("views.publish") == []
