"""Meeting reminders on Teams through the real bot: booked by typing in the case chat, posted
proactively into the chat once (also after a refused first try), and when the app was removed
from the chat, failed once and told to the convenor in her personal chat."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import col, select

from storage.models import Reminder, ReminderKind, ReminderState
from tests.fake_teams.state import Conversation
from tests.teams_e2e.conftest import People
from tests.teams_e2e.harness import TeamsBot, plain_text, texts
from tests.teams_e2e.test_opening import open_team

# The clock starts on Monday 23.11.2026 10.00 in Helsinki; the meeting is on Wednesday at 14.
# The default reminders are 24 h and 1 h before it, outside the quiet hours (20-7).
WHEN = "ke 25.11.2026 klo 14.00"
REMINDER = f"Muistutus: tiimin tapaaminen {WHEN}"
DAY_BEFORE = datetime(2026, 11, 24, 12, 0, 5, tzinfo=UTC)  # 24 h before 14.00 local
POST = "connector.reply"  # the SDK's proactive send replies to its continuation activity
FAILED = "Tiimin MT-2026-0001 muistutusta ei voitu lähettää tiimin keskusteluun"


def reminder_posts(chat: Conversation) -> list[dict[str, Any]]:
    return [activity for activity in chat.posted if REMINDER in plain_text(activity)]


def served_posts(bot: TeamsBot) -> list[int]:
    """The statuses the fake connector answered the bot's posts with, in order."""
    return [status for operation, status in bot.teams.faults.served if operation == POST]


async def meeting_reminders(bot: TeamsBot) -> list[Reminder]:
    """The meeting's reminders before it, the earliest first."""
    async with bot.database.session() as session:
        query = select(Reminder).where(col(Reminder.kind) == ReminderKind.MEETING_BEFORE)
        return list((await session.exec(query.order_by(col(Reminder.due_at)))).all())


async def booked_case_chat(bot: TeamsBot, people: People) -> Conversation:
    """A team opened by dialog, with a meeting booked by typing `tiimi tapaaminen` in its chat."""
    await open_team(bot, people)
    (chat,) = bot.case_chats()
    status = await bot.say(chat, people.anna, "tiimi tapaaminen ke 25.11. klo 14 Kirjasto")
    assert status == 202  # accepted; the command runs after the answer
    booked = [line for line in texts(chat) if "Tapaaminen on sovittu" in line]
    assert len(booked) == 1 and WHEN in booked[0], texts(chat)
    assert [r.state for r in await meeting_reminders(bot)] == [ReminderState.PENDING] * 2
    assert dict((await bot.worker.run_once()).counts) == {}  # nothing due yet
    assert reminder_posts(chat) == []
    return chat


async def test_a_throttled_reminder_is_posted_into_the_case_chat_once(
    bot: TeamsBot, people: People
) -> None:
    chat = await booked_case_chat(bot, people)
    bot.teams.faults.fail_next(POST, status=429, retry_after=0)
    before = len(served_posts(bot))
    bot.clock.set(DAY_BEFORE)

    assert dict((await bot.worker.run_once()).counts) == {"sent": 1}
    assert served_posts(bot)[before:] == [429, 201]  # refused once, then posted
    bot.clock.advance(timedelta(minutes=10))
    assert dict((await bot.worker.run_once()).counts) == {}
    assert dict((await bot.worker.run_once()).counts) == {}

    (posted,) = reminder_posts(chat)
    assert "Kirjasto" in plain_text(posted) and "replyToId" not in posted
    first, second = await meeting_reminders(bot)
    assert first.state == ReminderState.SENT and first.message_ts == posted["id"]
    assert second.state == ReminderState.PENDING  # the hour-before one is not due yet


async def test_a_reminder_refused_with_503_is_retried_by_the_worker_and_posted_once(
    bot: TeamsBot, people: People
) -> None:
    chat = await booked_case_chat(bot, people)
    bot.teams.faults.fail_next(POST, status=503)  # no Retry-After: left to the worker
    bot.clock.set(DAY_BEFORE)

    assert dict((await bot.worker.run_once()).counts) == {"retry": 1}
    assert reminder_posts(chat) == []
    assert dict((await bot.worker.run_once()).counts) == {}  # its retry time has not come
    bot.clock.advance(timedelta(hours=1))  # one poll interval (REMINDER_POLL_SECONDS)
    assert dict((await bot.worker.run_once()).counts) == {"sent": 1}
    assert dict((await bot.worker.run_once()).counts) == {}

    assert len(reminder_posts(chat)) == 1
    first, _ = await meeting_reminders(bot)
    assert first.state == ReminderState.SENT and first.attempts == 2


async def test_a_reminder_into_a_chat_the_app_was_removed_from_fails_and_tells_the_convenor(
    bot: TeamsBot, people: People
) -> None:
    chat = await booked_case_chat(bot, people)
    # Someone removes Tiimi from the chat: Teams uninstalls the app, drops the bot from the
    # roster, and tells the bot with an installationUpdate and a conversationUpdate.
    chat.bot_in_roster = False
    chat.installed_apps.discard(bot.teams.tenant.catalog_app_id)
    events = bot.teams.events
    removed = events.conversation_update(chat, removed=(events.bot_account(),), by=people.anna)
    for activity in (events.installation_update(chat, action="remove", by=people.anna), removed):
        status, _ = await bot.send(activity)
        assert 200 <= status < 300
    in_chat = len(chat.posted)
    personal = bot.personal(people.anna)
    told_before = len(personal.posted)
    bot.clock.set(DAY_BEFORE)

    assert dict((await bot.worker.run_once()).counts) == {"failed": 1}
    assert served_posts(bot)[-2:] == [403, 201]  # refused in the case chat; told to Anna
    bot.clock.advance(timedelta(hours=2))
    assert dict((await bot.worker.run_once()).counts) == {}  # not tried again

    assert len(chat.posted) == in_chat
    first, second = await meeting_reminders(bot)
    assert first.state == ReminderState.FAILED and first.attempts == 1
    assert first.failure_reason == "BotNotInConversationRoster"
    assert second.state == ReminderState.PENDING
    (notice,) = texts(personal)[told_before:]
    assert FAILED in notice and "BotNotInConversationRoster" in notice
    for other in (people.bertta, people.kaisa):
        assert not any(FAILED in line for line in texts(bot.personal(other)))
