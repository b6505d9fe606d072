"""The one audit helper: an Actor or the system as actor, a team row or its id, the detail cut
to the column's length; audit_now keeps its row when the caller's work is rolled back."""

from __future__ import annotations

import pytest

from bot.audit import SYSTEM_ACTOR, audit, audit_now
from bot.context import Actor, Core
from storage import queries
from storage.models import AuditAction


async def test_audit_writes_one_row_in_the_callers_transaction(core: Core) -> None:
    at = core.clock.now()
    async with core.database.session() as session:
        audit(session, AuditAction.HOME_VIEWED, at=at, actor=Actor("UANNA", "fi"), detail="x" * 80)
        audit(session, AuditAction.CONTENT_PURGED, at=at, actor=SYSTEM_ACTOR, subject="UBERT")
    async with core.database.session() as session:
        events = await queries.audit_events(session)
    assert [(e.actor_id, e.action, e.subject_id, e.detail) for e in events] == [
        ("UANNA", AuditAction.HOME_VIEWED, None, "x" * 64),
        (SYSTEM_ACTOR, AuditAction.CONTENT_PURGED, "UBERT", None),
    ]


async def test_audit_now_stays_when_the_callers_work_is_rolled_back(core: Core) -> None:
    with pytest.raises(RuntimeError):
        async with core.database.session() as session:
            audit(session, AuditAction.PLAN_VIEWED, at=core.clock.now(), actor="UANNA")
            await audit_now(core, AuditAction.ACCESS_REFUSED, actor="UANNA", detail="view_plan")
            raise RuntimeError("the caller's work fails")
    async with core.database.session() as session:
        events = await queries.audit_events(session)
    assert [(e.action, e.detail) for e in events] == [(AuditAction.ACCESS_REFUSED, "view_plan")]
