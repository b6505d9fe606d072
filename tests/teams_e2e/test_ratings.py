"""The self-rating on Teams through the real bot: a coordinator types `@Tiimi arvio uusi` in a
staff group chat; each member with the app gets the question in their personal chat with
Tiimi and answers with its buttons, answered to them alone; the results and the chart (an
Adaptive Card with the PNG inline) reach only the coordinator's personal chat; nothing the
bot posts or logs ties a rating to the person who gave it."""

from __future__ import annotations

import base64
import io
import logging
from typing import Any

import pytest
from PIL import Image

from tests.fake_teams import FakeTeams
from tests.fake_teams.connector import MAX_ACTIVITY_BYTES
from tests.fake_teams.state import GROUP_CHAT, Conversation, User
from tests.teams_e2e.conftest import People
from tests.teams_e2e.harness import TeamsBot, buttons, texts

EEVA, FANNI = "00000000-0000-4000-8000-0000000000f6", "00000000-0000-4000-8000-0000000000f7"
STAFF_CHAT = "19:henkilosto@thread.v2"


def staff_chat(fake_teams: FakeTeams, people: People) -> tuple[Conversation, list[User]]:
    """A staff group chat of seven; everyone but Cecilia has the Tiimi app."""
    tenant = fake_teams.tenant
    eeva, fanni = tenant.add_user(EEVA, "Eeva Eskola"), tenant.add_user(FANNI, "Fanni Forss")
    tenant.personal_installs.update({EEVA, FANNI, people.david.id})
    everyone = [people.anna, people.bertta, people.cecilia, people.david, people.kaisa, eeva, fanni]
    chat = tenant.add_conversation(
        STAFF_CHAT, conversation_type=GROUP_CHAT, members=[u.id for u in everyone]
    )
    return chat, [people.anna, people.bertta, people.david, eeva, fanni]


def question_card(bot: TeamsBot, person: User) -> dict[str, Any]:
    (card,) = [a for a in bot.personal(person).posted if "verkostotyökykysi" in texts_of(a)]
    return card


def texts_of(activity: dict[str, Any]) -> str:
    chat = Conversation("x", "personal", posted=[activity])
    return "\n".join(texts(chat))


async def answer(bot: TeamsBot, person: User, score: int) -> str:
    card = question_card(bot, person)
    (button,) = [b for b in buttons(card) if b.get("title") == str(score)]
    status, body = await bot.press(
        bot.personal(person), person, card["id"], button["verb"], button["data"]["value"]
    )
    assert status == 200, body
    return str(body["value"])


async def test_members_answer_privately_and_the_chart_reaches_only_the_coordinator(
    bot: TeamsBot,
    fake_teams: FakeTeams,
    people: People,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    chat, reachable = staff_chat(fake_teams, people)
    await bot.say(chat, people.kaisa, "arvio uusi")
    started = "\n".join(texts(bot.personal(people.kaisa)))
    assert "6 henkilön henkilökohtaiseen keskusteluun Tiimin kanssa" in started
    assert "1 henkilö jäi tavoittamatta: Tiimi voi kirjoittaa vain niille" in started
    assert chat.posted == []  # a coordinator's answers never go to the group chat
    card = question_card(bot, people.anna)
    assert "Arvioi verkostotyökykysi asteikolla 1–5." in texts_of(card)
    assert [b["title"] for b in buttons(card)] == ["1", "2", "3", "4", "5"]

    posts_before = {c.id: len(c.posted) for c in fake_teams.tenant.conversations.values()}
    thanks = {await answer(bot, people.anna, 1), await answer(bot, people.anna, 3)}
    for person, score in zip(reachable[1:], (2, 3, 4, 5), strict=True):
        thanks.add(await answer(bot, person, score))
    assert len(thanks) == 1 and "Vastauksesi on tallennettu nimettömänä" in thanks.pop()
    for conversation in fake_teams.tenant.conversations.values():  # answered in the invoke only
        assert len(conversation.posted) == posts_before.get(conversation.id, 0), conversation.id
        assert conversation.updated == []

    seen = len(bot.personal(people.kaisa).posted)
    await bot.say(chat, people.kaisa, "arvio sulje")
    new = bot.personal(people.kaisa).posted[seen:]
    results = "\n".join(texts_of(a) for a in new)
    assert "3,4" in results and "vastasi 5/6" in results
    assert "1: 0 · 2: 1 · 3: 2 · 4: 1 · 5: 1" in results
    assert chat.posted == []
    (image,) = [
        element
        for activity in new
        for attachment in activity.get("attachments") or ()
        for element in attachment["content"]["body"]
        if element["type"] == "Image"
    ]
    prefix = "data:image/png;base64,"
    assert image["url"].startswith(prefix)
    assert "1: 0, 2: 1, 3: 2, 4: 1, 5: 1" in image["altText"]
    png = base64.b64decode(image["url"].removeprefix(prefix))
    with Image.open(io.BytesIO(png)) as drawn:
        assert drawn.format == "PNG" and drawn.size == (640, 360)
    assert all(len(str(a)) < MAX_ACTIVITY_BYTES for a in new)

    ids = {person.id for person in reachable}
    elsewhere = [
        conversation.id
        for conversation in fake_teams.tenant.conversations.values()
        if conversation.id != bot.personal(people.kaisa).id
        and conversation.posted[posts_before.get(conversation.id, 0) :]
    ]
    assert elsewhere == []  # after the answers, only the coordinator's chat heard anything
    for activity in new:
        assert not any(person in str(activity) for person in ids)
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert not any(person in logged for person in ids)


async def test_fewer_than_five_people_in_the_chat_start_no_round(
    bot: TeamsBot, people: People
) -> None:
    await bot.say(people.workroom, people.kaisa, "arvio uusi")  # Anna, Bertta, Cecilia, Kaisa
    said = "\n".join(texts(bot.personal(people.kaisa)))
    assert "vähintään 5 henkilöä" in said and "nyt heitä on 4" in said
    assert not any("verkostotyökykysi" in t for t in texts(bot.personal(people.anna)))
