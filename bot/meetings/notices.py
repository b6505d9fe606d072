"""The channel's announcements of a moved or cancelled meeting, posted once, and the
after-meeting message updated with the answer whether it was held."""

from __future__ import annotations

import logging

from bot.context import Core
from bot.dates import span
from bot.meetings.booking import MeetingChange, Outcome
from bot.platform import PlatformError, PostKey, PostKind
from bot.reminders.messages import meeting_answered
from bot.replies import Message, Person, Text, compose
from storage.models import MeetingStatus

log = logging.getLogger(__name__)


async def announce(core: Core, change: MeetingChange, *, by: str) -> None:
    """Tell the team's channel (in the workspace language) who moved or cancelled which meeting;
    a move that changed nothing is not announced. A failed post is logged: the change stands."""
    t, tz, meeting = core.t, core.timezone, change.meeting
    was = span(change.was_at, change.was_until, tz, t.lang)
    if meeting.status == MeetingStatus.CANCELLED:
        text = t("meeting_cancelled_notice", user=Person(by), when=was)
        key = f"{meeting.pk}:cancelled"
    elif (change.was_at, change.was_until) == (meeting.starts_at, meeting.ends_at):
        return
    else:
        when = span(meeting.starts_at, meeting.ends_at, tz, t.lang)
        text = t("meeting_moved_notice", user=Person(by), was=was, when=when)
        key = f"{meeting.pk}:{change.was_at.timestamp():.0f}>{meeting.starts_at.timestamp():.0f}"
    if meeting.place and meeting.status != MeetingStatus.CANCELLED:
        text = compose(text, "\n", t("reminder_meeting_place", place=meeting.place))
    message = Message(text, blocks=(Text(text),))
    try:
        await core.platform.post_once(
            change.team.live_channel_id, message, key=PostKey(PostKind.MEETING, key)
        )
    except PlatformError as error:
        log.warning("meeting announcement failed: %s", error.code)


async def show_outcome(core: Core, outcome: Outcome, *, by: str) -> None:
    """Replace the after-meeting message's question and buttons with who answered what."""
    if outcome.post is None:
        return
    message = meeting_answered(
        core.t, meeting=outcome.meeting, by=by, next_meeting=outcome.next_meeting, tz=core.timezone
    )
    try:
        await core.platform.update_message(outcome.team.live_channel_id, outcome.post, message)
    except PlatformError as error:
        log.warning("after-meeting message update failed: %s", error.code)
