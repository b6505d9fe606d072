"""Turning the owners a user named (mentions, participants' roles and numbers) into the rows
of a step's owners: members must be in the team; a role names the team's participant of that
role, added (contact: the convenor) when the team has none."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.audit import audit
from bot.context import Actor
from bot.errors import UserError
from bot.plan.commands import Owner
from bot.plan.messages import PlanData
from bot.replies import Person
from storage import participant_queries
from storage.models import AuditAction, Step, Team


async def set_step_owners(
    session: AsyncSession,
    plan: PlanData,
    step: Step,
    owner: Owner,
    *,
    actor: Actor,
    at: datetime,
    new: bool = False,
) -> None:
    """Replace the step's owners with those chosen (none: no owners); a `new` step has none
    to replace."""
    user_ids, participant_ids = await chosen_owners(
        session, team=plan.team, member_ids=plan.member_ids, owner=owner, actor=actor, at=at
    )
    await participant_queries.set_owners(
        session, step_id=step.pk, user_ids=user_ids, participant_ids=participant_ids, new=new
    )


async def chosen_owners(
    session: AsyncSession,
    *,
    team: Team,
    member_ids: set[str],
    owner: Owner,
    actor: Actor,
    at: datetime,
) -> tuple[Sequence[str], Sequence[int]]:
    """The members' ids and the participants' ids of the owners chosen."""
    for user_id in owner.user_ids:
        if user_id not in member_ids:
            raise UserError("owner_not_member", user=Person(user_id))
    if not (owner.numbers or owner.roles):
        return owner.user_ids, []
    participants = list(await participant_queries.participants_of(session, team_id=team.pk))
    chosen: list[int] = []
    for number in owner.numbers:
        found = next((p for p in participants if p.number == number), None)
        if found is None:
            raise UserError("unknown_participant", number=number)
        chosen.append(found.pk)
    for role in owner.roles:
        found = next((p for p in participants if p.role == role), None)
        if found is None:
            found = await participant_queries.add_participant(
                session,
                team_id=team.pk,
                role=role,
                organisation=None,
                contact_user_id=None,
                by=actor.user_id,
                at=at,
            )
            participants.append(found)
            audit(
                session,
                AuditAction.PARTICIPANT_ADDED,
                at=at,
                actor=actor,
                team=team,
                subject=f"P{found.number}",
                detail=role,
            )
        chosen.append(found.pk)
    return owner.user_ids, list(dict.fromkeys(chosen))
