"""Opening teams, ordered so that a failure leaves no orphan (closing: bot/teams/closing.py)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.exc import IntegrityError

from bot.context import Actor, Core
from bot.errors import UserError
from bot.platform import ActionRestricted, ChannelNameTaken, PlatformError
from bot.reminders.planner import ReminderPlanner
from bot.teams import messages as team_messages
from storage import queries
from storage.models import AuditAction, Member, Team, TeamState

log = logging.getLogger(__name__)
MAX_NAME_ATTEMPTS = 20
TEAM_METADATA = "tiimi_team"  # the welcome carries the team's id, so that it is posted once
PENDING_TIMEOUT = timedelta(minutes=10)


@dataclass(frozen=True)
class OpenedTeam:
    team: Team
    members: tuple[str, ...]
    not_invited: dict[str, str]
    already_existed: bool = False


class TeamService:
    def __init__(self, core: Core) -> None:
        self.core = core

    async def open_team(
        self, *, actor: Actor, member_ids: Sequence[str], request_key: str
    ) -> OpenedTeam:
        """Reserve the row with the chosen members, create the channel, invite, welcome, then
        activate. The member rows exist before the invitation: Slack's join event for an
        invitee may arrive before the invitation's answer (see bot.teams.channel_guard)."""
        async with self.core.database.session() as session:
            existing = await queries.get_team_by_request_key(session, request_key=request_key)
        if existing is not None:
            return OpenedTeam(existing, (), {}, already_existed=True)
        wanted = tuple(dict.fromkeys([actor.user_id, *member_ids]))
        team, created = await self._reserve(actor=actor, request_key=request_key, members=wanted)
        if not created:  # a concurrent delivery of the same request won the race
            return OpenedTeam(team, (), {}, already_existed=True)
        try:
            channel_id = await self._create_channel(team)
            outcome = await self.core.platform.invite(channel_id, wanted)
            joined = tuple(u for u in wanted if u not in outcome.failed)
            await self.core.platform.post_message(
                channel_id,
                team_messages.welcome(self.core.t, team=team, member_ids=joined),
                metadata={"event_type": TEAM_METADATA, "event_payload": {"team_id": str(team.pk)}},
            )
            await self._activate(
                team, actor=actor, member_ids=joined, not_invited=tuple(outcome.failed)
            )
        except Exception as error:
            await self._roll_back(team, actor=actor, error=error)
            if isinstance(error, ActionRestricted):
                raise UserError("open_restricted") from error
            if isinstance(error, PlatformError):
                raise UserError("open_failed_platform") from error
            raise
        return OpenedTeam(team, joined, dict(outcome.failed))

    async def recover_pending(self) -> int:
        """Roll back teams whose set-up was interrupted (e.g. by a crash); returns how many."""
        cutoff = self.core.clock.now() - PENDING_TIMEOUT
        async with self.core.database.session() as session:
            stale = await queries.stale_pending_teams(session, created_before=cutoff)
        for team in stale:
            await self._roll_back(team, actor=None, error=None)
        return len(stale)

    async def _reserve(
        self, *, actor: Actor, request_key: str, members: Sequence[str]
    ) -> tuple[Team, bool]:
        now = self.core.clock.now()
        year = now.astimezone(self.core.timezone).year
        for _ in range(10):
            try:
                async with self.core.database.session() as session:
                    number = await queries.next_team_number(session, year=year)
                    team = Team(
                        code=f"MT-{year}-{number:04d}",
                        year=year,
                        number=number,
                        convenor_id=actor.user_id,
                        opened_by=actor.user_id,
                        request_key=request_key,
                        consent_confirmed_by=actor.user_id,
                        consent_confirmed_at=now,
                        created_at=now,
                    )
                    session.add(team)
                    await session.flush()
                    for user_id in members:  # the client's consent, before any invitation
                        session.add(
                            Member(
                                team_id=team.pk,
                                user_id=user_id,
                                added_by=actor.user_id,
                                added_at=now,
                                consent_confirmed_by=actor.user_id,
                                consent_confirmed_at=now,
                            )
                        )
                return team, True
            except IntegrityError:
                async with self.core.database.session() as session:
                    same = await queries.get_team_by_request_key(session, request_key=request_key)
                if same is not None:
                    return same, False
        raise RuntimeError("could not reserve a team number")

    async def _create_channel(self, team: Team) -> str:
        base = team.code.lower()
        ours: dict[str, str] | None = None
        for attempt in range(1, MAX_NAME_ATTEMPTS + 1):
            name = base if attempt == 1 else f"{base}-{attempt}"
            try:
                channel_id = await self.core.platform.create_private_channel(name)
            except ChannelNameTaken:
                if ours is None:  # is it ours, made by a try whose answer was lost?
                    try:
                        ours = await self._unclaimed_channels(base)
                    except PlatformError as error:  # e.g. missing_scope: take the next name
                        log.warning("team %s: cannot list channels: %s", team.code, error.code)
                        ours = {}
                if name not in ours:
                    continue
                channel_id = ours[name]
                log.warning("team %s: taking over its channel from a lost answer", team.code)
            team.channel_id, team.channel_name = channel_id, name  # for a roll-back
            async with self.core.database.session() as session:
                row = await queries.locked_team(session, team_id=team.pk)
                row.channel_id, row.channel_name = channel_id, name
            return channel_id
        raise PlatformError("name_taken")

    async def _unclaimed_channels(self, base: str) -> dict[str, str]:
        """This app's live channels named after the team code that no team row holds."""
        found = await self.core.platform.own_channels(base)
        async with self.core.database.session() as session:
            return {
                name: channel_id
                for name, channel_id in found.items()
                if await queries.get_team_by_channel(session, channel_id=channel_id) is None
            }

    async def _activate(
        self,
        team: Team,
        *,
        actor: Actor,
        member_ids: Sequence[str],
        not_invited: Sequence[str],
    ) -> None:
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            row = await queries.locked_team(session, team_id=team.pk)
            row.state, row.activated_at = TeamState.ACTIVE, now
            if not_invited:
                await queries.delete_members(session, team_id=row.pk, user_ids=not_invited)
            await ReminderPlanner(self.core).plan_nudge(session, row)
            queries.add_audit(
                session,
                at=now,
                actor_id=actor.user_id,
                team_id=row.pk,
                action=AuditAction.TEAM_OPENED,
            )
            for user_id in member_ids:
                queries.add_audit(
                    session,
                    at=now,
                    actor_id=actor.user_id,
                    team_id=row.pk,
                    action=AuditAction.MEMBER_ADDED,
                    subject_id=user_id,
                )
        team.state = TeamState.ACTIVE

    async def _roll_back(self, team: Team, *, actor: Actor | None, error: Exception | None) -> None:
        """Compensate a failed set-up: archive any channel created, mark the row failed."""
        log.warning("team %s: set-up failed (%s); rolling back", team.code, type(error).__name__)
        async with self.core.database.session() as session:
            row = await queries.get_team(session, team_id=team.pk)
        channel_id = (row.channel_id if row is not None else None) or team.channel_id
        created = [channel_id] if channel_id else []
        if not created and not isinstance(error, PlatformError):
            # A crash or a lost answer: a channel may exist although its id was never seen.
            try:
                created = list((await self._unclaimed_channels(team.code.lower())).values())
            except PlatformError as list_error:
                log.error("team %s: could not look for its channel: %s", team.code, list_error.code)
        for created_id in created:
            try:
                await self.core.platform.archive_channel(created_id)
            except PlatformError as archive_error:
                log.error("team %s: could not archive channel: %s", team.code, archive_error.code)
        async with self.core.database.session() as session:
            row = await queries.get_team(session, team_id=team.pk)
            if row is None or row.state != TeamState.PENDING:
                return
            row.state = TeamState.FAILED
            await queries.delete_members(session, team_id=row.pk)  # nobody joined a failed team
            row.request_key = None  # a new attempt with the same key may start over
            code = error.code if isinstance(error, PlatformError) else "interrupted"
            queries.add_audit(
                session,
                at=self.core.clock.now(),
                actor_id=actor.user_id if actor else row.opened_by,
                action=AuditAction.TEAM_OPEN_FAILED,
                team_id=row.id,
                detail=code[:64],
            )
