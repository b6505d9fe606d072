"""The network-work self-rating in the core: a round asks each member privately, one answer
per person that may change until the round closes, the keys dropped at closing, results only
from five answers up and only once closed, the trend over rounds, repeats opened once."""

from __future__ import annotations

import asyncio
import dataclasses
import io
import logging
from datetime import UTC, datetime, timedelta

import pytest
from PIL import Image
from sqlmodel import col, select

from bot import action_ids
from bot.context import Actor, Core
from bot.platform import PlatformError
from bot.ratings.dispatch import ArvioCommands
from bot.replies import Buttons, Message, Reply
from bot.teams.dispatch import TiimiCommands
from storage.models import AuditAction, AuditEvent
from storage.ratings import RatingAnswer, RatingRound
from tests.support.clock import FakeClock
from tests.support.memory_platform import MemoryPlatform
from tests.support.said import said
from tests.support.shown import shown

COORD = Actor("UCOORD", "fi")
STAFF = ("UANNA", "UBERT", "UCECI", "UDORA", "UEERO", "UFRED")
TOO_FEW = "liian vähän vastauksia näytettäväksi ketään paljastamatta"


@pytest.fixture
def ratings(core: Core, platform: MemoryPlatform) -> ArvioCommands:
    coordinated = dataclasses.replace(core, coordinators=frozenset({COORD.user_id}))
    return TiimiCommands(coordinated).ratings


def staff_channel(platform: MemoryPlatform, members: tuple[str, ...] = STAFF) -> str:
    channel = platform.add_channel("henkilosto", by_bot=False)
    platform.channels[channel].members.update(members)
    return channel


async def arvio(ratings: ArvioCommands, text: str, channel: str, *, by: Actor = COORD) -> Reply:
    return await ratings.run(actor=by, text=said(text), channel_id=channel)


def questions(platform: MemoryPlatform) -> dict[str, Message]:
    """The question each person got privately."""
    return {
        person: message
        for person, message in platform.direct
        if any(isinstance(block, Buttons) for block in message.blocks)
    }


async def press(ratings: ArvioCommands, platform: MemoryPlatform, person: str, score: int) -> str:
    """`person` presses `score` under the question they got."""
    (buttons,) = [b for b in questions(platform)[person].blocks if isinstance(b, Buttons)]
    button = buttons.buttons[score - 1]
    assert button.action_id == action_ids.variant(action_ids.RATING, score)
    reply = await ratings.press(
        actor=Actor(person, "fi"), action_id=button.action_id, value=button.value
    )
    return shown(reply)


async def rows(core: Core) -> tuple[list[RatingRound], list[RatingAnswer]]:
    async with core.database.session() as session:
        rounds = list((await session.exec(select(RatingRound).order_by(col(RatingRound.id)))).all())
        answers = list(
            (await session.exec(select(RatingAnswer).order_by(col(RatingAnswer.id)))).all()
        )
    return rounds, answers


async def test_a_round_asks_each_member_privately_with_the_scale(
    ratings: ArvioCommands, platform: MemoryPlatform, core: Core
) -> None:
    channel = staff_channel(platform)
    started = shown(await arvio(ratings, "uusi", channel))
    assert "kysymys lähetettiin yksityisviestinä 6 henkilölle" in started
    assert "Kierros toistuu 3 kuukauden välein; seuraava avautuu ti 23.2.2027" in started
    asked = questions(platform)
    assert sorted(asked) == sorted(STAFF)
    text = shown(asked["UANNA"])
    assert "Arvioi verkostotyökykysi asteikolla 1–5." in text
    assert "*1* heikko" in text and "*5* erinomainen" in text
    (buttons,) = [b for b in asked["UANNA"].blocks if isinstance(b, Buttons)]
    assert [b.label for b in buttons.buttons] == ["1", "2", "3", "4", "5"]
    (rating_round,), answers = await rows(core)
    assert rating_round.salt and rating_round.asked == 6 and rating_round.closed_at is None
    assert len(answers) == 6 and all(a.respondent and a.score is None for a in answers)
    assert [a.respondent for a in answers] == sorted(a.respondent or "" for a in answers)
    stored = repr(rating_round) + repr(answers)
    assert not any(person in stored for person in STAFF)  # keys, never user ids


async def test_one_answer_per_person_changeable_until_closed_then_keys_are_dropped(
    ratings: ArvioCommands, platform: MemoryPlatform, core: Core
) -> None:
    channel = staff_channel(platform)
    await arvio(ratings, "uusi", channel)
    assert "Vastauksesi on tallennettu nimettömänä" in await press(ratings, platform, "UANNA", 2)
    saved = await press(ratings, platform, "UANNA", 4)  # changed, not added
    assert "tallennettu" in saved and "4" not in saved.replace("ma 7.12.2026 klo 10.00", "")
    _, answers = await rows(core)
    assert sorted(a.score for a in answers if a.score) == [4]

    outsider = await ratings.press(
        actor=Actor("UOUTSIDE", "fi"), action_id="rating:5", value=str(answers[0].round_id)
    )
    assert "Tätä kysymystä ei lähetetty sinulle" in shown(outsider)

    for person, score in zip(STAFF[1:5], (3, 3, 4, 5), strict=True):
        await press(ratings, platform, person, score)
    closed = shown(await arvio(ratings, "sulje", channel))
    assert "keskiarvo *3,8*, vastasi 5/6" in closed
    assert "Jakauma, kierros 1 (arvio: vastauksia): 1: 0 · 2: 0 · 3: 2 · 4: 2 · 5: 1" in closed

    (rating_round,), answers = await rows(core)
    assert rating_round.salt is None and rating_round.answered == 5
    assert len(answers) == 5 and all(a.respondent is None for a in answers)  # unanswered gone
    late = await press(ratings, platform, "UFRED", 1)
    assert "jo sulkeutunut" in late


async def test_results_need_five_answers_and_a_closed_round(
    ratings: ArvioCommands, platform: MemoryPlatform, core: Core
) -> None:
    channel = staff_channel(platform)
    await arvio(ratings, "uusi ei toistoa", channel)
    for person in STAFF[:4]:
        await press(ratings, platform, person, 5)
    so_far = shown(await arvio(ratings, "tulokset", channel))
    assert "vastannut tähän mennessä 4/6" in so_far and "keskiarvo" not in so_far
    reply = await arvio(ratings, "sulje", channel)
    assert TOO_FEW in shown(reply) and reply.then is None and "keskiarvo" not in shown(reply)
    _, answers = await rows(core)
    assert answers == []  # four answers can never be shown: none kept
    assert platform.images == []


async def test_the_chart_and_the_trend_over_rounds(
    ratings: ArvioCommands, platform: MemoryPlatform, core: Core, clock: FakeClock
) -> None:
    channel = staff_channel(platform)
    await arvio(ratings, "uusi joka 3 kk", channel)
    for person, score in zip(STAFF, (2, 2, 3, 3, 2, 3), strict=True):
        await press(ratings, platform, person, score)
    clock.advance(timedelta(days=15))
    await ratings.run_due()  # the first round closes by itself; its starter hears
    report = [m for p, m in platform.direct if p == COORD.user_id and "sulkeutui" in shown(m)]
    assert len(report) == 1 and "keskiarvo *2,5*, vastasi 6/6" in shown(report[0])
    assert len(platform.images) == 1

    platform.direct.clear()
    clock.set(datetime(2027, 2, 23, 8, 0, tzinfo=UTC))  # three months after the first opened
    await ratings.run_due()
    assert sorted(questions(platform)) == sorted(STAFF)
    for person, score in zip(STAFF, (4, 4, 3, 4, 4, 3), strict=True):
        await press(ratings, platform, person, score)
    reply = await arvio(ratings, "sulje", channel)
    text = shown(reply)
    assert "Kierros 1 (ma 23.11.2026): keskiarvo *2,5*" in text
    assert "Kierros 2 (ti 23.2.2027): keskiarvo *3,7*" in text
    assert "Kehitys kierroksittain: 2,5 → 3,7" in text
    assert reply.then is not None
    await reply.then()
    person, filename, png, alt = platform.images[-1]
    assert (person, filename) == (COORD.user_id, "verkostotyokyky.png")
    assert "Keskiarvo kierroksittain: 2,5 → 3,7" in alt and "3: 2" in alt
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG" and image.size == (640, 360)
    assert len(png) < 15_000  # small enough for a Teams card


async def test_a_repeat_opens_once_whichever_process_runs_the_pass(
    ratings: ArvioCommands, platform: MemoryPlatform, core: Core, clock: FakeClock
) -> None:
    channel = staff_channel(platform)
    await arvio(ratings, "uusi joka 1 kk", channel)
    other = TiimiCommands(dataclasses.replace(ratings.core)).ratings  # a second process
    clock.advance(timedelta(days=31))
    await asyncio.gather(ratings.run_due(), other.run_due(), ratings.run_due())
    rounds, _ = await rows(core)
    assert len(rounds) == 2 and rounds[0].closed_at is not None
    assert rounds[0].next_due_at is None and rounds[1].next_due_at is not None
    assert rounds[1].closed_at is None and len(questions(platform)) == 6
    await asyncio.gather(ratings.run_due(), other.run_due())  # nothing more is due
    assert len((await rows(core))[0]) == 2


async def test_closing_can_stop_the_repeats(
    ratings: ArvioCommands, platform: MemoryPlatform, core: Core, clock: FakeClock
) -> None:
    channel = staff_channel(platform)
    await arvio(ratings, "uusi", channel)
    closed = shown(await arvio(ratings, "sulje", channel))  # the schedule stays
    assert "Kierrokset eivät enää toistu" not in closed
    assert "Avointa arviointikierrosta ei ole" in shown(await arvio(ratings, "sulje", channel))
    stopped = shown(await arvio(ratings, "sulje ei toistoa", channel))  # no round open
    assert stopped == "Kierrokset eivät enää toistu. Kierrokset eivät enää toistu."
    clock.advance(timedelta(days=200))
    await ratings.run_due()
    assert len((await rows(core))[0]) == 1  # no later round opened
    await arvio(ratings, "uusi", channel)
    closing = shown(await arvio(ratings, "sulje ei toistoa", channel))
    assert "Kierrokset eivät enää toistu" in closing and "Kierros 2" in closing
    assert "Avointa" in shown(await arvio(ratings, "sulje ei toistoa", channel))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("uusi", "Vain koordinaattorit voivat tehdä tämän."),
        ("tulokset", "Vain koordinaattorit voivat tehdä tämän."),
        ("sulje", "Vain koordinaattorit voivat tehdä tämän."),
    ],
)
async def test_only_coordinators_start_close_and_see(
    ratings: ArvioCommands, platform: MemoryPlatform, core: Core, text: str, expected: str
) -> None:
    channel = staff_channel(platform)
    assert expected in shown(await arvio(ratings, text, channel, by=Actor("UANNA", "fi")))
    assert questions(platform) == {}
    async with core.database.session() as session:
        refused = (await session.exec(select(AuditEvent))).all()
    assert [(e.action, e.actor_id) for e in refused] == [(AuditAction.ACCESS_REFUSED, "UANNA")]


async def test_where_a_round_cannot_start(
    ratings: ArvioCommands, platform: MemoryPlatform, tiimi: TiimiCommands
) -> None:
    small = staff_channel(platform, STAFF[:4])
    assert "vähintään 5 henkilöä" in shown(await arvio(ratings, "uusi", small))
    assert "nyt heitä on 4" in shown(await arvio(ratings, "uusi", small))
    assert "Komento koskee kanavaa" in shown(await arvio(ratings, "uusi", ""))
    await tiimi.run(actor=COORD, text=said("uusi <@UANNA>"), channel_id="D1", request_key="k1")
    team_channel = platform.by_name("mt-2026-0001")
    assert team_channel is not None
    refused = shown(await arvio(ratings, "uusi", team_channel.id))
    assert "Tämä on asiakastiimin kanava" in refused
    channel = staff_channel(platform)
    await arvio(ratings, "uusi", channel)
    assert "Kierros on jo auki" in shown(await arvio(ratings, "uusi", channel))
    platform.fail("members", PlatformError("channel_not_found"))
    assert "Tiimi ei näe tämän kanavan jäseniä" in shown(await arvio(ratings, "uusi", small))


async def test_a_round_for_a_user_group_and_people_out_of_reach(
    ratings: ArvioCommands, platform: MemoryPlatform, core: Core
) -> None:
    platform.usergroups["SSTAFF"] = set(STAFF)
    platform.unreachable.add("UFRED")
    started = shown(await arvio(ratings, "uusi <!subteam^SSTAFF|@henkilosto>", "D1"))
    assert "6 henkilölle" not in started and "5 henkilölle" in started
    assert "1 henkilö jäi tavoittamatta." in started
    (rating_round,), _ = await rows(core)
    assert (rating_round.target_kind, rating_round.target_id) == ("group", "SSTAFF")
    assert rating_round.target_name == "henkilosto"
    results = shown(await arvio(ratings, "tulokset ryhmä SSTAFF", "D2"))
    assert "*Ryhmä:* henkilosto" in results and "0/5" in results


async def test_no_log_line_names_anyone_who_answered(
    ratings: ArvioCommands, platform: MemoryPlatform, core: Core, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    platform.unreachable.add("UFRED")
    channel = staff_channel(platform)
    await arvio(ratings, "uusi", channel)
    for person, score in zip(STAFF[:5], (1, 2, 3, 4, 5), strict=True):
        await press(ratings, platform, person, score)
    reply = await arvio(ratings, "sulje", channel)
    assert reply.then is not None
    await reply.then()
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert not any(person in logged for person in STAFF)
    async with core.database.session() as session:
        events = (await session.exec(select(AuditEvent))).all()
    assert {e.actor_id for e in events} == {COORD.user_id}
    assert {e.action for e in events} == {
        AuditAction.RATING_STARTED,
        AuditAction.RATING_CLOSED,
        AuditAction.RATINGS_VIEWED,
    }
    assert not any(person in repr(events) for person in STAFF)
