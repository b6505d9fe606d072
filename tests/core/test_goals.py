"""Goals in the core, on SQLite and PostgreSQL: posted in the channel, edited in place,
reached, no longer relevant, reopened and removed; the plan grouped by goal."""

from __future__ import annotations

import re

import pytest

from bot.context import Actor
from bot.plan import messages as plan_messages
from bot.replies import Buttons, Message, Reply
from bot.teams.dispatch import TiimiCommands
from storage import queries
from storage.db import Database
from storage.models import AuditAction, Goal
from tests.support.memory_platform import MemoryPlatform
from tests.support.said import said
from tests.support.shown import block_texts, runs_shown
from tests.support.teams import team_channel

ANNA, BERT = Actor("UANNA", "fi"), Actor("UBERT", "fi")


def text_of(reply: object) -> str:
    assert isinstance(reply, Reply)
    return runs_shown(reply.message.fallback)


def buttons_of(message: Message) -> list[str]:
    return [
        b.action_id for block in message.blocks if isinstance(block, Buttons) for b in block.buttons
    ]


def plan_text(reply: object) -> str:
    assert isinstance(reply, Reply)
    return "\n".join(block_texts(reply.message))


async def test_a_goal_lives_in_its_channel_post(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database
) -> None:
    channel = await team_channel(tiimi)
    messages = platform.channels[channel].messages

    async def askel(text: str, actor: Actor = ANNA) -> str:
        return text_of(await tiimi.askel.run(actor=actor, text=said(text), channel_id=channel))

    assert await askel("tavoite Oma asunto keväällä") == "Tavoite T1 on lisätty."
    posted = len(messages) - 1
    assert messages[posted].text == "Tavoite T1: Oma asunto keväällä"
    assert "*T1.* Oma asunto keväällä · avoin" in block_texts(messages[posted])[0]
    assert buttons_of(messages[posted]) == ["goal_status:reached", "goal_status:not_relevant"]

    assert await askel("tavoite muokkaa T1 Oma asunto syksyllä", BERT) == (
        "Tavoitetta T1 on muokattu."
    )
    assert len(messages) == posted + 1  # updated in place
    assert "*T1.* Oma asunto syksyllä · avoin" in block_texts(messages[posted])[0]
    assert "Viimeksi muuttanut @UBERT" in block_texts(messages[posted])[-1]

    assert await askel("tavoite saavutettu T1") == "Tavoite T1 on merkitty saavutetuksi."
    assert "· saavutettu" in block_texts(messages[posted])[0]
    assert buttons_of(messages[posted]) == ["goal_status:open"]
    assert await askel("tavoite saavutettu T1") == "Tavoite T1 on jo merkitty saavutetuksi."
    reopened = await tiimi.askel.press_goal(
        actor=BERT, channel_id=channel, action_id="goal_status:open", value="1"
    )
    assert text_of(reopened) == "Tavoite T1 on taas avoin."
    dropped = await tiimi.askel.press_goal(
        actor=BERT, channel_id=channel, action_id="goal_status:not_relevant", value="1"
    )
    assert text_of(dropped) == "Tavoite T1 on merkitty: ei enää ajankohtainen."
    assert "· ei enää ajankohtainen" in block_texts(messages[posted])[0]
    assert await askel("tavoite avaa T1") == "Tavoite T1 on taas avoin."
    assert await askel("tavoite avaa T1") == "Tavoite T1 on jo avoin."
    assert "henkilötunnus" in await askel("tavoite muokkaa T1 Asunto 131052-308T")
    assert "ei löydy" in await askel("tavoite saavutettu T9")
    assert len(messages) == posted + 1

    async with database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=channel)
        assert team is not None
        events = await queries.audit_events(session, team_id=team.pk)
    goal_events = [(e.action, e.actor_id, e.detail) for e in events if "goal" in e.action]
    assert goal_events == [
        (AuditAction.GOAL_ADDED, "UANNA", "T1"),
        (AuditAction.GOAL_EDITED, "UBERT", "T1"),
        (AuditAction.GOAL_REACHED, "UANNA", "T1"),
        (AuditAction.GOAL_REOPENED, "UBERT", "T1"),
        (AuditAction.GOAL_NOT_RELEVANT, "UBERT", "T1"),
        (AuditAction.GOAL_REOPENED, "UANNA", "T1"),
    ]
    assert all("asunto" not in (e.detail or "").lower() for e in events)


async def test_a_removed_goal_leaves_its_steps_and_its_number(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database
) -> None:
    channel = await team_channel(tiimi)
    messages = platform.channels[channel].messages

    async def askel(text: str) -> str:
        return text_of(await tiimi.askel.run(actor=ANNA, text=said(text), channel_id=channel))

    await askel("tavoite Oma asunto")
    goal_post = len(messages) - 1
    await askel("T1: Soita Kelaan <@UBERT>")
    await askel("T1: Käy asuntonäytöllä")
    await askel("poista 2")
    step_post = goal_post + 1
    assert "· T1" in block_texts(messages[step_post])[0]

    assert await askel("tavoite poista T1") == (
        "Tavoite T1 on poistettu. Sen alla ollut 1 askel jäi suunnitelmaan ilman tavoitetta."
    )
    assert messages[goal_post].text == "Tavoite T1 on poistettu suunnitelmasta."
    assert not buttons_of(messages[goal_post])
    assert "*1.* Soita Kelaan · @UBERT" in block_texts(messages[step_post])[0]
    assert "T1" not in block_texts(messages[step_post])[0]  # re-rendered without the goal
    assert "ei löydy" in await askel("tavoite avaa T1")
    assert "Tavoitetta T1 ei löydy" in await askel("T1: Soita")
    assert await askel("tavoite Työpaikka") == "Tavoite T2 on lisätty."  # T1 is not reused
    assert await askel("tavoite poista T2") == "Tavoite T2 on poistettu."

    async with database.session() as session:
        team = await queries.get_team_by_channel(session, channel_id=channel)
        assert team is not None
        removed = await session.get(Goal, 1)
        events = await queries.audit_events(session, team_id=team.pk)
    assert removed is not None and removed.text == "" and removed.status == "removed"
    assert [e.detail for e in events if e.action == AuditAction.GOAL_REMOVED] == ["T1", "T2"]
    view = plan_text(await tiimi.askel.show_plan(actor=ANNA, channel_id=channel))
    assert "T1" not in view and "*Askeleet ilman tavoitetta*\n*1.* Soita Kelaan" in view


async def test_the_plan_groups_steps_under_their_goals(tiimi: TiimiCommands) -> None:
    channel = await team_channel(tiimi)
    for text in [
        "tavoite Oma asunto",
        "tavoite Työpaikka",
        "tavoite Harrastus",
        "Soita Kelaan",
        "T2: Hae töitä <@UBERT>",
        "T1: Käy asuntonäytöllä",
        "T2: Päivitä CV",
        "valmis 4",
        "tavoite saavutettu T2",
        "tavoite ei T3",
    ]:
        await tiimi.askel.run(actor=ANNA, text=said(text), channel_id=channel)

    view = await tiimi.askel.show_plan(actor=ANNA, channel_id=channel)
    assert isinstance(view, Reply)
    assert block_texts(view.message)[1:5] == [
        "*T1.* Oma asunto · avoin\n*3.* Käy asuntonäytöllä · vastuu sopimatta",
        "*T2.* Työpaikka · saavutettu\n*2.* Hae töitä · @UBERT\n*4.* Päivitä CV · vastuu sopimatta"
        " · tehty",
        "*T3.* Harrastus · ei enää ajankohtainen\nei askeleita vielä",
        "*Askeleet ilman tavoitetta*\n*1.* Soita Kelaan · vastuu sopimatta",
    ]

    exported = text_of(
        await tiimi.run(actor=ANNA, text=said("vie"), channel_id=channel, request_key="-")
    )
    part = exported.split("Tavoitteet ja askeleet:\n", 1)[1].split("\n\n", 1)[0]
    assert part.splitlines() == [
        "T1. Oma asunto – avoin",
        "  3. Käy asuntonäytöllä – vastuu sopimatta – ei määräaikaa – avoin",
        "T2. Työpaikka – saavutettu",
        "  2. Hae töitä – Name of UBERT – ei määräaikaa – avoin",
        "  4. Päivitä CV – vastuu sopimatta – ei määräaikaa – tehty",
        "T3. Harrastus – ei enää ajankohtainen",
        "  ei askeleita vielä",
        "Askeleet ilman tavoitetta:",
        "  1. Soita Kelaan – vastuu sopimatta – ei määräaikaa – avoin",
    ]


async def test_each_goal_is_shown_on_the_pages_of_its_steps(
    tiimi: TiimiCommands, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plan_messages, "STEPS_PER_PAGE", 2)
    channel = await team_channel(tiimi)
    for text in [
        *(f"tavoite Tavoite {n}" for n in range(1, 6)),
        "T2: Askel a",
        "T4: Askel b",
        "T4: Askel c",
        "Askel d",
        "T2: Askel e",
    ]:
        await tiimi.askel.run(actor=ANNA, text=said(text), channel_id=channel)
    pages = [
        plan_text(await tiimi.askel.show_plan(actor=ANNA, channel_id=channel, page=page))
        for page in (1, 2, 3)
    ]
    headings = [re.findall(r"\*(T\d)\.\*|(Askeleet ilman)", page) for page in pages]
    assert [[a or b for a, b in page] for page in headings] == [
        ["T1", "T2"],  # T1 has no steps: before T2's, on the first page
        ["T3", "T4"],  # T3 has none either: between T2's steps and T4's
        ["T5", "Askeleet ilman"],  # T5 after T4's: on the page of the steps without a goal
    ]
    assert "*1.* Askel a" in pages[0] and "*5.* Askel e" in pages[0]
