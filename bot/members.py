"""Team membership: invite, remove, hand over the convenor role, list."""

from __future__ import annotations

from collections.abc import Sequence

from bot.access import Action, team_by_code, team_for
from bot.context import Actor, Core
from bot.errors import UserError
from bot.platform import PlatformError
from bot.replies import Message
from storage import queries
from storage.models import AuditAction, Member, Team


class MemberService:
    def __init__(self, core: Core) -> None:
        self.core = core

    async def add(
        self, *, actor: Actor, channel_id: str, user_id: str, profession: str | None
    ) -> str:
        """Invite a member the client chose; returns the catalog key of the outcome."""
        team, members = await self.team(
            actor=actor, channel_id=channel_id, action=Action.ADD_MEMBER
        )
        current = next((m for m in members if m.user_id == user_id), None)
        if current is not None and (profession is None or current.profession == profession):
            raise UserError("already_member", user=user_id)
        if current is None:
            outcome = await self.core.platform.invite(team.live_channel_id, [user_id])
            if user_id in outcome.failed:
                raise UserError("invite_failed", user=user_id)
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            row = await queries.get_member(session, team_id=team.pk, user_id=user_id)
            if row is None:
                row = Member(
                    team_id=team.pk,
                    user_id=user_id,
                    added_by=actor.user_id,
                    added_at=now,
                    consent_confirmed_by=actor.user_id,
                    consent_confirmed_at=now,
                )
            elif current is None:  # rejoining after an earlier removal
                row.added_by, row.added_at, row.removed_by, row.removed_at = (
                    actor.user_id,
                    now,
                    None,
                    None,
                )
                row.consent_confirmed_by, row.consent_confirmed_at = actor.user_id, now
            row.profession = profession
            session.add(row)
            queries.add_audit(
                session,
                at=now,
                actor_id=actor.user_id,
                team_id=team.id,
                action=AuditAction.MEMBER_ADDED,
                subject_id=user_id,
                detail=profession,
            )
        return "member_added" if current is None else "member_profession_changed"

    async def remove(self, *, actor: Actor, channel_id: str, user_id: str) -> None:
        team, members = await self.team(
            actor=actor, channel_id=channel_id, action=Action.REMOVE_MEMBER
        )
        if not any(m.user_id == user_id for m in members):
            raise UserError("not_member_target", user=user_id)
        if team.convenor_id == user_id:
            raise UserError("cannot_remove_convenor", user=user_id)
        try:
            await self.core.platform.remove_member(team.live_channel_id, user_id)
        except PlatformError as error:
            if error.code != "not_in_channel":
                raise
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            row = await queries.get_member(session, team_id=team.pk, user_id=user_id)
            assert row is not None
            row.removed_by, row.removed_at = actor.user_id, now
            queries.add_audit(
                session,
                at=now,
                actor_id=actor.user_id,
                team_id=team.id,
                action=AuditAction.MEMBER_REMOVED,
                subject_id=user_id,
            )

    async def hand_over(self, *, actor: Actor, channel_id: str, user_id: str) -> None:
        team, members = await self.team(actor=actor, channel_id=channel_id, action=Action.HAND_OVER)
        await self._hand_over(actor, team, members, user_id, as_coordinator=False)

    async def hand_over_by_code(
        self, *, actor: Actor, code: str, user_id: str, coordinator: bool
    ) -> Team:
        """A coordinator hands the role on from anywhere (e.g. the convenor has left)."""
        async with self.core.database.session() as session:
            team, members = await team_by_code(
                session,
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
            raise UserError("already_convenor", user=user_id)
        if not any(m.user_id == user_id for m in members):
            raise UserError("convenor_must_be_member", user=user_id)
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            row = await queries.locked_team(session, team_id=team.pk)
            row.convenor_id = user_id
            queries.add_audit(
                session,
                at=now,
                actor_id=actor.user_id,
                team_id=team.id,
                action=AuditAction.CONVENOR_CHANGED,
                subject_id=user_id,
                detail="coordinator" if as_coordinator else None,
            )
        t = self.core.t
        notice = (
            t(
                "convenor_changed_by_coordinator_notice",
                coordinator=actor.user_id,
                old=team.convenor_id,
                new=user_id,
            )
            if as_coordinator
            else t("convenor_changed_notice", old=actor.user_id, new=user_id)
        )
        await self.core.platform.post_message(team.live_channel_id, Message(notice))

    async def team(
        self, *, actor: Actor, channel_id: str, action: Action = Action.LIST_MEMBERS
    ) -> tuple[Team, Sequence[Member]]:
        """The channel's team and members, for an actor allowed to take the action."""
        async with self.core.database.session() as session:
            return await team_for(session, channel_id=channel_id, actor=actor, action=action)
