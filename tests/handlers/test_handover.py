"""Which requests the front answers itself: a table over Slack's request shapes."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from handlers.slack.app import listener_routes
from handlers.slack.handover import answered_at_once, response_url_of
from handlers.slack.request_body import parse_body
from handlers.slack.request_checks import FORM, JSON
from handlers.slack.route_table import RouteTable

# as the front gets it: from a work process's ready line
ROUTES = RouteTable.from_json(listener_routes().table().to_json())


def action(action_id: object, kind: str = "block_actions") -> str:
    payload = {"type": kind, "actions": [{"action_id": action_id}], "response_url": "https://r"}
    return urlencode({"payload": json.dumps(payload)})


def event(event_type: object, kind: str = "event_callback") -> str:
    return json.dumps({"type": kind, "event": {"type": event_type}})


@pytest.mark.parametrize(
    ("content_type", "body", "at_once"),
    [
        (FORM, urlencode({"command": "/tiimi", "text": "uusi"}), True),
        (FORM, urlencode({"command": "/askel", "text": ""}), True),
        (FORM, urlencode({"command": "/askel", "text": "Tarkista payload"}), True),
        (FORM, urlencode({"command": "/muu", "text": ""}), False),  # Bolt answers 404
        (FORM, urlencode({"command": "/tiimi\n"}), False),
        (FORM, urlencode({"command": "/tiimi", "ssl_check": "1"}), False),
        (FORM, action("step_done"), True),
        (FORM, action("plan_page:3"), True),  # a pattern route
        (FORM, action("nudge_snooze:7"), True),
        (FORM, action("nudge_snooze:2"), False),
        (FORM, action("no_such_button"), False),
        (FORM, action(["step_done"]), False),
        (FORM, action("step_done", kind="view_submission"), False),  # its answer may be errors
        (FORM, urlencode({"payload": json.dumps({"type": "block_actions"})}), False),
        (FORM, urlencode({"payload": json.dumps({"type": "block_actions", "actions": []})}), False),
        (FORM, "", False),
        (JSON, event("app_home_opened"), True),
        (JSON, event("message"), False),
        (JSON, event({"x": 1}), False),
        (JSON, event("app_home_opened", kind="url_verification"), False),
        (JSON, json.dumps({"type": "event_callback"}), False),
    ],
)
def test_answered_at_once(content_type: str, body: str, at_once: bool) -> None:
    assert answered_at_once(parse_body(body, content_type), ROUTES) is at_once


def test_response_urls_of_commands_and_buttons() -> None:
    command = parse_body(urlencode({"command": "/tiimi", "response_url": "https://c"}), FORM)
    assert response_url_of(command) == "https://c"
    assert response_url_of(parse_body(action("step_done"), FORM)) == "https://r"
    assert response_url_of(parse_body(event("app_home_opened"), JSON)) is None
