"""The Ratkaisupaja through the core: opened only from a Hukkapaja's results with its carried
themes, pseudonymous cases behind the identity-code guard, experiments whose review reminder
is a reminder row posted once, reviews by owners and the facilitator, the practices' order
and the summary with its flow image."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from bot import action_ids
from bot.context import Actor, Core
from bot.plan.dispatch import FormErrors
from bot.privacy.access import Action
from bot.replies import Message, Reply
from bot.teams.dispatch import TiimiCommands
from bot.workshops.dispatch import PajaCommands
from bot.workshops.solution_dispatch import CaseForm, ExperimentForm, ReviewForm
from storage.models import Reminder, ReminderKind, ReminderState
from storage.workshops import WorkshopPhase
from tests.core.test_access_routes import refused_row
from tests.core.test_reminders import worker
from tests.core.test_workshops import (
    FACILITATOR,
    VOTERS,
    WRITERS,
    answer_text,
    buttons,
    open_workshop,
    phase,
    press,
    theme_ids,
    to_voting,
)
from tests.support.memory_platform import MemoryPlatform
from tests.support.said import said
from tests.support.shown import block_texts

HETU = "131052-308T"  # a valid identity code's shape (the guard's own test value)
FRIDAY_NINE = datetime(2026, 11, 27, 7, 0, 5, tzinfo=UTC)  # STEP_REMINDER_TIME 9.00 local


async def finished_hukkapaja(paja: PajaCommands, platform: MemoryPlatform) -> tuple[str, int]:
    """A Hukkapaja at its results, its two themes carried forward; its space and id."""
    space = await open_workshop(paja, platform)
    workshop = await to_voting(paja, paja.core, space)
    themes = await theme_ids(paja.core, workshop.pk)
    for voter in VOTERS[:3]:
        await press(paja, voter, action_ids.WORKSHOP_DOT, str(themes[1]))
    await press(paja, VOTERS[3], action_ids.WORKSHOP_DOT, str(themes[2]))
    await press(paja, VOTERS[3], action_ids.WORKSHOP_DOT, str(themes[2]))
    await press(paja, VOTERS[3], action_ids.WORKSHOP_DOT, str(themes[2]))
    await press(paja, VOTERS[0], action_ids.WORKSHOP_DOT, str(themes[1]))
    await press(paja, FACILITATOR, phase(WorkshopPhase.RESULTS), str(workshop.pk))
    return space, workshop.pk


def the_card(platform: MemoryPlatform, space: str) -> Message:
    [card] = [
        m for m in platform.channels[space].messages if block_texts(m)[0].startswith("Ratkaisupaja")
    ]
    return card


def solution_card(platform: MemoryPlatform, space: str) -> str:
    return "\n".join(block_texts(the_card(platform, space))).replace("*", "")


async def run(paja: PajaCommands, text: str, space: str, actor: Actor = FACILITATOR) -> str:
    return answer_text(await paja.run(actor=actor, text=said(text), channel_id=space))


async def then(reply: Reply) -> None:
    assert reply.then is not None
    await reply.then()


async def add_experiment(
    paja: PajaCommands,
    platform: MemoryPlatform,
    space: str,
    what: str,
    when: str,
    owners: list[str],
) -> None:
    [value] = [
        v
        for a, _, v in buttons(the_card(platform, space))
        if a == action_ids.SOLUTION_EXPERIMENT_FORM
    ][:1]
    form = await paja.solutions.experiment_form(actor=WRITERS[0], value=value)
    assert isinstance(form, ExperimentForm)
    reply = await paja.solutions.submit_experiment(
        actor=WRITERS[0],
        value=form.key,
        what=what,
        owners=owners,
        review_date=when,
        form_id=f"F-{what}",
    )
    await then(reply)


async def test_a_ratkaisupaja_from_a_hukkapaja_to_its_summary(
    tiimi: TiimiCommands, platform: MemoryPlatform
) -> None:
    paja = tiimi.paja
    space = platform.add_channel("henkilosto", by_bot=False)
    assert "ei ole vielä tuloksia" in await run(paja, "ratkaisu uusi", space)
    space, _ = await finished_hukkapaja(paja, platform)
    assert "Ratkaisupaja on avattu" in await run(paja, "ratkaisu uusi", space, WRITERS[1])
    assert "on jo avattu" in await run(paja, "ratkaisu uusi", space)
    shown = solution_card(platform, space)
    assert "Ratkaisupaja: Tiedonkulku" in shown
    assert "Teema 1: Odottaminen" in shown and "Teema 2: Päällekkäisyys" in shown

    # a case: the guard, then the card
    [case_value] = [
        v for a, _, v in buttons(the_card(platform, space)) if a == action_ids.SOLUTION_CASE_FORM
    ]
    form = await paja.solutions.case_form(actor=WRITERS[2], value=case_value)
    assert isinstance(form, CaseForm)
    with pytest.raises(FormErrors) as refused:
        await paja.solutions.submit_case(
            actor=WRITERS[2], value=case_value, text=f"Asiakas {HETU} odotti", form_id="C1"
        )
    assert "henkilötunnus" in refused.value.errors["case"].lower()
    await then(
        await paja.solutions.submit_case(
            actor=WRITERS[2],
            value=case_value,
            text="Asiakas A odotti lausuntoa 6 viikkoa",
            form_id="C1",
        )
    )
    assert "Asiakastapaus 1: Asiakas A odotti lausuntoa 6 viikkoa" in solution_card(platform, space)

    # experiments: a bad date refused, then two added with their reminder rows
    with pytest.raises(FormErrors) as bad_date:
        await paja.solutions.submit_experiment(
            actor=WRITERS[0],
            value="0:0",
            what="X",
            owners=["UBERT"],
            review_date="joskus",
            form_id="B",
        )
    assert "review_date" in bad_date.value.errors
    await add_experiment(
        paja, platform, space, "Lausuntopyyntö heti kotikäynnillä", "pe 27.11.", ["UBERT", "UCARL"]
    )
    await add_experiment(paja, platform, space, "Yhteinen puhelinaika", "ma 30.11.", ["UDORA"])
    shown = solution_card(platform, space)
    assert "K1. Lausuntopyyntö heti kotikäynnillä · @UBERT, @UCARL · arvio pe 27.11.2026" in shown

    # the review reminder: a row, posted once into the space naming its owners
    async with paja.core.database.session() as session:
        rows = (await session.exec(select(Reminder))).all()
    assert [(r.kind, r.team_id) for r in rows] == [(ReminderKind.EXPERIMENT_REVIEW, None)] * 2
    w = worker(paja.core)
    before = len(platform.channels[space].messages)
    assert dict((await w.run_once()).counts) == {}
    paja.core.clock.set(FRIDAY_NINE)  # type: ignore[attr-defined]
    assert dict((await w.run_once()).counts) == {"sent": 1}
    assert dict((await w.run_once()).counts) == {}
    posted = platform.channels[space].messages[before:]
    assert len(posted) == 1
    said_text = "\n".join(block_texts(posted[0]))
    assert "@UBERT, @UCARL, tänään arvioidaan kokeilu K1" in said_text
    [(_, _, experiment_value)] = [
        b for b in buttons(posted[0]) if b[0] == action_ids.SOLUTION_REVIEW_FORM
    ]

    # the review: not by others; kept by an owner, then the other reviewed before its day
    assert "vastuutahot ja pajan vetäjä" in answer_text(
        await paja.solutions.review_form(actor=WRITERS[2], value=experiment_value)
    )
    assert await refused_row(tiimi) == ("UWRITER2", Action.REVIEW_EXPERIMENT, None)
    review = await paja.solutions.review_form(actor=Actor("UBERT", "fi"), value=experiment_value)
    assert isinstance(review, ReviewForm) and review.number == 1
    await then(
        await paja.solutions.submit_review(
            actor=Actor("UBERT", "fi"), value=experiment_value, outcome="kept", note="Toimii hyvin"
        )
    )
    assert "pidetään: Toimii hyvin" in solution_card(platform, space)
    async with paja.core.database.session() as session:
        second = (
            await session.exec(select(Reminder).where(Reminder.state == ReminderState.PENDING))
        ).all()
    assert len(second) == 1
    second_value = str(second[0].experiment_id)
    await then(
        await paja.solutions.submit_review(
            actor=WRITERS[1], value=second_value, outcome="kept", note=""
        )
    )
    paja.core.clock.advance(timedelta(days=3))  # type: ignore[attr-defined]
    assert dict((await w.run_once()).counts) == {}  # reviewed before its day: no reminder
    async with paja.core.database.session() as session:
        states = sorted(r.state for r in (await session.exec(select(Reminder))).all())
    assert states == [ReminderState.CANCELLED, ReminderState.SENT]

    # the practices' order: the Ratkaisupaja's facilitator's (who opened it), no one else's
    assert "Vain Hukkapajan vetäjä" in await run(paja, "käytännöt 2, 1", space, FACILITATOR)
    assert await refused_row(tiimi) == ("UFAC", Action.LEAD_WORKSHOP, None)
    ordered = await run(paja, "käytännöt 2, 1", space, WRITERS[1])
    assert ordered.endswith("1. Yhteinen puhelinaika → 2. Lausuntopyyntö heti kotikäynnillä")
    assert "K3 ei ole pidetty" in await run(paja, "käytännöt 3", space, WRITERS[1])
    assert "1. Yhteinen puhelinaika → 2. Lausuntopyyntö" in solution_card(platform, space)

    # the summary: privately, as text and the flow as an image
    answer = await run(paja, "yhteenveto", space, WRITERS[2])
    assert "1. Yhteinen puhelinaika → 2. Lausuntopyyntö heti kotikäynnillä" in answer
    [(person, filename, content)] = platform.files
    assert (person, filename) == (WRITERS[2].user_id, "ratkaisupaja.txt")
    assert "Asiakas A odotti lausuntoa 6 viikkoa" in content
    assert "Tulos: pidetään: Toimii hyvin" in content
    assert "Arviointi: pe 27.11.2026" in content
    assert "UBERT" in content  # the memory platform's names are the ids
    [(person, _, png, alt)] = platform.images
    assert person == WRITERS[2].user_id and png.startswith(b"\x89PNG") and len(png) < 40_000
    assert alt.endswith("1. Yhteinen puhelinaika → 2. Lausuntopyyntö heti kotikäynnillä")


async def test_a_tied_hukkapaja_opens_no_ratkaisupaja(
    tiimi: TiimiCommands, platform: MemoryPlatform, core: Core
) -> None:
    paja = tiimi.paja
    space = await open_workshop(paja, platform)
    workshop = await to_voting(paja, core, space)
    await press(paja, FACILITATOR, phase(WorkshopPhase.RESULTS), str(workshop.pk))
    assert "ei viety eteenpäin" in await run(paja, "ratkaisu uusi", space)
    assert "ei ole Ratkaisupajaa" in await run(paja, "yhteenveto", space)


async def test_two_workers_post_a_review_reminder_once(
    tiimi: TiimiCommands, platform: MemoryPlatform
) -> None:
    paja = tiimi.paja
    space, _ = await finished_hukkapaja(paja, platform)
    await run(paja, "ratkaisu uusi", space)
    await add_experiment(paja, platform, space, "Yhteinen puhelinaika", "pe 27.11.", ["UBERT"])
    before = len(platform.channels[space].messages)
    paja.core.clock.set(FRIDAY_NINE)  # type: ignore[attr-defined]
    reports = await asyncio.gather(
        worker(paja.core, "w1").run_once(), worker(paja.core, "w2").run_once()
    )
    assert sum(report.counts.get("sent", 0) for report in reports) == 1
    [posted] = platform.channels[space].messages[before:]
    assert "@UBERT, tänään arvioidaan kokeilu K1: Yhteinen puhelinaika" in block_texts(posted)[0]
