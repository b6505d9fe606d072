"""End to end: the real `python -m bot` at LOG_LEVEL=DEBUG, a command whose write fails inside;
its log output holds none of the client's text, the response_url, the token or the code."""

from __future__ import annotations

import asyncio
import signal
import socket
import sqlite3
from pathlib import Path

from bot.privacy import contains_identity_code
from handlers.sandbox.workspace import SimulatedSlack
from handlers.sandbox.workspace.sender import SlackSender
from tests.e2e.test_process import clean_env, start_bot

SECRET = "clean0logs0signing0secret0for0tests"
CLIENT_TEXT = "Maija Meikäläinen muuttaa Ratapihankatu 9 B 14:ään, velkaa 14 300 euroa"
DISGUISED_CODE = "tavoite Asunto, hetu 131052\u034f-\n308\u0422"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_a_failing_command_at_debug_logs_nothing_of_the_client(
    fake_slack: SimulatedSlack, tmp_path: Path
) -> None:
    fake, port, database = fake_slack, free_port(), tmp_path / "bot.db"
    env = clean_env(
        SLACK_BOT_TOKEN=fake.token,
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.base_url,
        PORT=str(port),
        DATABASE_URL=f"sqlite:///{database}",
        LOG_LEVEL="DEBUG",
    )
    process, lines = await start_bot(env, tmp_path)
    assert process.stderr is not None
    reading = asyncio.create_task(process.stderr.read())  # keep the pipe from filling
    try:
        sender = SlackSender(f"http://127.0.0.1:{port}", SECRET, fake)
        opened = await sender.command(
            "/tiimi", "uusi <@UBERT>", user_id="UANNA", channel_id="DANNA"
        )
        assert opened.response_url is not None
        await fake.wait_for(lambda: fake.responses(opened.response_url))  # team is open
        channel = fake.channel_by_name("mt-2026-0001")
        assert channel is not None
        with sqlite3.connect(database) as connection:  # every goal write now fails
            connection.execute(
                "CREATE TRIGGER no_goals BEFORE INSERT ON goal "
                "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
            )
        failing = await sender.command(
            "/askel", f"tavoite {CLIENT_TEXT}", user_id="UANNA", channel_id=channel.id
        )
        refused = await sender.command(
            "/askel", DISGUISED_CODE, user_id="UANNA", channel_id=channel.id
        )
        urls = [failing.response_url, refused.response_url]
        assert urls[0] is not None and urls[1] is not None
        await fake.wait_for(lambda: all(fake.responses(url) for url in urls))
        assert fake.responses(urls[0])[-1]["text"].startswith("Jokin meni vikaan")
        assert "henkilötunnu" in fake.responses(urls[1])[-1]["text"]
    finally:
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 30)
        logged = "".join(lines) + (await reading).decode()
    assert " DEBUG " in logged  # the bot did log at DEBUG
    assert "listener failed: IntegrityError" in logged  # the failure is in the log, typed
    # the code's parts as typed; a bare "308" would also match time stamps (`…,308`) and ports
    parts = ("131052", "308\u0422", "308T")
    for secret in (CLIENT_TEXT, "Meikäläinen", "Ratapihankatu", "14 300", *parts):
        assert secret not in logged, secret
    assert not contains_identity_code(logged)
    for url in (opened.response_url, *urls):
        assert url.split("://", 1)[1].split("/", 1)[1] not in logged  # no response_url path
    assert fake.token not in logged and SECRET not in logged
