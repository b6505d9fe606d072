"""Conversation references and the bot's recorded posts (storage/platform_records.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, desc
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.platform_records import ConversationKind, ConversationRecord, PostRecord


def _insert(
    session: AsyncSession, table: type[ConversationRecord] | type[PostRecord]
) -> postgresql.Insert | sqlite.Insert:
    """The dialect's INSERT, which has ON CONFLICT on both databases."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


async def save_conversation(
    session: AsyncSession,
    *,
    conversation_id: str,
    kind: ConversationKind,
    user_id: str | None,
    service_url: str,
    reference_json: str,
    claims_json: str,
    at: datetime,
) -> None:
    """Store or refresh a conversation's reference (concurrent saves: the last one stays)."""
    values = {
        "kind": kind.value,
        "user_id": user_id,
        "service_url": service_url,
        "reference_json": reference_json,
        "claims_json": claims_json,
        "updated_at": at,
    }
    statement = _insert(session, ConversationRecord).values(
        conversation_id=conversation_id, **values
    )
    await session.exec(
        statement.on_conflict_do_update(index_elements=["conversation_id"], set_=values)
    )


async def conversation(session: AsyncSession, *, conversation_id: str) -> ConversationRecord | None:
    return await session.get(ConversationRecord, conversation_id)


async def personal_conversation(
    session: AsyncSession, *, user_id: str
) -> ConversationRecord | None:
    """The bot's 1:1 chat with the person (the latest refreshed, should there be several)."""
    rows = await session.exec(
        select(ConversationRecord)
        .where(
            col(ConversationRecord.user_id) == user_id,
            col(ConversationRecord.kind) == ConversationKind.PERSONAL,
        )
        .order_by(desc(col(ConversationRecord.updated_at)))
        .limit(1)
    )
    return rows.first()


async def forget_conversation(session: AsyncSession, *, conversation_id: str) -> None:
    """Delete the conversation's reference and every post recorded in it."""
    for table in (PostRecord, ConversationRecord):
        await session.exec(delete(table).where(col(table.conversation_id) == conversation_id))


async def recorded_post(
    session: AsyncSession, *, conversation_id: str, key_kind: str, key_id: str
) -> str | None:
    """The activity id of the post recorded under this key, if any."""
    rows = await session.exec(
        select(PostRecord.activity_id).where(
            col(PostRecord.conversation_id) == conversation_id,
            col(PostRecord.key_kind) == key_kind,
            col(PostRecord.key_id) == key_id,
        )
    )
    return rows.first()


async def record_post(
    session: AsyncSession,
    *,
    conversation_id: str,
    activity_id: str,
    key_kind: str | None = None,
    key_id: str | None = None,
    at: datetime,
) -> bool:
    """Record a post; False (and nothing recorded) when its key or activity already is."""
    statement = (
        _insert(session, PostRecord)
        .values(
            conversation_id=conversation_id,
            activity_id=activity_id,
            key_kind=key_kind,
            key_id=key_id,
            posted_at=at,
        )
        .on_conflict_do_nothing()
        .returning(col(PostRecord.activity_id))
    )
    result = await session.exec(statement)
    return result.first() is not None


async def recorded_posts(session: AsyncSession, *, conversation_id: str) -> Sequence[PostRecord]:
    """The bot's recorded posts in the conversation, oldest first."""
    rows = await session.exec(
        select(PostRecord)
        .where(col(PostRecord.conversation_id) == conversation_id)
        .order_by(col(PostRecord.posted_at), col(PostRecord.activity_id))
    )
    return rows.all()


async def forget_post(session: AsyncSession, *, conversation_id: str, activity_id: str) -> None:
    await session.exec(
        delete(PostRecord).where(
            col(PostRecord.conversation_id) == conversation_id,
            col(PostRecord.activity_id) == activity_id,
        )
    )
