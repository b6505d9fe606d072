"""Logs never carry tokens or identity codes; /healthz reports an unreachable database."""

from __future__ import annotations

import logging

from aiohttp.test_utils import TestClient, TestServer

from bot.logging_setup import RedactingFormatter
from handlers.slack.markup import display_segments
from handlers.slack.server import build_web_app
from storage.db import Database


def test_formatter_redacts_tokens_and_identity_codes() -> None:
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


def test_formatter_reads_codes_as_the_platform_shows_them() -> None:
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "%s", ("13105<x|2-308>T",), None)
    assert RedactingFormatter("%(message)s").format(record) == "13105<x|2-308>T"
    formatter = RedactingFormatter("%(message)s", display=display_segments)
    assert formatter.format(record) == "[HETU]"


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
