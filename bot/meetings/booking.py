"""Booking, listing, moving and cancelling the team's follow-up meetings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.audit import audit
from bot.context import Actor, Core
from bot.errors import UserError
from bot.meetings.time_text import split_meeting_time
from bot.privacy.access import Action, team_for
from bot.reminders.planner import ReminderPlanner
from storage import attention_queries, queries, reminder_queries
from storage.models import AuditAction, Meeting, MeetingStatus, Team

MAX_PLACE = 300
MAX_UPCOMING = 20  # meetings booked ahead at a time


@dataclass(frozen=True)
class MeetingChange:
    """A moved or cancelled meeting, with its time before the change (for the announcement)."""

    team: Team
    meeting: Meeting
    was_at: datetime
    was_until: datetime | None


@dataclass(frozen=True)
class Outcome:
    """An answered meeting, the after-meeting message to update and the next meeting."""

    team: Team
    meeting: Meeting
    post: str | None
    next_meeting: Meeting | None


class MeetingService:
    def __init__(self, core: Core) -> None:
        self.core = core
        self.planner = ReminderPlanner(core)

    async def upcoming(self, *, actor: Actor, channel_id: str) -> Sequence[Meeting]:
        """The team's meetings still to come, in time order (audited as a view)."""
        team = await self._team(actor, channel_id)
        async with self.core.database.session() as session:
            meetings = await reminder_queries.upcoming_meetings(
                session, team_id=team.pk, after=self.core.clock.now()
            )
            audit(
                session,
                AuditAction.MEETING_VIEWED,
                at=self.core.clock.now(),
                actor=actor,
                team=team,
            )
        return meetings

    async def book(self, *, actor: Actor, channel_id: str, text: str) -> Meeting:
        """Book a meeting besides the ones booked; DateParseError or UserError on bad input."""
        team = await self._team(actor, channel_id)
        starts_at, ends_at, place = self._parse(text)
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            await queries.lock_team(session, team_id=team.pk)
            booked = await reminder_queries.upcoming_meetings(session, team_id=team.pk, after=now)
            if any(other.starts_at == starts_at for other in booked):
                raise UserError("meeting_already_booked")
            if len(booked) >= MAX_UPCOMING:
                raise UserError("meetings_too_many", limit=MAX_UPCOMING)
            meeting = Meeting(
                team_id=team.pk,
                starts_at=starts_at,
                ends_at=ends_at,
                place=place,
                created_by=actor.user_id,
                created_at=now,
            )
            session.add(meeting)
            await session.flush()
            await self.planner.plan_meeting(session, team, meeting)
            await self._recount(session, team)
            self._audit(session, actor, team, AuditAction.MEETING_BOOKED)
        return meeting

    async def move(
        self, *, actor: Actor, channel_id: str, text: str, number: int | None
    ) -> MeetingChange:
        """Move the upcoming meeting with this number (or the only one)."""
        team = await self._team(actor, channel_id)
        starts_at, ends_at, place = self._parse(text)
        async with self.core.database.session() as session:
            meeting = await self._locked_pick(session, team, number)
            change = MeetingChange(team, meeting, meeting.starts_at, meeting.ends_at)
            meeting.starts_at, meeting.ends_at = starts_at, ends_at
            meeting.place = place or meeting.place
            meeting.updated_by, meeting.updated_at = actor.user_id, self.core.clock.now()
            session.add(meeting)
            await self.planner.plan_meeting(session, team, meeting)
            await self._recount(session, team)
            self._audit(session, actor, team, AuditAction.MEETING_MOVED)
        return change

    async def cancel(self, *, actor: Actor, channel_id: str, number: int | None) -> MeetingChange:
        """Cancel the upcoming meeting with this number (or the only one)."""
        team = await self._team(actor, channel_id)
        async with self.core.database.session() as session:
            meeting = await self._locked_pick(session, team, number)
            change = MeetingChange(team, meeting, meeting.starts_at, meeting.ends_at)
            meeting.status = MeetingStatus.CANCELLED
            meeting.updated_by, meeting.updated_at = actor.user_id, self.core.clock.now()
            session.add(meeting)
            await session.flush()
            await self.planner.plan_meeting(session, team, meeting)
            await self._recount(session, team)
            self._audit(session, actor, team, AuditAction.MEETING_CANCELLED)
        return change

    async def record_outcome(
        self, *, actor: Actor, channel_id: str, meeting_id: int, status: MeetingStatus
    ) -> Outcome:
        """A team member answers whether a past meeting was held (HELD or NOT_HELD); a later
        answer replaces an earlier one."""
        team = await self._team(actor, channel_id)
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            await queries.lock_team(session, team_id=team.pk)
            meeting = await session.get(Meeting, meeting_id)
            if (
                meeting is None
                or meeting.team_id != team.pk
                or meeting.status == MeetingStatus.CANCELLED
                or meeting.starts_at > now
            ):
                raise UserError("meeting_outcome_unknown")
            meeting.status = status
            meeting.updated_by, meeting.updated_at = actor.user_id, now
            session.add(meeting)
            await session.flush()
            await self.planner.plan_nudge(session, team)
            await self._recount(session, team)
            held = status == MeetingStatus.HELD
            action = AuditAction.MEETING_HELD if held else AuditAction.MEETING_NOT_HELD
            self._audit(session, actor, team, action)
            post = await reminder_queries.after_meeting_post(session, meeting_id=meeting.pk)
            upcoming = await reminder_queries.next_meeting(session, team_id=team.pk, after=now)
        return Outcome(team, meeting, post, upcoming)

    async def snooze(self, *, actor: Actor, channel_id: str, days: int) -> datetime:
        """Postpone the no-meeting nudge by a day or a week; returns when it comes back."""
        team = await self._team(actor, channel_id)
        async with self.core.database.session() as session:
            await queries.lock_team(session, team_id=team.pk)
            due = await self.planner.snooze_nudge(session, team, timedelta(days=days))
            self._audit(session, actor, team, AuditAction.NUDGE_SNOOZED)
        return due

    async def _recount(self, session: AsyncSession, team: Team) -> None:
        """The team's attention figures follow its meetings (its row is locked already)."""
        await session.flush()
        today = self.core.clock.now().astimezone(self.core.timezone).date()
        await attention_queries.recount_team(session, team_id=team.pk, today=today)

    def _parse(self, text: str) -> tuple[datetime, datetime | None, str | None]:
        starts_at, ends_at, place = split_meeting_time(
            text, now=self.core.clock.now(), tz=self.core.timezone
        )
        if place is not None and len(place) > MAX_PLACE:
            raise UserError("text_too_long", limit=MAX_PLACE)
        return starts_at, ends_at, place

    async def _locked_pick(self, session: AsyncSession, team: Team, number: int | None) -> Meeting:
        """The upcoming meeting by its number; without one, the only upcoming meeting."""
        await queries.lock_team(session, team_id=team.pk)
        meetings = await reminder_queries.upcoming_meetings(
            session, team_id=team.pk, after=self.core.clock.now()
        )
        if not meetings:
            raise UserError("no_meeting_booked")
        if number is None:
            if len(meetings) > 1:
                raise UserError("meeting_which", count=len(meetings))
            return meetings[0]
        if not 1 <= number <= len(meetings):
            raise UserError("meeting_number_unknown", number=number, count=len(meetings))
        return meetings[number - 1]

    async def _team(self, actor: Actor, channel_id: str) -> Team:
        team, _ = await team_for(
            self.core, channel_id=channel_id, actor=actor, action=Action.MEETINGS
        )
        return team

    def _audit(self, session: AsyncSession, actor: Actor, team: Team, action: AuditAction) -> None:
        audit(session, action, at=self.core.clock.now(), actor=actor, team=team)
