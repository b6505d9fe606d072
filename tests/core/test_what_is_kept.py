"""What stays after a step's removal and after the purge: no text, no people, no details."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.context import Actor, Core
from bot.coordinators.statistics import StatisticsService
from bot.privacy.audit_export import audit_csv
from bot.privacy.retention import RetentionService
from bot.replies import Reply
from bot.teams.dispatch import TiimiCommands
from storage import participant_queries, queries
from storage.db import Database
from storage.models import AuditAction, Step, TeamState
from tests.support.clock import FakeClock
from tests.support.memory_platform import MemoryPlatform
from tests.support.said import said
from tests.support.teams import team_channel

ANNA, BERT = Actor("UANNA", "fi"), Actor("UBERT", "fi")


async def test_a_removed_step_leaves_its_number_but_no_text(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database
) -> None:
    channel = await team_channel(tiimi)
    await tiimi.askel.run(
        actor=ANNA, text=said("Hae asumistukea <@UBERT> pe mennessä"), channel_id=channel
    )
    await tiimi.askel.run(actor=BERT, text=said("poista 1"), channel_id=channel)

    async with database.session() as session:
        [step] = (await session.exec(Step.__table__.select())).all()  # type: ignore[attr-defined,call-overload]
        team = await queries.get_team_by_channel(session, channel_id=channel)
        assert team is not None
        events = await queries.audit_events(session, team_id=team.pk)
        owners = await participant_queries.owners_of(session, step_ids=[step.id])
    assert (step.number, step.status, step.text) == (1, "deleted", "")
    assert (owners, step.due_date) == ([], None)
    removed = [e for e in events if e.action == AuditAction.STEP_DELETED]
    assert [(e.actor_id, e.detail) for e in removed] == [("UBERT", "1")]
    posts = [m.text for m in platform.channels[channel].live()]
    assert "Askel 1 on poistettu suunnitelmasta." in posts  # its message now says just that
    assert not any("asumistukea" in text for text in posts)


async def test_the_purge_clears_people_and_details_but_keeps_who_did_what(
    core: Core, database: Database, clock: FakeClock
) -> None:
    tiimi = TiimiCommands(core)
    clock.set(datetime(2025, 1, 10, 8, 0, tzinfo=UTC))
    channel = await team_channel(tiimi)
    await tiimi.run(
        actor=ANNA,
        text=said("lisää <@UCARL> päihdetyöntekijä"),
        channel_id=channel,
        request_key="-",
    )
    closed = await tiimi.run(
        actor=ANNA, text=said("sulje muu"), channel_id=channel, request_key="-"
    )
    assert isinstance(closed, Reply) and closed.then is not None
    await closed.then()
    clock.advance(timedelta(days=366))

    assert await RetentionService(database=database, clock=clock, retention_days=365).purge() == 1

    async with database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=channel)
        assert team is not None
        events = await queries.audit_events(session, team_id=team.pk)
    assert team.state == TeamState.CLOSED and team.purged_at is not None
    people = (team.convenor_id, team.opened_by, team.consent_confirmed_by, team.closed_by)
    assert people == ("", "", "", None)
    assert team.close_reason == "other" and team.final_member_count == 3  # for the statistics
    assert [e.detail for e in events] == [None] * len(events)  # no professions, no reasons
    kept = [(e.actor_id, e.action, e.subject_id) for e in events]
    assert ("UANNA", AuditAction.MEMBER_ADDED, "UCARL") in kept
    assert ("UANNA", AuditAction.TEAM_CLOSED, None) in kept
    exported = await audit_csv(
        database, tz=core.timezone, team_code="MT-2025-0001", user_id=None, since=None
    )
    assert ",UANNA,MT-2025-0001,member_added,UCARL,\r\n" in exported
    assert "substance" not in exported and "other" not in exported
    figures = await StatisticsService(core, tiimi.coordinators).figures(
        start=datetime(2025, 1, 1, tzinfo=UTC), end=datetime(2026, 1, 1, tzinfo=UTC)
    )
    assert (figures.opened, figures.closed, figures.reasons) == (1, 1, {"other": 1})
