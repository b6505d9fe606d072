"""The audit log: who did what to which team (and to whom), and when. Every core service
writes it through these two helpers."""

from __future__ import annotations

from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.context import Actor, Core
from storage import queries
from storage.models import AuditAction, Team

SYSTEM_ACTOR = "tiimi"  # the actor of scheduled work and of the bot's own guards
DETAIL_LENGTH = 64  # the column's length


def audit(
    session: AsyncSession,
    action: AuditAction,
    *,
    at: datetime,
    actor: Actor | str,
    team: Team | int | None = None,
    subject: str | None = None,
    detail: str | None = None,
) -> None:
    """Add the event to the session's transaction. `actor` and `subject` are people's ids
    (or SYSTEM_ACTOR); `detail` is never text a user typed."""
    queries.add_audit(
        session,
        at=at,
        actor_id=actor if isinstance(actor, str) else actor.user_id,
        team_id=team.pk if isinstance(team, Team) else team,
        action=action,
        subject_id=subject,
        detail=detail[:DETAIL_LENGTH] if detail else None,
    )


async def audit_now(
    core: Core,
    action: AuditAction,
    *,
    actor: Actor | str,
    team: Team | int | None = None,
    subject: str | None = None,
    detail: str | None = None,
) -> None:
    """`audit` now, in a transaction of its own (a refusal stays audited although the
    caller's work is rolled back)."""
    async with core.database.session() as session:
        audit(
            session,
            action,
            at=core.clock.now(),
            actor=actor,
            team=team,
            subject=subject,
            detail=detail,
        )
