"""End to end: a booked meeting's reminders reach the fake Slack at their moments, once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from handlers.sandbox.workspace import SimulatedSlack
from tests.e2e.harness import RunningBot, running_bot
from tests.support.clock import FakeClock

MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def is_reminder(metadata: dict[str, Any] | None) -> bool:
    return metadata is not None and metadata["event_type"] == "tiimi_reminder"


def reminder_posts(fake: SimulatedSlack, channel: str) -> list[str]:
    return [m.text for m in fake.messages[channel] if is_reminder(m.metadata)]


async def test_meeting_reminders_with_a_429_on_the_first_post(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    clock.set(MONDAY)
    env = {"MEETING_REMINDERS": "30m,2h", "MEETING_LENGTH": "45m", "QUIET_HOURS": "off"}
    async with running_bot(fake_slack, database_url, clock, **env) as bot:
        await bot.tiimi("uusi <@UBERT>")
        channel = bot.channel_named("mt-2026-0001")
        answer = await bot.tiimi(
            "tapaaminen ma 23.11. klo 15 https://video.example/tiimi", channel=channel
        )
        assert "ma 23.11.2026 klo 15.00" in answer
        assert await bot.worker.run_once() and reminder_posts(fake_slack, channel) == []

        fake_slack.fail_next("chat.postMessage", status=429, retry_after=1)
        clock.set(datetime(2026, 11, 23, 11, 0, 5, tzinfo=UTC))  # 2 h before 15.00 local
        report = await bot.worker.run_once()
        assert dict(report.counts) == {"sent": 1}
        posts = fake_slack.calls_to("chat.postMessage")
        assert [c.http_status for c in posts[-2:]] == [429, 200]
        clock.set(datetime(2026, 11, 23, 12, 30, tzinfo=UTC))  # 30 min before
        await bot.worker.run_once()
        await bot.worker.run_once()
        clock.set(datetime(2026, 11, 23, 13, 45, tzinfo=UTC))  # 45 min after the start
        await bot.worker.run_once()
        assert reminder_posts(fake_slack, channel) == [
            "Muistutus: tiimin tapaaminen ma 23.11.2026 klo 15.00",
            "Muistutus: tiimin tapaaminen ma 23.11.2026 klo 15.00",
            "Tapaaminen ma 23.11.2026 klo 15.00 on ohi. Pidettiinkö se?",
        ]
        kinds = [m.metadata["event_type"] for m in fake_slack.messages[channel] if m.metadata]
        assert kinds == ["tiimi_team", "tiimi_reminder", "tiimi_reminder", "tiimi_reminder"]


async def test_a_reminder_whose_answer_was_lost_is_posted_once(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    clock.set(MONDAY)
    env = {"MEETING_REMINDERS": "2h", "QUIET_HOURS": "off", "REMINDER_POLL_SECONDS": "60"}
    async with running_bot(fake_slack, database_url, clock, **env) as bot:
        await bot.tiimi("uusi <@UBERT>")
        channel = bot.channel_named("mt-2026-0001")
        await bot.tiimi("tapaaminen ma 23.11. klo 15", channel=channel)
        await bot.worker.run_once()

        fake_slack.lose_next_response("chat.postMessage")  # posted, but the answer is lost
        clock.set(datetime(2026, 11, 23, 11, 0, 5, tzinfo=UTC))  # 2 h before 15.00 local
        first = await bot.worker.run_once()  # finds its post by the metadata
        clock.advance(timedelta(minutes=5))
        second = await bot.worker.run_once()

        assert dict(first.counts) == {"sent": 1} and dict(second.counts) == {}
        assert reminder_posts(fake_slack, channel) == [
            "Muistutus: tiimin tapaaminen ma 23.11.2026 klo 15.00"
        ]


async def test_pending_reminders_survive_a_restart(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    clock.set(MONDAY)
    async with running_bot(fake_slack, database_url, clock) as first:
        await first.tiimi("uusi <@UBERT>")
        channel = first.channel_named("mt-2026-0001")
        await first.tiimi("tapaaminen to 26.11. klo 14", channel=channel)
    clock.set(datetime(2026, 11, 25, 12, 0, tzinfo=UTC))
    async with running_bot(fake_slack, database_url, clock) as second:
        # the fresh process's first scheduler tick delivers it; a further pass finds nothing
        await fake_slack.wait_for(lambda: reminder_posts(fake_slack, channel))
        assert dict((await second.worker.run_once()).counts) == {}
    assert reminder_posts(fake_slack, channel) == [
        "Muistutus: tiimin tapaaminen to 26.11.2026 klo 14.00"
    ]


async def test_archived_channel_fails_the_reminder_and_tells_the_convenor(
    bot: RunningBot, clock: FakeClock
) -> None:
    clock.set(MONDAY)
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    await bot.tiimi("tapaaminen to 26.11. klo 14", channel=channel)
    bot.fake.archive_behind_bots_back(channel)
    clock.set(datetime(2026, 11, 25, 12, 0, tzinfo=UTC))
    assert dict((await bot.worker.run_once()).counts) == {"failed": 1}
    dm = [c for c in bot.fake.calls_to("chat.postMessage") if c.args["channel"].startswith("D")]
    assert "MT-2026-0001" in dm[-1].args["text"] and "is_archived" in dm[-1].args["text"]


async def test_a_meeting_booked_with_a_range_is_followed_up_at_its_end(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    clock.set(MONDAY)  # 10.00 in Helsinki
    env = {"MEETING_REMINDERS": "2h", "MEETING_LENGTH": "45m", "QUIET_HOURS": "off"}
    async with running_bot(fake_slack, database_url, clock, **env) as bot:
        await bot.tiimi("uusi <@UBERT>")
        channel = bot.channel_named("mt-2026-0001")
        answer = await bot.tiimi("tapaaminen huomenna klo 14-15.30 Kirjasto", channel=channel)
        assert "ti 24.11.2026 klo 14.00–15.30" in answer
        listed = await bot.tiimi("tapaaminen", channel=channel)
        assert "ti 24.11.2026 klo 14.00–15.30" in listed
        export = await bot.tiimi("vie", channel=channel)
        assert "ti 24.11.2026 klo 14.00–15.30 – Kirjasto" in export

        clock.set(datetime(2026, 11, 24, 10, 0, 5, tzinfo=UTC))  # 2 h before 14.00 local
        await bot.worker.run_once()
        clock.set(datetime(2026, 11, 24, 12, 45, tzinfo=UTC))  # MEETING_LENGTH after the start
        assert dict((await bot.worker.run_once()).counts) == {}
        assert reminder_posts(fake_slack, channel) == [
            "Muistutus: tiimin tapaaminen ti 24.11.2026 klo 14.00–15.30"
        ]
        clock.set(datetime(2026, 11, 24, 13, 30, tzinfo=UTC))  # 15.30 local: its end
        assert dict((await bot.worker.run_once()).counts) == {"sent": 1}
        last = reminder_posts(fake_slack, channel)[-1]
        assert last == "Tapaaminen ti 24.11.2026 klo 14.00–15.30 on ohi. Pidettiinkö se?"


async def test_a_meeting_moved_to_a_single_time_loses_its_end(bot: RunningBot) -> None:
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    await bot.tiimi("tapaaminen to 26.11. klo 14-15", channel=channel)
    moved = await bot.tiimi("tapaaminen siirrä pe 27.11. klo 9.30–11", channel=channel)
    assert "pe 27.11.2026 klo 9.30–11.00" in moved
    moved = await bot.tiimi("tapaaminen siirrä pe 27.11. klo 10", channel=channel)
    assert "pe 27.11.2026 klo 10.00*" in moved
    assert "pe 27.11.2026 klo 10.00\n" in await bot.tiimi("vie", channel=channel) + "\n"


async def test_a_time_said_in_words_is_refused_with_the_reason(bot: RunningBot) -> None:
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    before = len(bot.fake.messages[channel])
    answer = await bot.tiimi("tapaaminen huomenna puoli kolme", channel=channel)
    assert answer.startswith("Kirjoita kellonaika numeroin, esimerkiksi `klo 14.30`")
    assert "aamua vai iltapäivää" in answer
    assert len(bot.fake.messages[channel]) == before
    listed = await bot.tiimi("tapaaminen", channel=channel)
    assert listed.startswith("Seuraavaa tapaamista ei ole sovittu.")
