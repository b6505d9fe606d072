"""Revision 0018: the self-rating's tables are what storage/ratings.py declares, a target has
one open round at most, an answer is one of 1–5, and a closed round's answers keep no key."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy.exc import IntegrityError

from storage import rating_queries
from storage.db import Database
from storage.migrate import alembic_config, upgrade_to_head
from storage.ratings import RatingAnswer, RatingRound
from tests.storage.test_migrate_platform_ids import _differences

NOW = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)


def _round(target: str) -> RatingRound:
    return RatingRound(
        target_kind="space",
        target_id=target,
        started_by="UCOORD",
        opened_at=NOW,
        closes_at=NOW + timedelta(days=14),
        salt="00" * 16,
    )


async def test_the_tables_and_their_rules(database_url: str) -> None:
    database = Database(database_url)
    try:
        async with database.engine.begin() as conn:
            await conn.run_sync(lambda c: command.upgrade(alembic_config(c), "0017"))
        await upgrade_to_head(database)
        async with database.engine.connect() as conn:
            assert await conn.run_sync(_differences) == []

        async with database.session() as session:
            first = await rating_queries.add_round(
                session, round=_round("C1"), respondents=["b" * 64, "a" * 64]
            )
            await rating_queries.add_round(session, round=_round("C2"), respondents=[])
        with pytest.raises(IntegrityError):  # C1 has an open round
            async with database.session() as session:
                await rating_queries.add_round(session, round=_round("C1"), respondents=[])
        with pytest.raises(IntegrityError):
            async with database.session() as session:
                session.add(RatingAnswer(round_id=first.pk, respondent="c" * 64, score=6))
        async with database.session() as session:
            assert await rating_queries.record_score(
                session, round_id=first.pk, respondent="b" * 64, score=5
            )
            assert not await rating_queries.record_score(
                session, round_id=first.pk, respondent="c" * 64, score=5
            )
            assert (
                await rating_queries.close_round(session, round_id=first.pk, at=NOW, minimum=1) == 1
            )
        async with database.session() as session:
            await rating_queries.add_round(session, round=_round("C1"), respondents=[])
            assert (
                await rating_queries.close_round(session, round_id=first.pk, at=NOW, minimum=1)
                is None
            )  # closed once only
            kept = await rating_queries.score_counts(session, round_ids=[first.pk])
            rounds = await rating_queries.rounds_of(session, kind="space", target_id="C1")
        assert kept == {first.pk: {5: 1}} and [r.salt is None for r in rounds] == [True, False]
    finally:
        await database.dispose()
