"""After closing: the service a team moved to (by command and by the close form) in the
summary and the statistics, kept by the purge; the plan by code for members and former
members only, audited, with one answer for an unknown code and a team not one's own."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from bot.context import Actor, Core
from bot.plan.dispatch import FormErrors
from bot.privacy.retention import RetentionService
from bot.replies import Reply
from bot.teams.close_service import CloseServiceDialog
from bot.teams.dispatch import TiimiCommands
from storage import queries
from storage.db import Database
from storage.models import AuditAction, Team
from tests.support.clock import FakeClock
from tests.support.memory_platform import MemoryPlatform
from tests.support.said import said
from tests.support.shown import shown
from tests.support.teams import team_channel

ANNA, BERT, CARL = Actor("UANNA", "fi"), Actor("UBERT", "fi"), Actor("UCARL", "fi")
COORD = Actor("UCOORD", "fi")


def with_coordinator(core: Core, platform: MemoryPlatform) -> TiimiCommands:
    platform.usergroups["SCOORD"] = {"UCOORD"}
    return TiimiCommands(dataclasses.replace(core, coordinator_usergroup="SCOORD"))  # type: ignore[arg-type]


async def run(tiimi: TiimiCommands, actor: Actor, text: str, channel: str = "D") -> str:
    reply = await tiimi.run(actor=actor, text=said(text), channel_id=channel, request_key="-")
    assert isinstance(reply, Reply)
    if reply.then is not None:
        await reply.then()
    return shown(reply)


async def team_of(database: Database, channel: str) -> Team:
    async with database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=channel)
    assert team is not None
    return team


async def test_closing_by_command_names_the_service_in_the_summary(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database
) -> None:
    channel = await team_channel(tiimi)

    said_back = await run(tiimi, ANNA, "sulje siirtyi yhteen palveluun: sosiaaliohjaaja", channel)

    assert "on suljettu" in said_back
    team = await team_of(database, channel)
    assert (team.close_reason, team.closed_to_service) == (
        "moved_to_one_service",
        "social_counsellor",
    )
    [summary] = platform.channels[channel].live()
    assert "*Syy:* siirtyi yhteen palveluun" in shown(summary)
    assert "*Siirtyi palveluun:* sosiaaliohjaaja" in shown(summary)


async def test_the_reason_button_asks_for_the_service_then_the_form_closes(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database
) -> None:
    channel = await team_channel(tiimi)
    team = await team_of(database, channel)
    value = f"{team.pk}:moved_to_one_service"

    asked = await tiimi.close_from_button(actor=ANNA, channel_id=channel, value=value)

    assert asked == CloseServiceDialog(key=str(team.pk))
    assert (await team_of(database, channel)).state == "active"  # nothing closed yet
    with pytest.raises(FormErrors) as both:
        tiimi.check_close_service(actor=ANNA, profession="nurse", text="kotihoito")
    assert both.value.errors == {
        "service": "Valitse ammattiryhmä tai kirjoita palvelu, ei molempia."
    }
    with pytest.raises(FormErrors) as hetu:
        tiimi.check_close_service(actor=ANNA, profession=None, text="kotihoito 131052-308T")
    assert "henkilötunnus" in hetu.value.errors["service"]
    for profession, text in ((None, " "), ("unheard_of", None)):
        with pytest.raises(FormErrors):
            tiimi.check_close_service(actor=ANNA, profession=profession, text=text)
    assert tiimi.check_close_service(actor=ANNA, profession="nurse", text=None) == "nurse"
    service = tiimi.check_close_service(actor=ANNA, profession=None, text=" kotihoito ")

    closed = await tiimi.close_with_service(
        actor=ANNA, channel_id=channel, key=str(team.pk), service=service
    )

    assert isinstance(closed, Reply) and "on suljettu" in closed.message.text
    assert (await team_of(database, channel)).closed_to_service == "kotihoito"


async def test_statistics_count_closures_per_service_and_the_purge_keeps_them(
    core: Core, platform: MemoryPlatform, database: Database, clock: FakeClock
) -> None:
    tiimi = with_coordinator(core, platform)
    clock.set(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    closes = (
        "siirtyi yhteen palveluun: sosiaaliohjaaja",
        "siirtyi: Sosiaaliohjaaja",
        "siirtyi yhteen palveluun: kotihoito",
        "muu",
    )
    for number, close in enumerate(closes):
        channel = await team_channel(tiimi, key=f"k{number}")
        await run(tiimi, ANNA, f"sulje {close}", channel)
    clock.advance(timedelta(days=400))
    await RetentionService(database=database, clock=clock, retention_days=365).purge()

    report = await run(tiimi, COORD, "tilastot 2026")

    assert "siirtyi yhteen palveluun 3" in report and "muu 1" in report
    assert "*Siirtyi yhteen palveluun (palvelu):* sosiaaliohjaaja 2, kotihoito 1" in report
    english = await run(tiimi, Actor("UCOORD", "en"), "tilastot 2026")
    assert "social counsellor 2, kotihoito 1" in english


async def test_the_plan_by_code_for_members_and_former_members_only(
    core: Core, platform: MemoryPlatform, database: Database, clock: FakeClock
) -> None:
    tiimi = with_coordinator(core, platform)
    channel = await team_channel(tiimi)
    await tiimi.askel.run(actor=ANNA, text=said("Soita Kelaan"), channel_id=channel)
    code = (await team_of(database, channel)).code

    assert "Soita Kelaan" in await run(tiimi, BERT, f"suunnitelma {code}")  # open, from a DM
    await run(tiimi, ANNA, "sulje muu", channel)
    shown_closed = await run(tiimi, BERT, f"suunnitelma {code}")
    assert "Soita Kelaan" in shown_closed and "on suljettu" in shown_closed
    refused = await run(tiimi, CARL, f"suunnitelma {code}")
    unknown = await run(tiimi, CARL, "suunnitelma MT-2026-9999")
    assert refused == unknown.replace("MT-2026-9999", code)  # the same answer: nothing told
    assert "Soita" not in refused
    coordinator = await run(tiimi, COORD, f"suunnitelma {code}")
    assert "Soita" not in coordinator and "ei ole siihen oikeutta" in coordinator
    async with database.session() as session:
        events = await queries.audit_events(session, team_id=(await team_of(database, channel)).pk)
    views = [(e.actor_id, e.detail) for e in events if e.action == AuditAction.PLAN_VIEWED]
    refusals = [e.actor_id for e in events if e.action == AuditAction.ACCESS_REFUSED]
    assert views == [("UBERT", "by_code"), ("UBERT", "by_code")]
    assert refusals == ["UCARL", "UCOORD"]

    clock.advance(timedelta(days=366))
    await RetentionService(database=database, clock=clock, retention_days=365).purge()
    gone = await run(tiimi, BERT, f"suunnitelma {code}")
    assert "poistettu säilytysajan päätyttyä" in gone and "Soita" not in gone
