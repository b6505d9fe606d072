"""End to end: several meetings booked and listed; a move and a cancel announced in the
channel once each, also when the answer to the post is lost and the post looked up."""

from __future__ import annotations

from datetime import UTC, datetime

from handlers.sandbox.workspace import SimulatedSlack
from tests.e2e.harness import RunningBot

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
