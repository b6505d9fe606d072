"""Participants without a chat account: the client (P1, from the opening), close persons,
NGO workers and other organisations' professionals, named by role and organisation only.
Each has a contact member who is reminded of their steps: the one chosen, else whoever is
the convenor. When the chosen contact leaves the team, the contact is the convenor again."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.audit import audit
from bot.context import Actor, Core
from bot.errors import UserError
from bot.plan.messages import participant_line
from bot.plan.service import PlanService
from bot.privacy.access import Action, team_for
from bot.replies import Person, Reply, simple
from bot.teams.participant_commands import (
    AddParticipant,
    ParticipantCommand,
    RemoveParticipant,
    SetContact,
)
from bot.teams.professions import CLIENT
from storage import participant_queries, queries
from storage.models import AuditAction, Member, Participant, Team


def client_participant(team: Team, *, at: datetime) -> Participant:
    """The client, the participant P1 of every team from its opening."""
    return Participant(team_id=team.pk, number=1, role=CLIENT, added_by=team.opened_by, added_at=at)


class ParticipantService:
    def __init__(self, core: Core, plan: PlanService) -> None:
        self.core = core
        self.plan = plan

    async def run(self, command: ParticipantCommand, *, actor: Actor, channel_id: str) -> Reply:
        t = actor.t
        team, members = await team_for(
            self.core, channel_id=channel_id, actor=actor, action=Action.CHANGE_PARTICIPANTS
        )
        match command:
            case AddParticipant():
                row = await self._add(actor, team, members, command)
                key = "participant_added"
            case RemoveParticipant(number=number):
                row = await self._remove(actor, team, number)
                await self.plan.flag_steps_of_departed(actor, channel_id, participant_id=row.pk)
                key = "participant_removed"
            case SetContact(number=number, user_id=user_id):
                row = await self._set_contact(actor, team, members, number, user_id)
                key = "participant_contact_changed"
        contact = Person(row.contact_user_id or team.convenor_id)
        return simple(t(key, participant=participant_line(t, row), contact=contact))

    async def current(self, team: Team) -> Sequence[Participant]:
        async with self.core.database.session() as session:
            return await participant_queries.participants_of(session, team_id=team.pk)

    async def _add(
        self, actor: Actor, team: Team, members: Sequence[Member], command: AddParticipant
    ) -> Participant:
        _check_member(command.contact, members)
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            await queries.lock_team(session, team_id=team.pk)  # one new number at a time
            row = await participant_queries.add_participant(
                session,
                team_id=team.pk,
                role=command.role,
                organisation=command.organisation,
                contact_user_id=command.contact,
                by=actor.user_id,
                at=now,
            )
            self._audit(session, actor, team, AuditAction.PARTICIPANT_ADDED, row, at=now)
        return row

    async def _remove(self, actor: Actor, team: Team, number: int) -> Participant:
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            row = await _participant(session, team, number)
            if row.role == CLIENT and row.number == 1:
                raise UserError("client_cannot_be_removed")
            row.removed_by, row.removed_at = actor.user_id, now
            session.add(row)
            self._audit(session, actor, team, AuditAction.PARTICIPANT_REMOVED, row, at=now)
        return row

    async def _set_contact(
        self, actor: Actor, team: Team, members: Sequence[Member], number: int, user_id: str
    ) -> Participant:
        _check_member(user_id, members)
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            row = await _participant(session, team, number)
            row.contact_user_id = user_id
            session.add(row)
            self._audit(session, actor, team, AuditAction.PARTICIPANT_CONTACT_CHANGED, row, at=now)
        return row

    @staticmethod
    def _audit(
        session: AsyncSession,
        actor: Actor,
        team: Team,
        action: AuditAction,
        row: Participant,
        *,
        at: datetime,
    ) -> None:
        """Subject: the participant's number; detail: its role key (never the organisation)."""
        audit(
            session,
            action,
            at=at,
            actor=actor,
            team=team,
            subject=f"P{row.number}",
            detail=row.role,
        )


def _check_member(user_id: str | None, members: Sequence[Member]) -> None:
    if user_id is not None and not any(m.user_id == user_id for m in members):
        raise UserError("contact_not_member", user=Person(user_id))


async def _participant(session: AsyncSession, team: Team, number: int) -> Participant:
    found = next(
        (
            p
            for p in await participant_queries.participants_of(session, team_id=team.pk)
            if p.number == number
        ),
        None,
    )
    if found is None:
        raise UserError("unknown_participant", number=number)
    return found
