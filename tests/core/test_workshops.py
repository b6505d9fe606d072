"""The Hukkapaja through the core: opened in a staff space only, anonymous notes, phases by
the facilitator alone, grouping, dots with a limit that holds under concurrent presses,
results hidden until the vote closes, and a restart that changes nothing."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest_asyncio
from sqlalchemy import inspect, text

from bot import action_ids
from bot.context import Actor, Core
from bot.plan.dispatch import FormErrors
from bot.replies import Buttons, Message, Reply
from bot.teams.dispatch import TiimiCommands
from bot.workshops.dispatch import NoteForm, PajaCommands
from storage import workshop_queries as wq
from storage.db import run_select
from storage.workshops import Workshop, WorkshopPhase
from tests.support.memory_platform import MemoryPlatform
from tests.support.said import said
from tests.support.shown import block_texts, runs_shown

FACILITATOR = Actor("UFAC", "fi")
WRITERS = [Actor(f"UWRITER{i}", "fi") for i in range(3)]
VOTERS = [Actor(f"UVOTER{i}", "fi") for i in range(4)]


@pytest_asyncio.fixture
async def paja(tiimi: TiimiCommands) -> PajaCommands:
    return tiimi.paja


def answer_text(reply: object) -> str:
    assert isinstance(reply, Reply), reply
    return runs_shown(reply.message.fallback)


def card(platform: MemoryPlatform, space: str) -> Message:
    [message] = platform.channels[space].messages
    return message


def card_text(platform: MemoryPlatform, space: str) -> str:
    return "\n".join(block_texts(card(platform, space)))


def buttons(message: Message) -> list[tuple[str, str, str]]:
    return [
        (b.action_id, b.label, b.value)
        for block in message.blocks
        if isinstance(block, Buttons)
        for b in block.buttons
    ]


async def open_workshop(paja: PajaCommands, platform: MemoryPlatform, topic: str = "") -> str:
    space = platform.add_channel("henkilosto", by_bot=False)
    reply = await paja.run(
        actor=FACILITATOR, text=said(f"hukka uusi {topic or 'Tiedonkulku'}"), channel_id=space
    )
    assert "Hukkapaja on avattu" in answer_text(reply)
    return space


async def workshop_in(core: Core, space: str) -> Workshop:
    async with core.database.session() as session:
        workshop = await wq.latest_in(session, space_id=space)
    assert workshop is not None
    return workshop


async def write(paja: PajaCommands, workshop_id: int, note: str, *, by: Actor, form: str) -> None:
    reply = await paja.submit_note(
        actor=by, value=str(workshop_id), text=note, waste="waiting", form_id=form
    )
    assert reply.then is not None
    await reply.then()


async def press(paja: PajaCommands, actor: Actor, action_id: str, value: str) -> str:
    if action_id.startswith(action_ids.WORKSHOP_PHASE):
        reply = await paja.press_phase(actor=actor, action_id=action_id, value=value)
    elif action_id == action_ids.WORKSHOP_DOT:
        reply = await paja.press_dot(actor=actor, value=value)
    elif action_id == action_ids.WORKSHOP_MY_DOTS:
        reply = await paja.press_my_dots(actor=actor, value=value)
    else:
        reply = await paja.press_notes(actor=actor, value=value)
    return answer_text(reply)


def phase(to: WorkshopPhase) -> str:
    return action_ids.variant(action_ids.WORKSHOP_PHASE, to)


async def to_voting(paja: PajaCommands, core: Core, space: str) -> Workshop:
    """Three notes, grouped into two themes, and the vote started."""
    workshop = await workshop_in(core, space)
    for i, note in enumerate(["Odotamme lausuntoja", "Tieto ei kulje", "Päällekkäisiä käyntejä"]):
        await write(paja, workshop.pk, note, by=WRITERS[i], form=f"V{i}")
    value = str(workshop.pk)
    await press(paja, FACILITATOR, phase(WorkshopPhase.GROUPING), value)
    await paja.run(actor=FACILITATOR, text=said("teema Odottaminen: 1, 2"), channel_id=space)
    await paja.run(actor=FACILITATOR, text=said("teema Päällekkäisyys: 3"), channel_id=space)
    await press(paja, FACILITATOR, phase(WorkshopPhase.VOTING), value)
    return workshop


async def theme_ids(core: Core, workshop_id: int) -> dict[int, int]:
    async with core.database.session() as session:
        return {t.number: t.pk for t in await wq.themes(session, workshop_id=workshop_id)}


async def test_a_workshop_opens_in_a_staff_space_only(
    tiimi: TiimiCommands, platform: MemoryPlatform
) -> None:
    paja = tiimi.paja
    refused = await paja.run(actor=FACILITATOR, text=said("hukka uusi Aihe"), channel_id="")
    assert "henkilöstön kanavalla" in answer_text(refused)
    await tiimi.run(actor=FACILITATOR, text=said("uusi <@UBERT>"), channel_id="D", request_key="k")
    [team_channel] = [c.id for c in platform.channels.values() if c.name.startswith("mt-")]
    refused = await paja.run(
        actor=FACILITATOR, text=said("hukka uusi Aihe"), channel_id=team_channel
    )
    assert "asiakkaan tiimin kanava" in answer_text(refused)
    assert len(platform.channels[team_channel].messages) == 1  # the welcome only

    space = await open_workshop(paja, platform, "Tiedonkulku kotiutuksessa pisteet 5")
    shown = card_text(platform, space)
    assert "Hukkapaja: Tiedonkulku kotiutuksessa" in shown
    assert "*keruu* → ryhmittely → äänestys → tulokset" in shown
    assert "Lappuja: *0*" in shown and "Vetäjä: @UFAC" in shown
    assert [b[:2] for b in buttons(card(platform, space))] == [
        (action_ids.WORKSHOP_NOTE_FORM, "Kirjoita hukka"),
        (phase(WorkshopPhase.GROUPING), "Päätä keruu"),
    ]
    assert (await workshop_in(paja.core, space)).dots_per_person == 5
    again = await paja.run(actor=WRITERS[0], text=said("hukka uusi Toinen"), channel_id=space)
    assert "on jo Hukkapaja käynnissä" in answer_text(again)


async def test_a_space_the_bot_cannot_post_in_keeps_no_workshop(
    paja: PajaCommands, platform: MemoryPlatform
) -> None:
    space = platform.add_channel("ulkopuolella", by_bot=False)
    platform.channels[space].archived = True
    reply = await paja.run(actor=FACILITATOR, text=said("hukka uusi Aihe"), channel_id=space)
    assert "Tiimi ei voi kirjoittaa tälle kanavalle" in answer_text(reply)
    async with paja.core.database.session() as session:
        assert await wq.latest_in(session, space_id=space) is None


async def test_notes_are_anonymous_and_numbered_at_random(
    paja: PajaCommands, platform: MemoryPlatform
) -> None:
    space = await open_workshop(paja, platform)
    workshop = await workshop_in(paja.core, space)
    form = await paja.note_form(actor=WRITERS[0], value=str(workshop.pk))
    assert form == NoteForm(workshop.pk)
    texts = [f"Este numero {i}" for i in range(8)]
    for i, note in enumerate(texts):
        await write(paja, workshop.pk, note, by=WRITERS[i % 3], form=f"V{i}")
    await write(paja, workshop.pk, texts[0], by=WRITERS[0], form="V0")  # the same form again
    assert "Lappuja: *8*" in card_text(platform, space)
    assert not any(t in card_text(platform, space) for t in texts)  # the count only

    columns = {c["name"] for c in await _columns(paja.core, "workshop_note")}
    assert columns == {"id", "workshop_id", "number", "text", "waste", "theme_id"}
    dump = await _database_text(paja.core)
    assert all(writer.user_id not in dump for writer in WRITERS)

    answer = await press(paja, FACILITATOR, phase(WorkshopPhase.GROUPING), str(workshop.pk))
    assert "satunnaiseen järjestykseen" in answer
    async with paja.core.database.session() as session:
        notes = await wq.notes(session, workshop_id=workshop.pk)
    assert sorted(n.number for n in notes if n.number) == list(range(1, 9))
    listing = await paja.run(actor=FACILITATOR, text=said("teemat"), channel_id=space)
    assert isinstance(listing, Reply)
    listed = "\n".join(block_texts(listing.message))
    assert all(f"*{n}.* Este numero" in listed for n in range(1, 9))
    assert all(writer.user_id not in listed for writer in WRITERS)
    refused = await paja.note_form(actor=WRITERS[1], value=str(workshop.pk))
    assert "keruu on jo päättynyt" in answer_text(refused)


async def test_a_note_passes_the_identity_code_guard(
    paja: PajaCommands, platform: MemoryPlatform
) -> None:
    space = await open_workshop(paja, platform)
    workshop = await workshop_in(paja.core, space)
    for typed, expected in [("Asiakas 131052-308T odottaa", "henkilötunnu"), ("  ", "Kirjoita")]:
        try:
            await paja.submit_note(
                actor=WRITERS[0], value=str(workshop.pk), text=typed, waste=None, form_id="V1"
            )
        except FormErrors as errors:
            assert expected in errors.errors["text"]
        else:
            raise AssertionError("the note was taken")
    assert "131052-308T" not in await _database_text(paja.core)
    assert "Lappuja: *0*" in card_text(platform, space)


async def test_only_the_facilitator_leads_and_phases_go_in_order(
    paja: PajaCommands, platform: MemoryPlatform
) -> None:
    space = await open_workshop(paja, platform)
    workshop = await workshop_in(paja.core, space)
    value = str(workshop.pk)
    assert "Vain Hukkapajan vetäjä" in await press(
        paja, WRITERS[0], phase(WorkshopPhase.GROUPING), value
    )
    assert "Lappuja ei ole vielä" in await press(
        paja, FACILITATOR, phase(WorkshopPhase.GROUPING), value
    )
    assert "järjestyksessä" in await press(paja, FACILITATOR, phase(WorkshopPhase.RESULTS), value)
    await write(paja, workshop.pk, "Odottamista", by=WRITERS[0], form="V1")
    await press(paja, FACILITATOR, phase(WorkshopPhase.GROUPING), value)
    assert "jo siinä vaiheessa" in await press(
        paja, FACILITATOR, phase(WorkshopPhase.GROUPING), value
    )
    refused = await paja.run(actor=WRITERS[0], text=said("teema Odotus: 1"), channel_id=space)
    assert "Vain Hukkapajan vetäjä" in answer_text(refused)
    assert "Vain Hukkapajan vetäjä" in await press(
        paja, WRITERS[0], action_ids.WORKSHOP_NOTES, value
    )
    assert "Tee ensin ainakin yksi teema" in await press(
        paja, FACILITATOR, phase(WorkshopPhase.VOTING), value
    )


async def test_grouping_moves_notes_and_removes_emptied_themes(
    paja: PajaCommands, platform: MemoryPlatform
) -> None:
    space = await open_workshop(paja, platform)
    workshop = await workshop_in(paja.core, space)
    for i in range(4):
        await write(paja, workshop.pk, f"Lappu {i}", by=WRITERS[0], form=f"V{i}")
    await press(paja, FACILITATOR, phase(WorkshopPhase.GROUPING), str(workshop.pk))

    async def run(typed: str) -> str:
        return answer_text(await paja.run(actor=FACILITATOR, text=said(typed), channel_id=space))

    assert await run("teema Odottaminen: 1, 2") == "Teema *1. Odottaminen* on tehty."
    assert await run("teema Etsiminen: 3") == "Teema *2. Etsiminen* on tehty."
    assert "Lappuja 9 ei ole; lappuja on 4." in await run("teema Etsiminen: 9")
    moved = await run("teema odottaminen: 3-4")
    assert moved == (
        "Laput lisättiin teemaan *1. Odottaminen*. 1 lappu siirtyi toisesta teemasta. "
        "Tyhjiksi jääneet teemat poistettiin: 2."
    )
    shown = card_text(platform, space)
    assert "*1.* Odottaminen (4 lappua)" in shown and "Etsiminen" not in shown
    assert "purettu" in await run("teema poista 1")
    assert "Teemaa 1 ei ole" in await run("teema poista 1")
    listing = await paja.run(actor=FACILITATOR, text=said("teemat"), channel_id=space)
    assert isinstance(listing, Reply)
    assert "Ei missään teemassa" in "\n".join(block_texts(listing.message))


async def test_dots_stack_up_to_the_limit_and_results_stay_hidden_until_closed(
    paja: PajaCommands, platform: MemoryPlatform
) -> None:
    space = await open_workshop(paja, platform)
    workshop = await to_voting(paja, paja.core, space)
    themes = await theme_ids(paja.core, workshop.pk)
    value = str(workshop.pk)
    shown = card_text(platform, space)
    assert "Äänestäneitä: *0*" in shown and "• Odotamme lausuntoja (odottaminen)" in shown
    dot = action_ids.WORKSHOP_DOT
    assert "2 pistettä jäljellä" in await press(paja, VOTERS[0], dot, str(themes[1]))
    assert "1 piste jäljellä" in await press(paja, VOTERS[0], dot, str(themes[1]))
    assert "0 pistettä jäljellä" in await press(paja, VOTERS[0], dot, str(themes[2]))
    assert "kaikki 3 pistettäsi" in await press(paja, VOTERS[0], dot, str(themes[2]))
    mine = await press(paja, VOTERS[0], action_ids.WORKSHOP_MY_DOTS, value)
    assert mine == "Pisteesi: teema 1: 2 pistettä, teema 2: 1 piste. Jäljellä 0 pistettä."
    await press(paja, VOTERS[1], dot, str(themes[2]))
    shown = card_text(platform, space)
    assert "Äänestäneitä: *2*" in shown
    assert "pistettä" not in shown.split("Äänestäneitä")[1]  # no theme's count while voting

    assert "Vain Hukkapajan vetäjä" in await press(
        paja, VOTERS[0], phase(WorkshopPhase.RESULTS), value
    )
    await press(paja, FACILITATOR, phase(WorkshopPhase.RESULTS), value)
    shown = card_text(platform, space)
    assert "äänestäneitä oli 2" in shown
    assert "*1. Odottaminen* · 2 pistettä · *viedään eteenpäin*" in shown
    assert "*2. Päällekkäisyys* · 2 pistettä · *viedään eteenpäin*" in shown
    assert buttons(card(platform, space)) == []
    assert "jo suljettu" in await press(paja, VOTERS[2], dot, str(themes[1]))
    async with paja.core.database.session() as session:
        dots = await run_select(session, text("SELECT voter FROM workshop_dot"))
        closed = await wq.get_workshop(session, workshop_id=workshop.pk)
    assert len(dots) == 4 and {row[0] for row in dots} == {None}
    assert closed is not None and closed.salt is None and closed.open_space is None
    # the space may run its next workshop
    reopened = await paja.run(actor=VOTERS[0], text=said("hukka uusi Uusi"), channel_id=space)
    assert "Hukkapaja on avattu" in answer_text(reopened)


async def test_concurrent_presses_never_give_more_than_the_dots(
    paja: PajaCommands, platform: MemoryPlatform
) -> None:
    space = await open_workshop(paja, platform)
    workshop = await to_voting(paja, paja.core, space)
    themes = await theme_ids(paja.core, workshop.pk)
    presses = [
        press(paja, VOTERS[0], action_ids.WORKSHOP_DOT, str(themes[1 + i % 2])) for i in range(9)
    ]
    presses += [press(paja, VOTERS[1], action_ids.WORKSHOP_DOT, str(themes[1])) for _ in range(5)]
    answers = await asyncio.gather(*presses)
    assert sum("Annoit pisteen" in a for a in answers) == 6, answers
    async with paja.core.database.session() as session:
        counted = await wq.dots_by_theme(session, workshop_id=workshop.pk)
        voters = await wq.voters(session, workshop_id=workshop.pk)
    assert sum(counted.values()) == 6 and voters == 2
    assert "Äänestäneitä: *2*" in card_text(platform, space)


async def test_a_restart_carries_on_from_the_rows(core: Core, platform: MemoryPlatform) -> None:
    space = await open_workshop(PajaCommands(core), platform)
    workshop = await to_voting(PajaCommands(core), core, space)
    themes = await theme_ids(core, workshop.pk)
    await press(PajaCommands(core), VOTERS[0], action_ids.WORKSHOP_DOT, str(themes[1]))
    await press(PajaCommands(core), VOTERS[0], action_ids.WORKSHOP_DOT, str(themes[1]))
    after = PajaCommands(core)  # another process, or the same after a restart
    assert "0 pistettä jäljellä" in await press(
        after, VOTERS[0], action_ids.WORKSHOP_DOT, str(themes[2])
    )
    assert "kaikki 3" in await press(after, VOTERS[0], action_ids.WORKSHOP_DOT, str(themes[1]))
    await press(after, FACILITATOR, phase(WorkshopPhase.RESULTS), str(workshop.pk))
    assert "*1. Odottaminen* · 2 pistettä · *viedään eteenpäin*" in card_text(platform, space)


async def _columns(core: Core, table: str) -> list[dict[str, Any]]:
    async with core.database.engine.connect() as conn:
        return await conn.run_sync(lambda sync: inspect(sync).get_columns(table))


async def _database_text(core: Core) -> str:
    """Every row of every table as text."""
    async with core.database.engine.connect() as conn:
        names = await conn.run_sync(lambda sync: inspect(sync).get_table_names())
        rows = [
            repr(tuple(row))
            for name in names
            for row in (await conn.execute(text(f'SELECT * FROM "{name}"'))).all()
        ]
    return "\n".join(rows)
