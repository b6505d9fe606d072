"""Fault injection for SimulatedSlack: scripted failures, held calls, lost answers, chaos."""

from __future__ import annotations

import asyncio
import random

from aiohttp import web

from handlers.sandbox.workspace.api_ref import ApiRef
from handlers.sandbox.workspace.methods import HANDLERS
from handlers.sandbox.workspace.state import Call, Failure

UNFAILING = ("auth.test", "apps.connections.open")  # chaos leaves these alone


class FaultInjection:
    """The fault-injection controls of SimulatedSlack."""

    api_ref: ApiRef
    _failures: dict[str, list[Failure]]
    _held: dict[str, asyncio.Event]
    _lost_answers: dict[str, int]
    _chaos: tuple[random.Random, float, float, float] | None
    _chaos_lost: float

    def fail_next(
        self,
        method: str,
        *,
        error: str | None = None,
        status: int = 200,
        retry_after: int | None = None,
        times: int = 1,
        after: int = 0,
    ) -> None:
        """Make the next `times` calls of `method` fail with an error or HTTP status, once
        `after` calls have succeeded (a failure half-way through a run of calls)."""
        assert method in HANDLERS, f"fake does not implement {method}"
        if status == 200:
            assert error, "fail_next with status 200 needs error="
        if error is not None:
            self.api_ref.assert_documented(method, error)
        self._failures.setdefault(method, []).append(
            Failure(error, status, retry_after, times, after)
        )

    def hold(self, method: str) -> asyncio.Event:
        """Hold every call of `method` (recorded, not yet applied or answered) until the
        returned event is set, as a slow Slack would."""
        assert method in HANDLERS, f"fake does not implement {method}"
        gate = self._held[method] = asyncio.Event()
        return gate

    def lose_next_response(self, method: str, *, times: int = 1) -> None:
        """Apply the next `times` calls of `method` but drop the connection instead of
        answering, as when Slack did the work and the answer was lost on the way."""
        assert method in HANDLERS, f"fake does not implement {method}"
        self._lost_answers[method] = self._lost_answers.get(method, 0) + times

    def chaos(
        self,
        *,
        seed: int,
        rate_429: float,
        rate_500: float,
        rate_drop: float,
        rate_lost: float = 0.0,
    ) -> None:
        """Fail API calls at random: before applying them, 429 with Retry-After: 1, 500, or a
        dropped connection, as a flaky network and a busy Slack would; after applying them, a
        lost answer (`rate_lost`)."""
        self._chaos = (random.Random(seed), rate_429, rate_500, rate_drop)
        self._chaos_lost = rate_lost

    def _chaos_failure(self, request: web.Request, call: Call) -> web.Response | None:
        if self._chaos is None or call.method in UNFAILING:
            return None
        rng, rate_429, rate_500, rate_drop = self._chaos
        roll = rng.random()
        if roll < rate_429:
            call.http_status, call.error = 429, "ratelimited"
            body = {"ok": False, "error": "ratelimited"}
            return web.json_response(body, status=429, headers={"Retry-After": "1"})
        if roll < rate_429 + rate_500:
            call.http_status, call.error = 500, "fatal_error"
            return web.json_response({"ok": False, "error": "fatal_error"}, status=500)
        if roll < rate_429 + rate_500 + rate_drop and request.transport is not None:
            call.error = "dropped"
            request.transport.close()  # the client sees a disconnect, as on a timeout
            return web.Response(status=504)
        return None

    def _answer_lost(self, method: str) -> bool:
        """Decide whether the answer of an applied call gets lost (scripted or by chaos)."""
        if (
            self._chaos is not None
            and self._chaos_lost > 0
            and method not in UNFAILING
            and self._chaos[0].random() < self._chaos_lost
        ):
            return True
        if self._lost_answers.get(method):
            self._lost_answers[method] -= 1
            return True
        return False
