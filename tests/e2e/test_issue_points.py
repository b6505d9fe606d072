"""End to end: points of the participants-and-language issue without a better home."""

from __future__ import annotations

from tests.e2e.harness import RunningBot


async def test_swedish_says_boten_when_the_channel_is_gone(bot: RunningBot) -> None:
    opened = await bot.tiimi("ny <@UBERT>", user="UDORA", channel="DDORA")
    assert opened.startswith("Teamet *MT-2026-0001*")
    channel = bot.channel_named("mt-2026-0001")
    bot.fake.archive_behind_bots_back(channel)
    answer = await bot.askel("Ring FPA <@UBERT>", channel=channel, user="UDORA")
    assert answer == (
        "Teamets kanal har arkiverats eller boten har tagits bort från den, så detta kunde "
        "inte göras. Be ansvarspersonen kontrollera kanalen."
    )
    assert "botten" not in answer
