"""End to end: several meetings booked and listed; a move and a cancel announced in the
channel once each, also when the answer to the post is lost and the post looked up."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from handlers.sandbox.workspace import SimulatedSlack
from tests.e2e.harness import RunningBot, running_bot
from tests.support.clock import FakeClock

MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def announcements(fake: SimulatedSlack, channel: str) -> list[str]:
    return [
        m.text
        for m in fake.messages[channel]
        if m.metadata is not None and m.metadata["event_type"] == "tiimi_meeting"
    ]


async def test_two_meetings_booked_listed_one_moved_the_other_cancelled(bot: RunningBot) -> None:
    bot.clock.set(MONDAY)
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    await bot.tiimi("tapaaminen to 3.12. klo 14-15 Kirjasto", channel=channel)
    await bot.tiimi("tapaaminen to 26.11. klo 14", channel=channel)
    listed = await bot.tiimi("tapaaminen", channel=channel)
    assert "*1.* to 26.11.2026 klo 14.00\n*2.* to 3.12.2026 klo 14.00–15.00 · Kirjasto" in listed

    bot.fake.lose_next_response("chat.postMessage")  # posted, but the answer is lost
    moved = await bot.tiimi("tapaaminen siirrä 2 pe 4.12. klo 10", channel=channel, user="UBERT")
    assert moved.startswith("Tapaaminen on siirretty: *pe 4.12.2026 klo 10.00*.")
    bot.fake.lose_next_response("chat.postMessage")
    cancelled = await bot.tiimi("tapaaminen peru 1", channel=channel)
    assert cancelled.startswith("Tapaaminen to 26.11.2026 klo 14.00 on peruttu")

    assert announcements(bot.fake, channel) == [
        "<@UBERT> siirsi tapaamisen to 3.12.2026 klo 14.00–15.00. "
        "Uusi aika: *pe 4.12.2026 klo 10.00*.\n*Paikka:* Kirjasto",
        "<@UANNA> perui tapaamisen to 26.11.2026 klo 14.00.",
    ]
    listed = await bot.tiimi("tapaaminen", channel=channel)
    assert "Sovitut tapaamiset (1)" in listed and "*1.* pe 4.12.2026 klo 10.00 · Kirjasto" in listed


async def test_with_two_meetings_a_cancel_asks_which_one(bot: RunningBot) -> None:
    bot.clock.set(MONDAY)
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    await bot.tiimi("tapaaminen to 26.11. klo 14", channel=channel)
    await bot.tiimi("tapaaminen to 3.12. klo 14", channel=channel)
    answer = await bot.tiimi("tapaaminen peru", channel=channel)
    assert answer.startswith("Tiimillä on 2 sovittua tapaamista. Kerro tapaamisen numero")
    assert announcements(bot.fake, channel) == []
    assert "Sovitut tapaamiset (2)" in await bot.tiimi("tapaaminen", channel=channel)


def by_ts(fake: SimulatedSlack, channel: str, ts: str) -> Any:
    return next(m for m in fake.messages[channel] if m.ts == ts)


def buttons(message: Any) -> list[dict[str, Any]]:
    return [e for b in message.blocks if b["type"] == "actions" for e in b["elements"]]


async def press(bot: RunningBot, channel: str, ts: str, action_id: str, user: str) -> str:
    value = next(
        b["value"] for b in buttons(by_ts(bot.fake, channel, ts)) if b["action_id"] == action_id
    )
    pressed = await bot.sender.block_action(
        user_id=user, action_id=action_id, value=value, channel_id=channel, message_ts=ts
    )
    assert pressed.status == 200 and pressed.response_url is not None
    url = pressed.response_url
    await bot.fake.wait_for(lambda: bot.fake.responses(url))
    return str(bot.fake.responses(url)[-1]["text"])


async def test_held_and_not_held_answers_update_the_message_and_the_statistics(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    fake_slack.add_user("UCOORD", name="coordinator")
    fake_slack.add_user("UEVE", name="eve")
    fake_slack.add_usergroup("SCOORD", ["UCOORD"])
    clock.set(MONDAY)
    env = {"COORDINATOR_USERGROUP": "SCOORD", "QUIET_HOURS": "off", "MEETING_LENGTH": "1h"}
    async with running_bot(fake_slack, database_url, clock, **env) as bot:
        await bot.tiimi("uusi <@UBERT>")
        channel = bot.channel_named("mt-2026-0001")
        await bot.tiimi("tapaaminen ti 24.11. klo 10", channel=channel)
        await bot.tiimi("tapaaminen to 26.11. klo 10", channel=channel)
        for day in (24, 26):  # each an hour after its end
            clock.set(datetime(2026, 11, day, 10, 0, tzinfo=UTC))
            await bot.worker.run_once()
        asked = [m for m in fake_slack.messages[channel] if m.text.endswith("Pidettiinkö se?")]
        assert [m.text for m in asked] == [
            "Tapaaminen ti 24.11.2026 klo 10.00 on ohi. Pidettiinkö se?",
            "Tapaaminen to 26.11.2026 klo 10.00 on ohi. Pidettiinkö se?",
        ]
        assert [(b["action_id"], b["text"]["text"]) for b in buttons(asked[0])] == [
            ("meeting_outcome:held", "Pidettiin"),
            ("meeting_outcome:not_held", "Ei pidetty"),
        ]
        first, second = asked[0].ts, asked[1].ts

        refused = await press(bot, channel, first, "meeting_outcome:held", user="UEVE")
        assert by_ts(fake_slack, channel, first).updated == 0, refused
        answer = await press(bot, channel, first, "meeting_outcome:held", user="UBERT")
        assert answer == "Kiitos, vastaus on merkitty kanavan viestiin."
        await press(bot, channel, second, "meeting_outcome:not_held", user="UANNA")
        held, not_held = by_ts(fake_slack, channel, first), by_ts(fake_slack, channel, second)
        assert held.text == (
            "<@UBERT> vastasi, että tapaaminen ti 24.11.2026 klo 10.00 pidettiin. "
            "Muistakaa kirjata se kukin omaan asiakastietojärjestelmäänne."
        )
        assert not_held.text == (
            "<@UANNA> vastasi, että tapaamista to 26.11.2026 klo 10.00 ei pidetty. "
            "Sitä ei lasketa tilastoihin."
        )
        assert buttons(held) == [] and buttons(not_held) == []

        sent = await bot.sender.command("/tiimi", "tilastot", user_id="UCOORD", channel_id="D")
        assert sent.response_url is not None
        await bot.answer(sent)
        report = json.dumps(fake_slack.responses(sent.response_url)[-1], ensure_ascii=False)
        assert "ensimmäiseen tapaamiseen (mediaani):* 1,0 pv" in report, report
        assert "Tapaamisten väli (mediaani):* ei tietoa" in report, report
        assert "ei tietoa pv" not in report  # no unit after a missing figure


async def test_a_time_range_with_a_dash_or_a_hyphen_and_a_day_in_words(bot: RunningBot) -> None:
    bot.clock.set(MONDAY)
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    answer = await bot.tiimi("tapaaminen ensi maanantaina klo 14–15 Kirjasto", channel=channel)
    assert "ma 30.11.2026 klo 14.00–15.00" in answer
    answer = await bot.tiimi("tapaaminen 12. joulukuuta klo 14-15", channel=channel)
    assert "la 12.12.2026 klo 14.00–15.00" in answer
    answer = await bot.tiimi("tapaaminen joulukuun 14. klo 9", channel=channel)
    assert "ma 14.12.2026 klo 9.00" in answer
    listed = await bot.tiimi("tapaaminen", channel=channel)
    assert (
        "*1.* ma 30.11.2026 klo 14.00–15.00 · Kirjasto\n*2.* la 12.12.2026 klo 14.00–15.00\n"
        "*3.* ma 14.12.2026 klo 9.00"
    ) in listed
    refused = await bot.tiimi("tapaaminen ensi maanantaina puoli kolme", channel=channel)
    assert refused.startswith("Kirjoita kellonaika numeroin")
    assert "aamua vai iltapäivää" in refused
