"""Meetings and reminders in the core with an injected clock, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from bot.context import Actor, Core
from bot.platform import PlatformError
from bot.reminders.pacing import ChannelPacer
from bot.reminders.worker import ReminderWorker
from bot.replies import Reply
from bot.teams.dispatch import TiimiCommands
from storage.db import Database
from storage.models import Reminder, ReminderKind, ReminderState
from tests.support.clock import FakeClock, VirtualTime
from tests.support.memory_platform import MemoryPlatform
from tests.support.said import said
from tests.support.shown import shown
from tests.support.teams import team_channel

ANNA = Actor("UANNA", "fi")


class ProcessDied(BaseException):
    """Stands for the process ending between posting and marking (not caught as an error)."""


def worker(core: Core, name: str = "w1") -> ReminderWorker:
    virtual = VirtualTime()
    return ReminderWorker(
        core, worker_id=name, pacer=ChannelPacer(sleep=virtual.sleep, monotonic=virtual.monotonic)
    )


async def say(tiimi: TiimiCommands, channel: str, text: str) -> str:
    reply = await tiimi.run(actor=ANNA, text=said(text), channel_id=channel, request_key="-")
    assert isinstance(reply, Reply)
    return reply.message.text


async def reminders(database: Database) -> list[Reminder]:
    async with database.session() as session:
        result = await session.exec(select(Reminder).order_by(Reminder.due_at))  # type: ignore[arg-type]
        return list(result.all())


def texts(platform: MemoryPlatform, channel: str) -> list[str]:
    return [m.text for m in platform.channels[channel].messages]


async def meeting_reminder_due(tiimi: TiimiCommands, clock: FakeClock) -> str:
    """A team whose meeting on Thursday 26.11. has its day-before reminder due now; its channel."""
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    channel = await team_channel(tiimi)
    await say(tiimi, channel, "tapaaminen to 26.11. klo 14")
    clock.set(datetime(2026, 11, 25, 12, 0, tzinfo=UTC))
    return channel


async def test_meeting_reminders_arrive_once_at_their_moments(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database, clock: FakeClock
) -> None:
    # Monday 23.11.2026 10:00 local; the meeting is Thursday 26.11. at 14:00 local (12:00 UTC)
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    channel = await team_channel(tiimi)
    await tiimi.askel.run(
        actor=ANNA, text=said("Soita Kelaan <@UBERT> ti mennessä"), channel_id=channel
    )
    answer = await say(tiimi, channel, "tapaaminen to 26.11. klo 14 Kirjasto")
    assert "to 26.11.2026 klo 14.00" in answer
    kinds = [(r.kind, r.due_at) for r in await reminders(database) if r.state == "pending"]
    assert (ReminderKind.MEETING_BEFORE, datetime(2026, 11, 25, 12, 0, tzinfo=UTC)) in kinds
    assert (ReminderKind.MEETING_BEFORE, datetime(2026, 11, 26, 11, 0, tzinfo=UTC)) in kinds
    assert (ReminderKind.MEETING_AFTER, datetime(2026, 11, 26, 13, 0, tzinfo=UTC)) in kinds
    assert (ReminderKind.STEP_DUE, datetime(2026, 11, 24, 7, 0, tzinfo=UTC)) in kinds

    w = worker(tiimi.core)
    before = len(texts(platform, channel))
    assert dict((await w.run_once()).counts) == {}
    clock.set(datetime(2026, 11, 24, 7, 0, tzinfo=UTC))
    assert dict((await w.run_once()).counts) == {"sent": 1}
    assert "askeleen 1 määräaika on tänään" in texts(platform, channel)[-1]
    clock.set(datetime(2026, 11, 25, 12, 0, 30, tzinfo=UTC))
    await w.run_once()
    day_before = platform.channels[channel].messages[-1]
    assert day_before.text == "Muistutus: tiimin tapaaminen to 26.11.2026 klo 14.00"
    agenda = " ".join(getattr(b, "text", "") for b in day_before.blocks)
    assert "Kirjasto" in agenda and "Soita Kelaan" in agenda and "⚠️ myöhässä" in agenda
    assert dict((await w.run_once()).counts) == {}  # nothing twice
    clock.set(datetime(2026, 11, 26, 11, 0, tzinfo=UTC))
    assert dict((await w.run_once()).counts) == {"sent": 1}
    clock.set(datetime(2026, 11, 26, 13, 0, tzinfo=UTC))
    await w.run_once()
    assert (
        texts(platform, channel)[-1] == "Tapaaminen to 26.11.2026 klo 14.00 on ohi. Pidettiinkö se?"
    )
    assert len(texts(platform, channel)) == before + 4
    sent = [r for r in await reminders(database) if r.state == ReminderState.SENT]
    assert len(sent) == 4 and all(r.message_ts for r in sent)


async def test_reschedule_cancel_and_close_replan(
    tiimi: TiimiCommands, database: Database, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    channel = await team_channel(tiimi)
    await say(tiimi, channel, "tapaaminen to 26.11. klo 14")
    assert "samaan aikaan" in await say(tiimi, channel, "tapaaminen to 26.11. klo 14")
    await say(tiimi, channel, "tapaaminen siirrä pe 27.11. klo 10")
    pending = [r for r in await reminders(database) if r.state == "pending"]
    befores = sorted(r.due_at for r in pending if r.kind == ReminderKind.MEETING_BEFORE)
    assert befores == [
        datetime(2026, 11, 26, 8, 0, tzinfo=UTC),
        datetime(2026, 11, 27, 7, 0, tzinfo=UTC),
    ]
    assert "peruttu" in await say(tiimi, channel, "tapaaminen peru")
    pending = [r for r in await reminders(database) if r.state == "pending"]
    assert [r.kind for r in pending] == [ReminderKind.NO_MEETING_NUDGE]
    assert "ei ole sovittu" in await say(tiimi, channel, "tapaaminen")
    await say(tiimi, channel, "sulje muu")
    assert not [r for r in await reminders(database) if r.state == "pending"]


async def test_quiet_hours_move_meeting_reminders_earlier(
    tiimi: TiimiCommands, database: Database, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))  # Monday
    channel = await team_channel(tiimi)
    await say(tiimi, channel, "tapaaminen ma 30.11. klo 7.30")  # 1h before = 6.30, quiet
    befores = sorted(
        r.due_at for r in await reminders(database) if r.kind == ReminderKind.MEETING_BEFORE
    )
    # 24 h before is Sunday 7.30 (weekend): back to Friday before 20.00; 1 h before likewise
    assert all(b.astimezone().weekday() == 4 for b in befores)
    assert all(b < datetime(2026, 11, 27, 18, 0, tzinfo=UTC) for b in befores)


async def test_downtime_late_and_skipped(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    channel = await team_channel(tiimi)
    await say(tiimi, channel, "tapaaminen to 26.11. klo 14")
    clock.set(datetime(2026, 11, 26, 11, 30, tzinfo=UTC))  # both before-reminders overdue
    report = await worker(tiimi.core).run_once()
    assert report.counts["sent"] == 2
    assert "myöhässä" in " ".join(
        getattr(b, "text", "") for b in platform.channels[channel].messages[-1].blocks
    )
    await say(tiimi, channel, "tapaaminen siirrä pe 27.11. klo 14")
    clock.set(datetime(2026, 11, 27, 12, 30, tzinfo=UTC))  # after the start: too late
    report = await worker(tiimi.core).run_once()
    assert report.counts["skipped"] == 2
    skipped = [r for r in await reminders(database) if r.state == ReminderState.SKIPPED]
    assert {r.failure_reason for r in skipped} == {"meeting_started"}


async def test_permanent_error_fails_with_reason_and_tells_the_convenor(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database, clock: FakeClock
) -> None:
    channel = await meeting_reminder_due(tiimi, clock)
    platform.channels[channel].archived = True
    assert (await worker(tiimi.core).run_once()).counts["failed"] == 1
    [failed] = [r for r in await reminders(database) if r.state == ReminderState.FAILED]
    assert failed.failure_reason == "is_archived"
    assert platform.direct[-1][0] == "UANNA" and "MT-2026-0001" in platform.direct[-1][1].text


async def test_passing_errors_retry_then_fail(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database, clock: FakeClock
) -> None:
    channel = await meeting_reminder_due(tiimi, clock)
    platform.fail("post", PlatformError("fatal_error"))
    w = worker(tiimi.core)
    assert (await w.run_once()).counts["retry"] == 1
    clock.advance(timedelta(minutes=2))
    assert (await w.run_once()).counts["sent"] == 1
    assert len([m for m in texts(platform, channel) if m.startswith("Muistutus")]) == 1


async def test_crash_between_send_and_mark_is_not_doubled(
    tiimi: TiimiCommands,
    platform: MemoryPlatform,
    database: Database,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    channel = await meeting_reminder_due(tiimi, clock)
    crashing = worker(tiimi.core, "crashes")

    async def crash(*args: object, **kwargs: object) -> None:
        raise ProcessDied

    monkeypatch.setattr(crashing, "_mark_all", crash)
    with pytest.raises(ProcessDied):
        await crashing.run_once()
    monkeypatch.undo()
    assert len([m for m in texts(platform, channel) if m.startswith("Muistutus")]) == 1
    survivor = worker(tiimi.core, "survivor")
    assert dict((await survivor.run_once()).counts) == {}  # the lease still holds
    clock.advance(timedelta(minutes=6))
    assert (await survivor.run_once()).counts["recovered"] == 1
    assert len([m for m in texts(platform, channel) if m.startswith("Muistutus")]) == 1
    [sent] = [r for r in await reminders(database) if r.state == ReminderState.SENT]
    assert sent.message_ts is not None and sent.claimed_by == "survivor"


async def test_a_pass_cancelled_at_shutdown_ends_quietly_and_its_claim_is_delivered_later(
    tiimi: TiimiCommands,
    platform: MemoryPlatform,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    channel = await meeting_reminder_due(tiimi, clock)
    stopping = worker(tiimi.core, "stopping")
    posting, never = asyncio.Event(), asyncio.Event()

    async def hang(*args: object, **kwargs: object) -> str:
        posting.set()
        await never.wait()
        raise AssertionError("never posted")

    monkeypatch.setattr(platform, "post_once", hang)
    scheduled = asyncio.create_task(stopping.run_scheduled())
    await posting.wait()
    assert not await stopping.drain(grace_seconds=0)  # the pass is still under way
    scheduled.cancel()  # as the scheduler's shutdown does after the grace
    assert await scheduled is None and not scheduled.cancelled()
    assert await stopping.drain(grace_seconds=0)
    monkeypatch.undo()

    survivor = worker(tiimi.core, "survivor")
    assert dict((await survivor.run_once()).counts) == {}  # the lease still holds
    clock.advance(timedelta(minutes=6))
    assert sum((await survivor.run_once()).counts.values()) == 1
    assert len([m for m in texts(platform, channel) if m.startswith("Muistutus")]) == 1


async def test_no_meeting_nudge_and_snooze(
    tiimi: TiimiCommands, platform: MemoryPlatform, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    channel = await team_channel(tiimi)
    clock.set(datetime(2026, 12, 7, 8, 0, tzinfo=UTC))  # 14 days later, a Monday
    assert (await worker(tiimi.core).run_once()).counts["sent"] == 1
    nudge = platform.channels[channel].messages[-1]
    assert "@UANNA" in shown(nudge) and "ei ole sovittua tapaamista" in nudge.text
    answer = await tiimi.snooze_from_button(actor=ANNA, channel_id=channel, days=1)
    assert "ti 8.12.2026" in answer.message.text
    clock.set(datetime(2026, 12, 8, 8, 0, tzinfo=UTC))
    assert (await worker(tiimi.core).run_once()).counts["sent"] == 1
