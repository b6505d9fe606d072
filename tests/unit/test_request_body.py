"""Reading Slack's request bodies: Bolt's reading, except for forms that mention "payload"."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st
from slack_bolt.request.internals import parse_body as bolt_parse_body

from handlers.slack.request_body import bolt_request, parse_body
from handlers.slack.request_checks import FORM, JSON

PAYLOAD = {"type": "block_actions", "actions": [{"action_id": "step_done"}]}
COMMAND = {"command": "/askel", "text": "Tarkista payload-kenttä", "user_id": "UANNA"}


@pytest.mark.parametrize(
    ("content_type", "body", "expected"),
    [
        (FORM, urlencode(COMMAND), COMMAND),
        (FORM, "command=%2Faskel&text=payload", {"command": "/askel", "text": "payload"}),
        (FORM, urlencode({"payload": json.dumps(PAYLOAD)}), PAYLOAD),
        (FORM, urlencode({"payload": json.dumps(PAYLOAD), "x": "payload"}), PAYLOAD),
        (FORM, urlencode({"command": "/tiimi", "text": "ohje"}), None),
        (JSON, json.dumps({"type": "event_callback", "payload": 1}), None),
        (JSON, "{}", {}),
        (FORM, "", {}),
    ],
)
def test_parse_body(content_type: str, body: str, expected: dict[str, object] | None) -> None:
    if expected is None:  # as Bolt reads it
        expected = bolt_parse_body(body, content_type)
        assert expected
    assert parse_body(body, content_type) == expected


TEXTS = st.one_of(
    st.text(max_size=60),
    st.tuples(st.text(max_size=20), st.text(max_size=20)).map("payload".join),
)


@given(TEXTS)
def test_every_command_text_is_read_as_written(text: str) -> None:
    fields = {"command": "/askel", "text": text, "channel_id": "C1"}
    assert parse_body(urlencode(fields), FORM) == fields


def test_bolt_request_carries_the_form_and_its_context() -> None:
    body = urlencode(COMMAND | {"channel_id": "C1", "team_id": "T1"})
    request = bolt_request(body, query="", headers={"Content-Type": FORM})
    assert request.raw_body == body
    assert request.body["text"] == "Tarkista payload-kenttä"
    assert (request.context.user_id, request.context.channel_id) == ("UANNA", "C1")
    assert request.context.team_id == "T1"
