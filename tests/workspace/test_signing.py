"""Tests of the Slack request signer."""

from __future__ import annotations

import time

from handlers.sandbox.workspace.signing import sign, signed_headers

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TIMESTAMP = "1531420618"
BODY = (
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
    "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
    "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmib"
    "IGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
)
EXPECTED = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"


def test_slack_published_vector() -> None:
    """The signer reproduces the example from Slack's documentation."""
    assert sign(SECRET, TIMESTAMP, BODY) == EXPECTED
    assert sign(SECRET, TIMESTAMP, BODY.encode()) == EXPECTED


def test_signed_headers_use_given_or_current_timestamp() -> None:
    """Headers carry the timestamp that was signed."""
    headers = signed_headers(SECRET, BODY, timestamp=int(TIMESTAMP))
    assert headers == {"X-Slack-Request-Timestamp": TIMESTAMP, "X-Slack-Signature": EXPECTED}
    now = signed_headers(SECRET, "x")
    assert abs(int(now["X-Slack-Request-Timestamp"]) - time.time()) < 5
    assert now["X-Slack-Signature"] == sign(SECRET, now["X-Slack-Request-Timestamp"], "x")
