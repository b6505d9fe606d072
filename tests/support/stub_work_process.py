"""A stand-in work process for the supervisor's tests: `python stub_work_process.py MODE`.

ready: prints the ready line with an announcement, then runs until SIGTERM or until its
standard input closes;
stubborn: the same, but ignores SIGTERM; fail: exits with status 3 before it is ready.
"""

from __future__ import annotations

import signal
import sys

mode = sys.argv[1]
if mode == "fail":
    sys.exit(3)
signal.signal(signal.SIGTERM, signal.SIG_IGN if mode == "stubborn" else lambda *_: sys.exit(0))
print("starting", flush=True)  # passed on, not taken for the ready line
print('tiimi-work-ready {"routes": 1}', flush=True)  # what it announces follows
sys.stdin.read()
