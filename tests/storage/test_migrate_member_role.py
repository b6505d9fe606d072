"""Revision 0011: members get a free-text profession and an organisation, both nullable; old
members keep none; the tables match the models; the downgrade drops them."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlmodel import select

from storage.db import Database
from storage.migrate import alembic_config, upgrade_to_head
from storage.models import Member, Team
from tests.storage.old_rows import active_team, add_old_row, add_old_team, upgrade_to
from tests.storage.test_migrate_platform_ids import _differences

NOW = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)


def _member_columns(connection: Connection) -> set[str]:
    return {c["name"] for c in inspect(connection).get_columns("member")}


def _member(user_id: str, team: Team, **role: str) -> Member:
    return Member(
        team_id=team.pk,
        user_id=user_id,
        added_by="U1",
        added_at=NOW,
        consent_confirmed_by="U1",
        consent_confirmed_at=NOW,
        **role,
    )


async def test_members_get_a_free_text_profession_and_an_organisation(database_url: str) -> None:
    database = Database(database_url)
    try:
        async with database.engine.begin() as conn:
            await conn.run_sync(upgrade_to("0010"))
        team = active_team(NOW)
        async with database.session() as session:
            await add_old_team(session, team)
            await add_old_row(session, _member("U1", team, profession="doctor"))

        await upgrade_to_head(database)
        async with database.engine.connect() as conn:
            assert await conn.run_sync(_differences) == []
        async with database.session() as session:
            session.add(
                _member(
                    "U2",
                    team,
                    profession="other",
                    profession_other="x" * 60,
                    organisation="o" * 100,
                )
            )
        async with database.session() as session:
            members = (await session.exec(select(Member).order_by(Member.user_id))).all()
        assert [(m.profession, m.profession_other, m.organisation) for m in members] == [
            ("doctor", None, None),
            ("other", "x" * 60, "o" * 100),
        ]

        async with database.engine.begin() as conn:
            await conn.run_sync(_to_0010_down)
            assert not {"profession_other", "organisation"} & await conn.run_sync(_member_columns)
    finally:
        await database.dispose()


def _to_0010_down(connection: Connection) -> None:
    command.downgrade(alembic_config(connection), "0010")
