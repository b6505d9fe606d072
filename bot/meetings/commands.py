"""`/tiimi tapaaminen …`: book, move, cancel and list a team's meetings."""

from __future__ import annotations

from bot.context import Actor, Core
from bot.dates import DateParseError, span
from bot.dates.explain import explain
from bot.meetings.booking import MeetingService
from bot.meetings.grammar import BookMeeting, CancelMeeting, MoveMeeting, ShowMeeting
from bot.meetings.messages import meeting_list
from bot.meetings.notices import announce
from bot.replies import Message, Reply, Text, compose, simple

MeetingCommand = ShowMeeting | BookMeeting | MoveMeeting | CancelMeeting


async def run_meeting_command(
    core: Core, meetings: MeetingService, command: MeetingCommand, actor: Actor, channel_id: str
) -> Reply:
    """Booking is answered in the channel; a move or cancel is answered to the person and
    announced in the channel; the list is shown to the person only."""
    t, tz = actor.t, core.timezone
    try:
        match command:
            case BookMeeting(text=text):
                meeting = await meetings.book(actor=actor, channel_id=channel_id, text=text)
                said = t(
                    "meeting_booked", when=span(meeting.starts_at, meeting.ends_at, tz, t.lang)
                )
                if meeting.place:
                    place = t("reminder_meeting_place", place=meeting.place)
                    said = compose(said, "\n", place)
                return Reply(Message(said, blocks=(Text(said),)), public=True)
            case MoveMeeting(text=text, number=number):
                change = await meetings.move(
                    actor=actor, channel_id=channel_id, text=text, number=number
                )
                key = "meeting_moved"
            case CancelMeeting(number=number):
                change = await meetings.cancel(actor=actor, channel_id=channel_id, number=number)
                key = "meeting_cancelled"
            case ShowMeeting():
                upcoming = await meetings.upcoming(actor=actor, channel_id=channel_id)
                return Reply(meeting_list(t, upcoming, tz))
    except DateParseError as error:
        return simple(explain(t, error))
    await announce(core, change, by=actor.user_id)
    meeting = change.meeting
    if key == "meeting_cancelled":
        return simple(t(key, when=span(change.was_at, change.was_until, tz, t.lang)))
    return simple(t(key, when=span(meeting.starts_at, meeting.ends_at, tz, t.lang)))
