"""The shared plan in the core, on SQLite and PostgreSQL, against an in-memory platform."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from bot.context import Actor
from bot.plan import messages as plan_messages
from bot.plan.commands import StepDialog
from bot.plan.dispatch import FormErrors, StepForm
from bot.replies import Buttons, Reply
from bot.teams.dispatch import TiimiCommands
from storage import queries
from storage.db import Database
from storage.models import AuditAction
from tests.support.clock import FakeClock
from tests.support.memory_platform import MemoryPlatform
from tests.support.said import said
from tests.support.shown import block_texts, runs_shown
from tests.support.teams import team_channel

ANNA, BERT = Actor("UANNA", "fi"), Actor("UBERT", "fi")


def text_of(reply: object) -> str:
    assert isinstance(reply, Reply)
    return runs_shown(reply.message.fallback)


async def test_steps_goals_statuses_and_audit(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database, clock: FakeClock
) -> None:
    channel = await team_channel(tiimi)

    async def askel(text: str, actor: Actor = ANNA) -> str:
        return text_of(await tiimi.askel.run(actor=actor, text=said(text), channel_id=channel))

    assert await askel("tavoite Oma asunto keväällä") == "Tavoite T1 on lisätty."
    assert "Askel 1 on lisätty" in await askel("T1: Soita Kelaan <@UBERT> pe mennessä")
    assert "Askel 2 on lisätty" in await askel("Hae tukea vastuu: asiakas", BERT)
    assert (
        "*T1.* Oma asunto keväällä · avoin"
        in block_texts(platform.channels[channel].messages[1])[0]
    )
    posted = platform.channels[channel].messages[2]
    assert "*1.* Soita Kelaan · @UBERT · pe 27.11.2026 · T1" in block_texts(posted)[0]
    assert isinstance(posted.blocks[1], Buttons)

    assert await askel("valmis 1") == "Askel 1 on merkitty tehdyksi."
    updated = platform.channels[channel].messages[2]
    assert "tehty" in block_texts(updated)[0]
    assert not any(isinstance(b, Buttons) for b in updated.blocks)
    assert await askel("valmis 1") == "Askel 1 on jo merkitty tehdyksi."
    assert "ei löydy" in await askel("valmis 9")

    listing = await askel("lista")
    assert "Hae tukea · Asiakas" in listing and "Soita Kelaan" not in listing
    assert "Soita Kelaan" in await askel("kaikki")

    clock.advance(timedelta(days=10))
    assert "⚠️ myöhässä" not in await askel("lista")  # step 2 has no due date
    assert "on jo mennyt" in await askel("siirrä 2 1.11.2026")
    assert await askel("siirrä 2 pe") == "Askeleen 2 määräaika on siirretty."
    assert await askel("muokkaa 2 Hae asumistukea") == "Askelta 2 on muokattu."
    assert await askel("poista 2") == "Askel 2 on poistettu."
    assert "poistettu suunnitelmasta" in platform.channels[channel].messages[3].text

    async with database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=channel)
        assert team is not None
        actions = [e.action for e in await queries.audit_events(session, team_id=team.pk)]
    assert actions.count(AuditAction.PLAN_VIEWED) == 3  # lista, kaikki, lista
    actions = [a for a in actions if a != AuditAction.PLAN_VIEWED]
    assert actions[-7:] == [
        AuditAction.GOAL_ADDED,
        AuditAction.STEP_ADDED,
        AuditAction.STEP_ADDED,
        AuditAction.STEP_DONE,
        AuditAction.STEP_RESCHEDULED,
        AuditAction.STEP_EDITED,
        AuditAction.STEP_DELETED,
    ]


async def test_overdue_and_departed_owner_are_flagged(
    tiimi: TiimiCommands, clock: FakeClock
) -> None:
    channel = await team_channel(tiimi)
    await tiimi.askel.run(
        actor=ANNA, text=said("Soita <@UBERT> huomenna mennessä"), channel_id=channel
    )
    clock.advance(timedelta(days=3))
    await tiimi.run(actor=ANNA, text=said("poista <@UBERT>"), channel_id=channel, request_key="-")
    listing = text_of(await tiimi.askel.run(actor=ANNA, text=said("lista"), channel_id=channel))
    assert "⚠️ myöhässä" in listing and "tarvitsee uuden vastuutahon" in listing


async def test_refusals_change_nothing(tiimi: TiimiCommands, platform: MemoryPlatform) -> None:
    channel = await team_channel(tiimi)
    before = len(platform.channels[channel].messages)
    for text, expected in [
        ("Soita Kelaan 131052-308T", "henkilötunnus"),
        ("Soita <@UCARL>", "ei ole tiimin jäsen"),
        ("T3: Soita", "Tavoitetta T3 ei löydy"),
        ("Soita mennessä 30.2.", "ei ole olemassa"),
        ("Soita pe 12.12. mennessä", "la 12.12.2026 vai pe 11.12.2026"),
    ]:
        reply = text_of(await tiimi.askel.run(actor=ANNA, text=said(text), channel_id=channel))
        assert expected in reply, (text, reply)
    assert len(platform.channels[channel].messages) == before
    outside = await tiimi.askel.run(actor=ANNA, text=said("Soita"), channel_id="CELSEWHERE")
    assert "vain tiimin omalla kanavalla" in text_of(outside)


async def test_form_and_dialog(tiimi: TiimiCommands, clock: FakeClock) -> None:
    channel = await team_channel(tiimi)
    await tiimi.askel.run(actor=ANNA, text=said("tavoite Työpaikka"), channel_id=channel)
    await tiimi.run(
        actor=ANNA, text=said("osallistuja lisää läheinen"), channel_id=channel, request_key="-"
    )
    dialog = await tiimi.askel.run(actor=ANNA, text=said(""), channel_id=channel)
    assert isinstance(dialog, StepDialog)
    assert dialog.goals == ((1, "Työpaikka"),)
    assert dialog.participants == ((1, "P1 Asiakas"), (2, "P2 Läheinen"))
    assert dialog.new_roles[:2] == ("family_carer", "support_person")  # no client, close person
    assert {"client", "close_person"}.isdisjoint(dialog.new_roles) and "doctor" in dialog.new_roles
    today = clock.now().date()
    bad = StepForm("Soita 010594Y9032", ("UBERT",), ("client",), today - timedelta(days=1), None)
    try:
        tiimi.askel.check_form(actor=ANNA, form=bad)
        raise AssertionError("the form should have been refused")
    except FormErrors as refused:
        assert set(refused.errors) == {"text", "due"}
    good = StepForm("Soita Kelaan", ("UBERT",), (), today + timedelta(days=2), 1)
    step = tiimi.askel.check_form(actor=ANNA, form=good)
    sent = [
        tiimi.askel.submit_form(actor=ANNA, channel_id=channel, step=step, form_id="V1")
        for _ in range(3)  # the same form, sent three times at once
    ]
    assert await asyncio.gather(*sent) == [None, None, None]
    listing = text_of(await tiimi.askel.run(actor=ANNA, text=said("kaikki"), channel_id=channel))
    assert "*1.* Soita Kelaan · @UBERT · ke 25.11.2026 · T1" in listing
    assert "*2.*" not in listing
    outsider = StepForm("Soita", "UCARL", None, None, None)
    refusal = await tiimi.askel.submit_form(
        actor=ANNA,
        channel_id=channel,
        step=tiimi.askel.check_form(actor=ANNA, form=outsider),
        form_id="V2",
    )
    assert refusal is not None and "ei ole tiimin jäsen" in text_of(refusal)


async def test_step_list_shows_a_limited_window_and_counts_the_rest(
    tiimi: TiimiCommands, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plan_messages, "LIST_LIMIT", 3)
    channel = await team_channel(tiimi)
    for i in range(5):
        await tiimi.askel.run(actor=ANNA, text=said(f"Askel numero {i}"), channel_id=channel)
    await tiimi.askel.run(actor=ANNA, text=said("valmis 1"), channel_id=channel)

    listing = text_of(await tiimi.askel.run(actor=ANNA, text=said("lista"), channel_id=channel))
    assert [line[:4] for line in listing.splitlines()[1:4]] == ["*2.*", "*3.*", "*4.*"]
    assert listing.splitlines()[-1].startswith("…ja 1 askel lisää.")
    everything = text_of(await tiimi.askel.run(actor=ANNA, text=said("kaikki"), channel_id=channel))
    assert everything.splitlines()[-1].startswith("…ja 2 askelta lisää.")


async def test_plan_view_pages_and_export(tiimi: TiimiCommands, database: Database) -> None:
    channel = await team_channel(tiimi)
    for i in range(30):
        await tiimi.askel.run(actor=ANNA, text=said(f"Askel numero {i}"), channel_id=channel)
    first = await tiimi.askel.show_plan(actor=ANNA, channel_id=channel)
    assert isinstance(first, Reply)
    texts = " ".join(getattr(b, "text", "") for b in first.message.blocks)
    assert "Sivu 1/2" in texts and "Askel numero 24" in texts and "Askel numero 25" not in texts
    second = await tiimi.askel.show_plan(actor=ANNA, channel_id=channel, page=2)
    assert "Askel numero 25" in " ".join(getattr(b, "text", "") for b in second.message.blocks)
    past_the_end = await tiimi.askel.show_plan(actor=ANNA, channel_id=channel, page=7)
    assert past_the_end == second  # e.g. an old message's button after steps were deleted

    exported = text_of(
        await tiimi.run(actor=BERT, text=said("vie"), channel_id=channel, request_key="-")
    )
    assert exported.startswith("Minun tiimini -tiimi MT-2026-0001: yhteinen suunnitelma")
    assert "- Name of UANNA (ammattiryhmä puuttuu, vastuuhenkilö)" in exported
    assert "1. Askel numero 0 – vastuu sopimatta – ei määräaikaa – avoin" in exported
    async with database.session() as session:
        events = await queries.audit_events(session)
    assert events[-1].action == AuditAction.PLAN_EXPORTED and events[-1].actor_id == "UBERT"


async def test_a_removed_owners_step_messages_show_the_need_for_a_new_owner(
    tiimi: TiimiCommands, platform: MemoryPlatform
) -> None:
    channel = await team_channel(tiimi)
    await tiimi.askel.run(actor=ANNA, text=said("Soita Kelaan <@UBERT>"), channel_id=channel)
    await tiimi.askel.run(actor=ANNA, text=said("Varaa aika <@UANNA>"), channel_id=channel)
    bert_step, anna_step = platform.channels[channel].messages[1:3]

    reply = await tiimi.run(
        actor=ANNA, text=said("poista <@UBERT>"), channel_id=channel, request_key="-"
    )

    assert "poistettu" in text_of(reply)
    updated_bert, updated_anna = platform.channels[channel].messages[1:3]
    assert "tarvitsee uuden vastuutahon" in block_texts(updated_bert)[0]
    assert "tarvitsee uuden" not in block_texts(bert_step)[0]
    assert updated_anna == anna_step
