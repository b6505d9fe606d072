"""How fast this machine runs Python right now, printed beside a benchmark's figures.

The development machine's speed drifts from day to day (a shared virtual machine): the same
benchmark gives other absolute figures on another day. A fixed pure-Python loop timed at the
start tells runs of different days apart.
"""

from __future__ import annotations

import timeit


def python_speed() -> str:
    """`sum(range(1000))`, best of five rounds, in µs."""
    loops = 2000
    best = min(timeit.repeat("sum(range(1000))", number=loops, repeat=5)) / loops
    return f"machine: sum(range(1000)) takes {best * 1e6:.1f} µs"
