"""Turns meetings, steps, team changes and workshop experiments into reminder rows (in the
caller's transaction)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.context import Core
from bot.reminders.timing import QuietHours
from storage import reminder_queries
from storage.models import Meeting, MeetingStatus, Reminder, ReminderKind, Step, StepStatus, Team
from storage.workshops import WorkshopExperiment


class ReminderPlanner:
    def __init__(self, core: Core) -> None:
        self.core = core
        self.settings = core.reminders
        self.quiet = QuietHours.parse(core.reminders.quiet_hours, core.timezone)

    async def plan_meeting(self, session: AsyncSession, team: Team, meeting: Meeting) -> None:
        """Reminders before and after a (re)booked meeting (after: at its end, or MEETING_LENGTH
        after its start); cancelled ones get none."""
        now = self.core.clock.now()
        await reminder_queries.cancel_pending(session, team_id=team.pk, meeting_id=meeting.pk)
        if meeting.status == MeetingStatus.SCHEDULED:
            for offset in self.settings.meeting_offsets:
                due = self.quiet.last_allowed_before(meeting.starts_at - offset, not_before=now)
                if due is not None and due > now:
                    self._add(
                        session,
                        team,
                        ReminderKind.MEETING_BEFORE,
                        due,
                        meeting=meeting,
                        offset=offset,
                    )
            ends_at = meeting.ends_at or meeting.starts_at + self.settings.meeting_length
            after = self.quiet.next_allowed(ends_at)
            self._add(session, team, ReminderKind.MEETING_AFTER, after, meeting=meeting)
        await self.plan_nudge(session, team)

    async def plan_nudge(self, session: AsyncSession, team: Team) -> None:
        """Nudge the convenor when no meeting is booked some days after the last one."""
        await reminder_queries.cancel_pending(
            session, team_id=team.pk, kinds=[ReminderKind.NO_MEETING_NUDGE]
        )
        now = self.core.clock.now()
        upcoming = await reminder_queries.next_meeting(session, team_id=team.pk, after=now)
        base: datetime | None = upcoming.starts_at if upcoming else None
        if base is None:
            last = await reminder_queries.last_meeting(session, team_id=team.pk, before=now)
            base = last.starts_at if last else (team.activated_at or team.created_at)
        due = max(base + timedelta(days=self.settings.nudge_days), now)
        self._add(session, team, ReminderKind.NO_MEETING_NUDGE, self.quiet.next_allowed(due))

    async def snooze_nudge(self, session: AsyncSession, team: Team, delay: timedelta) -> datetime:
        await reminder_queries.cancel_pending(
            session, team_id=team.pk, kinds=[ReminderKind.NO_MEETING_NUDGE]
        )
        due = self.quiet.next_allowed(self.core.clock.now() + delay)
        self._add(session, team, ReminderKind.NO_MEETING_NUDGE, due)
        return due

    async def plan_step(
        self, session: AsyncSession, team: Team, step: Step, *, new: bool = False
    ) -> None:
        """A reminder at STEP_REMINDER_TIME on the due date, or on the last working day before
        it when it is a weekend day or holiday, while the step is open; replaces the step's
        pending one unless the step is `new` (it has none yet)."""
        if not new:
            await reminder_queries.cancel_pending(session, team_id=team.pk, step_id=step.pk)
        if step.status != StepStatus.OPEN or step.due_date is None:
            return
        now = self.core.clock.now()
        due = self.quiet.step_reminder(step.due_date, self.settings.step_time, now=now)
        if due is not None:
            self._add(session, team, ReminderKind.STEP_DUE, due, step=step)

    def plan_experiment(self, session: AsyncSession, experiment: WorkshopExperiment) -> None:
        """A Ratkaisupaja's experiment: its review reminder, in the morning of the review day
        (STEP_REMINDER_TIME, on the last working day on or before it), as a step's; none when
        that has passed."""
        now = self.core.clock.now()
        due = self.quiet.step_reminder(experiment.review_date, self.settings.step_time, now=now)
        if due is not None:
            session.add(
                Reminder(
                    kind=ReminderKind.EXPERIMENT_REVIEW,
                    experiment_id=experiment.pk,
                    due_at=due,
                    created_at=now,
                )
            )

    async def cancel_team(self, session: AsyncSession, team: Team) -> None:
        await reminder_queries.cancel_pending(session, team_id=team.pk)

    def _add(
        self,
        session: AsyncSession,
        team: Team,
        kind: ReminderKind,
        due: datetime,
        *,
        meeting: Meeting | None = None,
        step: Step | None = None,
        offset: timedelta | None = None,
    ) -> None:
        session.add(
            Reminder(
                team_id=team.pk,
                kind=kind,
                meeting_id=meeting.pk if meeting else None,
                step_id=step.pk if step else None,
                offset_minutes=int(offset.total_seconds() // 60) if offset else None,
                due_at=due,
                created_at=self.core.clock.now(),
            )
        )
