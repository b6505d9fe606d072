"""A failing write with a client's text, logged at DEBUG: nothing of the text, the identity code
or the response_url is in anything logged (exception tracebacks included)."""

from __future__ import annotations

import io
import logging
import sys
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from slack_bolt.context.async_context import AsyncBoltContext
from sqlalchemy.exc import IntegrityError

from bot.logging_setup import QUIET_LIBRARIES, configure_logging
from bot.privacy import contains_identity_code
from handlers.slack.errors import report_failure
from handlers.slack.log_details import show_slack_details
from storage.db import Database
from storage.migrate import upgrade_to_head
from storage.models import Step

CLIENT_TEXT = "Maija Meikäläinen, Ratapihankatu 9 B 14, ulosotossa 14 300 euroa"
CODE = "131052-308T"
RESPONSE_URL = "https://hooks.slack.com/commands/T0TEAM/4021/s3cretHookPath"
TOKEN = "xoxb-2024-1111-abcdefSECRET"


@pytest.fixture
def bot_logs(monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    """The bot's own logging at DEBUG, written to a string; restored afterwards."""
    show_slack_details()  # as the Slack adapter's configure() does
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    libraries = {name: logging.getLogger(name).level for name in QUIET_LIBRARIES}
    stream = io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    configure_logging("DEBUG")
    try:
        yield stream
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)
        for name, library_level in libraries.items():
            logging.getLogger(name).setLevel(library_level)


def assert_nothing_leaked(logged: str) -> None:
    for secret in (CLIENT_TEXT, "Meikäläinen", "Ratapihankatu", "ulosotossa", CODE, "308T"):
        assert secret not in logged, secret
    assert not contains_identity_code(logged)
    assert "s3cretHookPath" not in logged and "/commands/" not in logged
    assert "SECRET" not in logged


@pytest.mark.parametrize("text", [CLIENT_TEXT, f"{CLIENT_TEXT}, hetu {CODE}"])
async def test_a_failing_write_logs_no_client_text(
    database_url: str, bot_logs: io.StringIO, text: str
) -> None:
    database = Database(database_url)
    try:
        await upgrade_to_head(database)
        with pytest.raises(IntegrityError) as failed:
            async with database.session() as session:  # no such team: the write fails
                session.add(
                    Step(
                        team_id=424242,
                        number=1,
                        text=text,
                        created_by="U0ANNA",
                        created_at=datetime.now(UTC),
                    )
                )
        # as the one error handler logs a failed listener; and what a careless caller might
        await report_failure(failed.value, AsyncBoltContext())
        logging.getLogger("bot.plan.service").exception("step not saved")
        logging.getLogger("bot").debug("answering through %s with %s", RESPONSE_URL, TOKEN)
        # what the libraries log at DEBUG: request bodies, API arguments, SQL rows
        logging.getLogger("slack_sdk.webhook.async_client").debug(
            "Sending a request - url: %s, body: %s", RESPONSE_URL, {"text": text}
        )
        logging.getLogger("slack_bolt.App").warning(
            "Unhandled request (%s)", {"type": "dialog_submission", "submission": {"t": text}}
        )
        logging.getLogger("sqlalchemy.engine.Engine").info("[raw sql] %r", (text,))
        logging.getLogger("aiosqlite").debug("executing %r", (text,))
    finally:
        await database.dispose()
    logged = bot_logs.getvalue()
    assert_nothing_leaked(logged)
    assert "listener failed: IntegrityError" in logged  # the failure itself is logged
    assert "Traceback (most recent call last)" in logged and "IntegrityError" in logged
    assert "https://hooks.slack.com/…" in logged and "[TOKEN]" in logged
    assert "Unhandled request ({…})" in logged
