"""The team lifecycle in the core, on SQLite and PostgreSQL, against an in-memory platform."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.context import Actor
from bot.platform import ActionRestricted, PlatformError
from bot.replies import Reply
from bot.teams.dispatch import TiimiCommands
from storage import queries
from storage.db import Database
from storage.models import AuditAction, TeamState
from tests.support.clock import FakeClock
from tests.support.memory_platform import MemoryPlatform
from tests.support.said import said
from tests.support.shown import block_texts, runs_shown

ANNA, BERT, CARL = Actor("UANNA", "fi"), Actor("UBERT", "fi"), Actor("UCARL", "fi")


def text_of(reply: object) -> str:
    assert isinstance(reply, Reply)
    return runs_shown(reply.message.fallback)


async def open_team(tiimi: TiimiCommands, text: str = "uusi <@UBERT>", key: str = "k1") -> str:
    reply = await tiimi.run(actor=ANNA, text=said(text), channel_id="DANNA", request_key=key)
    assert "on avattu" in text_of(reply), text_of(reply)
    async with tiimi.core.database.session() as session:
        team = await queries.get_team_by_request_key(session, request_key=key)
    assert team is not None and team.channel_id is not None
    return team.channel_id


async def test_open_creates_channel_members_audit(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database
) -> None:
    channel_id = await open_team(tiimi, "uusi <@UBERT> <@UCARL>")
    channel = platform.channels[channel_id]
    assert channel.name == "mt-2026-0001"
    assert channel.members == {"UANNA", "UBERT", "UCARL"}
    welcome = channel.messages[0]
    assert "MT-2026-0001" in welcome.text
    rendered = " ".join(block_texts(welcome))
    assert "henkilötunnusta" in rendered and "@UANNA" in rendered
    async with database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=channel_id)
        assert team is not None and team.state == TeamState.ACTIVE
        assert team.convenor_id == "UANNA" and team.consent_confirmed_by == "UANNA"
        members = await queries.active_members(session, team_id=team.pk)
        events = await queries.audit_events(session, team_id=team.pk)
    assert {m.user_id for m in members} == {"UANNA", "UBERT", "UCARL"}
    assert [e.action for e in events].count(AuditAction.MEMBER_ADDED) == 3
    assert events[0].action == AuditAction.TEAM_OPENED


async def test_same_request_twice_opens_one_team(
    tiimi: TiimiCommands, platform: MemoryPlatform
) -> None:
    await open_team(tiimi, key="same")
    again = await tiimi.run(
        actor=ANNA, text=said("uusi <@UBERT>"), channel_id="D", request_key="same"
    )
    assert "on avattu" in text_of(again)
    assert len(platform.channels) == 1


async def test_codes_are_sequential_and_the_space_is_named_by_the_platform(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database
) -> None:
    platform.add_channel("mt-2026-0002", by_bot=False)  # someone else's channel
    await open_team(tiimi, key="a")
    second = await open_team(tiimi, key="b")
    assert platform.channels[second].name == "mt-2026-0002-2"
    async with database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=second)
    assert team is not None and (team.code, team.channel_name) == ("MT-2026-0002", "mt-2026-0002-2")


async def test_restricted_action_leaves_nothing(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database
) -> None:
    platform.fail("open", ActionRestricted("restricted_action"))
    reply = await tiimi.run(actor=ANNA, text=said("uusi <@UBERT>"), channel_id="D", request_key="r")
    assert "ylläpitäjää" in text_of(reply)
    assert platform.channels == {}
    async with database.session() as session:
        assert await queries.get_team_by_request_key(session, request_key="r") is None
        events = await queries.audit_events(session)
    assert [e.action for e in events] == [AuditAction.TEAM_OPEN_FAILED]


async def test_failure_after_channel_creation_archives_it(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database
) -> None:
    platform.fail("post", PlatformError("fatal_error"))
    reply = await tiimi.run(actor=ANNA, text=said("uusi <@UBERT>"), channel_id="D", request_key="x")
    assert "Mitään ei jäänyt kesken" in text_of(reply)
    [channel] = platform.channels.values()
    assert channel.archived
    async with database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=channel.id)
    assert team is not None and team.state == TeamState.FAILED


async def test_interrupted_setup_is_rolled_back_at_start(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database, clock: FakeClock
) -> None:
    team, created = await tiimi.teams._reserve(
        actor=ANNA, request_key="crash", members=("UANNA", "UBERT")
    )
    assert created
    await tiimi.teams._open_space(team)  # then the process "dies"
    assert await tiimi.teams.recover_pending() == 0  # too fresh to judge
    clock.advance(timedelta(minutes=11))
    assert await tiimi.teams.recover_pending() == 1
    assert platform.channels[team.live_channel_id].archived
    async with database.session() as session:
        row = await queries.get_team(session, team_id=team.pk)
        recorded = await queries.active_members(session, team_id=team.pk)
    assert row is not None and row.state == TeamState.FAILED
    assert recorded == []  # nobody is left recorded in a team that never opened


async def test_members_add_remove_hand_over_close(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database, clock: FakeClock
) -> None:
    channel_id = await open_team(tiimi)

    async def run(actor: Actor, text: str) -> str:
        return text_of(
            await tiimi.run(actor=actor, text=said(text), channel_id=channel_id, request_key="-")
        )

    assert "lisätty" in await run(BERT, "lisää <@UCARL> sosiaaliohjaaja")
    assert "UCARL" in platform.channels[channel_id].members
    listing = await run(ANNA, "jäsenet")
    assert (
        "@UCARL (sosiaaliohjaaja)" in listing
        and "@UANNA (ammattiryhmä puuttuu) – vastuuhenkilö" in listing
    )
    assert "Vastuuhenkilöä ei voi poistaa" in await run(BERT, "poista <@UANNA>")
    assert "Vain tiimin vastuuhenkilö" in await run(BERT, "vastuu <@UBERT>")
    assert "vastuuhenkilö" in await run(ANNA, "vastuu <@UBERT>")
    assert "poistettu" in await run(BERT, "poista <@UANNA>")
    assert "UANNA" not in platform.channels[channel_id].members
    assert "Vain tiimin" in await run(ANNA, "jäsenet")  # no longer a member
    choice = await tiimi.run(actor=BERT, text=said("sulje"), channel_id=channel_id, request_key="-")
    assert isinstance(choice, Reply) and "Valitse syy" in choice.message.text
    clock.advance(timedelta(days=30))
    closed = await tiimi.run(
        actor=BERT, text=said("sulje tavoitteet saavutettu"), channel_id=channel_id, request_key="-"
    )
    assert isinstance(closed, Reply) and "poistaa nyt kanavalta" in closed.message.text
    assert not platform.channels[channel_id].archived  # the clearing follows the answer
    assert closed.then is not None
    await closed.then()
    assert platform.channels[channel_id].archived
    [summary] = platform.channels[channel_id].live()  # the welcome and notice are gone
    assert "Tiimi MT-2026-0001 on suljettu" in summary.text
    assert "30 päivää" in " ".join(getattr(b, "text", "") for b in summary.blocks)
    assert "suljettu, eikä sitä voi enää muuttaa" in await run(BERT, "lisää <@UANNA>")
    async with database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=channel_id)
        assert team is not None
        events = await queries.audit_events(session, team_id=team.pk)
    assert [(e.action, e.actor_id, e.detail) for e in events[-7:]] == [
        (AuditAction.MEMBER_ADDED, "UBERT", "social_counsellor"),
        (AuditAction.MEMBERS_VIEWED, "UANNA", None),  # views are audited
        (AuditAction.ACCESS_REFUSED, "UBERT", "hand_over"),  # and so are refusals
        (AuditAction.CONVENOR_CHANGED, "UANNA", None),
        (AuditAction.MEMBER_REMOVED, "UBERT", None),
        (AuditAction.ACCESS_REFUSED, "UANNA", "list_members"),
        (AuditAction.TEAM_CLOSED, "UBERT", "goals_reached"),
    ]


@pytest.mark.parametrize("text", ["jäsenet", "lisää <@UBERT>", "poista <@UBERT>", "sulje muu"])
async def test_team_commands_outside_team_channel(
    tiimi: TiimiCommands, platform: MemoryPlatform, text: str
) -> None:
    reply = await tiimi.run(actor=ANNA, text=said(text), channel_id="CRANDOM", request_key="-")
    assert "vain tiimin omalla kanavalla" in text_of(reply)
    assert platform.channels == {}


async def test_identity_code_is_refused_and_never_stored(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database
) -> None:
    channel_id = await open_team(tiimi)
    reply = await tiimi.run(
        actor=ANNA, text=said("lisää <@UCARL> 131052-308T"), channel_id=channel_id, request_key="-"
    )
    assert "henkilötunnus" in text_of(reply) and "131052" not in text_of(reply)
    assert "UCARL" not in platform.channels[channel_id].members


async def test_unknown_invitee_is_reported(tiimi: TiimiCommands, platform: MemoryPlatform) -> None:
    platform.unknown_users.add("UGHOST")
    reply = await tiimi.run(
        actor=ANNA, text=said("uusi <@UBERT> <@UGHOST>"), channel_id="D", request_key="g"
    )
    assert "ei voitu kutsua" in text_of(reply) and "@UGHOST" in text_of(reply)


async def test_unknown_profession_lists_the_options_in_the_users_language(
    tiimi: TiimiCommands,
) -> None:
    channel_id = await open_team(tiimi)
    for actor, expected in ((ANNA, "sosiaaliohjaaja"), (Actor("UDORA", "sv"), "socialhandledare")):
        reply = await tiimi.run(
            actor=actor,
            text=said("lisää <@UCARL> poppamies"),
            channel_id=channel_id,
            request_key="-",
        )
        assert expected in text_of(reply) and "{options}" not in text_of(reply)
