"""End to end: goals posted in the team channel, changed by commands and by their buttons,
the post updated in place, and the plan grouped by goal."""

from __future__ import annotations

import json
from typing import Any

from handlers.sandbox.workspace.sender import FORM, BotResponse
from tests.e2e.harness import RunningBot
from tests.e2e.test_plan import open_team, step_message


def goal_post(bot: RunningBot, channel: str, number: int) -> Any:
    """The goal's message as the simulated Slack stores it."""
    [post] = [
        m
        for m in bot.fake.messages[channel]
        if m.metadata and m.metadata["event_type"] == "tiimi_goal"
        if m.text.startswith((f"Tavoite T{number}:", f"Tavoite T{number} "))
    ]
    return post


def shown(post: Any) -> str:
    return json.dumps(post.blocks, ensure_ascii=False)


def button_ids(post: Any) -> list[str]:
    return [e["action_id"] for b in post.blocks if b["type"] == "actions" for e in b["elements"]]


async def press(bot: RunningBot, channel: str, action_id: str, ts: str) -> tuple[str, str]:
    """Press a goal's button as UBERT; its answer's text and the request's body."""
    bodies: list[str] = []
    send = bot.sender.raw

    async def recording(body: bytes | str, **options: Any) -> BotResponse:
        bodies.append(body if isinstance(body, str) else body.decode())
        return await send(body, **options)

    bot.sender.raw = recording  # type: ignore[method-assign]
    try:
        pressed = await bot.sender.block_action(
            user_id="UBERT", action_id=action_id, value="1", channel_id=channel, message_ts=ts
        )
    finally:
        bot.sender.raw = send  # type: ignore[method-assign]
    assert pressed.status == 200
    return await bot.answer(pressed), bodies[-1]


async def test_a_goal_is_posted_edited_in_place_and_reached_by_button(bot: RunningBot) -> None:
    fake = bot.fake
    channel = await open_team(bot)
    assert await bot.askel("tavoite Oma asunto keväällä", channel=channel) == (
        "Tavoite T1 on lisätty."
    )
    post = goal_post(bot, channel, 1)
    assert post.metadata["event_type"] == "tiimi_goal"
    assert "*T1.* Oma asunto keväällä · avoin" in shown(post)
    assert button_ids(post) == ["goal_status:reached", "goal_status:not_relevant"]
    assert "Ei enää ajankohtainen" in shown(post)

    answer = await bot.askel("tavoite muokkaa T1 Oma asunto syksyllä", channel=channel)
    assert answer == "Tavoitetta T1 on muokattu."
    edited = goal_post(bot, channel, 1)
    assert edited.ts == post.ts and edited.updated == 1
    assert edited.text == "Tavoite T1: Oma asunto syksyllä"
    assert "Oma asunto syksyllä · avoin" in shown(edited) and "keväällä" not in shown(edited)

    answer, body = await press(bot, channel, "goal_status:reached", post.ts)
    assert answer == "Tavoite T1 on merkitty saavutetuksi."
    reached = goal_post(bot, channel, 1)
    assert reached.ts == post.ts and reached.updated == 2
    assert "Oma asunto syksyllä · saavutettu" in shown(reached)
    assert button_ids(reached) == ["goal_status:open"]
    assert "Viimeksi muuttanut <@UBERT>" in shown(reached)

    # the same press replayed byte for byte changes nothing; a second press is answered
    updates = len(fake.calls_to("chat.update"))
    replayed = await bot.sender.raw(body, content_type=FORM)
    assert replayed.status == 200 and replayed.body == ""
    again, _ = await press(bot, channel, "goal_status:reached", post.ts)
    assert again == "Tavoite T1 on jo merkitty saavutetuksi."
    assert len(fake.calls_to("chat.update")) == updates
    assert goal_post(bot, channel, 1).updated == 2

    answer, _ = await press(bot, channel, "goal_status:open", post.ts)
    assert answer == "Tavoite T1 on taas avoin."
    assert button_ids(goal_post(bot, channel, 1))[0] == "goal_status:reached"
    assert await bot.askel("tavoite ei T1", channel=channel) == (
        "Tavoite T1 on merkitty: ei enää ajankohtainen."
    )
    assert "· ei enää ajankohtainen" in shown(goal_post(bot, channel, 1))
    assert await bot.askel("tavoite avaa T1", channel=channel) == "Tavoite T1 on taas avoin."
    assert await bot.askel("tavoite saavutettu T1", channel=channel) == (
        "Tavoite T1 on merkitty saavutetuksi."
    )
    assert "· saavutettu" in shown(goal_post(bot, channel, 1))
    assert [m.ts for m in fake.messages[channel] if m.text.startswith("Tavoite T1")] == [post.ts]


async def test_goal_text_passes_the_identity_code_guard_and_only_members_change_goals(
    bot: RunningBot,
) -> None:
    channel = await open_team(bot)
    await bot.askel("tavoite Oma asunto", channel=channel)
    refused = await bot.askel("tavoite muokkaa T1 Asunto 131052-308T", channel=channel)
    assert "henkilötunnu" in refused
    assert "131052-308T" not in bot.fake.raw_traffic()
    assert "Vain" in await bot.askel("tavoite saavutettu T1", channel=channel, user="UCARL")
    assert "· avoin" in shown(goal_post(bot, channel, 1))


async def test_a_removed_goal_keeps_its_steps_and_the_plan_is_grouped(bot: RunningBot) -> None:
    channel = await open_team(bot)
    for text in [
        "tavoite Oma asunto",
        "tavoite Työpaikka",
        "T1: Käy asuntonäytöllä",
        "T2: Hae töitä <@UBERT>",
        "T2: Päivitä CV",
        "Soita Kelaan",
        "valmis 3",
        "tavoite saavutettu T2",
    ]:
        await bot.askel(text, channel=channel)

    sent = await bot.sender.command("/tiimi", "suunnitelma", user_id="UANNA", channel_id=channel)
    await bot.answer(sent)
    [view] = bot.fake.responses(sent.response_url)
    sections = [b["text"]["text"] for b in view["blocks"] if b["type"] == "section"]
    assert sections[:3] == [
        "*T1.* Oma asunto · avoin\n*1.* Käy asuntonäytöllä · vastuu sopimatta",
        "*T2.* Työpaikka · saavutettu\n*2.* Hae töitä · <@UBERT>\n"
        "*3.* Päivitä CV · vastuu sopimatta · tehty",
        "*Askeleet ilman tavoitetta*\n*4.* Soita Kelaan · vastuu sopimatta",
    ]

    answer = await bot.askel("tavoite poista T2", channel=channel)
    assert answer == (
        "Tavoite T2 on poistettu. Sen alla olleet 2 askelta jäivät suunnitelmaan ilman tavoitetta."
    )
    removed = goal_post(bot, channel, 2)
    assert removed.text == "Tavoite T2 on poistettu suunnitelmasta." and not button_ids(removed)
    assert "T2" not in json.dumps(step_message(bot, channel, 2)["blocks"])
    assert step_message(bot, channel, 2)["updated"] == 1  # re-rendered in place
    assert await bot.askel("tavoite Harrastus", channel=channel) == "Tavoite T3 on lisätty."

    exported = await bot.tiimi("vie", channel=channel)
    plan = exported.split("Tavoitteet ja askeleet:\n", 1)[1].split("\n\n", 1)[0]
    assert plan.splitlines() == [
        "T1. Oma asunto – avoin",
        "  1. Käy asuntonäytöllä – vastuu sopimatta – ei määräaikaa – avoin",
        "T3. Harrastus – avoin",
        "  ei askeleita vielä",
        "Askeleet ilman tavoitetta:",
        "  2. Hae töitä – Bert – ei määräaikaa – avoin",
        "  3. Päivitä CV – vastuu sopimatta – ei määräaikaa – tehty",
        "  4. Soita Kelaan – vastuu sopimatta – ei määräaikaa – avoin",
    ]
