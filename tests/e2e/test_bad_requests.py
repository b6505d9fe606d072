"""Malformed and forged requests get 4xx, never 5xx, and change nothing (replays:
test_replays.py)."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from handlers.sandbox.workspace.sender import FORM, JSON
from tests.e2e.harness import RunningBot

DEEP = "[" * 100_000  # json.loads raises RecursionError, not ValueError


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
        pytest.param(DEEP, JSON, 400, id="nested_json"),
        pytest.param('{"event": ' + DEEP, JSON, 400, id="nested_json_in_object"),
        pytest.param(urlencode({"payload": DEEP}), FORM, 400, id="nested_payload"),
        pytest.param("{" + DEEP, FORM, 400, id="form_read_as_json"),
        pytest.param("{not json", FORM, 400, id="form_read_as_bad_json"),
        pytest.param("payload=%7B%7D&payload=%5B", FORM, 400, id="second_payload"),
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


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"X-Big": "a" * 100_000}, id="100kB_header"),
        pytest.param({f"X-Many-{i}": "a" for i in range(200)}, id="200_headers"),
    ],
)
async def test_oversized_headers_are_refused(bot: RunningBot, headers: dict[str, str]) -> None:
    answer = await bot.sender.raw(
        urlencode({"command": "/tiimi"}), content_type=FORM, headers=headers
    )
    assert 400 <= answer.status < 500
    assert bot.mutations() == []


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
