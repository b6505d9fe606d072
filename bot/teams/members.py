"""Team membership: invite, remove, hand over the convenor role, list."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress

from bot.audit import audit, audit_now
from bot.context import Actor, Core
from bot.coordinators.roster import CoordinatorStatus
from bot.errors import UserError
from bot.platform import NotInSpace
from bot.privacy.access import Action, team_by_code, team_for
from bot.replies import Person
from bot.teams import messages as team_messages
from bot.teams.channel_guard import ChannelGuard
from bot.teams.roles import Role, chosen_member, role_of, set_role
from storage import participant_queries, queries
from storage.models import AuditAction, Member, Team


class MemberService:
    def __init__(self, core: Core) -> None:
        self.core = core

    async def add(self, *, actor: Actor, channel_id: str, user_id: str, role: Role | None) -> str:
        """Record a member the client chose, then invite them; returns the catalog key of the
        outcome. The row exists before the invitation, so that the platform's join event for
        the invitee (which may come before the invitation's answer) finds them recorded."""
        team, members = await self.team(
            actor=actor, channel_id=channel_id, action=Action.ADD_MEMBER
        )
        current = next((m for m in members if m.user_id == user_id), None)
        if current is not None and (role is None or role_of(current) == role):
            raise UserError("already_member", user=Person(user_id))
        earlier = await self._record(actor, team, user_id, role, inviting=current is None)
        if current is None:
            try:
                outcome = await self.core.platform.add_people(team.live_channel_id, [user_id])
            except Exception:
                await self._undo(team, user_id, earlier)
                raise
            if user_id in outcome.failed:
                await self._undo(team, user_id, earlier)
                raise UserError("invite_failed", user=Person(user_id))
        async with self.core.database.session() as session:
            audit(
                session,
                AuditAction.MEMBER_ADDED,
                at=self.core.clock.now(),
                actor=actor,
                team=team,
                subject=user_id,
                detail=role.profession if role else None,  # never the free texts
            )
        return "member_added" if current is None else "member_profession_changed"

    async def _record(
        self, actor: Actor, team: Team, user_id: str, role: Role | None, *, inviting: bool
    ) -> Member | None:
        """Write the member row (new, rejoining or a new profession); returns a copy of the row
        as it was before, None when there was none."""
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            row = await queries.get_member(session, team_id=team.pk, user_id=user_id)
            earlier = None if row is None else Member.model_validate(row.model_dump())
            if row is None:
                row = chosen_member(team.pk, user_id, confirmed_by=actor.user_id, at=now, role=role)
            elif inviting:  # rejoining after an earlier removal
                row.added_by, row.added_at, row.removed_by, row.removed_at = (
                    actor.user_id,
                    now,
                    None,
                    None,
                )
                row.consent_confirmed_by, row.consent_confirmed_at = actor.user_id, now
            set_role(row, role)
            session.add(row)
        return earlier

    async def _undo(self, team: Team, user_id: str, earlier: Member | None) -> None:
        """The invitation failed: put the member row back as it was."""
        async with self.core.database.session() as session:
            if earlier is None:
                await queries.delete_members(session, team_id=team.pk, user_ids=[user_id])
                return
            row = await queries.get_member(session, team_id=team.pk, user_id=user_id)
            if row is not None:
                for name, value in earlier.model_dump(exclude={"id"}).items():
                    setattr(row, name, value)
                session.add(row)

    async def remove(self, *, actor: Actor, channel_id: str, user_id: str) -> None:
        team, members = await self.team(
            actor=actor, channel_id=channel_id, action=Action.REMOVE_MEMBER
        )
        if not any(m.user_id == user_id for m in members):
            raise UserError("not_member_target", user=Person(user_id))
        if team.convenor_id == user_id:
            raise UserError("cannot_remove_convenor", user=Person(user_id))
        with suppress(NotInSpace):  # left already: the record follows
            await self.core.platform.remove_person(team.live_channel_id, user_id)
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            row = await queries.get_member(session, team_id=team.pk, user_id=user_id)
            assert row is not None
            row.removed_by, row.removed_at = actor.user_id, now
            await participant_queries.contact_left(session, team_id=team.pk, user_id=user_id)
            audit(
                session, AuditAction.MEMBER_REMOVED, at=now, actor=actor, team=team, subject=user_id
            )

    async def hand_over(self, *, actor: Actor, channel_id: str, user_id: str) -> None:
        team, members = await self.team(actor=actor, channel_id=channel_id, action=Action.HAND_OVER)
        await self._hand_over(actor, team, members, user_id, as_coordinator=False)

    async def hand_over_by_code(
        self, *, actor: Actor, code: str, user_id: str, coordinator: CoordinatorStatus
    ) -> Team:
        """A coordinator hands the role on from anywhere (e.g. the convenor has left)."""
        team, members = await team_by_code(
            self.core,
            code=code,
            actor=actor,
            action=Action.HAND_OVER_BY_CODE,
            coordinator=coordinator,
        )
        await self._hand_over(actor, team, members, user_id, as_coordinator=True)
        return team

    async def _hand_over(
        self,
        actor: Actor,
        team: Team,
        members: Sequence[Member],
        user_id: str,
        *,
        as_coordinator: bool,
    ) -> None:
        if user_id == team.convenor_id:
            raise UserError("already_convenor", user=Person(user_id))
        if not any(m.user_id == user_id for m in members):
            raise UserError("convenor_must_be_member", user=Person(user_id))
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            row = await queries.locked_team(session, team_id=team.pk)
            row.convenor_id = user_id
            audit(
                session,
                AuditAction.CONVENOR_CHANGED,
                at=now,
                actor=actor,
                team=team,
                subject=user_id,
                detail="coordinator" if as_coordinator else None,
            )
        notice = team_messages.convenor_notice(
            self.core.t,
            old=team.convenor_id if as_coordinator else actor.user_id,
            new=user_id,
            coordinator=actor.user_id if as_coordinator else None,
        )
        await self.core.platform.post(team.live_channel_id, notice)

    async def listing(self, *, actor: Actor, channel_id: str) -> tuple[Team, Sequence[Member]]:
        """The team's members, to show them (audited as a view), with their accounts' state
        checked on the platform."""
        team, members = await self.team(actor=actor, channel_id=channel_id)
        await audit_now(self.core, AuditAction.MEMBERS_VIEWED, actor=actor, team=team)
        return team, await ChannelGuard(self.core).check_accounts(members)

    async def team(
        self, *, actor: Actor, channel_id: str, action: Action = Action.LIST_MEMBERS
    ) -> tuple[Team, Sequence[Member]]:
        """The channel's team and members, for an actor allowed to take the action."""
        return await team_for(self.core, channel_id=channel_id, actor=actor, action=action)
