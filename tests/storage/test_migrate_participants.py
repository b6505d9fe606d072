"""Revisions 0012 and 0013: every team still holding its content gets its client as
participant P1; each step's owner becomes a step_owner row, a role owner the team's
participant of that role (added if the team has none); the tables match the models; the
downgrades put one owner per step back and drop the tables."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlmodel import select

from storage.db import Database
from storage.migrate import alembic_config, upgrade_to_head
from storage.models import Participant, StepOwner, Team
from tests.storage.old_rows import active_team, add_old_team, upgrade_to
from tests.storage.test_migrate_platform_ids import _differences

NOW = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
_STEP = (
    "INSERT INTO step (team_id, number, text, owner_user_id, owner_role, status, created_by, "
    "created_at) VALUES (:team, :number, 'x', :user, :role, 'open', 'U1', :at)"
)


def _purged_team() -> Team:
    team = active_team(NOW)
    team.code, team.number, team.state, team.purged_at = "MT-2026-0002", 2, "closed", NOW
    team.convenor_id = team.opened_by = team.consent_confirmed_by = ""
    return team


async def test_participants_and_step_owners_are_filled_in(database_url: str) -> None:
    database = Database(database_url)
    try:
        async with database.engine.begin() as conn:
            await conn.run_sync(upgrade_to("0011"))
        team, purged = active_team(NOW), _purged_team()
        async with database.session() as session:
            await add_old_team(session, team)
            await add_old_team(session, purged)
            for number, user, role in [
                (1, "U2", None),
                (2, None, "client"),
                (3, None, "close_person"),
                (4, None, "close_person"),
                (5, None, None),
            ]:
                params = {"team": team.pk, "number": number, "user": user, "role": role}
                await session.exec(text(_STEP), params={**params, "at": NOW})  # type: ignore[call-overload]

        await upgrade_to_head(database)
        async with database.engine.connect() as conn:
            assert await conn.run_sync(_differences) == []
        async with database.session() as session:
            participants = (
                await session.exec(select(Participant).order_by(Participant.number))
            ).all()
            owners = (await session.exec(select(StepOwner).order_by(StepOwner.step_id))).all()
            numbers = dict(
                (await session.exec(text("SELECT id, number FROM step"))).all()  # type: ignore[call-overload]
            )
        assert [(p.team_id, p.number, p.role, p.contact_user_id) for p in participants] == [
            (team.pk, 1, "client", None),
            (team.pk, 2, "close_person", None),
        ]
        assert [p.added_by for p in participants] == ["U1", "U1"]
        by_id = {p.id: p.number for p in participants}
        assert [
            (numbers[o.step_id], o.user_id, by_id.get(o.participant_id or 0)) for o in owners
        ] == [(1, "U2", None), (2, None, 1), (3, None, 2), (4, None, 2)]

        async with database.engine.begin() as conn:
            await conn.run_sync(_to_0011_down)
            assert "participant" not in await conn.run_sync(_tables)
            steps = (
                await conn.execute(
                    text("SELECT number, owner_user_id, owner_role FROM step ORDER BY number")
                )
            ).all()
        assert [tuple(row) for row in steps] == [
            (1, "U2", None),
            (2, None, "client"),
            (3, None, "close_person"),
            (4, None, "close_person"),
            (5, None, None),
        ]
    finally:
        await database.dispose()


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


def _to_0011_down(connection: Connection) -> None:
    command.downgrade(alembic_config(connection), "0011")
