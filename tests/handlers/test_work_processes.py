"""The work processes' supervisor, with stand-in processes: start, turns, restart, stop."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.work_processes import Command, WorkProcesses, WorkProcessFailed

STUB = Path(__file__).resolve().parents[1] / "support" / "stub_work_process.py"
ROOT = Path(__file__).resolve().parents[2]


def stub(mode: str) -> Command:
    return lambda _socket: [sys.executable, str(STUB), mode]


class ReadyLog(logging.Handler):
    """Counts the supervisor's "ready" lines and lets a test wait for the next one."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.changed = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if "ready" in record.getMessage():
            self.count += 1
            self.changed.set()

    async def until(self, count: int) -> None:
        while self.count < count:
            self.changed.clear()
            await asyncio.wait_for(self.changed.wait(), 30)


@pytest.fixture
def ready_log() -> Iterator[ReadyLog]:
    handler = ReadyLog()
    logger = logging.getLogger("bot.work_processes")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)


async def test_started_processes_are_used_in_turn(tmp_path: Path) -> None:
    workers = WorkProcesses(2, tmp_path, command=stub("ready"))
    await workers.start()
    try:
        sockets = workers.ready_sockets()
        assert sockets == [tmp_path / "work-0.sock", tmp_path / "work-1.sock"]
        picked = [workers.pick() for _ in range(4)]
        assert set(picked) == set(sockets) and picked[0] != picked[1] and picked[0] == picked[2]
        assert len(workers.pids()) == 2
        assert workers.announcement == '{"routes": 1}'
    finally:
        await workers.stop(grace_seconds=30)
    assert workers.pids() == [] and workers.pick() is None


async def test_a_process_that_exits_is_started_again(tmp_path: Path, ready_log: ReadyLog) -> None:
    workers = WorkProcesses(1, tmp_path, command=stub("ready"), restart_delay=0)
    await workers.start()
    try:
        (first,) = workers.pids()
        os.kill(first, signal.SIGKILL)
        await ready_log.until(2)
        (second,) = workers.pids()
        assert second != first and workers.ready_sockets() == [tmp_path / "work-0.sock"]
    finally:
        await workers.stop(grace_seconds=30)


async def test_a_process_that_fails_at_start_fails_the_start(tmp_path: Path) -> None:
    commands = iter([stub("ready"), stub("fail")])
    workers = WorkProcesses(2, tmp_path, command=lambda socket: next(commands)(socket))
    with pytest.raises(WorkProcessFailed, match="work process 1 exited \\(status 3\\)"):
        await workers.start()
    assert workers.pids() == []  # the one that did start is stopped again


async def test_a_process_that_ignores_sigterm_is_killed_after_the_grace(tmp_path: Path) -> None:
    workers = WorkProcesses(1, tmp_path, command=stub("stubborn"))
    await workers.start()
    await workers.stop(grace_seconds=0)
    assert workers.pids() == []


async def test_a_work_process_stops_when_its_supervisor_is_gone() -> None:
    script = (
        "import asyncio\n"
        "from bot.work_processes import watch_supervisor\n"
        "async def main():\n"
        "    stop = asyncio.Event()\n"
        "    watching = await watch_supervisor(stop)\n"
        "    print('watching', watching is not None, flush=True)\n"
        "    await stop.wait()\n"
        "asyncio.run(main())\n"
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        script,
        cwd=ROOT,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    assert await asyncio.wait_for(process.stdout.readline(), 30) == b"watching True\n"
    process.stdin.close()  # what the supervisor's exit does
    assert await asyncio.wait_for(process.wait(), 30) == 0
