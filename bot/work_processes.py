"""Supervised work processes: each runs `python -m bot work SOCKET`, the whole bot serving on
its own Unix socket, while the process that answers the chat platform only acknowledges and
hands requests over.

They are started one after another (the first one migrates the database), restarted when one
exits, and stopped at shutdown. Each runs in its own session, so that a terminal's Ctrl-C
reaches only the supervising process, and watches its standard input, so that it stops when
the supervisor is gone.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)
# A work process prints this line, then a space and what it announces to the front (the Slack
# adapter's route table), once it serves its socket.
READY = b"tiimi-work-ready"
Command = Callable[[Path], Sequence[str]]


def bot_work_command(socket_path: Path) -> list[str]:
    return [sys.executable, "-m", "bot", "work", str(socket_path)]


class WorkProcessFailed(Exception):
    """A work process exited, or stayed silent too long, before it was ready."""


@dataclass
class _Slot:
    index: int
    socket_path: Path
    process: asyncio.subprocess.Process | None = None
    ready: bool = False


class WorkProcesses:
    def __init__(
        self,
        count: int,
        directory: Path,
        *,
        command: Command = bot_work_command,
        ready_timeout: float = 120.0,
        restart_delay: float = 1.0,
    ) -> None:
        self._slots = [_Slot(i, directory / f"work-{i}.sock") for i in range(count)]
        self._command = command
        self._ready_timeout = ready_timeout
        self._restart_delay = restart_delay
        self._stopping = asyncio.Event()
        self._supervisors: list[asyncio.Task[None]] = []
        self._relays: set[asyncio.Task[None]] = set()
        self._turn = 0
        self.announcement: str | None = None  # from the latest ready line

    @property
    def count(self) -> int:
        return len(self._slots)

    def ready_sockets(self) -> list[Path]:
        return [slot.socket_path for slot in self._slots if slot.ready]

    def pick(self) -> Path | None:
        """The next ready process's socket, in turn; None while none is ready."""
        ready = self.ready_sockets()
        if not ready:
            return None
        self._turn += 1
        return ready[self._turn % len(ready)]

    def pids(self) -> list[int]:
        return [s.process.pid for s in self._slots if s.process and s.process.returncode is None]

    async def start(self) -> None:
        """Start every process and wait until each is ready; WorkProcessFailed if one is not."""
        try:
            for slot in self._slots:
                await self._spawn(slot)
        except BaseException:
            await self.stop(grace_seconds=5)
            raise
        self._supervisors = [asyncio.create_task(self._supervise(s)) for s in self._slots]

    async def stop(self, *, grace_seconds: float) -> None:
        """Ask every process to stop (SIGTERM: each finishes the work under way), kill the ones
        still running after the grace."""
        self._stopping.set()
        for supervisor in self._supervisors:
            supervisor.cancel()
        await asyncio.gather(*self._supervisors, return_exceptions=True)
        running = [s.process for s in self._slots if s.process and s.process.returncode is None]
        for process in running:
            with contextlib.suppress(ProcessLookupError):
                process.terminate()
        waits = [asyncio.ensure_future(p.wait()) for p in running]
        if waits:
            await asyncio.wait(waits, timeout=grace_seconds)
            for process in running:
                if process.returncode is None:
                    log.warning("work process %d did not stop in time; killed", process.pid)
                    with contextlib.suppress(ProcessLookupError):
                        process.kill()
            await asyncio.gather(*(p.wait() for p in running))
        for relay in self._relays:
            relay.cancel()
        await asyncio.gather(*self._relays, return_exceptions=True)
        for slot in self._slots:
            slot.ready = False

    async def _spawn(self, slot: _Slot) -> None:
        slot.socket_path.unlink(missing_ok=True)
        process = await asyncio.create_subprocess_exec(
            *self._command(slot.socket_path),
            stdin=asyncio.subprocess.PIPE,  # closes when this process is gone: theirs stop too
            stdout=asyncio.subprocess.PIPE,
            start_new_session=True,
        )
        slot.process = process
        assert process.stdout is not None
        try:
            announced = await asyncio.wait_for(_until_ready(process.stdout), self._ready_timeout)
        except (TimeoutError, WorkProcessFailed) as failure:
            # no kill() of a process that is exiting: its poll() would reap it before asyncio
            quiet = isinstance(failure, TimeoutError)
            status = await _ended(process, within_seconds=0 if quiet else 5)
            how = f"not ready in {self._ready_timeout:g} s, killed" if quiet else "exited"
            raise WorkProcessFailed(
                f"work process {slot.index} {how} (status {status}) before it was ready"
            ) from None
        relay = asyncio.create_task(_relay(process.stdout))
        self._relays.add(relay)
        relay.add_done_callback(self._relays.discard)
        self.announcement = announced
        slot.ready = True
        log.info("work process %d ready (pid %d)", slot.index, process.pid)

    async def _supervise(self, slot: _Slot) -> None:
        delay = self._restart_delay
        while not self._stopping.is_set():
            assert slot.process is not None
            status = await slot.process.wait()
            slot.ready = False
            log.error("work process %d exited (status %s); starting it again", slot.index, status)
            while True:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), delay)
                    return
                try:
                    await self._spawn(slot)
                    delay = self._restart_delay
                    break
                except WorkProcessFailed as failure:
                    log.error("%s; trying again", failure)
                    delay = min(max(delay * 2, 1.0), 30.0)


async def _ended(process: asyncio.subprocess.Process, *, within_seconds: float) -> int:
    """The process's exit status; killed when it has not exited within the time."""
    try:
        return await asyncio.wait_for(asyncio.shield(process.wait()), within_seconds)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        return await process.wait()


async def _until_ready(stdout: asyncio.StreamReader) -> str:
    """What the process announced on its ready line."""
    while True:
        line = await stdout.readline()
        if not line:
            raise WorkProcessFailed
        word, _space, announced = line.strip().partition(b" ")
        if word == READY:
            return announced.decode()
        sys.stdout.buffer.write(line)


async def _relay(stdout: asyncio.StreamReader) -> None:
    """Pass on what a work process prints after it is ready, so its pipe never fills."""
    while line := await stdout.readline():
        sys.stdout.buffer.write(line)
        sys.stdout.flush()


async def watch_supervisor(stop: asyncio.Event) -> asyncio.Task[None] | None:
    """In a work process: set `stop` once the supervisor's end of standard input closes.
    Keep the returned task while the process runs; None when standard input is no pipe."""
    reader = asyncio.StreamReader()
    loop = asyncio.get_running_loop()
    try:
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    except ValueError:  # started by hand, with a file as input
        return None

    async def until_closed() -> None:
        while await reader.read(4096):
            pass
        stop.set()

    return asyncio.create_task(until_closed())
