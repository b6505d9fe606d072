"""End to end through the real bot and the simulated Slack: a Ratkaisupaja opened from a
finished Hukkapaja, a pseudonymous client case (an identity code refused), experiments with
owners and a review date in words, the review reminder posted once when the clock passes its
moment, the review from the reminder's button, the practices' order and the summary sent
privately as a text file and the flow as a PNG with its text."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

from PIL import Image

from handlers.sandbox.workspace.sender import BotResponse
from tests.e2e.harness import RunningBot
from tests.e2e.test_workshops import button, paja, shown, staff_channel, write_note
from tests.support.clock import FakeClock

FRIDAY_NINE = datetime(2026, 11, 27, 7, 0, 5, tzinfo=UTC)  # STEP_REMINDER_TIME 9.00 local


def bot_posts(bot: RunningBot, channel: str) -> list[Any]:
    return [m for m in bot.fake.messages[channel] if m.user == bot.fake.bot_user_id]


def solution_card(bot: RunningBot, channel: str) -> Any:
    [card] = [m for m in bot_posts(bot, channel) if m.text.startswith("Ratkaisupaja")]
    return card


async def finished_hukkapaja(bot: RunningBot, channel: str) -> None:
    """Two notes, one theme, a dot on it, results: the theme carried forward."""
    await paja(bot, "hukka uusi Tiedonkulku", channel)
    await write_note(bot, channel, "UBERT", "Lausuntoa odotetaan viikkoja")
    await write_note(bot, channel, "UCARL", "Sama tieto kysytään kolmesti")
    [hukka] = bot_posts(bot, channel)
    value = button(hukka, "workshop_note")["value"]
    await press(bot, channel, hukka, "UANNA", "workshop_phase:grouping", value)
    await paja(bot, "teema Odottaminen: 1, 2", channel)
    await press(bot, channel, hukka, "UANNA", "workshop_phase:voting", value)
    [hukka] = bot_posts(bot, channel)
    theme = button(hukka, "workshop_dot")["value"]
    await press(bot, channel, hukka, "UBERT", "workshop_dot", theme)
    await press(bot, channel, hukka, "UANNA", "workshop_phase:results", value)


async def press(
    bot: RunningBot, channel: str, message: Any, user: str, action_id: str, value: str
) -> str:
    pressed = await bot.sender.block_action(
        user_id=user, action_id=action_id, value=value, channel_id=channel, message_ts=message.ts
    )
    assert pressed.status == 200
    return await bot.answer(pressed)


async def open_form(
    bot: RunningBot, channel: str, message: Any, user: str, action_id: str, value: str
) -> dict[str, Any]:
    opened = len(bot.fake.views_opened)
    await bot.sender.block_action(
        user_id=user, action_id=action_id, value=value, channel_id=channel, message_ts=message.ts
    )
    await bot.fake.wait_for(lambda: len(bot.fake.views_opened) > opened)
    view: dict[str, Any] = bot.fake.views_opened[-1]["view"]
    assert view["callback_id"] == action_id
    return view | {"id": f"V{action_id}{len(bot.fake.views_opened)}"}


def text_value(value: str) -> dict[str, Any]:
    return {"type": "plain_text_input", "value": value}


async def send(
    bot: RunningBot, view: dict[str, Any], user: str, **fields: dict[str, Any]
) -> BotResponse:
    values = {name: {name: field} for name, field in fields.items()}
    sent = await bot.sender.view_submission(user_id=user, view=view, values=values)
    assert sent.status == 200
    return sent


async def add_experiment(
    bot: RunningBot, channel: str, what: str, when: str, owners: list[str]
) -> BotResponse:
    card = solution_card(bot, channel)
    add = button(card, "solution_experiment")
    form = await open_form(bot, channel, card, "UCARL", add["action_id"], add["value"])
    owners_field = {"type": "multi_users_select", "selected_users": owners}
    return await send(
        bot,
        form,
        "UCARL",
        what=text_value(what),
        owners=owners_field,
        review_date=text_value(when),
    )


async def test_a_ratkaisupaja_from_a_finished_hukkapaja_to_its_summary(
    bot: RunningBot, clock: FakeClock
) -> None:
    fake = bot.fake
    channel = staff_channel(bot)
    assert "ei ole vielä tuloksia" in await paja(bot, "ratkaisu uusi", channel)
    await finished_hukkapaja(bot, channel)
    assert "Ratkaisupaja on avattu" in await paja(bot, "ratkaisu uusi", channel, user="UBERT")
    card = solution_card(bot, channel)
    assert "Odottaminen" in shown(card)

    # a client case: the form says not to identify; an identity code is refused unechoed
    case = button(card, "solution_case")
    form = await open_form(bot, channel, card, "UCARL", case["action_id"], case["value"])
    assert "henkilötunnuksia" in form["blocks"][0]["hint"]["text"]
    refused = await send(bot, form, "UCARL", case=text_value("Asiakas 131052-308T odotti"))
    assert "henkilötunnu" in refused.json()["errors"]["case"] and "131052" not in refused.body
    done = await send(bot, form, "UCARL", case=text_value("Asiakas A odotti lausuntoa"))
    assert done.json()["response_action"] == "update"
    await fake.wait_for(lambda: "Asiakas A odotti lausuntoa" in shown(solution_card(bot, channel)))

    # experiments: a date in words; a past one refused
    past = await add_experiment(bot, channel, "Jotain", "1.1.2026", ["UBERT"])
    assert "review_date" in past.json()["errors"]
    await add_experiment(bot, channel, "Lausuntopyyntö heti", "pe 27.11.", ["UCARL", "UDORA"])
    await fake.wait_for(lambda: "K1." in shown(solution_card(bot, channel)))
    assert "pe 27.11.2026" in shown(solution_card(bot, channel))

    # the review reminder: posted once into the channel, naming the owners
    before = len(bot_posts(bot, channel))
    await bot.worker.run_once()
    assert len(bot_posts(bot, channel)) == before
    clock.set(FRIDAY_NINE)
    await bot.worker.run_once()
    await bot.worker.run_once()
    reminders = bot_posts(bot, channel)[before:]
    assert len(reminders) == 1
    assert "<@UCARL>, <@UDORA>, tänään arvioidaan kokeilu K1" in reminders[0].text

    # the review from the reminder's button: not by others, kept by an owner
    review = button(reminders[0], "solution_review")
    others = await press(bot, channel, reminders[0], "UANNA", review["action_id"], review["value"])
    assert "vastuutahot ja pajan vetäjä" in others
    form = await open_form(
        bot, channel, reminders[0], "UDORA", review["action_id"], review["value"]
    )
    kept = {"type": "radio_buttons", "selected_option": {"value": "kept"}}
    await send(bot, form, "UDORA", outcome=kept, note=text_value("Toimii"))
    await fake.wait_for(lambda: "pidetään" in shown(solution_card(bot, channel)))

    # the practices and the summary, privately
    assert "1. Lausuntopyyntö heti" in await paja(bot, "käytännöt 1", channel, user="UBERT")
    said = await paja(bot, "yhteenveto", channel, user="UANNA")
    assert "käytäntöjen kulun kuvana: 1. Lausuntopyyntö heti" in said
    await fake.wait_for(lambda: len([f for f in fake.files.values() if f.completed]) == 2)
    files = {f.filename: f for f in fake.files.values() if f.completed}
    summary, flow = files["ratkaisupaja.txt"], files["yhteistyokaytannot.png"]
    assert summary.channels == flow.channels == [fake.direct_channel("UANNA")]
    assert summary.content is not None and flow.content is not None
    text = summary.content.decode()
    assert "Asiakas A odotti lausuntoa" in text and "Tulos: pidetään: Toimii" in text
    assert "UCARL" not in text  # owners by their names
    assert flow.alt_txt is not None and flow.alt_txt.endswith("1. Lausuntopyyntö heti")
    with Image.open(io.BytesIO(flow.content)) as image:
        assert image.format == "PNG" and image.size[0] == 480
