"""Revision 0009: every team's latest scheduled meeting is filled in from its meetings; its
overdue count is left for no day, so the first overview counts it; the tables match models."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from alembic import command
from sqlalchemy.engine import Connection
from sqlmodel import select

from storage.db import Database
from storage.migrate import alembic_config, upgrade_to_head
from storage.models import Meeting, MeetingStatus, Step, StepStatus, Team
from storage.overview_queries import OverviewFilter, open_team_statuses
from tests.storage.old_rows import add_old_row, add_old_team
from tests.storage.test_migrate_platform_ids import _differences

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
TODAY = date(2026, 11, 23)


def _to_0008(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "0008")


def _team(number: int) -> Team:
    return Team(
        code=f"MT-2026-{number:04d}",
        year=2026,
        number=number,
        state="active",
        convenor_id="U1",
        opened_by="U1",
        consent_confirmed_by="U1",
        consent_confirmed_at=NOW,
        created_at=NOW - timedelta(days=number),
    )


def _meeting(team: Team, days: int, status: str = MeetingStatus.SCHEDULED) -> Meeting:
    starts = NOW + timedelta(days=days)
    return Meeting(
        team_id=team.pk, starts_at=starts, status=status, created_by="U1", created_at=NOW
    )


def _step(team: Team, number: int, due: date, status: str = StepStatus.OPEN) -> Step:
    return Step(
        team_id=team.pk,
        number=number,
        text="x",
        due_date=due,
        status=status,
        created_by="U1",
        created_at=NOW,
    )


async def test_the_figures_are_filled_in(database_url: str) -> None:
    database = Database(database_url)
    try:
        async with database.engine.begin() as conn:
            await conn.run_sync(_to_0008)
        booked, past, none = _team(1), _team(2), _team(3)
        async with database.session() as session:
            for team in (booked, past, none):
                await add_old_team(session, team)
            await add_old_row(session, _meeting(booked, -10))
            await add_old_row(session, _meeting(booked, 5))
            await add_old_row(session, _meeting(past, -3))
            await add_old_row(session, _meeting(past, 7, MeetingStatus.CANCELLED))
            await add_old_row(session, _meeting(none, 2, MeetingStatus.CANCELLED))
            session.add(_step(past, 1, TODAY - timedelta(days=1)))
            session.add(_step(past, 2, TODAY - timedelta(days=2), StepStatus.DONE))
            session.add(_step(none, 1, TODAY - timedelta(days=3)))
            session.add(_step(none, 2, TODAY - timedelta(days=3)))
            session.add(_step(none, 3, TODAY))

        await upgrade_to_head(database)

        async with database.engine.connect() as conn:
            assert await conn.run_sync(_differences) == []
        async with database.session() as session:
            teams = (await session.exec(select(Team).order_by(Team.number))).all()
        assert [t.last_scheduled_meeting_at for t in teams] == [
            NOW + timedelta(days=5),
            NOW - timedelta(days=3),
            None,
        ]
        assert [(t.overdue_steps, t.overdue_on) for t in teams] == [(0, None)] * 3

        async with database.session() as session:
            rows, counts = await open_team_statuses(
                session, now=NOW, today=TODAY, where=OverviewFilter(), limit=10
            )
        assert [r.team_id for r in rows] == [none.id, past.id, booked.id]
        assert (counts.open_teams, counts.without_meeting, counts.with_overdue) == (3, 2, 2)
        async with database.session() as session:
            teams = (await session.exec(select(Team).order_by(Team.number))).all()
        assert [(t.overdue_steps, t.overdue_on) for t in teams] == [
            (0, TODAY),
            (1, TODAY),
            (2, TODAY),
        ]
    finally:
        await database.dispose()
