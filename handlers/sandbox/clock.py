"""The sandbox's movable clock: real time plus an offset that only ever grows, kept on disk."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path


class MovableClock:
    """The bot's and the workspace's clock in the sandbox: it runs with real time and can be
    moved forward (never back, so reminders and message times stay in order). The offset is
    saved in `path`, so a second start continues at the time the first one had reached."""

    def __init__(self, path: Path, *, real: Callable[[], float] = time.time) -> None:
        self._path = path
        self._real = real
        self._offset = _read_offset(path)

    @property
    def offset(self) -> timedelta:
        return timedelta(seconds=self._offset)

    def now(self) -> datetime:
        """The current moment (the core's Clock)."""
        return datetime.fromtimestamp(self.epoch(), UTC)

    def epoch(self) -> float:
        """The current moment in seconds since the epoch (the workspace's message times)."""
        return self._real() + self._offset

    def advance(self, delta: timedelta) -> None:
        """Move the clock forward by `delta`."""
        seconds = delta.total_seconds()
        if seconds < 0:
            raise ValueError("the sandbox clock only moves forward")
        self._offset += seconds
        self._save()

    def advance_to(self, moment: datetime) -> bool:
        """Move the clock forward to `moment`; False (and no move) when it is not ahead."""
        ahead = moment.timestamp() - self.epoch()
        if ahead <= 0:
            return False
        self.advance(timedelta(seconds=ahead))
        return True

    def _save(self) -> None:
        temporary = self._path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"offset_seconds": self._offset}), encoding="utf-8")
        os.replace(temporary, self._path)


def _read_offset(path: Path) -> float:
    if not path.exists():
        return 0.0
    try:
        offset = float(json.loads(path.read_text(encoding="utf-8"))["offset_seconds"])
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(f"{path} is not a sandbox clock file; start with --reset") from error
    return max(offset, 0.0)
