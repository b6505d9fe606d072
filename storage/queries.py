"""Keyword-only query functions over the tables; callers own the transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import AuditEvent, Member, Team, TeamState


async def next_team_number(session: AsyncSession, *, year: int) -> int:
    result = await session.exec(select(func.max(Team.number)).where(Team.year == year))
    return (result.one() or 0) + 1


async def get_team(session: AsyncSession, *, team_id: int) -> Team | None:
    return await session.get(Team, team_id)


async def get_team_by_channel(session: AsyncSession, *, channel_id: str) -> Team | None:
    result = await session.exec(select(Team).where(Team.channel_id == channel_id))
    return result.first()


async def get_team_by_request_key(session: AsyncSession, *, request_key: str) -> Team | None:
    result = await session.exec(select(Team).where(Team.request_key == request_key))
    return result.first()


async def stale_pending_teams(session: AsyncSession, *, created_before: datetime) -> Sequence[Team]:
    result = await session.exec(
        select(Team).where(Team.state == TeamState.PENDING, Team.created_at < created_before)
    )
    return result.all()


async def active_members(session: AsyncSession, *, team_id: int) -> Sequence[Member]:
    result = await session.exec(
        select(Member)
        .where(Member.team_id == team_id, col(Member.removed_at).is_(None))
        .order_by(col(Member.added_at), col(Member.id))
    )
    return result.all()


async def get_member(session: AsyncSession, *, team_id: int, user_id: str) -> Member | None:
    result = await session.exec(
        select(Member).where(Member.team_id == team_id, Member.user_id == user_id)
    )
    return result.first()


def add_audit(
    session: AsyncSession,
    *,
    at: datetime,
    actor_id: str,
    action: str,
    team_id: int | None,
    subject_id: str | None = None,
    detail: str | None = None,
) -> None:
    session.add(
        AuditEvent(
            at=at,
            actor_id=actor_id,
            action=action,
            team_id=team_id,
            subject_id=subject_id,
            detail=detail,
        )
    )


async def audit_events(
    session: AsyncSession, *, team_id: int | None = None
) -> Sequence[AuditEvent]:
    query = select(AuditEvent).order_by(col(AuditEvent.at), col(AuditEvent.id))
    if team_id is not None:
        query = query.where(AuditEvent.team_id == team_id)
    result = await session.exec(query)
    return result.all()
