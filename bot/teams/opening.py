"""Opening teams, ordered so that a failure leaves no orphan (closing: bot/teams/closing.py):
the team row is reserved with its members, the space opened and its reference recorded, the
people added, the welcome posted, the row activated; a failure at any point rolls back."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.exc import IntegrityError

from bot.audit import audit
from bot.context import Actor, Core
from bot.errors import UserError
from bot.platform import ActionRestricted, PlatformError, PostKey, PostKind, Space, SpaceTooSmall
from bot.reminders.planner import ReminderPlanner
from bot.teams import messages as team_messages
from bot.teams.participants import client_participant
from bot.teams.roles import Role, chosen_member
from storage import queries
from storage.models import AuditAction, Team, TeamState

log = logging.getLogger(__name__)
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
        self,
        *,
        actor: Actor,
        member_ids: Sequence[str],
        request_key: str,
        roles: Mapping[str, Role] | None = None,
    ) -> OpenedTeam:
        """Reserve the row with the chosen members, open the space, add the people, welcome,
        then activate. The member rows exist before the people are added: the platform's join
        event for one may arrive before the answer (see bot.teams.channel_guard)."""
        async with self.core.database.session() as session:
            existing = await queries.get_team_by_request_key(session, request_key=request_key)
        if existing is not None:
            return OpenedTeam(existing, (), {}, already_existed=True)
        wanted = tuple(dict.fromkeys([actor.user_id, *member_ids]))
        team, created = await self._reserve(
            actor=actor, request_key=request_key, members=wanted, roles=roles
        )
        if not created:  # a concurrent delivery of the same request won the race
            return OpenedTeam(team, (), {}, already_existed=True)
        try:
            space = await self._open_space(team, people=wanted)
            outcome = await self.core.platform.add_people(space, wanted)
            joined = tuple(u for u in wanted if u not in outcome.failed)
            await self.core.platform.post_once(
                space,
                team_messages.welcome(self.core.t, team=team, member_ids=joined),
                key=PostKey(PostKind.WELCOME, str(team.pk)),
            )
            await self._activate(
                team, actor=actor, member_ids=joined, not_invited=tuple(outcome.failed)
            )
        except Exception as error:
            await self._roll_back(team, actor=actor, error=error)
            if isinstance(error, SpaceTooSmall):
                raise UserError("open_too_few_people", minimum=error.minimum) from error
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
        self,
        *,
        actor: Actor,
        request_key: str,
        members: Sequence[str],
        roles: Mapping[str, Role] | None = None,
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
                    session.add(client_participant(team, at=now))
                    for user_id in members:  # the client's consent, before any invitation
                        role = (roles or {}).get(user_id)
                        session.add(
                            chosen_member(
                                team.pk, user_id, confirmed_by=actor.user_id, at=now, role=role
                            )
                        )
                return team, True
            except IntegrityError:
                async with self.core.database.session() as session:
                    same = await queries.get_team_by_request_key(session, request_key=request_key)
                if same is not None:
                    return same, False
        raise RuntimeError("could not reserve a team number")

    async def _open_space(self, team: Team, *, people: Sequence[str] = ()) -> str:
        """Open the team's space and record its reference before anything else happens in it,
        so that a roll-back finds it."""
        space = await self.core.platform.open_space(team.code, is_free=self._is_free, people=people)
        team.channel_id, team.channel_name = space.ref, space.name  # for a roll-back
        async with self.core.database.session() as session:
            row = await queries.locked_team(session, team_id=team.pk)
            row.channel_id, row.channel_name = space.ref, space.name
        return space.ref

    async def _is_free(self, space: str) -> bool:
        """No team holds this space."""
        async with self.core.database.session() as session:
            return await queries.get_team_by_channel(session, channel_id=space) is None

    async def _unclaimed_spaces(self, code: str) -> list[Space]:
        """This app's open spaces named after the team code that no team row holds."""
        return [s for s in await self.core.platform.find_spaces(code) if await self._is_free(s.ref)]

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
            audit(session, AuditAction.TEAM_OPENED, at=now, actor=actor, team=row)
            for user_id in member_ids:
                audit(
                    session,
                    AuditAction.MEMBER_ADDED,
                    at=now,
                    actor=actor,
                    team=row,
                    subject=user_id,
                )
        team.state = TeamState.ACTIVE

    async def _roll_back(self, team: Team, *, actor: Actor | None, error: Exception | None) -> None:
        """Compensate a failed set-up: abandon any space opened, mark the row failed."""
        log.warning("team %s: set-up failed (%s); rolling back", team.code, type(error).__name__)
        async with self.core.database.session() as session:
            row = await queries.get_team(session, team_id=team.pk)
        space = (row.channel_id if row is not None else None) or team.channel_id
        opened = [space] if space else []
        if not opened and not isinstance(error, PlatformError):
            # A crash or a lost answer: a space may exist although its reference was never seen.
            try:
                opened = [s.ref for s in await self._unclaimed_spaces(team.code)]
            except PlatformError as list_error:
                log.error("team %s: could not look for its space: %s", team.code, list_error.code)
        for ref in opened:
            try:
                await self.core.platform.abandon_space(ref)
            except PlatformError as abandon_error:
                log.error("team %s: could not close its space: %s", team.code, abandon_error.code)
        async with self.core.database.session() as session:
            row = await queries.get_team(session, team_id=team.pk)
            if row is None or row.state != TeamState.PENDING:
                return
            row.state = TeamState.FAILED
            await queries.delete_members(session, team_id=row.pk)  # nobody joined a failed team
            row.request_key = None  # a new attempt with the same key may start over
            code = error.code if isinstance(error, PlatformError) else "interrupted"
            audit(
                session,
                AuditAction.TEAM_OPEN_FAILED,
                at=self.core.clock.now(),
                actor=actor or row.opened_by,
                team=row,
                detail=code,
            )
