"""SlackPlatform.close_space against the fake Slack: every page, only the app's own posts go,
a farewell from an earlier try stays (and is not repeated), then the channel is archived."""

from __future__ import annotations

from slack_sdk.web.async_client import AsyncWebClient

from bot.platform import PostKey, PostKind
from bot.replies import Message, compose
from handlers.sandbox.workspace import SimulatedSlack
from handlers.slack.client import retry_handlers
from handlers.slack.platform import SlackPlatform


async def test_every_own_message_goes_except_the_kept_and_other_peoples(
    fake_slack: SimulatedSlack,
) -> None:
    client = AsyncWebClient(
        token=fake_slack.token, base_url=fake_slack.base_url, retry_handlers=retry_handlers()
    )
    channel = fake_slack.add_channel("mt-2026-0001", members={"UANNA"})
    for i in range(450):  # three pages of conversations.history
        await client.chat_postMessage(channel=channel, text=f"askel {i}")
    theirs = fake_slack.post_as_user(channel, "UANNA", "oma viesti")
    summary = await client.chat_postMessage(
        channel=channel,
        text="suljettu",
        metadata={"event_type": "tiimi_closing", "event_payload": {"team_id": "1"}},
    )
    fake_slack.fail_next("chat.delete", status=429, retry_after=0, after=100)

    closed = await SlackPlatform(client).close_space(
        channel, farewell=Message(compose("suljettu")), key=PostKey(PostKind.CLOSING, "1")
    )

    assert (closed.deleted, closed.undeletable, closed.farewell_earlier) == (450, 0, True)
    left = [m.ts for m in fake_slack.messages[channel] if not m.deleted]
    assert left == [theirs, summary["ts"]]
    assert fake_slack.channels[channel].is_archived
    pages = fake_slack.calls_to("conversations.history")
    assert len(pages) == 4  # three pages, then one (what is left) finding nothing new
    assert [c.http_status for c in fake_slack.calls_to("chat.delete")].count(429) == 1
