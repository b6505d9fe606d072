"""Client feedback on Teams through the real bot: a team closed by `tiimi sulje …` typed in its
group chat asks the closer on a card in her personal chat, never in the team's chat; a press
there turns the card into a thank-you naming the answer, once per team."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from bot import action_ids
from bot.i18n import Catalog
from storage.models import ClientFeedback, TeamState
from tests.teams_e2e.conftest import People
from tests.teams_e2e.harness import TeamsBot, buttons, plain_text, texts
from tests.teams_e2e.test_opening import open_team

FI = Catalog("fi", "teams")
CARD = "application/vnd.microsoft.card.adaptive"


def press_value(card: dict[str, Any], title: str) -> tuple[str, str]:
    """The verb and value of the card's button with this title."""
    (button,) = [b for b in buttons(card) if b.get("title") == title]
    assert button["type"] == "Action.Execute", button
    return button["verb"], button["data"]["value"]


async def test_closing_in_the_case_chat_asks_the_closer_on_a_card_in_her_personal_chat(
    bot: TeamsBot, people: People
) -> None:
    await open_team(bot, people)
    (chat,) = bot.case_chats()
    personal = bot.personal(people.anna)
    before = len(personal.posted)

    assert await bot.say(chat, people.anna, "tiimi sulje muu") < 300

    team = await bot.team()
    assert team.state == TeamState.CLOSED
    asked = [a for a in personal.posted[before:] if "Sain apua" in plain_text(a)]
    (card,) = asked
    said = plain_text(card)
    assert team.code in said and "1 = täysin eri mieltä" in said and "Ei kysytty" in said
    assert not any("Sain apua" in line for line in texts(chat))  # never in the team's chat
    assert [b.get("title") for b in buttons(card)] == ["1", "2", "3", "4", "5", "Ei kysytty"]
    verb, value = press_value(card, "4")
    assert (verb, value) == (action_ids.variant(action_ids.CLIENT_FEEDBACK, "4"), str(team.id))

    status, body = await bot.press(personal, people.anna, card["id"], verb, value)

    assert status == 200 and body["type"] == CARD, body
    (update,) = personal.updated
    assert update["id"] == card["id"]  # the question itself became the thank-you
    thanks = plain_text(update)
    assert thanks.startswith("Kiitos! Asiakkaan vastaus on merkitty: 4 (jokseenkin samaa mieltä")
    assert buttons(update) == [] and body["value"] == update["attachments"][0]["content"]
    async with bot.database.session() as session:
        counted = (await session.exec(select(ClientFeedback))).all()
    assert [(c.answer, c.count) for c in counted] == [("4", 1)]
    assert (await bot.team()).client_feedback_recorded

    # the card pressed again before Teams showed the update: counted once
    verb, value = press_value(card, "1")
    status, body = await bot.press(personal, people.anna, card["id"], verb, value)
    assert status == 200, body
    assert plain_text(personal.updated[-1]).startswith(FI.plain("feedback_already", code=team.code))
    async with bot.database.session() as session:
        counted = (await session.exec(select(ClientFeedback))).all()
    assert [(c.answer, c.count) for c in counted] == [("4", 1)]

    # one answer is far too few to show the coordinator anything of it
    seen = len(bot.personal(people.kaisa).posted)
    await bot.say(bot.personal(people.kaisa), people.kaisa, "tiimi tilastot")
    (stats,) = texts(bot.personal(people.kaisa))[seen:]
    assert "vastauksia on alle 5" in stats and "keskiarvo" not in stats
