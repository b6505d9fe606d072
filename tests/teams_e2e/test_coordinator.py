"""Coordinators on Teams through the real bot: `tiimi avoimet`, its CSV and `tiimi tilastot`
reach only the asker's personal chat, never a group chat, and show codes and figures, never a
goal's or step's text; a non-coordinator sees only her own teams and is refused the rest."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import col, select

from bot import action_ids
from storage.models import AuditAction, AuditEvent
from tests.fake_teams.state import Conversation, User
from tests.teams_e2e.conftest import People
from tests.teams_e2e.harness import TeamsBot, texts
from tests.teams_e2e.test_opening import open_team

CODE = "MT-2026-0001"
GOAL, STEP = "Oma asunto kevääseen mennessä", "Soita Kelaan"
OVERVIEW_ALL = "Avoimet tiimit (1\\), eniten huomiota tarvitsevat ensin"  # `)` escaped for cards
OVERVIEW_MINE = "Omat avoimet tiimisi (1\\)"
REFUSED = "Vain koordinaattorit voivat tehdä tämän."
CSV_HEADER = "code,channel,convenor,age_days,members"
CSV_SENT = "CSV-muotoisena tekstinä, jonka voit kopioida taulukkolaskentaan."


async def open_with(bot: TeamsBot, people: People, *members: User) -> Conversation:
    """Anna opens a team by dialog with these members chosen; its new group chat."""
    personal = bot.personal(people.anna)
    before = {chat.id for chat in bot.case_chats()}
    form = await bot.fetch_form(personal, people.anna, action_ids.OPEN_TEAM_FORM)
    chosen = ",".join(member.id for member in members)
    await bot.submit_form(personal, people.anna, form, members=chosen, consent="true")
    (chat,) = [chat for chat in bot.case_chats() if chat.id not in before]
    return chat


async def write_plan(bot: TeamsBot, chat: Conversation, people: People) -> None:
    """A goal and a step typed into the case chat: the content coordinators must not see."""
    await bot.say(chat, people.anna, f"askel tavoite {GOAL}")
    await bot.say(
        chat, people.anna, f"askel {STEP} @Bertta Berg pe mennessä", mentions=(people.bertta,)
    )
    said = "\n".join(texts(chat))
    assert GOAL in said and STEP in said, said


def personal_chats(bot: TeamsBot, people: People) -> dict[str, int]:
    """How many messages each person's personal chat holds."""
    everyone = (people.anna, people.bertta, people.kaisa)
    return {person.id: len(bot.personal(person).posted) for person in everyone}


def new_texts(bot: TeamsBot, person: User, seen: dict[str, int]) -> list[str]:
    return texts(bot.personal(person))[seen[person.id] :]


def content_free(lines: list[str]) -> bool:
    return not any(GOAL in line or STEP in line or "Oma asunto" in line for line in lines)


async def audited(bot: TeamsBot, person: User) -> list[str]:
    async with bot.database.session() as session:
        query = select(AuditEvent).where(col(AuditEvent.actor_id) == person.id)
        return [event.action for event in (await session.exec(query)).all()]


@pytest.mark.parametrize("where", ["case chat", "workroom"])
async def test_a_coordinators_overview_asked_in_a_group_chat_reaches_only_her(
    bot: TeamsBot, people: People, where: str
) -> None:
    case_chat = await open_with(bot, people, people.bertta, people.kaisa)
    await write_plan(bot, case_chat, people)
    chat = case_chat if where == "case chat" else people.workroom
    posted, updated = len(chat.posted), len(chat.updated)
    seen = personal_chats(bot, people)

    await bot.say(chat, people.kaisa, "tiimi avoimet")

    assert (len(chat.posted), len(chat.updated)) == (posted, updated)
    assert len(case_chat.posted) == 3  # the welcome, the goal and the step: nothing more
    (overview,) = new_texts(bot, people.kaisa, seen)
    assert OVERVIEW_ALL in overview and CODE in overview
    assert "askeleet: 1 avoinna, 0 myöhässä" in overview and content_free([overview])
    assert new_texts(bot, people.anna, seen) == new_texts(bot, people.bertta, seen) == []
    assert AuditAction.TEAMS_LISTED in await audited(bot, people.kaisa)


async def test_a_coordinators_overview_in_her_personal_chat_lists_codes_and_no_content(
    bot: TeamsBot, people: People
) -> None:
    await open_team(bot, people)  # Bertta and Cecilia; Kaisa is no member
    (chat,) = bot.case_chats()
    await write_plan(bot, chat, people)
    personal = bot.personal(people.kaisa)

    await bot.say(personal, people.kaisa, "tiimi avoimet")
    await bot.say(personal, people.kaisa, "avoimet")  # the personal chat needs no `tiimi`

    first, second = texts(personal)
    assert first == second
    assert OVERVIEW_ALL in first and CODE in first and "3 jäsentä" in first
    assert content_free(texts(personal))
    assert people.kaisa.id not in chat.members  # she sees it as a coordinator


async def test_a_non_coordinator_sees_her_own_teams_and_is_refused_the_rest_privately(
    bot: TeamsBot, people: People
) -> None:
    chat = await open_with(bot, people, people.bertta, people.cecilia)
    await open_with(bot, people, people.cecilia, people.kaisa)  # MT-2026-0002, no Bertta
    posted = len(chat.posted)
    seen = personal_chats(bot, people)

    for command in ("tiimi avoimet", "tiimi avoimet csv", "tiimi tilastot"):
        await bot.say(chat, people.bertta, command)

    assert len(chat.posted) == posted
    mine, csv_refused, stats_refused = new_texts(bot, people.bertta, seen)
    assert OVERVIEW_MINE in mine and CODE in mine and "MT-2026-0002" not in mine
    assert OVERVIEW_ALL not in mine
    assert csv_refused == stats_refused == REFUSED
    assert new_texts(bot, people.anna, seen) == new_texts(bot, people.kaisa, seen) == []
    refusals = [a for a in await audited(bot, people.bertta) if a == AuditAction.ACCESS_REFUSED]
    assert len(refusals) == 2


async def test_statistics_and_the_csv_for_a_coordinator_go_only_to_her_personal_chat(
    bot: TeamsBot, people: People
) -> None:
    chat = await open_with(bot, people, people.bertta, people.kaisa)
    await write_plan(bot, chat, people)
    bot.clock.advance(timedelta(minutes=5))  # the period ends now: the opening falls within
    posted = len(chat.posted)
    seen = personal_chats(bot, people)

    await bot.say(chat, people.kaisa, "tiimi tilastot")
    await bot.say(chat, people.kaisa, "tiimi avoimet csv")

    assert len(chat.posted) == posted
    statistics, table, sent = new_texts(bot, people.kaisa, seen)
    assert statistics.startswith("Tilastot su 23.11.2025–ma 23.11.2026")
    assert "**Avattuja tiimejä:** 1 · **suljettuja:** 0" in statistics
    header, row = table.splitlines()
    assert header.startswith(CSV_HEADER)
    assert row.startswith(f"{CODE},{chat.id},{people.anna.id},0,3,")
    assert sent.startswith("Taulukko (1 tiimi\\)") and sent.endswith(CSV_SENT)
    assert content_free([statistics, table, sent])
    assert new_texts(bot, people.anna, seen) == new_texts(bot, people.bertta, seen) == []
    actions = await audited(bot, people.kaisa)
    assert AuditAction.STATISTICS_VIEWED in actions and AuditAction.TEAMS_EXPORTED in actions
