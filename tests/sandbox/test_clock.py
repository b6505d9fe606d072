"""The sandbox's movable clock: forward only, kept across starts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from handlers.sandbox.clock import MovableClock

REAL = datetime(2026, 12, 7, 8, 0, tzinfo=UTC).timestamp()


def test_it_runs_with_real_time_and_moves_forward(tmp_path: Path) -> None:
    real = [REAL]
    clock = MovableClock(tmp_path / "clock.json", real=lambda: real[0])
    assert clock.now() == datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
    clock.advance(timedelta(hours=1))
    real[0] += 30
    assert clock.now() == datetime(2026, 12, 7, 9, 0, 30, tzinfo=UTC)
    assert clock.epoch() == REAL + 3630


def test_it_never_moves_back(tmp_path: Path) -> None:
    clock = MovableClock(tmp_path / "clock.json", real=lambda: REAL)
    with pytest.raises(ValueError):
        clock.advance(timedelta(minutes=-1))
    assert not clock.advance_to(datetime(2026, 12, 7, 7, 0, tzinfo=UTC))
    assert clock.advance_to(datetime(2026, 12, 8, 9, 0, tzinfo=UTC))
    assert clock.now() == datetime(2026, 12, 8, 9, 0, tzinfo=UTC)


def test_a_second_start_continues_at_the_moved_time(tmp_path: Path) -> None:
    MovableClock(tmp_path / "clock.json", real=lambda: REAL).advance(timedelta(days=2))
    again = MovableClock(tmp_path / "clock.json", real=lambda: REAL + 60)
    assert again.now() == datetime(2026, 12, 9, 8, 1, tzinfo=UTC)


def test_a_damaged_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "clock.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValueError, match=r"clock\.json"):
        MovableClock(path)
