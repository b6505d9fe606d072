"""The real `python -m bot` process: configuration errors, a token Slack refuses, migrate, HTTP
start and health."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import sys
from pathlib import Path

import aiohttp

from handlers.sandbox.workspace import SimulatedSlack
from storage.migrate import HEAD_REVISION
from tests.e2e.harness import RunningBot

ROOT = Path(__file__).resolve().parents[2]
SECRET = "process0test0signing0secret"


def clean_env(**values: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "SYSTEMROOT")}
    return keep | values


async def start_bot(env: dict[str, str], cwd: Path) -> tuple[asyncio.subprocess.Process, list[str]]:
    """`python -m bot` as the Procfile starts it, once it logs that it is running; with the
    lines it logged until then."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        cwd=cwd,
        env=env | {"PYTHONPATH": str(ROOT)},
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stderr is not None
    lines: list[str] = []
    while "Tiimi is running" not in (
        line := (await asyncio.wait_for(process.stderr.readline(), 60)).decode()
    ):
        assert line, "the bot exited before it was ready:\n" + "".join(lines)
        lines.append(line)
    return process, lines


async def run_bot(*args: str, env: dict[str, str], cwd: Path) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=cwd,
        env=env | {"PYTHONPATH": str(ROOT)},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode or 0, output.decode()


async def test_missing_and_malformed_variables_exit_non_zero_naming_each(tmp_path: Path) -> None:
    code, output = await run_bot(env=clean_env(PORT="huge"), cwd=tmp_path)
    assert code != 0
    assert "SLACK_BOT_TOKEN" in output and "SLACK_SIGNING_SECRET" in output and "PORT" in output
    assert "Traceback" not in output
    assert not (tmp_path / "tiimi.db").exists()  # nothing half-started


async def test_an_unknown_platform_exits_as_a_configuration_error(tmp_path: Path) -> None:
    code, output = await run_bot(env=clean_env(PLATFORM="carrier-pigeon"), cwd=tmp_path)
    assert code == 2
    assert "PLATFORM must name an installed chat platform (slack, teams)" in output
    assert "Traceback" not in output


async def test_a_copy_of_the_example_env_is_refused_before_anything_starts(tmp_path: Path) -> None:
    shutil.copy(ROOT / ".env.example", tmp_path / ".env")  # as the README says, not filled in
    async with asyncio.timeout(30):  # at once: a bot that started would run on
        code, output = await run_bot(env=clean_env(), cwd=tmp_path)
    assert code == 2, output
    assert "SLACK_BOT_TOKEN still holds the example's placeholder" in output
    assert "SLACK_SIGNING_SECRET still holds the example's placeholder" in output
    assert "python -m bot sandbox" in output
    assert "Traceback" not in output and "Tiimi is running" not in output
    assert not (tmp_path / "tiimi.db").exists()


async def test_a_token_slack_refuses_stops_the_bot_at_once(tmp_path: Path) -> None:
    wrong = "xoxb-1111-2222-notThisWorkspacesToken"
    async with SimulatedSlack() as fake:
        env = clean_env(
            SLACK_BOT_TOKEN=wrong,
            SLACK_SIGNING_SECRET=SECRET,
            SLACK_API_URL=fake.base_url,
            PORT="0",
            DATABASE_URL=f"sqlite:///{tmp_path / 'bot.db'}",
        )
        async with asyncio.timeout(30):
            code, output = await run_bot(env=env, cwd=tmp_path)
        assert [call.method for call in fake.calls] == ["auth.test"]
    assert code == 2, output
    [line] = output.splitlines()  # one line, no traceback, no "Tiimi is running"
    assert line.startswith("Tiimi cannot start: Slack refused the bot token in SLACK_BOT_TOKEN")
    assert "(invalid_auth)" in line and line.endswith("python -m bot sandbox")
    assert wrong not in output and "notThisWorkspacesToken" not in output
    assert not (tmp_path / "bot.db").exists()  # refused before the database


async def test_slack_out_of_reach_is_told_apart_from_a_refused_token(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port nothing listens on once it is closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = clean_env(
        SLACK_BOT_TOKEN="xoxb-1111-2222-someToken",
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=f"http://127.0.0.1:{port}/api/",
        PORT="0",
        DATABASE_URL=f"sqlite:///{tmp_path / 'bot.db'}",
    )
    async with asyncio.timeout(30):
        code, output = await run_bot(env=env, cwd=tmp_path)
    assert code == 1, output  # may pass on a retry, unlike a refused token (2)
    [line] = output.splitlines()
    assert line.startswith(f"Tiimi cannot start: Slack cannot be reached at 127.0.0.1:{port}")
    assert "a connection problem, not the token" in line and "python -m bot sandbox" in line
    assert "someToken" not in output and not (tmp_path / "bot.db").exists()


async def test_the_token_is_checked_first_and_asked_about_once(bot: RunningBot) -> None:
    assert bot.fake.calls[0].method == "auth.test"  # at start, before anything else
    await bot.tiimi("uusi <@UBERT>")  # opening a channel needs the bot's own user id
    assert bot.channel_named("mt-2026-0001")
    # the bot's own (at start, its answer kept) and Bolt's (its authorization, on a first request)
    assert len(bot.fake.calls_to("auth.test")) == 2


async def test_migrate_alone_creates_the_schema_and_says_so_in_one_line(tmp_path: Path) -> None:
    env = clean_env(LOG_LEVEL="INFO")
    code, output = await run_bot("migrate", env=env, cwd=tmp_path)
    assert code == 0, output
    assert (tmp_path / "tiimi.db").stat().st_size > 0
    [line] = output.splitlines()  # none of Alembic's steps or plugins
    assert line.endswith(
        f" INFO storage.migrate: database migrated from (empty) to {HEAD_REVISION}"
    )
    code, output = await run_bot("migrate", env=env, cwd=tmp_path)
    assert code == 0, output
    [line] = output.splitlines()
    assert line.endswith(f" INFO bot: database already at {HEAD_REVISION}")


async def test_http_mode_serves_health_and_stops_on_sigterm(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    async with SimulatedSlack() as fake:
        env = clean_env(
            SLACK_BOT_TOKEN=fake.token,
            SLACK_SIGNING_SECRET=SECRET,
            SLACK_API_URL=fake.base_url,
            PORT=str(port),
            DATABASE_URL=f"sqlite:///{tmp_path / 'bot.db'}",
        )
        process, lines = await start_bot(env, tmp_path)
        [migrated] = [line for line in lines if "migrat" in line.lower()]
        assert migrated.endswith(
            f" INFO storage.migrate: database migrated from (empty) to {HEAD_REVISION}\n"
        )
        assert "alembic" not in "".join(lines)  # none of its steps or plugins
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{port}/healthz") as resp:
                assert resp.status == 200
            async with session.get(f"http://127.0.0.1:{port}/slack/events") as resp:
                assert resp.status == 405
        process.terminate()
        assert await asyncio.wait_for(process.wait(), 30) == 0
