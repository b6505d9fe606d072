"""End to end: the shared plan through signed requests, real buttons and forms."""

from __future__ import annotations

import json

from tests.e2e.harness import RunningBot


async def open_team(bot: RunningBot) -> str:
    await bot.tiimi("uusi <@UBERT>")
    return bot.channel_named("mt-2026-0001")


def step_message(bot: RunningBot, channel: str, number: int) -> dict[str, object]:
    for message in bot.fake.messages[channel]:
        if message.text.startswith(f"Askel {number}:"):
            return {"ts": message.ts, "blocks": message.blocks, "updated": message.updated}
    raise AssertionError(f"no message for step {number}")


async def test_steps_with_buttons_updated_in_place(bot: RunningBot) -> None:
    fake = bot.fake
    channel = await open_team(bot)
    assert (
        await bot.askel("tavoite Oma asunto keväällä", channel=channel) == "Tavoite T1 on lisätty."
    )
    answer = await bot.askel("T1: Soita Kelaan <@UBERT> pe mennessä", channel=channel)
    assert answer == "Askel 1 on lisätty ja näkyy kanavalla."
    posted = step_message(bot, channel, 1)
    blocks = json.dumps(posted["blocks"], ensure_ascii=False)
    assert "*1.* Soita Kelaan · <@UBERT> · pe 27.11.2026 · T1" in blocks
    buttons = posted["blocks"][1]["elements"]  # type: ignore[index]
    assert [b["action_id"] for b in buttons] == ["step_done", "step_not_done", "step_move"]

    pressed = await bot.sender.block_action(
        user_id="UBERT",
        action_id="step_done",
        value="1",
        channel_id=channel,
        message_ts=str(posted["ts"]),
    )
    assert pressed.status == 200
    await fake.wait_for(lambda: fake.calls_to("chat.update"))
    update = fake.calls_to("chat.update")[-1]
    assert update.args["ts"] == posted["ts"] and update.ok
    after = step_message(bot, channel, 1)
    assert after["updated"] == 1 and "tehty" in json.dumps(after["blocks"], ensure_ascii=False)
    assert '"step_done"' not in json.dumps(after["blocks"])
    url = pressed.response_url
    assert url is not None
    await fake.wait_for(lambda: fake.responses(url))
    assert fake.responses(url)[0]["text"] == "Askel 1 on merkitty tehdyksi."

    listing = await bot.askel("kaikki", channel=channel)
    assert "Askeleet" not in listing and "Soita Kelaan" in listing


async def test_a_lost_step_post_answer_leaves_one_message_that_is_updated(
    bot: RunningBot,
) -> None:
    channel = await open_team(bot)
    bot.fake.lose_next_response("chat.postMessage")  # the step was posted; the answer lost

    answer = await bot.askel("Soita Kelaan <@UBERT>", channel=channel)
    assert answer == "Askel 1 on lisätty ja näkyy kanavalla."
    assert [m.text for m in bot.fake.messages[channel]].count("Askel 1: Soita Kelaan") == 1

    assert await bot.askel("valmis 1", channel=channel) == "Askel 1 on merkitty tehdyksi."
    assert "· tehty" in json.dumps(step_message(bot, channel, 1)["blocks"], ensure_ascii=False)


async def test_move_button_opens_a_date_form(bot: RunningBot) -> None:
    fake = bot.fake
    channel = await open_team(bot)
    await bot.askel("Varaa aika <@UANNA> huomenna mennessä", channel=channel)
    ts = str(step_message(bot, channel, 1)["ts"])
    await bot.sender.block_action(
        user_id="UANNA", action_id="step_move", value="1", channel_id=channel, message_ts=ts
    )
    await fake.wait_for(lambda: fake.views_opened)
    view = fake.views_opened[-1]["view"]
    assert view["callback_id"] == "reschedule_step"
    past = await bot.sender.view_submission(
        user_id="UANNA",
        view=view | {"id": "VMOVE"},
        values={"due": {"due": {"type": "datepicker", "selected_date": "2026-01-01"}}},
    )
    assert past.json()["response_action"] == "errors"
    moved = await bot.sender.view_submission(
        user_id="UANNA",
        view=view | {"id": "VMOVE"},
        values={"due": {"due": {"type": "datepicker", "selected_date": "2026-12-11"}}},
    )
    assert moved.status == 200 and moved.body == ""
    await fake.wait_for(lambda: fake.calls_to("chat.update"))
    assert "pe 11.12.2026" in json.dumps(
        step_message(bot, channel, 1)["blocks"], ensure_ascii=False
    )


async def test_step_form(bot: RunningBot) -> None:
    fake = bot.fake
    channel = await open_team(bot)
    sent = await bot.sender.command("/askel", "", user_id="UBERT", channel_id=channel)
    assert sent.status == 200
    await fake.wait_for(lambda: fake.views_opened)
    view = fake.views_opened[-1]["view"]
    assert view["callback_id"] == "add_step" and view["private_metadata"] == channel
    values = {
        "text": {"text": {"type": "plain_text_input", "value": "Hae asumistukea"}},
        "owner_user": {"owner_user": {"type": "users_select", "selected_user": None}},
        "owner_role": {
            "owner_role": {"type": "static_select", "selected_option": {"value": "client"}}
        },
        "due": {"due": {"type": "datepicker", "selected_date": "2026-12-04"}},
    }
    done = await bot.sender.view_submission(
        user_id="UBERT", view=view | {"id": "VS"}, values=values
    )
    assert done.status == 200 and done.body == ""
    await fake.wait_for(lambda: any(m.text.startswith("Askel 1:") for m in fake.messages[channel]))
    blocks = json.dumps(step_message(bot, channel, 1)["blocks"], ensure_ascii=False)
    assert "Hae asumistukea · Asiakas · pe 4.12.2026" in blocks


async def test_plan_pages_and_export_reach_only_the_requester(bot: RunningBot) -> None:
    fake = bot.fake
    channel = await open_team(bot)
    for i in range(27):
        await bot.askel(f"Askel {i}", channel=channel)
    sent = await bot.sender.command("/tiimi", "suunnitelma", user_id="UANNA", channel_id=channel)
    await bot.answer(sent)
    [page_one] = fake.responses(sent.response_url)
    assert page_one["response_type"] == "ephemeral"
    nav = page_one["blocks"][-1]["elements"][0]
    assert nav["action_id"] == "plan_page:next"
    pressed = await bot.sender.block_action(
        user_id="UANNA", action_id=nav["action_id"], value=nav["value"], channel_id=channel
    )
    url = pressed.response_url
    assert url is not None
    await fake.wait_for(lambda: fake.responses(url))
    page_two = fake.responses(url)[0]
    assert page_two["replace_original"] is True
    assert "Sivu 2/2" in json.dumps(page_two["blocks"], ensure_ascii=False)

    sent = await bot.sender.command("/tiimi", "vie", user_id="UBERT", channel_id=channel)
    text = await bot.answer(sent)
    assert text.startswith("Minun tiimini -tiimi MT-2026-0001: yhteinen suunnitelma")
    assert "- Bert (ammattiryhmä puuttuu)" in text
    assert fake.responses(sent.response_url)[0]["response_type"] == "ephemeral"
    assert all("yhteinen suunnitelma" not in m.text for m in fake.messages[channel])


async def test_bad_input_changes_nothing(bot: RunningBot) -> None:
    channel = await open_team(bot)
    before = len(bot.fake.calls_to("chat.postMessage"))
    assert "ei löydy" in await bot.askel("valmis 7", channel=channel)
    assert "on jo mennyt" in await bot.askel("Soita mennessä 1.1.2026", channel=channel)
    assert "ei ole olemassa" in await bot.askel("Soita mennessä 31.2.", channel=channel)
    assert "henkilötunnu" in await bot.askel("Soita 131052-308T", channel=channel)
    assert len(bot.fake.calls_to("chat.postMessage")) == before
    assert "131052-308T" not in bot.fake.raw_traffic()


async def test_a_step_due_by_the_end_of_the_month(bot: RunningBot) -> None:
    channel = await open_team(bot)  # the clock says Monday 23.11.2026
    answer = await bot.askel("Hae asumistukea kuun loppuun mennessä", channel=channel)
    assert answer == "Askel 1 on lisätty ja näkyy kanavalla."
    blocks = json.dumps(step_message(bot, channel, 1)["blocks"], ensure_ascii=False)
    assert "*1.* Hae asumistukea · vastuu sopimatta · ma 30.11.2026" in blocks
    assert "kuun loppuun" not in blocks
    await bot.askel("Soita Kelaan joulukuun 4. päivään mennessä", channel=channel)
    blocks = json.dumps(step_message(bot, channel, 2)["blocks"], ensure_ascii=False)
    assert "*2.* Soita Kelaan · vastuu sopimatta · pe 4.12.2026" in blocks


async def test_a_step_whose_text_says_payload_is_recorded(bot: RunningBot) -> None:
    """Bolt reads a form that mentions "payload" as an empty interaction (404 before)."""
    channel = await open_team(bot)
    answer = await bot.askel("Tarkista payload-kenttä", channel=channel)
    assert answer == "Askel 1 on lisätty ja näkyy kanavalla."
    blocks = json.dumps(step_message(bot, channel, 1)["blocks"], ensure_ascii=False)
    assert "Tarkista payload-kenttä" in blocks


async def test_due_dates_said_in_words(bot: RunningBot) -> None:
    channel = await open_team(bot)  # the clock says Monday 23.11.2026
    for text, due in (
        ("Soita Kelaan ensi maanantaihin mennessä", "ma 30.11.2026"),
        ("Hae lomake 12. joulukuuta mennessä", "la 12.12.2026"),
        ("Varaa aika joulukuun 12. mennessä", "la 12.12.2026"),
        ("Hae asumistukea kuun loppuun mennessä", "ma 30.11.2026"),
    ):
        answer = await bot.askel(text, channel=channel)
        number = int(answer.split()[1])
        blocks = json.dumps(step_message(bot, channel, number)["blocks"], ensure_ascii=False)
        words = text.split()[:2]
        assert f"*{number}.* {' '.join(words)} · vastuu sopimatta · {due}" in blocks
    assert await bot.askel("siirrä 2 ensi maanantaina", channel=channel) == (
        "Askeleen 2 määräaika on siirretty."
    )
    assert "*2.* Hae lomake · vastuu sopimatta · ma 30.11.2026" in json.dumps(
        step_message(bot, channel, 2)["blocks"], ensure_ascii=False
    )
