"""The team channel is the boundary: only people recorded with the client's consent stay in it,
and members' deactivated accounts are marked."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from bot.audit import SYSTEM_ACTOR, audit
from bot.context import Core
from bot.platform import NotInSpace, PlatformError
from bot.replies import Message, Person, SpaceLink, Text, compose
from storage import queries
from storage.models import AuditAction, Member, Team, TeamState

log = logging.getLogger(__name__)
GUARDED = (TeamState.PENDING, TeamState.ACTIVE)  # a team being opened is guarded, too


class ChannelGuard:
    def __init__(self, core: Core) -> None:
        self.core = core

    async def uninvited(
        self, *, channel_id: str, user_id: str, inviter_id: str | None
    ) -> Team | None:
        """The team whose channel someone joined without being recorded as its member (the
        join is audited), or None: not a team channel, or a recorded member. The bot records
        members before inviting them, so its own invitations never count."""
        async with self.core.database.session() as session:
            team = await queries.get_team_by_channel(session, channel_id=channel_id)
            if team is None or team.state not in GUARDED:
                return None
            member = await queries.get_member(session, team_id=team.pk, user_id=user_id)
            if member is not None and member.removed_at is None:
                return None
            audit(
                session,
                AuditAction.UNINVITED_JOINED,
                at=self.core.clock.now(),
                actor=inviter_id or user_id,
                team=team,
                subject=user_id,
            )
        return team

    async def remove(self, team: Team, *, user_id: str, inviter_id: str | None) -> None:
        """Remove the uninvited person from the channel, audit it, tell the convenor why."""
        failure, gone = None, True
        try:
            await self.core.platform.remove_person(team.live_channel_id, user_id)
        except NotInSpace as error:  # already gone
            failure = error.code
        except PlatformError as error:  # e.g. restricted_action
            log.warning("team %s: could not remove an uninvited person: %s", team.code, error.code)
            failure, gone = error.code, False
        async with self.core.database.session() as session:
            audit(
                session,
                AuditAction.UNINVITED_REMOVED,
                at=self.core.clock.now(),
                actor=SYSTEM_ACTOR,
                team=team,
                subject=user_id,
                detail=failure,
            )
        key = "uninvited_removed" if gone else "uninvited_not_removed"
        t = self.core.t
        text = t(key, user=Person(user_id), code=team.code, channel=SpaceLink(team.live_channel_id))
        if inviter_id and inviter_id != user_id:
            text = compose(text, "\n", t("uninvited_inviter", inviter=Person(inviter_id)))
        try:
            await self.core.platform.send_direct(team.convenor_id, Message(text, (Text(text),)))
        except PlatformError as error:
            log.warning("team %s: could not tell the convenor: %s", team.code, error.code)

    async def check_accounts(self, members: Sequence[Member]) -> list[Member]:
        """The members with their accounts' state asked from the platform, marked where the
        stored state differs (an event missed in an outage, or before the app subscribed);
        the stored state when the platform cannot be asked."""
        try:
            deactivated = await self.core.platform.deactivated_users([m.user_id for m in members])
        except PlatformError as error:
            log.warning("could not check members' accounts: %s", error.code)
            return list(members)
        checked = []
        for member in members:
            gone = member.user_id in deactivated
            if gone != (member.deactivated_at is not None):
                await self.account_changed(user_id=member.user_id, deactivated=gone)
                member = member.model_copy(
                    update={"deactivated_at": self.core.clock.now() if gone else None}
                )
            checked.append(member)
        return checked

    async def account_changed(self, *, user_id: str, deactivated: bool) -> int:
        """Mark (or unmark) every member row of a person whose platform account was
        deactivated (or reactivated); returns how many rows changed. Idempotent."""
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            teams = await queries.mark_deactivated(
                session, user_id=user_id, at=now if deactivated else None
            )
            event = (
                AuditAction.ACCOUNT_DEACTIVATED if deactivated else AuditAction.ACCOUNT_REACTIVATED
            )
            for team_id in teams:
                audit(session, event, at=now, actor=SYSTEM_ACTOR, team=team_id, subject=user_id)
        return len(teams)
