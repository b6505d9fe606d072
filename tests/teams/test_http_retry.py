"""The retry policy for Microsoft's HTTP APIs, without HTTP: what is retried, how long it
waits, and what is never sent twice."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from handlers.teams.http_retry import Answer, AnswerLost, NoAnswer, RetryPolicy
from tests.teams.graph_helpers import Waits


def _script(*outcomes: Answer | Exception) -> tuple[Callable[[], Awaitable[Answer]], list[int]]:
    """An attempt giving these outcomes in turn, and the list of tries made."""
    tries: list[int] = []

    async def attempt() -> Answer:
        tries.append(len(tries) + 1)
        outcome = outcomes[len(tries) - 1]
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return attempt, tries


@pytest.mark.parametrize(
    ("retry_after", "expected"),
    [("7", 7.0), ("0.5", 0.5), ("-3", 0.0), (None, 0.25), ("Wed, 21 Oct 2015 07:28:00 GMT", 0.25)],
)
def test_retry_after_seconds_are_honoured_else_backoff(
    retry_after: str | None, expected: float
) -> None:
    policy = RetryPolicy(random=lambda: 0.5)
    assert policy.delay(0, retry_after) == expected


def test_the_backoff_doubles_up_to_its_ceiling_with_full_jitter() -> None:
    top = RetryPolicy(random=lambda: 1.0, base_delay=1, max_delay=5)
    assert [top.delay(n, None) for n in range(5)] == [1, 2, 4, 5, 5]
    assert RetryPolicy(random=lambda: 0.0).delay(3, None) == 0


@pytest.mark.parametrize("status", [412, 429, 502, 503, 504])
async def test_passing_failures_are_retried(status: int) -> None:
    waits = Waits()
    attempt, tries = _script(Answer(status), Answer(200, b"{}"))
    answer = await RetryPolicy(sleep=waits).send(attempt, repeatable=True, name="GET /x")
    assert (answer.status, len(tries), len(waits)) == (200, 2, 1)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 500])
async def test_other_answers_are_returned_at_once(status: int) -> None:
    attempt, tries = _script(Answer(status))
    answer = await RetryPolicy(sleep=Waits()).send(attempt, repeatable=True, name="GET /x")
    assert (answer.status, tries) == (status, [1])


async def test_a_timeout_is_retried_only_when_repeating_is_harmless() -> None:
    waits = Waits()
    attempt, tries = _script(TimeoutError(), Answer(200))
    await RetryPolicy(sleep=waits).send(attempt, repeatable=True, name="GET /x")
    assert len(tries) == 2
    attempt, tries = _script(TimeoutError(), Answer(201))
    with pytest.raises(AnswerLost):
        await RetryPolicy(sleep=waits).send(attempt, repeatable=False, name="POST /chats")
    assert len(tries) == 1


async def test_throttling_is_retried_even_when_not_repeatable() -> None:
    attempt, _ = _script(Answer(429, retry_after="2"), Answer(503), Answer(201))
    waits = Waits()
    policy = RetryPolicy(sleep=waits, random=lambda: 0.5)
    answer = await policy.send(attempt, repeatable=False, name="POST /chats")
    assert (answer.status, waits) == (201, [2.0, 0.5])


async def test_no_answer_on_any_try_is_no_answer() -> None:
    attempt, tries = _script(*[TimeoutError()] * 3)
    with pytest.raises(NoAnswer):
        await RetryPolicy(max_tries=3, sleep=Waits()).send(attempt, repeatable=True, name="x")
    assert len(tries) == 3


async def test_the_total_wait_is_bounded() -> None:
    waits = Waits()
    attempt, tries = _script(*[Answer(429, retry_after="4")] * 5)
    policy = RetryPolicy(max_wait=10, sleep=waits)
    assert (await policy.send(attempt, repeatable=True, name="x")).status == 429
    assert (waits, len(tries)) == ([4.0, 4.0], 3)
