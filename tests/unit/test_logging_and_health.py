"""Logs never carry tokens or identity codes; /healthz reports an unreachable database."""

from __future__ import annotations

import logging

from aiohttp.test_utils import TestClient, TestServer
from slack_sdk.errors import SlackApiError
from slack_sdk.web.slack_response import SlackResponse

from bot.logging_setup import (
    DETAIL_LIBRARIES,
    QUIET_LIBRARIES,
    RedactingFormatter,
    configure_logging,
)
from bot.platform import PlatformError
from handlers.slack.log_details import show_slack_details
from handlers.slack.server import build_web_app
from storage.db import Database


def test_formatter_redacts_tokens_and_identity_codes() -> None:
    show_slack_details()  # Slack's tokens are the adapter's addition
    record = logging.LogRecord(
        "x",
        logging.INFO,
        __file__,
        1,
        "call with %s for %s",
        ("xoxb-123-456-abcDEF", "131052-308T"),
        None,
    )
    line = RedactingFormatter("%(message)s").format(record)
    assert "xoxb-123" not in line and "131052" not in line
    assert line == "call with [TOKEN] for [HETU]"


def test_log_lines_are_read_for_codes_as_slack_shows_them() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "%s", ("13105<x|2-308>T",), None)
    show_slack_details()
    assert RedactingFormatter("%(message)s").format(record) == "[HETU]"


def test_platform_error_codes_are_shown_and_their_messages_withheld() -> None:
    show_slack_details()
    slack = SlackApiError("secret text", slack_response({"ok": False, "error": "not_in_channel"}))
    for error, shown in (
        (slack, "slack_error=not_in_channel"),
        (PlatformError("name_taken"), "platform_error=name_taken"),
    ):
        try:
            raise error
        except Exception as raised:
            line = RedactingFormatter("%(message)s").formatException(
                (type(raised), raised, raised.__traceback__)
            )
        assert shown in line and "secret text" not in line


def slack_response(data: dict[str, object]) -> SlackResponse:
    return SlackResponse(
        client=None,
        http_verb="POST",
        api_url="",
        req_args={},
        data=data,
        headers={},
        status_code=200,
    )


def test_alembics_steps_are_logged_at_debug_only() -> None:
    root, steps = logging.getLogger(), logging.getLogger("alembic.runtime.migration")
    saved = root.handlers[:], root.level
    libraries = {name: logging.getLogger(name).level for name in QUIET_LIBRARIES | DETAIL_LIBRARIES}
    try:
        configure_logging("INFO")
        assert not steps.isEnabledFor(logging.INFO) and steps.isEnabledFor(logging.WARNING)
        configure_logging("DEBUG")
        assert steps.isEnabledFor(logging.INFO) and steps.isEnabledFor(logging.DEBUG)
        configure_logging("ERROR")
        assert not steps.isEnabledFor(logging.WARNING)
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)
        for name, library_level in libraries.items():
            logging.getLogger(name).setLevel(library_level)


async def test_healthz_is_503_when_the_database_is_unreachable() -> None:
    database = Database("postgresql://nobody@127.0.0.1:1/none")
    try:
        app = build_web_app(None, database_ok=database.ping, work_in_progress=lambda: 3)
        async with TestClient(TestServer(app)) as client:
            response = await client.get("/healthz")
            assert response.status == 503
            assert await response.json() == {
                "status": "error",
                "database": "unreachable",
                "work_in_progress": 3,
            }
            assert (await client.post("/slack/events")).status in (404, 405)
    finally:
        await database.dispose()
