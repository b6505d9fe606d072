"""Figures of a load run (benchmarks.sustained): latencies, errors, memory."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from benchmarks.load import Request

ACK_P99_MS = 50.0
ANSWER_P95_MS = 300.0


@dataclass
class Phase:
    name: str
    requests: list[Request]
    memory: list[float]  # the bot's resident MB


@dataclass(frozen=True)
class Summary:
    answer_p95: float
    errors: int


def p(times: list[float], q: float) -> float:
    """The q-quantile of sorted times (nearest rank); nan when there are none."""
    if not times:
        return float("nan")
    return times[min(len(times) - 1, int(len(times) * q))]


def _acks(requests: list[Request]) -> list[float]:
    return sorted((r.acked - r.sent) * 1000 for r in requests if r.acked is not None)


def _answers(requests: list[Request]) -> list[float]:
    return sorted(
        (answered - r.sent) * 1000 for r in requests if (answered := r.answered) is not None
    )


def _line(requests: list[Request]) -> str:
    acks, answers = _acks(requests), _answers(requests)
    return (
        f"ack p50 {p(acks, 0.5):5.1f} p95 {p(acks, 0.95):5.1f} p99 {p(acks, 0.99):5.1f} ms;"
        f" answer p50 {p(answers, 0.5):6.1f} p95 {p(answers, 0.95):6.1f}"
        f" p99 {p(answers, 0.99):6.1f} ms"
    )


def report(whole: Phase, phases: list[Phase], log: list[str], cpu: float) -> Summary:
    """Print the figures of a run and return what decides whether it held."""
    requests = whole.requests
    acks, answers = _acks(requests), _answers(requests)
    ack99, answer95 = p(acks, 0.99), p(answers, 0.95)
    refused = sum(1 for r in requests if r.status != 200)
    missing = sum(1 for r in requests if r.answered is None)
    print(
        f"  acknowledgement: p50 {p(acks, 0.5):.1f} ms, p95 {p(acks, 0.95):.1f} ms,"
        f" p99 {ack99:.1f} ms (target p99 < {ACK_P99_MS:.0f} ms:"
        f" {'ok' if ack99 < ACK_P99_MS else 'MISSED'})"
    )
    print(
        f"  answer: p50 {p(answers, 0.5):.1f} ms, p95 {answer95:.1f} ms,"
        f" p99 {p(answers, 0.99):.1f} ms, max {answers[-1] if answers else float('nan'):.0f} ms"
        f" (target p95 < {ANSWER_P95_MS:.0f} ms: {'ok' if answer95 < ANSWER_P95_MS else 'MISSED'})"
    )
    print(
        f"  errors: {refused} not 200, {missing} without an answer,"
        f" {len(log)} ERROR lines in the bot's log"
    )
    for line in log[:5]:
        print(f"    {line}")
    print(f"  bot CPU per request: {cpu / max(1, len(requests)) * 1000:.2f} ms")
    by_kind: dict[str, list[Request]] = defaultdict(list)
    for request in requests:
        by_kind[request.kind].append(request)
    for kind, of_kind in sorted(by_kind.items()):
        missing_here = [r for r in of_kind if r.answered is None]
        print(f"  {kind:28} {len(of_kind):6}  {_line(of_kind)}")
        if missing_here:
            parts = sorted({k[0] for r in missing_here for k in r.expected - set(r.arrived)})
            print(f"    {len(missing_here)} without an answer (missing: {', '.join(parts)})")
    for phase in phases:
        memory = ", ".join(f"{m:.0f}" for m in phase.memory)
        print(f"  {phase.name:10} {_line(phase.requests)}; memory {memory} MB")
    if whole.memory:
        print("  bot resident memory (MB): " + ", ".join(f"{m:.0f}" for m in whole.memory))
    return Summary(answer95, refused + missing + len(log))
