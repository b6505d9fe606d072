"""End to end: signed requests through the real bot over HTTP to the fake Slack."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from tests.e2e.harness import RunningBot


async def test_open_add_remove_hand_over_list_close(bot: RunningBot) -> None:
    fake = bot.fake
    answer = await bot.tiimi("uusi <@UBERT|bert> <@UCARL>")
    channel_id = bot.channel_named("mt-2026-0001")
    assert answer.splitlines()[0] == f"Tiimi *MT-2026-0001* on avattu: <#{channel_id}>"
    channel = fake.channels[channel_id]
    assert channel.is_private and channel.members == {"UBOT", "UANNA", "UBERT", "UCARL"}
    welcome = fake.messages[channel_id][0]
    assert "Tervetuloa tiimiin MT-2026-0001" in welcome.text
    assert "henkilötunnusta" in json.dumps(welcome.blocks, ensure_ascii=False)

    answer = await bot.tiimi("lisaa <@UDORA> sosiaalityöntekijä", user="UBERT", channel=channel_id)
    assert answer == "<@UDORA> on lisätty tiimiin."
    assert "UDORA" in channel.members

    answer = await bot.tiimi("poista <@UCARL>", user="UANNA", channel=channel_id)
    assert answer == "<@UCARL> on poistettu tiimistä."
    assert "UCARL" not in channel.members
    assert fake.calls_to("conversations.kick")[-1].args["user"] == "UCARL"

    assert "Vastuuhenkilöä ei voi poistaa" in await bot.tiimi("poista <@UANNA>", channel=channel_id)
    assert "on nyt tiimin vastuuhenkilö" in await bot.tiimi("vastuu <@UBERT>", channel=channel_id)
    listing = await bot.tiimi("jäsenet", user="UBERT", channel=channel_id)
    assert "<@UBERT> (ammattiryhmä puuttuu) – vastuuhenkilö" in listing
    assert "<@UDORA> (sosiaalityöntekijä)" in listing and "UCARL" not in listing

    sent = await bot.sender.command("/tiimi", "sulje", user_id="UBERT", channel_id=channel_id)
    await bot.answer(sent)
    [choice] = fake.responses(sent.response_url)
    buttons = choice["blocks"][-1]["elements"]
    assert next(b["action_id"] for b in buttons) == "close_team:goals_reached"
    pressed = await bot.sender.block_action(
        user_id="UBERT",
        action_id=buttons[0]["action_id"],
        value=buttons[0]["value"],
        channel_id=channel_id,
    )
    assert pressed.status == 200
    assert pressed.response_url is not None
    url = pressed.response_url
    await fake.wait_for(lambda: len(fake.responses(url)) == 1)
    assert "poistaa nyt kanavalta" in fake.responses(url)[0]["text"]
    await fake.wait_for(lambda: channel.is_archived)  # cleared and archived after the answer
    [summary] = [m for m in fake.messages[channel_id] if not m.deleted]
    assert summary.text == "Tiimi MT-2026-0001 on suljettu"
    assert "tavoitteet saavutettu" in json.dumps(summary.blocks, ensure_ascii=False)


async def test_swedish_user_gets_swedish_answers(bot: RunningBot) -> None:
    answer = await bot.tiimi("uusi <@UBERT>", user="UDORA", channel="DDORA")
    assert answer.startswith("Teamet *MT-2026-0001* har öppnats")
    channel_id = bot.channel_named("mt-2026-0001")
    assert await bot.tiimi("stäng", user="UDORA", channel=channel_id) == (
        "Varför stängs teamet MT-2026-0001? Välj orsak:"
    )


async def test_name_collision_with_archived_channel_takes_next_suffix(bot: RunningBot) -> None:
    bot.fake.add_channel("mt-2026-0001", archived=True)
    answer = await bot.tiimi("uusi <@UBERT>")
    assert f"<#{bot.channel_named('mt-2026-0001-2')}>" in answer


async def test_restricted_action_leaves_nothing_behind(bot: RunningBot) -> None:
    bot.fake.fail_next("conversations.create", error="restricted_action")
    answer = await bot.tiimi("uusi <@UBERT>")
    assert "ylläpitäjää" in answer
    assert bot.fake.channels == {}
    assert bot.fake.calls_to("conversations.invite") == []


async def test_a_lost_create_answer_leaves_one_channel_with_its_team(bot: RunningBot) -> None:
    bot.fake.lose_next_response("conversations.create")  # Slack made it; the answer was lost

    answer = await bot.tiimi("uusi <@UBERT>")

    assert "on avattu" in answer  # slack_sdk retried; name_taken; the channel is taken over
    assert [c.error for c in bot.fake.calls_to("conversations.create")] == [
        "answer_lost",
        "name_taken",
    ]
    [channel] = bot.fake.channels.values()
    assert channel.name == "mt-2026-0001" and not channel.is_archived
    assert channel.members == {bot.fake.bot_user_id, "UANNA", "UBERT"}
    assert f"<#{channel.id}>" in answer


async def test_a_lost_welcome_answer_still_leaves_one_welcome(bot: RunningBot) -> None:
    bot.fake.lose_next_response("chat.postMessage")  # the welcome was posted; the answer lost

    answer = await bot.tiimi("uusi <@UBERT>")

    assert "on avattu" in answer
    channel = bot.channel_named("mt-2026-0001")
    [welcome] = bot.fake.messages[channel]  # posted once, not again by a blind retry
    assert welcome.metadata is not None and welcome.metadata["event_type"] == "tiimi_team"


async def test_rate_limited_create_is_retried(bot: RunningBot) -> None:
    bot.fake.fail_next("conversations.create", status=429, retry_after=1)
    answer = await bot.tiimi("uusi <@UBERT>")
    assert "on avattu" in answer
    assert [c.http_status for c in bot.fake.calls_to("conversations.create")] == [429, 200]


async def test_identity_code_never_reaches_slack_or_the_database(
    bot: RunningBot, database_url: str
) -> None:
    await bot.tiimi("uusi <@UBERT>")
    channel_id = bot.channel_named("mt-2026-0001")
    for text in ("lisää <@UCARL> 131052-308T", "sulje 010594Y9032", "kissa 131052-308U"):
        answer = await bot.tiimi(text, channel=channel_id)
        assert "henkilötunnu" in answer
    assert "UCARL" not in bot.fake.channels[channel_id].members
    traffic = bot.fake.raw_traffic().upper()
    for code in ("131052-308T", "010594Y9032", "131052-308U"):
        assert code not in traffic
    if database_url.startswith("sqlite:///"):
        path = Path(database_url.removeprefix("sqlite:///"))
        stored = await asyncio.to_thread(path.read_bytes)
        assert b"131052" not in stored and b"010594" not in stored


async def test_unknown_subcommand_gets_help(bot: RunningBot) -> None:
    answer = await bot.tiimi("kahvia")
    assert answer == "Tiimi – Minun tiimini -tiimien apuri"
    assert bot.fake.channels == {}


async def test_team_command_outside_team_channel(bot: RunningBot) -> None:
    answer = await bot.tiimi("jäsenet", channel="CGENERAL")
    assert "vain tiimin omalla kanavalla" in answer
    assert [c.method for c in bot.fake.calls if c.method.startswith("conversations.")] == []


async def test_invites_go_in_batches_of_at_most_100(bot: RunningBot) -> None:
    ids = [f"UMANY{i:04d}" for i in range(149)]
    for user_id in ids:
        bot.fake.add_user(user_id)
    answer = await bot.tiimi("uusi " + " ".join(f"<@{u}>" for u in ids))
    channel_id = bot.channel_named("mt-2026-0001")
    assert f"<#{channel_id}>" in answer
    batches = [c.args["users"].split(",") for c in bot.fake.calls_to("conversations.invite")]
    assert [len(b) for b in batches] == [100, 50]
    assert bot.fake.channels[channel_id].members == {"UBOT", "UANNA", *ids}
