"""End to end: a step due on a weekend day or a holiday is reminded on the last working day
before, naming the day."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.e2e.harness import RunningBot
from tests.e2e.test_reminders import reminder_posts
from tests.support.clock import FakeClock

MONDAY = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)  # 10.00 in Helsinki
FRIDAY_AT_NINE = datetime(2026, 12, 11, 7, 0, 5, tzinfo=UTC)  # STEP_REMINDER_TIME 9.00 local
NEXT_MONDAY_AT_NINE = datetime(2026, 12, 14, 7, 0, 5, tzinfo=UTC)


def step_reminders(bot: RunningBot, channel: str) -> list[str]:
    return [text for text in reminder_posts(bot.fake, channel) if "muistutus: askeleen" in text]


async def team_on_monday(bot: RunningBot, clock: FakeClock) -> str:
    """A team opened on MONDAY with UBERT; returns its channel."""
    clock.set(MONDAY)
    await bot.tiimi("uusi <@UBERT>")
    return bot.channel_named("mt-2026-0001")


async def pass_at(bot: RunningBot, clock: FakeClock, moment: datetime) -> None:
    """The reminder pass the timer runs at `moment`."""
    clock.set(moment)
    await bot.worker.run_once()


async def test_a_saturday_step_is_reminded_on_friday_with_its_day(
    bot: RunningBot, clock: FakeClock
) -> None:
    channel = await team_on_monday(bot, clock)
    answer = await bot.askel("Soita Kelaan <@UBERT> la 12.12. mennessä", channel=channel)
    assert "Askel 1" in answer
    await pass_at(bot, clock, datetime(2026, 12, 10, 12, 0, tzinfo=UTC))
    assert step_reminders(bot, channel) == []

    await pass_at(bot, clock, FRIDAY_AT_NINE)
    assert step_reminders(bot, channel) == [
        "<@UBERT>, muistutus: askeleen 1 määräaika on la 12.12.2026: Soita Kelaan"
    ]
    await pass_at(bot, clock, NEXT_MONDAY_AT_NINE)
    assert len(step_reminders(bot, channel)) == 1  # not again on Monday


async def test_moving_a_step_off_or_onto_a_weekend_replans_its_reminder(
    bot: RunningBot, clock: FakeClock
) -> None:
    channel = await team_on_monday(bot, clock)
    await bot.askel("Soita Kelaan <@UBERT> la 12.12. mennessä", channel=channel)
    await bot.askel("Hae lomake <@UBERT> ti 15.12. mennessä", channel=channel)
    await bot.askel("siirrä 1 ma 14.12.", channel=channel)
    await bot.askel("siirrä 2 su 13.12.", channel=channel)

    await pass_at(bot, clock, FRIDAY_AT_NINE)
    assert step_reminders(bot, channel) == [
        "<@UBERT>, muistutus: askeleen 2 määräaika on su 13.12.2026: Hae lomake"
    ]
    await pass_at(bot, clock, NEXT_MONDAY_AT_NINE)
    await pass_at(bot, clock, datetime(2026, 12, 15, 7, 0, 5, tzinfo=UTC))
    assert step_reminders(bot, channel)[1:] == [
        "<@UBERT>, muistutus: askeleen 1 määräaika on tänään: Soita Kelaan"
    ]


async def test_a_late_friday_reminder_on_saturday_says_today(
    bot: RunningBot, clock: FakeClock
) -> None:
    """Delivered late (the bot was down), within LATE_LIMIT: the text fits the delivery day."""
    channel = await team_on_monday(bot, clock)
    await bot.askel("Soita Kelaan <@UBERT> la 12.12. mennessä", channel=channel)
    await pass_at(
        bot, clock, datetime(2026, 12, 12, 6, 0, tzinfo=UTC)
    )  # Saturday 8.00, 23 hours late
    [text] = step_reminders(bot, channel)
    assert text == "<@UBERT>, muistutus: askeleen 1 määräaika on tänään: Soita Kelaan"


async def test_a_christmas_step_is_reminded_on_the_last_working_day_before(
    bot: RunningBot, clock: FakeClock
) -> None:
    """Christmas Eve (Thursday) and Christmas Day (Friday) are holidays: Wednesday it is."""
    channel = await team_on_monday(bot, clock)
    await bot.askel("Soita Kelaan <@UBERT> pe 25.12. mennessä", channel=channel)
    await bot.askel("Hae lomake <@UBERT> to 24.12. mennessä", channel=channel)
    await pass_at(bot, clock, datetime(2026, 12, 22, 7, 0, 5, tzinfo=UTC))
    assert step_reminders(bot, channel) == []

    await pass_at(bot, clock, datetime(2026, 12, 23, 7, 0, 5, tzinfo=UTC))
    assert sorted(step_reminders(bot, channel)) == [
        "<@UBERT>, muistutus: askeleen 1 määräaika on pe 25.12.2026: Soita Kelaan",
        "<@UBERT>, muistutus: askeleen 2 määräaika on to 24.12.2026: Hae lomake",
    ]
    for day in (24, 25, 28):
        await pass_at(bot, clock, datetime(2026, 12, day, 7, 0, 5, tzinfo=UTC))
    assert len(step_reminders(bot, channel)) == 2  # not again on the day itself
