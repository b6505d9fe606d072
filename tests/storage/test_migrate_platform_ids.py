"""Revision 0007: ids of any platform fit (Teams' run past 100 characters); rows stay as they
were; and after every migration the tables are exactly what storage/models.py declares."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.engine import Connection
from sqlmodel import select

from storage.db import Database
from storage.migrate import alembic_config, upgrade_to_head
from storage.models import AuditEvent, Member, Team, metadata
from tests.storage.old_rows import add_old_row, add_old_team

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
TEAMS_USER = "29:1" + "a" * 120  # the shape of a Teams user id in a conversation
TEAMS_CHAT = "19:" + "b" * 100 + "@thread.v2"


def _to_0006(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "0006")


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, metadata))


def _team(number: int, *, convenor: str, channel: str) -> Team:
    return Team(
        code=f"MT-2026-{number:04d}",
        year=2026,
        number=number,
        state="active",
        channel_id=channel,
        convenor_id=convenor,
        opened_by=convenor,
        consent_confirmed_by=convenor,
        consent_confirmed_at=NOW,
        created_at=NOW,
    )


async def test_slack_rows_stay_and_teams_ids_fit(database_url: str) -> None:
    database = Database(database_url)
    try:
        async with database.engine.begin() as conn:
            await conn.run_sync(_to_0006)
        async with database.session() as session:
            team = _team(1, convenor="UANNA", channel="C0SLACK01")
            await add_old_team(session, team)
            await add_old_row(
                session,
                Member(
                    team_id=team.pk,
                    user_id="UBERT",
                    added_by="UANNA",
                    added_at=NOW,
                    consent_confirmed_by="UANNA",
                    consent_confirmed_at=NOW,
                ),
            )
            session.add(AuditEvent(at=NOW, actor_id="UANNA", team_id=team.id, action="x"))

        await upgrade_to_head(database)

        async with database.engine.connect() as conn:
            assert await conn.run_sync(_differences) == []
        async with database.session() as session:
            session.add(_team(2, convenor=TEAMS_USER, channel=TEAMS_CHAT))
            session.add(AuditEvent(at=NOW, actor_id=TEAMS_USER, subject_id=TEAMS_USER, action="x"))
        async with database.session() as session:
            teams = (await session.exec(select(Team).order_by(Team.number))).all()
            member = (await session.exec(select(Member))).one()
            actors = sorted((await session.exec(select(AuditEvent.actor_id))).all())
        assert [(t.convenor_id, t.channel_id) for t in teams] == [
            ("UANNA", "C0SLACK01"),
            (TEAMS_USER, TEAMS_CHAT),
        ]
        assert (member.user_id, member.added_by) == ("UBERT", "UANNA")
        assert actors == sorted(["UANNA", TEAMS_USER])
    finally:
        await database.dispose()
