"""End to end through the real bot and the simulated Slack: a Hukkapaja in a staff channel,
from its card through anonymous notes written in the form, grouping, dots that stack up to
the limit, to the results; and no Web API call, view or log line that puts a note next to
the person who wrote it."""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import unquote_plus

import pytest

from handlers.sandbox.workspace.sender import BotResponse
from tests.e2e.harness import RunningBot

NOTES = {
    "UBERT": ["Lausuntoa odotetaan viikkoja", "Sama tieto kysytään kolmesti"],
    "UCARL": ["Kukaan ei tiedä kuka vastaa"],
    "UDORA": ["Vi väntar på remisser"],
}


def staff_channel(bot: RunningBot) -> str:
    members = {"UANNA", "UBERT", "UCARL", "UDORA", "UEERO"}
    return bot.fake.add_channel("henkilosto", is_private=False, members=members)


def the_card(bot: RunningBot, channel: str) -> Any:
    [card] = [m for m in bot.fake.messages[channel] if m.user == bot.fake.bot_user_id]
    return card


def shown(message: Any) -> str:
    return json.dumps(message.blocks, ensure_ascii=False)


def button(message: Any, action_id: str, value: str | None = None) -> dict[str, Any]:
    for block in message.blocks:
        for element in block.get("elements", []) if block["type"] == "actions" else []:
            if element["action_id"] == action_id and value in (None, element["value"]):
                return dict(element)
    raise AssertionError(f"no button {action_id} on the card")


async def paja(bot: RunningBot, text: str, channel: str, user: str = "UANNA") -> str:
    """`/paja text`: the answer's text, and the lines of its blocks after it."""
    sent = await bot.sender.command("/paja", text, user_id=user, channel_id=channel)
    assert sent.status == 200, sent.body
    said = await bot.answer(sent)
    [body] = bot.fake.responses(sent.response_url)
    lines = [b["text"]["text"] for b in body.get("blocks", []) if b["type"] == "section"]
    return "\n".join([said, *lines])


async def press(bot: RunningBot, channel: str, user: str, action_id: str, value: str) -> str:
    card = the_card(bot, channel)
    pressed = await bot.sender.block_action(
        user_id=user, action_id=action_id, value=value, channel_id=channel, message_ts=card.ts
    )
    assert pressed.status == 200
    return await bot.answer(pressed)


async def open_form(bot: RunningBot, channel: str, user: str) -> dict[str, Any]:
    """Press Kirjoita hukka on the card: the form that opens."""
    card = the_card(bot, channel)
    write = button(card, "workshop_note")
    opened = len(bot.fake.views_opened)
    await bot.sender.block_action(
        user_id=user,
        action_id=write["action_id"],
        value=write["value"],
        channel_id=channel,
        message_ts=card.ts,
    )
    await bot.fake.wait_for(lambda: len(bot.fake.views_opened) > opened)
    view: dict[str, Any] = bot.fake.views_opened[-1]["view"]
    assert view["callback_id"] == "workshop_note"
    return view | {"id": f"VNOTE{len(bot.fake.views_opened)}"}


async def send_form(
    bot: RunningBot, view: dict[str, Any], user: str, text: str, waste: str | None = None
) -> BotResponse:
    option = {"value": waste} if waste else None
    values = {
        "text": {"text": {"type": "plain_text_input", "value": text}},
        "waste": {"waste": {"type": "static_select", "selected_option": option}},
    }
    return await bot.sender.view_submission(user_id=user, view=view, values=values)


async def write_note(
    bot: RunningBot, channel: str, user: str, text: str, waste: str | None = None
) -> BotResponse:
    return await send_form(bot, await open_form(bot, channel, user), user, text, waste)


async def test_a_hukkapaja_from_notes_to_results(
    bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake = bot.fake
    channel = staff_channel(bot)
    opened = await paja(bot, "hukka uusi Tiedonkulku kotiutuksessa", channel)
    assert opened.startswith("Hukkapaja on avattu")
    card = the_card(bot, channel)
    assert "Hukkapaja: Tiedonkulku kotiutuksessa" in card.text
    assert "Lappuja: *0*" in shown(card)
    value = button(card, "workshop_note")["value"]

    form_shown = False
    for user, notes in NOTES.items():
        for text in notes:
            done = await write_note(
                bot, channel, user, text, "waiting" if user == "UBERT" else None
            )
            assert done.status == 200
            assert done.json()["response_action"] == "update"
            thanks = "lagts till anonymt" if user == "UDORA" else "lisätty nimettömänä"  # sv
            assert thanks in json.dumps(done.json(), ensure_ascii=False)
            if not form_shown:
                view = fake.views_opened[-1]["view"]
                hint = view["blocks"][0]["hint"]["text"]
                assert "tunnistettavia tietoja" in hint and "nimetön" in hint
                form_shown = True
    hetu = await write_note(bot, channel, "UCARL", "Asiakas 131052-308T odottaa")
    assert "henkilötunnu" in hetu.json()["errors"]["text"] and "131052" not in hetu.body
    await fake.wait_for(lambda: "Lappuja: *4*" in shown(the_card(bot, channel)))
    card = the_card(bot, channel)
    assert not any(text in shown(card) for notes in NOTES.values() for text in notes)
    assert len([m for m in fake.messages[channel] if m.user == fake.bot_user_id]) == 1

    # the facilitator only moves the phase; the notes come numbered
    left_open = await open_form(bot, channel, "UANNA")
    refused = await press(bot, channel, "UBERT", "workshop_phase:grouping", value)
    assert refused == "Vain Hukkapajan vetäjä voi tehdä tämän."
    assert "satunnaiseen" in await press(bot, channel, "UANNA", "workshop_phase:grouping", value)
    late = await send_form(bot, left_open, "UANNA", "Myöhässä")
    assert late.json()["errors"]["text"] == "Lappujen keruu on jo päättynyt."
    old_button = await press(bot, channel, "UCARL", "workshop_note", value)
    assert old_button == "Lappujen keruu on jo päättynyt."
    listing = await paja(bot, "teemat", channel)
    numbers = {
        text: line.split(".", 1)[0].strip("*")
        for line in listing.splitlines()
        for notes in NOTES.values()
        for text in notes
        if text in line
    }
    assert sorted(numbers.values()) == ["1", "2", "3", "4"], listing
    waiting = [numbers["Lausuntoa odotetaan viikkoja"], numbers["Vi väntar på remisser"]]
    others = [numbers["Sama tieto kysytään kolmesti"], numbers["Kukaan ei tiedä kuka vastaa"]]
    assert (await paja(bot, f"teema Odottaminen: {', '.join(waiting)}", channel)).startswith(
        "Teema *1. Odottaminen*"
    )
    assert "2. Tiedonkulku" in await paja(bot, f"teema Tiedonkulku: {', '.join(others)}", channel)
    assert "Vain Hukkapajan vetäjä" in await paja(bot, "teemat", channel, user="UBERT")
    assert "Äänestys on alkanut" in await press(
        bot, channel, "UANNA", "workshop_phase:voting", value
    )

    card = the_card(bot, channel)
    assert "Äänestäneitä: *0*" in shown(card)
    assert "Lausuntoa odotetaan viikkoja (odottaminen)" in shown(card)
    first = button(card, "workshop_dot", None)["value"]
    second = [
        e["value"]
        for b in card.blocks
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == "workshop_dot"
    ][1]
    dot = "workshop_dot"
    assert "2 pistettä jäljellä" in await press(bot, channel, "UBERT", dot, first)
    assert "1 piste jäljellä" in await press(bot, channel, "UBERT", dot, first)
    assert "0 pistettä jäljellä" in await press(bot, channel, "UBERT", dot, first)
    assert "kaikki 3 pistettäsi" in await press(bot, channel, "UBERT", dot, second)
    assert await press(bot, channel, "UBERT", "workshop_my_dots", value) == (
        "Pisteesi: teema 1: 3 pistettä. Jäljellä 0 pistettä."
    )
    await press(bot, channel, "UCARL", dot, second)
    await press(bot, channel, "UDORA", dot, second)
    await fake.wait_for(lambda: "Äänestäneitä: *3*" in shown(the_card(bot, channel)))
    assert "pistettä" not in shown(the_card(bot, channel)).split("Äänestäneitä")[1]

    closed = await press(bot, channel, "UANNA", "workshop_phase:results", value)
    assert closed == "Äänestys on suljettu ja tulos näkyy kortilla."
    card = the_card(bot, channel)
    assert "äänestäneitä oli 3" in shown(card)
    assert "*1. Odottaminen* · 3 pistettä · *viedään eteenpäin*" in shown(card)
    assert "*2. Tiedonkulku* · 2 pistettä · *viedään eteenpäin*" in shown(card)
    assert not [b for b in card.blocks if b["type"] == "actions"]
    assert fake.calls_to("chat.postMessage")[-1].args["channel"] == channel

    _nothing_connects_a_note_to_its_writer(bot, caplog)


def _nothing_connects_a_note_to_its_writer(
    bot: RunningBot, caplog: pytest.LogCaptureFixture
) -> None:
    """No Web API call, answer, view or log line holds a note beside its writer's id."""
    fake = bot.fake
    sent = [call.raw_body for call in fake.calls] + fake.raw_traffic().split("\n")
    sent += [json.dumps(body, ensure_ascii=False) for body in fake.responses()]
    sent += [json.dumps(v, ensure_ascii=False) for v in fake.views.values()]
    logged = [record.getMessage() for record in caplog.records]
    for writer, notes in NOTES.items():
        for text in notes:
            assert any(text in _decoded(s) for s in sent), text  # the card showed it
            together = [s for s in sent if text in _decoded(s) and writer in s]
            assert together == [], (writer, text, together[:1])
            assert not [line for line in logged if text in line], text
        assert not [line for line in logged if writer in line], writer


def _decoded(body: str) -> str:
    """A request body as it reads (form-encoded or JSON with escapes)."""
    readable = unquote_plus(body)
    try:
        return json.dumps(json.loads(readable), ensure_ascii=False)
    except ValueError:
        return readable


async def test_not_in_a_team_channel_nor_where_the_bot_is_not(bot: RunningBot) -> None:
    await bot.tiimi("uusi <@UBERT>")
    team_channel = bot.channel_named("mt-2026-0001")
    answer = await paja(bot, "hukka uusi Aihe", team_channel)
    assert "asiakkaan tiimin kanava" in answer
    outside = bot.fake.add_channel(
        "kahvihuone", is_private=False, members={"UANNA", "UBERT"}, bot_member=False
    )
    assert "Kutsu Tiimi kanavalle" in await paja(bot, "hukka uusi Aihe", outside)
    assert not [m for m in bot.fake.messages[outside] if m.user == bot.fake.bot_user_id]
    assert "henkilöstön kanavalla" in await paja(bot, "hukka uusi Aihe", "DANNA")
    help_text = await paja(bot, "ohje", "DANNA")
    assert "/paja hukka uusi" in help_text
