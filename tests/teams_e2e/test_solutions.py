"""A Ratkaisupaja on Teams through the real bot: opened by `@Tiimi paja ratkaisu uusi` from a
finished Hukkapaja, an experiment through its dialog (owners from the chat's people picker, a
review date in words), the review reminder posted once into the chat naming its owner, and
the review through the reminder's dialog; a client case's dialog refuses an identity code
without sending it back."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from bot import action_ids
from tests.teams_e2e.conftest import People
from tests.teams_e2e.harness import TeamsBot, texts
from tests.teams_e2e.test_workshops import _as_chat, by_title, card_now

FRIDAY_NINE = datetime(2026, 11, 27, 7, 0, 5, tzinfo=UTC)  # STEP_REMINDER_TIME 9.00 local


async def test_a_ratkaisupaja_with_an_experiment_and_its_review_on_teams(
    bot: TeamsBot, people: People
) -> None:
    anna, bertta, cecilia, chat = people.anna, people.bertta, people.cecilia, people.workroom
    await bot.say(chat, anna, "paja hukka uusi Lähetteiden kulku")
    (hukka,) = chat.posted
    value = by_title(hukka, "Kirjoita hukka")["data"]["value"]
    form = await bot.fetch_form(chat, bertta, action_ids.WORKSHOP_NOTE_FORM, value)
    await bot.submit_form(chat, bertta, form, text="Lähetteet odottavat", waste="")
    for title in ("Päätä keruu",):
        button = by_title(card_now(chat, hukka["id"]), title)
        await bot.press(chat, anna, hukka["id"], button["verb"], value)
    await bot.say(chat, anna, "paja teema Odottaminen: 1")
    voting = by_title(card_now(chat, hukka["id"]), "Aloita äänestys")
    await bot.press(chat, anna, hukka["id"], voting["verb"], value)
    dot = by_title(card_now(chat, hukka["id"]), "Anna piste teemalle 1")
    await bot.press(chat, bertta, hukka["id"], dot["verb"], dot["data"]["value"])
    close = by_title(card_now(chat, hukka["id"]), "Sulje äänestys")
    await bot.press(chat, anna, hukka["id"], close["verb"], value)

    assert await bot.say(chat, bertta, "paja ratkaisu uusi") < 300
    card = chat.posted[-1]
    assert "Ratkaisupaja: Lähetteiden kulku" in texts(_as_chat(card))[0]
    case = by_title(card, "Lisää asiakastapaus")
    form = await bot.fetch_form(chat, cecilia, case["data"]["verb"], case["data"]["value"])
    assert "henkilötunnuksia" in json.dumps(form, ensure_ascii=False)
    refused = await bot.submit_form(chat, cecilia, form, case="Asiakas 131052-308T odotti")
    assert "henkilötunnu" in json.dumps(refused, ensure_ascii=False)
    assert "131052" not in json.dumps(refused)
    done = await bot.submit_form(chat, cecilia, form, case="Asiakas A odotti lausuntoa")
    assert done["task"]["value"] == "Asiakastapaus on lisätty korttiin."
    assert "Asiakas A odotti" in "\n".join(texts(_as_chat(card_now(chat, card["id"]))))

    add = by_title(card_now(chat, card["id"]), "Lisää kokeilu")
    assert add["data"]["msteams"] == {"type": "task/fetch"}
    form = await bot.fetch_form(chat, cecilia, add["data"]["verb"], add["data"]["value"])
    shown = json.dumps(form, ensure_ascii=False)
    assert "Odottaminen" in shown and "Data.Query" in shown
    done = await bot.submit_form(
        chat, cecilia, form, what="Yhteinen puhelinaika", owners=cecilia.id, review_date="pe 27.11."
    )
    assert "Kokeilu K1 on lisätty" in done["task"]["value"]
    now = "\n".join(texts(_as_chat(card_now(chat, card["id"]))))
    assert "K1." in now and "Yhteinen puhelinaika" in now and "pe 27.11.2026" in now

    before = len(chat.posted)
    assert dict((await bot.worker.run_once()).counts) == {}
    bot.clock.set(FRIDAY_NINE)
    assert dict((await bot.worker.run_once()).counts) == {"sent": 1}
    assert dict((await bot.worker.run_once()).counts) == {}
    (reminder,) = chat.posted[before:]
    said = json.dumps(reminder, ensure_ascii=False)
    assert "tänään arvioidaan kokeilu K1" in said and cecilia.display_name in said

    review = by_title(reminder, "Arvioi K1")
    form = await bot.fetch_form(chat, cecilia, review["data"]["verb"], review["data"]["value"])
    done = await bot.submit_form(chat, cecilia, form, outcome="kept", note="Toimii")
    assert "Kokeilu K1: pidetään" in done["task"]["value"]
    final = "\n".join(texts(_as_chat(card_now(chat, card["id"]))))
    assert "pidetään" in final and "Yhteistyökäytännöt" in final
