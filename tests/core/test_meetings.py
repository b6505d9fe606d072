"""Several meetings booked ahead: listed by number, moved and cancelled one by one, each
change announced in the team channel once."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import select

from bot.platform import PostKey, PostKind
from bot.teams.dispatch import TiimiCommands
from storage.db import Database
from storage.models import Meeting, MeetingStatus
from tests.core.test_reminders import say, texts
from tests.support.clock import FakeClock
from tests.support.memory_platform import MemoryPlatform
from tests.support.teams import team_channel


async def meetings(database: Database) -> list[tuple[datetime, str]]:
    async with database.session() as session:
        result = await session.exec(select(Meeting).order_by(Meeting.id))  # type: ignore[arg-type]
        return [(m.starts_at, m.status) for m in result.all()]


async def test_several_meetings_are_listed_moved_and_cancelled_by_number(
    tiimi: TiimiCommands, platform: MemoryPlatform, database: Database, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    channel = await team_channel(tiimi)
    await say(tiimi, channel, "tapaaminen to 3.12. klo 14 Kirjasto")
    await say(tiimi, channel, "tapaaminen to 26.11. klo 14")
    listing = await say(tiimi, channel, "tapaaminen")
    assert "Sovitut tapaamiset (2)" in listing
    assert "1. to 26.11.2026 klo 14.00\n2. to 3.12.2026 klo 14.00 · Kirjasto" in listing

    assert "2 sovittua tapaamista" in await say(tiimi, channel, "tapaaminen peru")
    assert "numero 3 ei ole" in await say(tiimi, channel, "tapaaminen siirrä 3 pe klo 10")
    before = len(texts(platform, channel))
    assert "siirretty" in await say(tiimi, channel, "tapaaminen siirrä 2 pe 4.12. klo 10")
    assert "peruttu" in await say(tiimi, channel, "tapaaminen peru 1")
    assert texts(platform, channel)[before:] == [
        "@UANNA siirsi tapaamisen to 3.12.2026 klo 14.00. Uusi aika: pe 4.12.2026 klo 10.00.\n"
        "Paikka: Kirjasto",
        "@UANNA perui tapaamisen to 26.11.2026 klo 14.00.",
    ]
    assert await meetings(database) == [
        (datetime(2026, 12, 4, 8, 0, tzinfo=UTC), MeetingStatus.SCHEDULED),
        (datetime(2026, 11, 26, 12, 0, tzinfo=UTC), MeetingStatus.CANCELLED),
    ]
    assert "1. pe 4.12.2026 klo 10.00" in await say(tiimi, channel, "tapaaminen")
    assert "peruttu" in await say(tiimi, channel, "tapaaminen peru")  # the only one left


async def test_a_move_to_the_same_time_is_not_announced_again(
    tiimi: TiimiCommands, platform: MemoryPlatform, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    channel = await team_channel(tiimi)
    await say(tiimi, channel, "tapaaminen to 26.11. klo 14")
    before = len(texts(platform, channel))
    await say(tiimi, channel, "tapaaminen siirrä pe 27.11. klo 10")
    await say(tiimi, channel, "tapaaminen siirrä pe 27.11. klo 10")
    keys = list(platform.channels[channel].keys.values())
    assert len(texts(platform, channel)) == before + 1
    assert [k.kind for k in keys].count(PostKind.MEETING) == 1
    was, now = datetime(2026, 11, 26, 12, tzinfo=UTC), datetime(2026, 11, 27, 8, tzinfo=UTC)
    assert PostKey(PostKind.MEETING, f"1:{was.timestamp():.0f}>{now.timestamp():.0f}") in keys
