"""Revision 0016 and its queries: a platform adapter's conversation references and recorded
posts; the tables match the models and start empty, a team's rows go with its purge, and the
downgrade drops them."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest_asyncio
from alembic import command
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlmodel import select

from bot.privacy.retention import RetentionService
from storage import platform_record_queries as records
from storage.db import Database
from storage.migrate import alembic_config, upgrade_to_head
from storage.models import Team
from storage.platform_records import ConversationKind, ConversationRecord, PostRecord
from tests.storage.old_rows import active_team, add_old_team, upgrade_to
from tests.storage.test_migrate_platform_ids import _differences
from tests.support.clock import FakeClock

NOW = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
CHAT, OTHER_CHAT, PERSONAL = "19:case-1@thread.v2", "19:case-2@thread.v2", "a:personal-1"
ANNA = "00000000-0000-4000-8000-000000000001"
TABLES = {"conversation_reference", "platform_post"}


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


def _to_0015_down(connection: Connection) -> None:
    command.downgrade(alembic_config(connection), "0015")


async def test_the_tables_come_empty_match_the_models_and_go_down(database_url: str) -> None:
    database = Database(database_url)
    try:
        async with database.engine.begin() as conn:
            await conn.run_sync(upgrade_to("0015"))
        async with database.session() as session:
            await add_old_team(session, active_team(NOW))

        await upgrade_to_head(database)
        async with database.engine.connect() as conn:
            assert await conn.run_sync(_differences) == []
        async with database.session() as session:
            assert (await session.exec(select(ConversationRecord))).all() == []
            assert (await session.exec(select(PostRecord))).all() == []

        async with database.engine.begin() as conn:
            await conn.run_sync(_to_0015_down)
            assert not TABLES & await conn.run_sync(_tables)
        async with database.session() as session:
            assert len((await session.exec(select(Team.id))).all()) == 1  # columns of 0015
    finally:
        await database.dispose()


@pytest_asyncio.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    db = Database(database_url)
    await upgrade_to_head(db)
    yield db
    await db.dispose()


async def _save(
    database: Database,
    conversation_id: str,
    *,
    kind: ConversationKind = ConversationKind.SPACE,
    user_id: str | None = None,
    service_url: str = "https://smba.trafficmanager.net/emea/",
    at: datetime = NOW,
) -> None:
    async with database.session() as session:
        await records.save_conversation(
            session,
            conversation_id=conversation_id,
            kind=kind,
            user_id=user_id,
            service_url=service_url,
            reference_json=json.dumps({"conversation": {"id": conversation_id}}),
            claims_json='{"aud": "bot"}',
            at=at,
        )


async def _record(database: Database, conversation_id: str, activity_id: str, **key: str) -> bool:
    async with database.session() as session:
        return await records.record_post(
            session, conversation_id=conversation_id, activity_id=activity_id, at=NOW, **key
        )


async def test_a_saved_reference_is_refreshed_in_place(database: Database) -> None:
    await _save(database, CHAT)
    await _save(
        database,
        CHAT,
        service_url="https://smba.trafficmanager.net/amer/",
        at=NOW + timedelta(hours=1),
    )
    async with database.session() as session:
        record = await records.conversation(session, conversation_id=CHAT)
        assert record is not None
        assert (record.service_url, record.updated_at) == (
            "https://smba.trafficmanager.net/amer/",
            NOW + timedelta(hours=1),
        )
        assert await records.conversation(session, conversation_id=OTHER_CHAT) is None
        assert len((await session.exec(select(ConversationRecord))).all()) == 1


async def test_a_persons_chat_is_found_by_their_id(database: Database) -> None:
    await _save(database, CHAT)
    await _save(database, "a:old", kind=ConversationKind.PERSONAL, user_id=ANNA)
    await _save(
        database, PERSONAL, kind=ConversationKind.PERSONAL, user_id=ANNA, at=NOW + timedelta(1)
    )
    async with database.session() as session:
        found = await records.personal_conversation(session, user_id=ANNA)
        assert found is not None and found.conversation_id == PERSONAL
        assert await records.personal_conversation(session, user_id="someone-else") is None


async def test_a_key_is_recorded_once_per_conversation(database: Database) -> None:
    step = {"key_kind": "step", "key_id": "7"}
    assert await _record(database, CHAT, "1", **step)
    assert not await _record(database, CHAT, "2", **step)  # the key is taken
    assert not await _record(database, CHAT, "1")  # the activity is recorded
    assert await _record(database, CHAT, "3") and await _record(database, CHAT, "4")
    assert await _record(database, OTHER_CHAT, "1", **step)
    async with database.session() as session:
        assert await records.recorded_post(session, conversation_id=CHAT, **step) == "1"
        assert (
            await records.recorded_post(session, conversation_id=CHAT, key_kind="goal", key_id="7")
            is None
        )
        posts = await records.recorded_posts(session, conversation_id=CHAT)
        assert [(p.activity_id, p.key_kind, p.key_id) for p in posts] == [
            ("1", "step", "7"),
            ("3", None, None),
            ("4", None, None),
        ]
        await records.forget_post(session, conversation_id=CHAT, activity_id="1")
    async with database.session() as session:
        assert await records.recorded_post(session, conversation_id=CHAT, **step) is None


async def test_a_forgotten_conversation_keeps_nothing_of_its_own(database: Database) -> None:
    for chat in (CHAT, OTHER_CHAT):
        await _save(database, chat)
        await _record(database, chat, "1", key_kind="step", key_id="1")
    async with database.session() as session:
        await records.forget_conversation(session, conversation_id=CHAT)
    async with database.session() as session:
        assert await records.conversation(session, conversation_id=CHAT) is None
        assert await records.recorded_posts(session, conversation_id=CHAT) == []
        assert await records.conversation(session, conversation_id=OTHER_CHAT) is not None
        assert len(await records.recorded_posts(session, conversation_id=OTHER_CHAT)) == 1


async def test_the_purge_takes_the_teams_conversation_rows(database: Database) -> None:
    closed = active_team(NOW)
    closed.channel_id, closed.state, closed.closed_at = CHAT, "closed", NOW
    async with database.session() as session:
        session.add(closed)
    for chat in (CHAT, OTHER_CHAT):
        await _save(database, chat)
        await _record(database, chat, "1", key_kind="closing", key_id="1")
    await _save(database, PERSONAL, kind=ConversationKind.PERSONAL, user_id=ANNA)

    clock = FakeClock(NOW + timedelta(days=366))
    assert await RetentionService(database=database, clock=clock, retention_days=365).purge() == 1

    async with database.session() as session:
        kept = (await session.exec(select(ConversationRecord.conversation_id))).all()
        posts = (await session.exec(select(PostRecord.conversation_id))).all()
    assert sorted(kept) == [OTHER_CHAT, PERSONAL] and posts == [OTHER_CHAT]
