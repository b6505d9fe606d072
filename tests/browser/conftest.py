"""The sandbox started as the README says (`python -m bot sandbox`), and headless Chromium
(Debian's package) driven by Playwright."""

from __future__ import annotations

import os
import select
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("TIIMI_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# As root in a container Chromium needs --no-sandbox; the rest keeps it off the network.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class SandboxProcess:
    """`python -m bot sandbox` in a child process, with no environment of the bot's."""

    def __init__(self, data: Path, port: int) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE"))}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "sandbox", "--port", str(port), "--data", str(data)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], START_SECONDS)
        first = self.process.stdout.readline() if ready else ""  # the address, once all runs
        if not first.startswith("Tiimi sandbox: "):
            self.process.kill()
            raise AssertionError(f"the sandbox did not start: {first!r} {self.errors()}")
        self.url = first.removeprefix("Tiimi sandbox: ").strip()

    def errors(self) -> str:
        assert self.process.stderr is not None
        return self.process.stderr.read() if self.process.poll() is not None else ""

    def stop(self) -> int:
        """Ctrl+C, as a person stops it; returns the exit status."""
        self.process.send_signal(signal.SIGINT)
        try:
            return self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[SandboxProcess]:
    running = SandboxProcess(tmp_path / "sandbox", free_port())
    try:
        yield running
    finally:
        status = running.stop()
        stderr = running.errors()
        assert status == 0, stderr
        assert "Traceback" not in stderr, stderr


@pytest.fixture(scope="module")  # Playwright's sync API runs its own event loop meanwhile:
def browser() -> Iterator[Browser]:  # it must be gone before the asyncio tests of other modules
    if not Path(CHROMIUM).exists():  # skipped on a developer's machine, never in CI
        missing = f"Chromium not found at {CHROMIUM}: apt-get install chromium (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, sandbox: SandboxProcess) -> Iterator[Page]:
    context = browser.new_context(locale="fi-FI", viewport={"width": 1280, "height": 860})
    opened = context.new_page()
    opened.set_default_timeout(10_000)
    opened.goto(sandbox.url)
    yield opened
    context.close()
