"""The results of a target's rounds as figures (pure): a round's answers are shown only once
it has closed and only when at least MIN_ANSWERS people answered, and then only as counts and
a mean, never one answer."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from storage.ratings import RatingRound

MIN_ANSWERS = 5
SCORES = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class RoundFigures:
    number: int  # the target's rounds numbered 1, 2… in the order they opened
    opened_at: datetime
    closes_at: datetime
    closed: bool
    asked: int
    answered: int  # so far, while open
    counts: tuple[int, ...] | None = None  # how many gave 1…5; None: not to be shown

    @property
    def shown(self) -> bool:
        return self.counts is not None

    @property
    def mean(self) -> float | None:
        if self.counts is None:
            return None
        total = sum(self.counts)
        return sum(score * n for score, n in zip(SCORES, self.counts, strict=True)) / total


def figures_of(
    rounds: Sequence[RatingRound],
    counts: Mapping[int, Counter[int]],
    answered_so_far: Mapping[int, int],
) -> list[RoundFigures]:
    """Each round's figures: counts only for a closed round with enough answers."""
    found = []
    for number, rating_round in enumerate(rounds, 1):
        closed = rating_round.closed_at is not None
        given = counts.get(rating_round.pk, Counter())
        so_far = answered_so_far.get(rating_round.pk, 0)
        answered = (rating_round.answered or 0) if closed else so_far
        shown = closed and answered >= MIN_ANSWERS and sum(given.values()) == answered
        found.append(
            RoundFigures(
                number=number,
                opened_at=rating_round.opened_at,
                closes_at=rating_round.closes_at,
                closed=closed,
                asked=rating_round.asked,
                answered=answered,
                counts=tuple(given[score] for score in SCORES) if shown else None,
            )
        )
    return found


def decimal(value: float, lang: str) -> str:
    """One decimal, with the language's decimal mark: fi and sv `3,7`, en `3.7`."""
    text = f"{value:.1f}"
    return text if lang == "en" else text.replace(".", ",")
