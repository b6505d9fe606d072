"""The self-rating's rounds and answers (storage/ratings.py): keyword-only queries, the
caller owns the transaction."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.db import run_select
from storage.ratings import RatingAnswer, RatingRound

_UNCHANGED = {"synchronize_session": False}


async def add_round(
    session: AsyncSession, *, round: RatingRound, respondents: Sequence[str]
) -> RatingRound:
    """The round and an empty answer for each respondent's key, made in the keys' order (so
    the rows' ids and order tell nothing of who was asked when). Raises IntegrityError when
    the target has an open round."""
    session.add(round)
    await session.flush()
    for key in sorted(set(respondents)):
        session.add(RatingAnswer(round_id=round.pk, respondent=key))
    await session.flush()
    return round


async def get_round(session: AsyncSession, *, round_id: int) -> RatingRound | None:
    return await session.get(RatingRound, round_id)


async def open_round(session: AsyncSession, *, kind: str, target_id: str) -> RatingRound | None:
    """The target's open round, if it has one."""
    result = await session.exec(
        select(RatingRound).where(
            col(RatingRound.target_kind) == kind,
            col(RatingRound.target_id) == target_id,
            col(RatingRound.closed_at).is_(None),
        )
    )
    return result.first()


async def rounds_of(session: AsyncSession, *, kind: str, target_id: str) -> list[RatingRound]:
    """Every round of the target, oldest first."""
    result = await session.exec(
        select(RatingRound)
        .where(col(RatingRound.target_kind) == kind, col(RatingRound.target_id) == target_id)
        .order_by(col(RatingRound.opened_at), col(RatingRound.id))
    )
    return list(result.all())


async def stop_repeating(session: AsyncSession, *, kind: str, target_id: str) -> bool:
    """No round of the target opens another (a new round carries the schedule, or the
    coordinator stopped it); whether one was due to."""
    result = await session.exec(
        update(RatingRound)
        .where(
            col(RatingRound.target_kind) == kind,
            col(RatingRound.target_id) == target_id,
            col(RatingRound.next_due_at).is_not(None),
        )
        .values(next_due_at=None)
        .execution_options(**_UNCHANGED)
    )
    return int(result.rowcount) > 0


async def set_asked(session: AsyncSession, *, round_id: int, asked: int) -> None:
    await session.exec(
        update(RatingRound)
        .where(col(RatingRound.id) == round_id)
        .values(asked=asked)
        .execution_options(**_UNCHANGED)
    )


async def record_score(
    session: AsyncSession, *, round_id: int, respondent: str, score: int
) -> bool:
    """Set (or change) the answer of the respondent's key; False when the round has no such
    key (the person was not asked, or the round has closed and dropped its keys)."""
    result = await session.exec(
        update(RatingAnswer)
        .where(col(RatingAnswer.round_id) == round_id, col(RatingAnswer.respondent) == respondent)
        .values(score=score)
        .execution_options(**_UNCHANGED)
    )
    return int(result.rowcount) == 1


async def answered_count(session: AsyncSession, *, round_id: int) -> int:
    result = await session.exec(
        select(func.count())
        .select_from(RatingAnswer)
        .where(col(RatingAnswer.round_id) == round_id, col(RatingAnswer.score).is_not(None))
    )
    return int(result.one())


async def close_round(
    session: AsyncSession, *, round_id: int, at: datetime, minimum: int
) -> int | None:
    """Close the round if it is open: drop its salt and every respondent's key, delete the
    answers never given, and all of them when fewer than `minimum` answered (they would never
    be shown). Returns how many answered; None when the round had closed already."""
    closing = await session.exec(
        update(RatingRound)
        .where(col(RatingRound.id) == round_id, col(RatingRound.closed_at).is_(None))
        .values(closed_at=at, salt=None)
        .execution_options(**_UNCHANGED)
    )
    if int(closing.rowcount) != 1:
        return None
    answers = col(RatingAnswer.round_id) == round_id
    await session.exec(delete(RatingAnswer).where(answers, col(RatingAnswer.score).is_(None)))
    await session.exec(
        update(RatingAnswer).where(answers).values(respondent=None).execution_options(**_UNCHANGED)
    )
    answered = await answered_count(session, round_id=round_id)
    if answered < minimum:
        await session.exec(delete(RatingAnswer).where(answers))
    await session.exec(
        update(RatingRound)
        .where(col(RatingRound.id) == round_id)
        .values(answered=answered)
        .execution_options(**_UNCHANGED)
    )
    return answered


async def score_counts(
    session: AsyncSession, *, round_ids: Sequence[int]
) -> dict[int, Counter[int]]:
    """How many gave each score, per round (rounds without answers left out)."""
    if not round_ids:
        return {}
    rows = await run_select(
        session,
        select(col(RatingAnswer.round_id), col(RatingAnswer.score), func.count())
        .where(
            col(RatingAnswer.round_id).in_(list(round_ids)), col(RatingAnswer.score).is_not(None)
        )
        .group_by(col(RatingAnswer.round_id), col(RatingAnswer.score)),
    )
    counts: dict[int, Counter[int]] = {}
    for round_id, score, count in rows:
        counts.setdefault(int(round_id), Counter())[int(score)] = int(count)
    return counts


async def due_to_close(session: AsyncSession, *, now: datetime) -> list[int]:
    """The open rounds whose time is up."""
    result = await session.exec(
        select(col(RatingRound.id)).where(
            col(RatingRound.closed_at).is_(None), col(RatingRound.closes_at) <= now
        )
    )
    return [int(found) for found in result.all() if found is not None]


async def due_to_repeat(session: AsyncSession, *, now: datetime) -> list[RatingRound]:
    """The rounds whose next round is due."""
    result = await session.exec(
        select(RatingRound)
        .where(col(RatingRound.next_due_at) <= now)
        .order_by(col(RatingRound.next_due_at))
    )
    return list(result.all())


async def claim_repeat(session: AsyncSession, *, round_id: int, now: datetime) -> bool:
    """Take the round's next opening, due by `now`, for this transaction: of several
    processes exactly one sees True (on PostgreSQL the others wait for its row lock and then
    find `next_due_at` cleared)."""
    result = await session.exec(
        update(RatingRound)
        .where(col(RatingRound.id) == round_id, col(RatingRound.next_due_at) <= now)
        .values(next_due_at=None)
        .execution_options(**_UNCHANGED)
    )
    return int(result.rowcount) == 1
