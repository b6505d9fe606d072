"""Delivers due reminders (a team's, or a staff workshop experiment's): claim with a lease,
send once, mark; never lose, never double."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.context import Core
from bot.plan.owners import load_owners
from bot.platform import PlatformError, PostKey, PostKind, SpaceUnavailable
from bot.reminders import messages as reminder_messages
from bot.reminders.pacing import ChannelPacer
from bot.replies import Message
from bot.workshops.review_reminder import review_due, review_message
from storage import queries, reminder_queries
from storage.models import (
    Meeting,
    MeetingStatus,
    Reminder,
    ReminderKind,
    ReminderState,
    Step,
    StepStatus,
    Team,
    TeamState,
)

log = logging.getLogger(__name__)
LATE_LIMIT = timedelta(hours=24)  # other than meeting reminders: skip when later than this


@dataclass
class DeliveryReport:
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, outcome: str) -> None:
        self.counts[outcome] += 1


@dataclass(frozen=True)
class Decision:
    state: ReminderState
    message: Message | None = None
    reason: str | None = None
    late: bool = False


class ReminderWorker:
    def __init__(
        self,
        core: Core,
        *,
        worker_id: str,
        pacer: ChannelPacer | None = None,
        batch_size: int = 200,
        lease: timedelta = timedelta(minutes=5),
        max_attempts: int = 5,
        concurrency: int = 8,  # at most the database pool's size
    ) -> None:
        self.core = core
        self.worker_id = worker_id
        self.pacer = pacer or ChannelPacer()
        self.batch_size = batch_size
        self.lease = lease
        self.max_attempts = max_attempts
        self.slots = asyncio.Semaphore(concurrency)
        self._running = asyncio.Lock()
        self._marks: list[reminder_queries.Mark] = []
        self.grace = max(timedelta(seconds=2 * core.reminders.poll_seconds), timedelta(minutes=1))

    async def run_once(self) -> DeliveryReport:
        """Claim and deliver until nothing is due; one call per scheduler tick."""
        async with self._running:
            return await self._run()

    async def run_scheduled(self) -> DeliveryReport | None:
        """The scheduler's job: `run_once`, except that a pass cancelled at shutdown ends
        quietly (None). Reminders it claimed and did not deliver are claimed again once their
        lease runs out, and one it posted just before is found, not doubled (post_once)."""
        try:
            return await self.run_once()
        except asyncio.CancelledError:
            log.warning(
                "reminder pass stopped at shutdown; its undelivered claims wait for their lease"
            )
            return None

    async def drain(self, *, grace_seconds: float) -> bool:
        """Wait up to the grace for a pass in progress to finish; False if it is still running."""
        if not self._running.locked():
            return True
        try:
            await asyncio.wait_for(self._running.acquire(), grace_seconds)
        except TimeoutError:
            return False
        self._running.release()
        return True

    async def _run(self) -> DeliveryReport:
        report = DeliveryReport()
        while True:
            now = self.core.clock.now()
            ids = await reminder_queries.claim_due(
                self.core.database,
                now=now,
                lease_until=now + self.lease,
                worker=self.worker_id,
                limit=self.batch_size,
            )
            if not ids:
                return report
            await self._deliver_batch(ids, report)
            if len(ids) < self.batch_size:
                return report

    async def _deliver_batch(self, ids: list[int], report: DeliveryReport) -> None:
        async with self.core.database.session() as session:
            reminders = await reminder_queries.get_reminders(session, ids=ids)

        async def deliver(reminder: Reminder) -> None:
            try:
                report.add(await self._deliver(reminder))
            except Exception:  # one reminder's bug must not stop the others
                log.exception("reminder %s: delivery failed", reminder.id)
                await self._retry_or_fail(reminder, "internal_error")
                report.add("error")

        # one task each; a channel's posts queue in the pacer, other channels go on meanwhile
        try:
            await asyncio.gather(*(deliver(r) for r in sorted(reminders, key=lambda r: r.due_at)))
        finally:
            await self._mark_all()  # a crash before this is caught by post_once's look-up

    async def _deliver(self, reminder: Reminder) -> str:
        if reminder.team_id is None:  # a staff workshop's experiment (no team's)
            return await self._deliver_review(reminder)
        async with self.slots, self.core.database.session() as session:
            team = await queries.get_team(session, team_id=reminder.team_id)
            decision = await self._decide(session, reminder, team)
        if decision.state != ReminderState.SENT or team is None:
            await self._finish(reminder, decision.state, reason=decision.reason)
            return str(decision.state)
        outcome = await self._post(reminder, team.live_channel_id, decision)
        if outcome.startswith("unavailable:"):
            await self._tell_convenor(team, outcome.partition(":")[2])
            return "failed"
        return outcome

    async def _deliver_review(self, reminder: Reminder) -> str:
        """An experiment's review reminder, into its Ratkaisupaja's space."""
        now = self.core.clock.now()
        async with self.slots, self.core.database.session() as session:
            due = await review_due(session, reminder)
        if due is None:
            await self._finish(reminder, ReminderState.CANCELLED, reason="experiment_reviewed")
            return str(ReminderState.CANCELLED)
        if now - reminder.due_at > LATE_LIMIT:
            await self._finish(reminder, ReminderState.SKIPPED, reason="too_late")
            return str(ReminderState.SKIPPED)
        late = now - reminder.due_at > self.grace
        today = now.astimezone(self.core.timezone).date()
        message = review_message(self.core.t, due.experiment, today=today, late=late)
        decision = Decision(ReminderState.SENT, message, late=late)
        outcome = await self._post(reminder, due.space, decision)
        return "failed" if outcome.startswith("unavailable:") else outcome

    async def _post(self, reminder: Reminder, space: str, decision: Decision) -> str:
        """Post once and note it; `unavailable:<code>` when the space is gone for good."""
        assert decision.message is not None
        # After a lost lease, an earlier claim may have posted it before a crash: looked for.
        since = reminder.created_at - timedelta(seconds=1) if reminder.attempts > 1 else None
        try:
            async with self.pacer.turn(space), self.slots:
                posted = await self.core.platform.post_once(
                    space,
                    decision.message,
                    key=PostKey(PostKind.REMINDER, str(reminder.pk)),
                    since=since,
                )
        except SpaceUnavailable as error:
            await self._finish(reminder, ReminderState.FAILED, reason=error.code)
            return f"unavailable:{error.code}"
        except PlatformError as error:
            return await self._retry_or_fail(reminder, error.code)
        await self._finish(reminder, ReminderState.SENT, ts=posted.ref, late=decision.late)
        return "recovered" if posted.earlier else "sent"

    async def _decide(
        self, session: AsyncSession, reminder: Reminder, team: Team | None
    ) -> Decision:
        if team is None or team.state != TeamState.ACTIVE or team.channel_id is None:
            return Decision(ReminderState.CANCELLED, reason="team_not_active")
        now, t, tz = self.core.clock.now(), self.core.t, self.core.timezone
        late = now - reminder.due_at > self.grace
        today = now.astimezone(tz).date()
        kind = reminder.kind
        if kind in (ReminderKind.MEETING_BEFORE, ReminderKind.MEETING_AFTER):
            meeting = await session.get(Meeting, reminder.meeting_id)
            if meeting is None or meeting.status != MeetingStatus.SCHEDULED:
                return Decision(ReminderState.CANCELLED, reason="meeting_cancelled")
            if kind == ReminderKind.MEETING_BEFORE:
                if now >= meeting.starts_at:
                    return Decision(ReminderState.SKIPPED, reason="meeting_started")
                steps = await queries.steps_of(session, team_id=team.pk, statuses=[StepStatus.OPEN])
                message = reminder_messages.meeting_before(
                    t,
                    team=team,
                    meeting=meeting,
                    steps=steps,
                    owners=await load_owners(session, team, steps),
                    today=today,
                    tz=tz,
                    late=late,
                )
                return Decision(ReminderState.SENT, message, late=late)
            if now - reminder.due_at > LATE_LIMIT:
                return Decision(ReminderState.SKIPPED, reason="too_late")
            upcoming = await reminder_queries.next_meeting(session, team_id=team.pk, after=now)
            message = reminder_messages.meeting_after(
                t, meeting=meeting, next_meeting=upcoming, tz=tz
            )
            return Decision(ReminderState.SENT, message, late=late)
        if now - reminder.due_at > LATE_LIMIT:
            return Decision(ReminderState.SKIPPED, reason="too_late")
        if kind == ReminderKind.STEP_DUE:
            step = await session.get(Step, reminder.step_id)
            if step is None or step.status != StepStatus.OPEN:
                return Decision(ReminderState.CANCELLED, reason="step_closed")
            owners = await load_owners(session, team, [step])
            message = reminder_messages.step_due(
                t, step=step, owners=owners, today=today, late=late
            )
            return Decision(ReminderState.SENT, message)
        if await reminder_queries.next_meeting(session, team_id=team.pk, after=now):
            return Decision(ReminderState.CANCELLED, reason="meeting_booked")
        last = await reminder_queries.last_meeting(session, team_id=team.pk, before=now)
        since = last.starts_at if last else None
        return Decision(
            ReminderState.SENT, reminder_messages.nudge(t, team=team, since=since, tz=tz)
        )

    async def _retry_or_fail(self, reminder: Reminder, code: str) -> str:
        if reminder.attempts >= self.max_attempts:
            await self._finish(reminder, ReminderState.FAILED, reason=code)
            return "failed"
        backoff = timedelta(seconds=self.core.reminders.poll_seconds * reminder.attempts)
        async with self.core.database.session() as session:
            await reminder_queries.release(
                session,
                reminder_id=reminder.pk,
                worker=self.worker_id,
                retry_at=self.core.clock.now() + backoff,
            )
        return "retry"

    async def _finish(
        self,
        reminder: Reminder,
        state: ReminderState,
        *,
        ts: str | None = None,
        reason: str | None = None,
        late: bool = False,
    ) -> None:
        """Note the outcome; the batch's outcomes are written together by _mark_all."""
        mark = reminder_queries.Mark(
            reminder.pk, state, self.core.clock.now(), message_ts=ts, reason=reason, late=late
        )
        self._marks.append(mark)

    async def _mark_all(self) -> None:
        marks, self._marks = self._marks, []
        async with self.core.database.session() as session:
            await reminder_queries.finish_all(session, worker=self.worker_id, marks=marks)

    async def _tell_convenor(self, team: Team, reason: str) -> None:
        notice = reminder_messages.failure_notice(self.core.t, team=team, reason=reason)
        try:
            await self.core.platform.send_direct(team.convenor_id, notice)
        except PlatformError as error:
            log.warning("team %s: could not tell the convenor: %s", team.code, error.code)


def new_worker_id() -> str:
    """Unique per process: host, pid and a random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
