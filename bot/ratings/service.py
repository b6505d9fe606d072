"""Rating rounds: opening one for a staff channel's or a group's members and asking each of
them privately, recording an answer under the round's pseudonymous key, closing (which drops
the keys), and reading the results, which only coordinators do.

Nothing here writes a person next to an answer: not a log line, an audit row or a message.
An answer is stored under `pseudonym(salt, user id)` while its round is open, and under
nothing once it has closed; the audit log records rounds opened, closed and viewed, never who
answered."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.audit import SYSTEM_ACTOR, audit, audit_now
from bot.context import Actor, Core
from bot.coordinators.roster import CoordinatorDirectory
from bot.errors import UserError
from bot.platform import PlatformError
from bot.privacy import access
from bot.privacy.access import Action
from bot.privacy.pseudonyms import new_salt, pseudonym
from bot.ratings.figures import MIN_ANSWERS, RoundFigures, figures_of
from bot.ratings.grammar import Group
from bot.ratings.messages import question
from bot.ratings.schedule import ROUND_DAYS, months_later
from storage import queries, rating_queries
from storage.models import AuditAction, TeamState
from storage.ratings import RatingRound, RatingTarget

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Target:
    kind: RatingTarget
    id: str
    name: str | None = None  # a group as its writer saw it


@dataclass(frozen=True)
class Opened:
    round: RatingRound
    asked: int
    unreachable: int
    earlier: RatingRound | None = None  # the target's round this opening closed


@dataclass(frozen=True)
class Results:
    round: RatingRound  # the target's latest round
    figures: list[RoundFigures]


class RatingService:
    def __init__(self, core: Core, coordinators: CoordinatorDirectory) -> None:
        self.core = core
        self.coordinators = coordinators

    async def require(self, actor: Actor, action: Action) -> None:
        roles = await access.actor_roles(self.coordinators, actor)
        await access.require(self.core, actor, action, roles)

    async def target(self, group: Group | None, *, space: str) -> Target:
        """The group named, or else the space the command came from, which must be a staff
        channel: not one of a case team's (whatever the team's state)."""
        if group is not None:
            return Target(RatingTarget.GROUP, group.group_id, group.name or None)
        if not space:
            raise UserError("rating_where")
        async with self.core.database.session() as session:
            team = await queries.get_team_by_channel(session, channel_id=space)
        if team is not None and team.state != TeamState.FAILED:
            raise UserError("rating_not_in_team_space")
        return Target(RatingTarget.SPACE, space)

    async def members(self, target: Target) -> frozenset[str]:
        platform = self.core.platform
        try:
            if target.kind == RatingTarget.GROUP:
                return await platform.usergroup_members(target.id)
            return await platform.space_members(target.id)
        except PlatformError as error:
            log.warning("rating members not readable: %s", error.code)
            unreadable = "rating_group_unreadable" if target.kind == RatingTarget.GROUP else None
            raise UserError(unreadable or "rating_space_unreadable") from None

    async def start(self, *, actor: Actor, target: Target, repeat_months: int | None) -> Opened:
        """Open a round (refused while the target has one open) and ask its members."""
        members = await self.members(target)
        if len(members) < MIN_ANSWERS:
            raise UserError("rating_too_few_people", minimum=MIN_ANSWERS, count=len(members))
        opened = await self._open(
            target, members, started_by=actor.user_id, repeat_months=repeat_months
        )
        assert opened is not None, "a round opened by hand is not claimed"
        return opened

    async def repeat(self, due: RatingRound) -> Opened | None:
        """Open the round that follows `due` (closing `due` if still open), unless another
        process did; None then, or when the target has too few members left."""
        target = Target(RatingTarget(due.target_kind), due.target_id, due.target_name)
        members = await self.members(target)  # not readable: tried again on the next pass
        if len(members) < MIN_ANSWERS:
            async with self.core.database.session() as session:
                await rating_queries.claim_repeat(
                    session, round_id=due.pk, now=self.core.clock.now()
                )
            log.warning("a rating round was not repeated: too few members")
            return None
        return await self._open(
            target,
            members,
            started_by=due.started_by,
            repeat_months=due.repeat_months,
            claim=due,
        )

    async def _open(
        self,
        target: Target,
        members: frozenset[str],
        *,
        started_by: str,
        repeat_months: int | None,
        claim: RatingRound | None = None,
    ) -> Opened | None:
        now, tz = self.core.clock.now(), self.core.timezone
        salt = new_salt()
        fresh = RatingRound(
            target_kind=target.kind,
            target_id=target.id,
            target_name=target.name,
            started_by=started_by,
            opened_at=now,
            closes_at=now + timedelta(days=ROUND_DAYS),
            salt=salt,
            repeat_months=repeat_months,
            next_due_at=months_later(now, repeat_months, tz) if repeat_months else None,
        )
        earlier = None
        try:
            async with self.core.database.session() as session:
                if claim is not None and not await rating_queries.claim_repeat(
                    session, round_id=claim.pk, now=now
                ):
                    return None
                earlier = await rating_queries.open_round(
                    session, kind=target.kind, target_id=target.id
                )
                if earlier is not None and claim is None:
                    raise UserError("rating_round_open")
                if earlier is not None:
                    await self._close_in(session, earlier, at=now)
                await rating_queries.stop_repeating(session, kind=target.kind, target_id=target.id)
                keys = [pseudonym(salt, person) for person in members]
                await rating_queries.add_round(session, round=fresh, respondents=keys)
                audit(
                    session,
                    AuditAction.RATING_STARTED,
                    at=now,
                    actor=started_by,
                    detail=f"{target.kind} {fresh.pk}",
                )
        except IntegrityError:  # another process opened one for the target at the same time
            raise UserError("rating_round_open") from None
        asked = await self._ask(fresh, members)
        return Opened(fresh, asked, len(members) - asked, earlier)

    async def _ask(self, rating_round: RatingRound, members: frozenset[str]) -> int:
        """Send each member the question privately; how many it reached."""
        message = question(self.core.t, rating_round, self.core.timezone)
        asked = 0
        for person in sorted(members):
            try:
                await self.core.platform.send_direct(person, message)
            except PlatformError as error:
                log.warning("a rating question was not delivered: %s", error.code)
                continue
            asked += 1
        async with self.core.database.session() as session:
            await rating_queries.set_asked(session, round_id=rating_round.pk, asked=asked)
        rating_round.asked = asked
        return asked

    async def answer(self, *, actor: Actor, round_id: int, score: int) -> RatingRound:
        """Record (or change) the actor's answer in an open round they were asked in."""
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            rating_round = await rating_queries.get_round(session, round_id=round_id)
            if rating_round is None:
                raise UserError("rating_round_unknown")
            if rating_round.salt is None or rating_round.closes_at <= now:
                raise UserError("rating_round_closed")
            key = pseudonym(rating_round.salt, actor.user_id)
            if await rating_queries.record_score(
                session, round_id=round_id, respondent=key, score=score
            ):
                return rating_round
            await session.refresh(rating_round)
            closed = rating_round.closed_at is not None  # closed since it was read
        raise UserError("rating_round_closed" if closed else "rating_not_asked")

    async def close(
        self, *, actor: Actor, target: Target, stop_repeating: bool = False
    ) -> tuple[RatingRound | None, bool]:
        """Close the target's open round (its keys and salt dropped) and, when asked, stop
        its rounds repeating: the round closed (None if none was open) and whether a repeat
        was stopped. Refused when there was nothing to do."""
        async with self.core.database.session() as session:
            rating_round = await rating_queries.open_round(
                session, kind=target.kind, target_id=target.id
            )
            stopped = stop_repeating and await rating_queries.stop_repeating(
                session, kind=target.kind, target_id=target.id
            )
            if rating_round is None and not stopped:
                raise UserError("rating_no_open_round")
            if rating_round is not None:
                await self._close_in(session, rating_round, at=self.core.clock.now(), actor=actor)
        return rating_round, stopped

    async def close_due(self) -> list[RatingRound]:
        """Close every round whose time is up; the rounds this process closed."""
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            due = await rating_queries.due_to_close(session, now=now)
        closed = []
        for round_id in due:
            async with self.core.database.session() as session:
                rating_round = await rating_queries.get_round(session, round_id=round_id)
                if rating_round is not None and await self._close_in(session, rating_round, at=now):
                    closed.append(rating_round)
        return closed

    async def _close_in(
        self,
        session: AsyncSession,
        rating_round: RatingRound,
        *,
        at: datetime,
        actor: Actor | str = SYSTEM_ACTOR,
    ) -> bool:
        """Close the round in the session's transaction; False when it had closed already."""
        answered = await rating_queries.close_round(
            session, round_id=rating_round.pk, at=at, minimum=MIN_ANSWERS
        )
        if answered is None:
            return False
        rating_round.closed_at, rating_round.salt, rating_round.answered = at, None, answered
        audit(
            session,
            AuditAction.RATING_CLOSED,
            at=at,
            actor=actor,
            detail=f"{rating_round.target_kind} {rating_round.pk}",
        )
        return True

    async def results(self, *, actor: Actor | str, target: Target) -> Results:
        """Every round of the target as figures (answers only of closed rounds with enough
        of them); audited as viewed."""
        async with self.core.database.session() as session:
            rounds = await rating_queries.rounds_of(session, kind=target.kind, target_id=target.id)
            if not rounds:
                raise UserError("rating_no_rounds")
            shown = [r.pk for r in rounds if r.closed_at is not None]
            counts = await rating_queries.score_counts(session, round_ids=shown)
            so_far = {
                r.pk: await rating_queries.answered_count(session, round_id=r.pk)
                for r in rounds
                if r.closed_at is None
            }
        detail = f"{target.kind} {rounds[-1].pk}"
        await audit_now(self.core, AuditAction.RATINGS_VIEWED, actor=actor, detail=detail)
        return Results(rounds[-1], figures_of(rounds, counts, so_far))
