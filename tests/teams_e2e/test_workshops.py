"""A Hukkapaja on Teams through the real bot: opened by a typed `@Tiimi paja`, in a staff chat
that is no case's, a note written in the card's dialog (anonymous: the bot's outgoing calls
never carry it beside the writer), the phases by the facilitator's buttons, and a dot whose
answer only the voter sees."""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import select

from bot import action_ids
from bot.i18n import Catalog
from storage.workshops import Workshop, WorkshopNote
from tests.fake_teams.state import Conversation
from tests.teams_e2e.conftest import People
from tests.teams_e2e.harness import TeamsBot, buttons, texts
from tests.teams_e2e.test_opening import open_team

FI = Catalog("fi", "teams")
CARD = "application/vnd.microsoft.card.adaptive"
MESSAGE = "application/vnd.microsoft.activity.message"
NOTE = "Lähetteet jäävät odottamaan viikoiksi"


def card_now(chat: Conversation, card_id: str) -> dict[str, Any]:
    """The card as everyone sees it now: the last update, or the post."""
    for activity in reversed(chat.updated):
        if activity["id"] == card_id:
            return activity
    (posted,) = [a for a in chat.posted if a["id"] == card_id]
    return posted


def by_title(card: dict[str, Any], title: str) -> dict[str, Any]:
    (found,) = [b for b in buttons(card) if b.get("title") == title]
    return found


async def stored(bot: TeamsBot) -> tuple[Workshop, list[WorkshopNote]]:
    """The one workshop and its notes."""
    async with bot.database.session() as session:
        (workshop,) = (await session.exec(select(Workshop))).all()
        notes = list((await session.exec(select(WorkshopNote))).all())
    return workshop, notes


async def test_a_note_through_the_dialog_and_a_dot_on_teams(bot: TeamsBot, people: People) -> None:
    anna, bertta, chat = people.anna, people.bertta, people.workroom
    personal = bot.personal(anna)
    before = len(personal.posted)
    assert await bot.say(chat, anna, "paja hukka uusi Lähetteiden kulku") < 300
    (card,) = chat.posted
    assert "Hukkapaja: Lähetteiden kulku" in texts(chat)[0] and "Lappuja: **0**" in texts(chat)[0]
    (opened,) = texts(personal)[before:]
    assert "Hukkapaja on avattu" in opened and "keskustelussa" in opened
    write = by_title(card, "Kirjoita hukka")
    assert write["type"] == "Action.Submit" and write["data"]["msteams"] == {"type": "task/fetch"}
    value = write["data"]["value"]

    form = await bot.fetch_form(chat, bertta, action_ids.WORKSHOP_NOTE_FORM, value)
    shown = json.dumps(form, ensure_ascii=False)
    assert "tunnistettavia tietoja" in shown and "odottaminen" in shown
    refused = await bot.submit_form(chat, bertta, form, text="Asiakas 131052-308T", waste="")
    assert "henkilötunnu" in json.dumps(refused, ensure_ascii=False)
    assert "131052" not in json.dumps(refused)
    done = await bot.submit_form(chat, bertta, form, text=NOTE, waste="waiting")
    assert done == {"task": {"type": "message", "value": FI.plain("workshop_note_added")}}
    again = await bot.submit_form(chat, bertta, form, text=NOTE, waste="waiting")  # sent twice
    assert again["task"]["type"] == "message"
    _, notes = await stored(bot)
    assert [(n.text, n.waste) for n in notes] == [(NOTE, "waiting")]
    assert "Lappuja: **1**" in "\n".join(texts(_as_chat(card_now(chat, card["id"]))))
    _never_beside_its_writer(bot, bertta.id)

    # the phases by Anna's buttons: Bertta is refused, privately
    grouping = by_title(card_now(chat, card["id"]), "Päätä keruu")
    status, body = await bot.press(chat, bertta, card["id"], grouping["verb"], value)
    assert body["type"] == MESSAGE and body["value"] == FI.plain("workshop_only_facilitator")
    status, body = await bot.press(chat, anna, card["id"], grouping["verb"], value)
    assert status == 200 and body["type"] == CARD  # the card as it is now, for the presser
    notes = by_title(card_now(chat, card["id"]), "Näytä laput")
    status, body = await bot.press(chat, anna, card["id"], notes["verb"], value)
    assert body["type"] == MESSAGE and f"1. {NOTE} (odottaminen)" in body["value"]
    assert await bot.say(chat, anna, "paja teema Odottaminen: 1") < 300
    voting = by_title(card_now(chat, card["id"]), "Aloita äänestys")
    await bot.press(chat, anna, card["id"], voting["verb"], value)

    now = card_now(chat, card["id"])
    assert "Äänestäneitä: **0**" in "\n".join(texts(_as_chat(now)))
    dot = by_title(now, "Anna piste teemalle 1")
    assert dot["type"] == "Action.Execute" and dot["verb"] == action_ids.WORKSHOP_DOT
    status, body = await bot.press(chat, bertta, card["id"], dot["verb"], dot["data"]["value"])
    assert status == 200 and "Äänestäneitä: **1**" in json.dumps(body, ensure_ascii=False)
    status, body = await bot.press(chat, bertta, card["id"], dot["verb"], dot["data"]["value"])
    assert body["type"] == MESSAGE and "1 piste jäljellä" in body["value"]
    mine = by_title(now, "Omat pisteeni")
    status, body = await bot.press(chat, bertta, card["id"], mine["verb"], value)
    assert body["value"] == "Pisteesi: teema 1: 2 pistettä. Jäljellä 1 piste."

    close = by_title(now, "Sulje äänestys")
    await bot.press(chat, anna, card["id"], close["verb"], value)
    final = "\n".join(texts(_as_chat(card_now(chat, card["id"]))))
    assert "**1. Odottaminen** · 2 pistettä · **viedään eteenpäin**" in final
    assert NOTE in final and buttons(card_now(chat, card["id"])) == []
    _never_beside_its_writer(bot, bertta.id)


async def test_not_in_a_case_chat(bot: TeamsBot, people: People) -> None:
    await open_team(bot, people)
    (case_chat,) = bot.case_chats()
    personal = bot.personal(people.anna)
    before = len(personal.posted)
    await bot.say(case_chat, people.anna, "paja hukka uusi Aihe")
    (refused,) = texts(personal)[before:]
    assert "asiakkaan tiimin keskustelu" in refused
    assert not [t for t in texts(case_chat) if "Hukkapaja" in t]


def _as_chat(activity: dict[str, Any]) -> Conversation:
    """One activity, read as texts() reads a chat's."""
    return Conversation(id="card", conversation_type="groupChat", posted=[activity])


def _never_beside_its_writer(bot: TeamsBot, writer: str) -> None:
    """Nothing the bot posted or updated holds the note beside its writer's id, and no
    personal chat (one person's) got it."""
    for chat in bot.teams.tenant.conversations.values():
        for activity in chat.posted + chat.updated:
            body = json.dumps(activity, ensure_ascii=False)
            assert not (NOTE in body and writer in body), body[:300]
            assert not (NOTE in body and chat.conversation_type == "personal"), body[:300]
