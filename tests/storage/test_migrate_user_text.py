"""Revision 0006: texts stored from slash commands in Slack's markup become what was meant."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import select

from storage.db import Database
from storage.migrate import upgrade_to_head
from storage.models import Goal, Meeting, Step
from tests.storage.old_rows import active_team, add_old_row, add_old_team, upgrade_to

NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
STEPS = {
    # as Slack sent a command: decoded
    1: ("Kela &amp; TE &lt;pian&gt; <@U1|anna>", "Kela & TE <pian> @anna"),
    2: (
        "Lue <https://evil.example|kela.fi> <!channel>",
        "Lue kela.fi (https://evil.example) @channel",
    ),
    # typed in the form (raw): a bare `&`, `<` or `>` shows it was never Slack's markup
    3: ("a < b & c", "a < b & c"),
    4: ("Kela & TE &amp; muut", "Kela & TE &amp; muut"),
    5: ("Soita Kelaan", "Soita Kelaan"),
}


async def test_command_texts_are_decoded_and_form_texts_kept(database_url: str) -> None:
    database = Database(database_url)
    try:
        async with database.engine.begin() as conn:
            await conn.run_sync(upgrade_to("0005"))
        async with database.session() as session:
            team = active_team(NOW)
            await add_old_team(session, team)
            assert team.id is not None
            await add_old_row(
                session,
                Goal(
                    team_id=team.id,
                    number=1,
                    text="Asunto &amp; työ &lt;2027&gt;",
                    created_by="U1",
                    created_at=NOW,
                ),
            )
            await add_old_row(
                session,
                Meeting(
                    team_id=team.pk,
                    starts_at=NOW,
                    place="Kahvila <https://maps.example/k|Kaisla> &amp; <!here>",
                    created_by="U1",
                    created_at=NOW,
                ),
            )
            for number, (stored, _) in STEPS.items():
                session.add(
                    Step(
                        team_id=team.id, number=number, text=stored, created_by="U1", created_at=NOW
                    )
                )

        await upgrade_to_head(database)

        async with database.session() as session:
            goal = (await session.exec(select(Goal))).one()
            meeting = (await session.exec(select(Meeting))).one()
            steps = {s.number: s.text for s in (await session.exec(select(Step))).all()}
        assert goal.text == "Asunto & työ <2027>"
        assert meeting.place == "Kahvila Kaisla (https://maps.example/k) & @here"
        assert steps == {number: meant for number, (_, meant) in STEPS.items()}
    finally:
        await database.dispose()
