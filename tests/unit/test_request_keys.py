"""Each kind of request from Slack that can change state has a key of its own."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from slack_bolt.request.internals import parse_body as bolt_parse_body

from handlers.slack.request_body import parse_body
from handlers.slack.request_checks import FORM, JSON, malformed
from handlers.slack.request_keys import request_key


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ({"command": "/askel", "text": "x", "trigger_id": "1.2.a"}, "command:1.2.a"),
        ({"type": "block_actions", "trigger_id": "3.4.b", "actions": []}, "action:3.4.b"),
        ({"type": "view_submission", "trigger_id": "5.6.c", "view": {}}, "view:5.6.c"),
        ({"type": "shortcut", "trigger_id": "7.8.d"}, "shortcut:7.8.d"),
        ({"type": "event_callback", "event_id": "Ev1", "event": {}}, "event:Ev1"),
        ({"type": "view_closed", "view": {"id": "V1"}}, None),  # changes nothing
        ({"type": "url_verification", "challenge": "c"}, None),
        ({"type": "event_callback", "event": {}}, None),
        ({"command": "/askel", "trigger_id": ""}, None),
    ],
)
def test_request_keys(body: dict[str, Any], key: str | None) -> None:
    assert request_key(body) == key


BODIES = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="[{}]\"':,0123456789 ", max_size=40),
    st.builds(lambda depth, tail: "[" * depth + tail, st.integers(0, 3000), st.text(max_size=5)),
).flatmap(
    lambda text: st.sampled_from(
        [text, "{" + text, "payload=" + text, "payload={}&payload=" + text]
    )
)


@given(BODIES, st.sampled_from([FORM, JSON]))
def test_what_passes_the_checks_is_read_without_an_error(body: str, content_type: str) -> None:
    if malformed(content_type, body) is None:
        bolt_parse_body(body, content_type)
        parse_body(body, content_type)
