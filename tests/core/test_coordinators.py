"""Coordinators: the open-teams list, CSV, statistics, Home, audit and retention."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import UTC, datetime, timedelta

from bot.context import Actor, Core
from bot.coordinators.roster import CoordinatorDirectory, CoordinatorStatus
from bot.home.service import ORPHAN_LIMIT, STEP_LIMIT, TEAM_LIMIT, HomeService
from bot.platform import PlatformError
from bot.privacy.audit_export import audit_csv
from bot.privacy.retention import RetentionService
from bot.replies import Reply
from bot.teams.dispatch import TiimiCommands
from storage import queries
from storage.db import Database
from storage.models import AuditAction, Goal, Member, Step
from tests.support.clock import FakeClock
from tests.support.memory_platform import MemoryPlatform
from tests.support.said import said
from tests.support.shown import block_texts, shown

YES, NO, UNKNOWN = CoordinatorStatus.YES, CoordinatorStatus.NO, CoordinatorStatus.UNKNOWN
ANNA, BERT, COORD = Actor("UANNA", "fi"), Actor("UBERT", "fi"), Actor("UCOORD", "fi")
SECRET = "Salainen tavoite"


def with_coordinator(core: Core, platform: MemoryPlatform) -> TiimiCommands:
    platform.usergroups["SCOORD"] = {"UCOORD"}
    return TiimiCommands(_replace(core, coordinator_usergroup="SCOORD"))


def _replace(core: Core, **changes: object) -> Core:
    return dataclasses.replace(core, **changes)  # type: ignore[arg-type]


def text(reply: object) -> str:
    assert isinstance(reply, Reply)
    return shown(reply)


async def open_team(tiimi: TiimiCommands, key: str, members: str = "<@UBERT>") -> str:
    await tiimi.run(actor=ANNA, text=said(f"uusi {members}"), channel_id="D", request_key=key)
    async with tiimi.core.database.session() as session:
        team = await queries.get_team_by_request_key(session, request_key=key)
    assert team is not None
    return team.live_channel_id


async def test_the_attention_list_shows_status_never_content(
    core: Core, platform: MemoryPlatform, clock: FakeClock
) -> None:
    tiimi = with_coordinator(core, platform)
    clock.set(datetime(2026, 4, 1, 8, 0, tzinfo=UTC))  # over 180 days: "vanhat"
    await open_team(tiimi, "old")
    clock.set(datetime(2026, 11, 1, 8, 0, tzinfo=UTC))
    booked = await open_team(tiimi, "booked")
    late = await open_team(tiimi, "late")
    await tiimi.run(
        actor=ANNA, text=said("lisää <@UCARL> lääkäri"), channel_id=booked, request_key="-"
    )
    await tiimi.run(
        actor=ANNA, text=said("tapaaminen 1.12. klo 10"), channel_id=booked, request_key="-"
    )
    await tiimi.askel.run(actor=ANNA, text=said(f"tavoite {SECRET}"), channel_id=late)
    await tiimi.askel.run(
        actor=ANNA, text=said("Salainen askel huomenna mennessä"), channel_id=late
    )
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))

    listing = await tiimi.run(
        actor=COORD, text=said("avoimet"), channel_id="DCOORD", request_key="-"
    )
    body = text(listing)
    assert "Avoimet tiimit (3)" in body
    assert SECRET not in body and "Salainen askel" not in body
    codes = [line.split("*")[1] for line in block_texts(listing.message)[1:4]]
    assert codes == ["MT-2026-0003", "MT-2026-0001", "MT-2026-0002"]  # overdue, then oldest
    assert "1 myöhässä" in body and "lääkäri" in body and "seuraava tapaaminen ti 1.12.2026" in body
    only = text(
        await tiimi.run(
            actor=COORD,
            text=said("avoimet ilman tapaamista vanhat"),
            channel_id="D",
            request_key="-",
        )
    )
    assert "Avoimet tiimit (1)" in only and "MT-2026-0001" in only

    mine = text(await tiimi.run(actor=BERT, text=said("avoimet"), channel_id="D", request_key="-"))
    assert "Omat avoimet tiimisi (3)" in mine
    outsider = text(
        await tiimi.run(
            actor=Actor("UOUT", "fi"), text=said("avoimet"), channel_id="D", request_key="-"
        )
    )
    assert "Omat avoimet tiimisi (0)" in outsider

    sent = text(
        await tiimi.run(actor=COORD, text=said("avoimet csv"), channel_id="D", request_key="-")
    )
    assert "3 tiimiä" in sent
    [(to, name, content)] = platform.files
    assert to == "UCOORD" and name.endswith(".csv") and SECRET not in content
    rows = list(csv.DictReader(io.StringIO(content)))
    assert [r["code"] for r in rows] == ["MT-2026-0003", "MT-2026-0001", "MT-2026-0002"]
    refused = text(
        await tiimi.run(actor=BERT, text=said("avoimet csv"), channel_id="D", request_key="-")
    )
    assert "Vain koordinaattorit" in refused and len(platform.files) == 1
    async with core.database.session() as session:
        actions = [e.action for e in await queries.audit_events(session)]
    assert AuditAction.TEAMS_LISTED in actions and AuditAction.TEAMS_EXPORTED in actions


async def test_many_teams_page_within_limits(
    core: Core, platform: MemoryPlatform, clock: FakeClock
) -> None:
    tiimi = with_coordinator(core, platform)
    for i in range(23):
        await open_team(tiimi, f"k{i}")
    first = await tiimi.run(actor=COORD, text=said("avoimet"), channel_id="D", request_key="-")
    assert isinstance(first, Reply) and len(first.message.blocks) <= 50
    assert "Sivu 1/2" in text(first)
    second = await tiimi.teams_page(actor=COORD, value="2|")
    assert "Sivu 2/2" in text(second) and text(second).count("MT-2026-") == 3


async def test_statistics_are_anonymous_aggregates(
    core: Core, platform: MemoryPlatform, clock: FakeClock
) -> None:
    tiimi = with_coordinator(core, platform)
    clock.set(datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    channel = await open_team(tiimi, "s")
    await tiimi.run(
        actor=ANNA, text=said("lisää <@UBERT> sosiaaliohjaaja"), channel_id=channel, request_key="-"
    )
    await tiimi.run(
        actor=ANNA, text=said("tapaaminen 12.3. klo 10"), channel_id=channel, request_key="-"
    )
    await tiimi.askel.run(actor=ANNA, text=said("Soita 5.3. mennessä"), channel_id=channel)
    await tiimi.askel.run(actor=ANNA, text=said("Kirjoita 6.3. mennessä"), channel_id=channel)
    clock.set(datetime(2026, 3, 4, 8, 0, tzinfo=UTC))
    await tiimi.askel.run(actor=ANNA, text=said("valmis 1"), channel_id=channel)
    clock.set(datetime(2026, 3, 13, 8, 0, tzinfo=UTC))
    for when in ("26.3. klo 10", "19.3. klo 10"):
        await tiimi.run(
            actor=ANNA, text=said(f"tapaaminen {when}"), channel_id=channel, request_key="-"
        )
    clock.set(datetime(2026, 4, 1, 8, 0, tzinfo=UTC))
    for meeting_id, held in (("1", True), ("2", True), ("3", False)):  # 19.3. was not held
        await tiimi.meeting_outcome_from_button(
            actor=ANNA, channel_id=channel, value=meeting_id, held=held
        )
    await tiimi.run(
        actor=ANNA, text=said("sulje tavoitteet saavutettu"), channel_id=channel, request_key="-"
    )
    report = text(
        await tiimi.run(actor=COORD, text=said("tilastot 2026"), channel_id="D", request_key="-")
    )
    assert "Tilastot to 1.1.2026–to 31.12.2026" in report
    assert "*Avattuja tiimejä:* 1 · *suljettuja:* 1" in report
    assert "tavoitteet saavutettu 1" in report
    assert "ensimmäiseen tapaamiseen (mediaani):* 10,0 pv" in report
    assert "Tapaamisten väli (mediaani):* 14,0 pv" in report
    assert "määräaikaan mennessä:* 50 %" in report
    assert "sosiaaliohjaaja 1" in report and "Soita" not in report
    refused = text(
        await tiimi.run(actor=ANNA, text=said("tilastot"), channel_id="D", request_key="-")
    )
    assert "Vain koordinaattorit" in refused


async def test_coordinator_group_is_cached_briefly(core: Core, platform: MemoryPlatform) -> None:
    now = [0.0]
    platform.usergroups["SCOORD"] = {"UCOORD"}
    directory = CoordinatorDirectory(
        _replace(core, coordinator_usergroup="SCOORD", coordinators=frozenset({"UENV"})),
        monotonic=lambda: now[0],
    )
    assert await directory.status("UENV") is YES and await directory.status("UCOORD") is YES
    platform.usergroups["SCOORD"] = {"UNEW"}
    assert await directory.status("UNEW") is NO  # cached
    now[0] = 61.0
    assert await directory.status("UNEW") is YES and await directory.status("UCOORD") is NO


async def test_coordinator_group_fails_closed(core: Core, platform: MemoryPlatform) -> None:
    """Once the group cannot be read, nobody has rights from it (not the last known list);
    COORDINATORS still do; the next successful read restores them."""
    now = [0.0]
    platform.usergroups["SCOORD"] = {"UCOORD"}
    directory = CoordinatorDirectory(
        _replace(core, coordinator_usergroup="SCOORD", coordinators=frozenset({"UENV"})),
        monotonic=lambda: now[0],
    )
    assert await directory.status("UCOORD") is YES
    now[0] = 61.0
    platform.fail("usergroup", PlatformError("ratelimited"))
    assert await directory.status("UCOORD") is UNKNOWN
    assert await directory.status("UENV") is YES
    assert await directory.status("UCOORD") is YES  # read again at once, and readable


async def test_home_shows_my_teams_steps_and_orphans(
    core: Core, platform: MemoryPlatform, clock: FakeClock
) -> None:
    tiimi = with_coordinator(core, platform)
    channel = await open_team(tiimi, "h", "<@UBERT> <@UCARL>")
    await tiimi.askel.run(
        actor=ANNA, text=said("Soita Kelaan <@UBERT> huomenna mennessä"), channel_id=channel
    )
    await tiimi.askel.run(actor=ANNA, text=said("Varaa aika <@UCARL>"), channel_id=channel)
    await tiimi.run(actor=ANNA, text=said("poista <@UCARL>"), channel_id=channel, request_key="-")
    home = HomeService(tiimi.core, tiimi.coordinators)
    bert = " ".join(block_texts(await home.home(BERT)))
    assert "MT-2026-0001" in bert and "Soita Kelaan" in bert
    assert "Varaa aika" in bert  # orphaned: its owner left
    coordinator = " ".join(block_texts(await home.home(COORD)))
    assert "Avoimia tiimejä *1*" in coordinator and "Soita" not in coordinator
    done = await tiimi.askel.finish_from_home(actor=BERT, value="1:1")
    assert "tehdyksi" in done.message.text


async def test_help_lists_the_coordinators_commands_for_coordinators_only(
    core: Core, platform: MemoryPlatform
) -> None:
    tiimi = with_coordinator(core, platform)
    for actor in (COORD, Actor("UCOORD", "sv"), BERT):
        answer = text(
            await tiimi.run(actor=actor, text=said("ohje"), channel_id="D", request_key="-")
        )
        assert "`/askel" in answer and "MT-2026-0042" in answer
        coordinator = actor.user_id == "UCOORD"
        assert ("`/tiimi tilastot`" in answer or "`/tiimi statistik`" in answer) is coordinator
        assert ("vastuu MT-2026-0042" in answer or "ansvar MT-2026-0042" in answer) is coordinator


async def test_home_says_how_many_teams_and_steps_it_leaves_out(
    core: Core, platform: MemoryPlatform
) -> None:
    tiimi = with_coordinator(core, platform)
    for number in range(TEAM_LIMIT + 1):
        channel = await open_team(tiimi, f"more{number}", "<@UBERT> <@UCARL>")
    for number in range(STEP_LIMIT + 2):
        step = f"Askel numero {number} <@UBERT>"
        await tiimi.askel.run(actor=ANNA, text=said(step), channel_id=channel)
    for number in range(ORPHAN_LIMIT + 1):
        step = f"Orpo numero {number} <@UCARL>"
        await tiimi.askel.run(actor=ANNA, text=said(step), channel_id=channel)
    await tiimi.run(actor=ANNA, text=said("poista <@UCARL>"), channel_id=channel, request_key="-")
    home = HomeService(tiimi.core, tiimi.coordinators)

    bert = block_texts(await home.home(BERT))
    assert sum(text.count("MT-2026-") for text in bert[:2]) == TEAM_LIMIT
    assert "…ja 1 tiimi lisää. Näet kaikki tiimisi komennolla `/tiimi avoimet`." in bert
    more_steps = "…ja 2 askelta lisää. Tiimin kaikki askeleet näet sen kanavalla komennolla"
    assert sum(text.startswith(more_steps) for text in bert) == 1
    assert sum(text.startswith("…ja 1 askel lisää.") for text in bert) == 1  # orphaned steps
    swedish = block_texts(await home.home(Actor("UBERT", "sv")))
    assert "…och 1 team till. Alla dina team ser du med `/tiimi öppna`." in swedish
    english = block_texts(await home.home(Actor("UBERT", "en")))
    assert any(text.startswith("…and 2 more steps. See all of a team's") for text in english)

    anna = block_texts(await home.home(ANNA))  # the same teams and orphans, no steps of her own
    assert "…ja 1 tiimi lisää. Näet kaikki tiimisi komennolla `/tiimi avoimet`." in anna
    assert not any("askelta lisää" in text for text in anna)
    assert sum(text.startswith("…ja 1 askel lisää.") for text in anna) == 1
    listing = await tiimi.run(actor=ANNA, text=said("avoimet"), channel_id="D", request_key="-")
    listed = text(listing)
    assert f"({TEAM_LIMIT + 1})" in listed  # the command named lists them all


async def test_purge_after_retention_keeps_counts_and_audit(
    core: Core, platform: MemoryPlatform, database: Database, clock: FakeClock
) -> None:
    tiimi = TiimiCommands(core)
    clock.set(datetime(2025, 1, 10, 8, 0, tzinfo=UTC))
    channel = await open_team(tiimi, "p")
    await tiimi.askel.run(actor=ANNA, text=said(f"tavoite {SECRET}"), channel_id=channel)
    await tiimi.askel.run(actor=ANNA, text=said("Askel yksi"), channel_id=channel)
    await tiimi.askel.run(actor=ANNA, text=said("valmis 1"), channel_id=channel)
    await tiimi.run(actor=ANNA, text=said("sulje muu"), channel_id=channel, request_key="-")
    retention = RetentionService(database=database, clock=clock, retention_days=365)
    clock.advance(timedelta(days=364))
    assert await retention.purge() == 0
    clock.advance(timedelta(days=2))
    assert await retention.purge() == 1
    assert await retention.purge() == 0
    async with database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=channel)
        assert team is not None and team.purged_at is not None
        assert (team.final_member_count, team.final_step_count, team.final_steps_done) == (2, 1, 1)
        for table in (Goal, Step, Member):
            assert (await session.exec(table.__table__.select())).all() == []  # type: ignore[attr-defined,call-overload]
        actions = [e.action for e in await queries.audit_events(session, team_id=team.pk)]
    assert actions[0] == AuditAction.TEAM_OPENED and actions[-1] == AuditAction.CONTENT_PURGED
    exported = await audit_csv(
        database, tz=core.timezone, team_code="MT-2025-0001", user_id="UANNA", since=None
    )
    assert exported.splitlines()[0] == "time,actor,team,action,subject,detail"
    assert ",UANNA,MT-2025-0001,team_opened," in exported and SECRET not in exported
