"""The replay guard: a signature is accepted once within Slack's signing window."""

from __future__ import annotations

from handlers.slack.request_checks import REPLAY_WINDOW, ReplayGuard


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_signature_is_accepted_once_within_the_window() -> None:
    clock = Clock()
    guard = ReplayGuard(monotonic=clock)
    assert guard.first_use("v0=a")
    clock.now += REPLAY_WINDOW - 1
    assert not guard.first_use("v0=a")
    assert guard.first_use("v0=b")


def test_memory_holds_one_window_of_signatures() -> None:
    clock = Clock()
    guard = ReplayGuard(monotonic=clock)
    for n in range(3 * REPLAY_WINDOW * 4):  # 4 a second (exact in binary) for three windows
        assert guard.first_use(f"v0={n}")
        clock.now += 0.25
    assert len(guard) == REPLAY_WINDOW * 4
    clock.now += REPLAY_WINDOW
    assert guard.first_use("v0=0")  # long forgotten: Bolt refuses its stale timestamp anyway
    assert len(guard) == 1
