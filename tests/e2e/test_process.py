"""The real `python -m bot` process: configuration errors, migrate, HTTP start and health."""

from __future__ import annotations

import asyncio
import os
import socket
import sys
from pathlib import Path

import aiohttp

from handlers.sandbox.workspace import SimulatedSlack

ROOT = Path(__file__).resolve().parents[2]


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
    assert "PLATFORM must name an installed chat platform (slack)" in output
    assert "Traceback" not in output


async def test_migrate_alone_creates_the_schema(tmp_path: Path) -> None:
    code, output = await run_bot("migrate", env=clean_env(), cwd=tmp_path)
    assert code == 0, output
    assert (tmp_path / "tiimi.db").stat().st_size > 0


async def test_http_mode_serves_health_and_stops_on_sigterm(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    async with SimulatedSlack() as fake:
        env = clean_env(
            SLACK_BOT_TOKEN=fake.token,
            SLACK_SIGNING_SECRET="process0test0signing0secret",
            SLACK_API_URL=fake.base_url,
            PORT=str(port),
            DATABASE_URL=f"sqlite:///{tmp_path / 'bot.db'}",
        )
        process, _ = await start_bot(env, tmp_path)
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{port}/healthz") as resp:
                assert resp.status == 200
            async with session.get(f"http://127.0.0.1:{port}/slack/events") as resp:
                assert resp.status == 405
        process.terminate()
        assert await asyncio.wait_for(process.wait(), 30) == 0
