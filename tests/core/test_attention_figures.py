"""The teams' stored attention figures rank the open teams exactly as the aggregate over their
steps and meetings would, after any sequence of step and meeting changes and of days passing."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import col, select

from bot.context import Actor, Core
from bot.coordinators.overview import recount_overdue
from bot.dates.errors import DateParseError
from bot.errors import UserError
from bot.plan.commands import AddStep, Owner
from bot.teams.dispatch import TiimiCommands
from storage import queries
from storage.models import MEETING_KEPT, Meeting, MeetingStatus, Step, StepStatus, Team, TeamState
from storage.overview_queries import OverviewFilter, open_team_statuses
from tests.support.clock import FakeClock
from tests.support.said import said

ANNA = Actor("UANNA", "fi")
TEAMS = 4
STATUSES = [StepStatus.DONE, StepStatus.NOT_DONE, StepStatus.DELETED]


async def _open_teams(tiimi: TiimiCommands) -> list[str]:
    channels = []
    for n in range(TEAMS):
        key = f"team-{n}"
        await tiimi.run(actor=ANNA, text=said("uusi <@UBERT>"), channel_id="D", request_key=key)
        async with tiimi.core.database.session() as session:
            team = await queries.get_team_by_request_key(session, request_key=key)
        assert team is not None
        channels.append(team.live_channel_id)
    return channels


async def _reference(core: Core, now: datetime, today: date) -> tuple[list[int], tuple[int, ...]]:
    """The ranking and counts by their definition, from every step and meeting."""
    async with core.database.session() as session:
        teams = (await session.exec(select(Team).where(Team.state == TeamState.ACTIVE))).all()
        steps = (await session.exec(select(Step))).all()
        meetings = (await session.exec(select(Meeting))).all()
    keys = {}
    for team in teams:
        booked = any(
            m.team_id == team.id and m.status == MeetingStatus.SCHEDULED and _utc(m.starts_at) > now
            for m in meetings
        )
        overdue = sum(
            1
            for s in steps
            if s.team_id == team.id
            and s.status == StepStatus.OPEN
            and s.due_date is not None
            and s.due_date < today
        )
        opened = _utc(team.activated_at or team.created_at)
        keys[team.pk] = (0 if not booked else 1, -overdue, opened, team.pk)
    order = sorted(keys, key=lambda team_id: keys[team_id])
    unbooked = sum(1 for k in keys.values() if k[0] == 0)
    late = sum(1 for k in keys.values() if k[1] < 0)
    return order, (len(keys), unbooked, late)


async def _check_stored_figures(core: Core) -> None:
    """The invariant itself: each team's figures agree with its steps and meetings."""
    async with core.database.session() as session:
        teams = (await session.exec(select(Team))).all()
        for team in teams:
            starts = (
                await session.exec(
                    select(Meeting.starts_at).where(
                        Meeting.team_id == team.id, col(Meeting.status).in_(MEETING_KEPT)
                    )
                )
            ).all()
            latest = max((_utc(s) for s in starts), default=None)
            stored = team.last_scheduled_meeting_at
            assert (_utc(stored) if stored else None) == latest
            if team.overdue_on is not None:
                due = (
                    await session.exec(
                        select(Step.due_date).where(
                            Step.team_id == team.id,
                            Step.status == StepStatus.OPEN,
                            col(Step.due_date) < team.overdue_on,
                        )
                    )
                ).all()
                assert team.overdue_steps == len(due)


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def _random_change(tiimi: TiimiCommands, rng: random.Random, channel: str) -> None:
    core, plan, meetings = tiimi.core, tiimi.askel.plan, tiimi.meetings
    today = plan.today()
    due = today + timedelta(days=rng.randint(-4, 4))
    moment = core.clock.now().astimezone(core.timezone) + timedelta(days=rng.randint(0, 3))
    when = f"{moment.day}.{moment.month}.{moment.year} klo {rng.randint(8, 20)}"
    try:
        match rng.randrange(8):
            case 0 | 1:
                command = AddStep("askel", Owner(), rng.choice([due, None]), None)
                await plan.add_step(actor=ANNA, channel_id=channel, command=command)
            case 2:
                number, status = rng.randint(1, 6), rng.choice(STATUSES)
                await plan.change(actor=ANNA, channel_id=channel, number=number, status=status)
            case 3:
                await plan.change(actor=ANNA, channel_id=channel, number=rng.randint(1, 6), due=due)
            case 4:
                await meetings.book(actor=ANNA, channel_id=channel, text=when)
            case 5:
                number = rng.choice([None, 1, 2])
                await meetings.move(actor=ANNA, channel_id=channel, text=when, number=number)
            case 6:
                status = rng.choice([MeetingStatus.HELD, MeetingStatus.NOT_HELD])
                meeting_id = rng.randint(1, 6)
                await meetings.record_outcome(
                    actor=ANNA, channel_id=channel, meeting_id=meeting_id, status=status
                )
            case _:
                number = rng.choice([None, 1, 2])
                await meetings.cancel(actor=ANNA, channel_id=channel, number=number)
    except (UserError, DateParseError):
        pass  # refused as for a user: nothing written


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_the_stored_figures_rank_as_the_aggregate(
    tiimi: TiimiCommands, clock: FakeClock, seed: int
) -> None:
    rng = random.Random(seed)
    clock.set(datetime(2026, 11, 20, 8, 0, tzinfo=UTC))
    channels = await _open_teams(tiimi)
    core = tiimi.core
    for round_ in range(40):
        for _ in range(rng.randint(0, 3)):
            await _random_change(tiimi, rng, rng.choice(channels))
        if rng.random() < 0.4:  # time passes, often past midnight
            clock.set(clock.now() + timedelta(hours=rng.randint(1, 30)))
        now = clock.now()
        today = now.astimezone(core.timezone).date()
        expected, counts = await _reference(core, now, today)
        async with core.database.session() as session:
            limit = rng.choice([None, 2])
            rows, found = await open_team_statuses(
                session, now=now, today=today, where=OverviewFilter(), limit=limit
            )
        assert [r.team_id for r in rows] == expected[:limit], f"round {round_}"
        assert (found.open_teams, found.without_meeting, found.with_overdue) == counts
        await _check_stored_figures(core)


async def test_the_nightly_job_counts_for_the_new_day(
    tiimi: TiimiCommands, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 11, 20, 8, 0, tzinfo=UTC))
    channel = (await _open_teams(tiimi))[0]
    step = AddStep("askel", Owner(), date(2026, 11, 21), None)
    await tiimi.askel.plan.add_step(actor=ANNA, channel_id=channel, command=step)
    clock.set(datetime(2026, 11, 21, 22, 1, tzinfo=UTC))  # 00:01 in Helsinki, the 22nd
    assert await recount_overdue(tiimi.core) == TEAMS
    assert await recount_overdue(tiimi.core) == 0  # once a day
    async with tiimi.core.database.session() as session:
        teams = (await session.exec(select(Team).order_by(Team.id))).all()
    assert [(t.overdue_steps, t.overdue_on) for t in teams] == [(1, date(2026, 11, 22))] + [
        (0, date(2026, 11, 22))
    ] * (TEAMS - 1)
