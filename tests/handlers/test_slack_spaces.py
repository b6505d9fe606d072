"""SlackPlatform's intents against the fake Slack: a team's channel is named after its code
(suffixes past taken names), a channel whose creation answer was lost is taken over, posts
carry metadata so that they appear once, and removing someone not there is a typed error."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from bot.platform import NotInSpace, PostKey, PostKind
from bot.replies import Message, compose
from handlers.sandbox.workspace import SimulatedSlack
from handlers.slack.client import retry_handlers
from handlers.slack.platform import SlackPlatform

CODE = "MT-2026-0001"


def slack_platform(fake: SimulatedSlack) -> SlackPlatform:
    def client(*, retry_lost_connections: bool) -> AsyncWebClient:
        handlers = retry_handlers(retry_lost_connections=retry_lost_connections)
        return AsyncWebClient(token=fake.token, base_url=fake.base_url, retry_handlers=handlers)

    return SlackPlatform(
        client(retry_lost_connections=True), posts_once=client(retry_lost_connections=False)
    )


async def always_free(_ref: str) -> bool:
    return True


async def test_a_retry_that_finds_the_name_taken_takes_over_its_own_channel(
    fake_slack: SimulatedSlack,
) -> None:
    fake_slack.lose_next_response("conversations.create")  # created; the retry gets name_taken

    space = await slack_platform(fake_slack).open_space(CODE, is_free=always_free)

    channel = fake_slack.channel_by_name("mt-2026-0001")
    assert channel is not None and space.ref == channel.id and space.name == channel.name
    assert len(fake_slack.calls_to("conversations.create")) == 2
    assert [c.name for c in fake_slack.channels.values()].count("mt-2026-0001") == 1


async def test_channels_of_others_or_held_by_teams_are_never_taken_over(
    fake_slack: SimulatedSlack,
) -> None:
    held = fake_slack.add_channel("mt-2026-0001")  # the bot's, but a team holds it
    theirs = fake_slack.add_channel("mt-2026-0001-2")
    fake_slack.channels[theirs].creator = "UANNA"  # a person made it

    async def free(ref: str) -> bool:
        return ref != held

    space = await slack_platform(fake_slack).open_space(CODE, is_free=free)

    assert space.name == "mt-2026-0001-3" and space.ref not in (held, theirs)
    assert len(fake_slack.calls_to("conversations.list")) == 1  # asked once, not per name


async def test_without_the_list_the_next_name_is_taken(fake_slack: SimulatedSlack) -> None:
    fake_slack.add_channel("mt-2026-0001")
    fake_slack.fail_next("conversations.list", error="missing_scope")  # no groups:read

    space = await slack_platform(fake_slack).open_space(CODE, is_free=always_free)

    assert space.name == "mt-2026-0001-2"


async def test_find_spaces_lists_only_this_apps_open_channels_of_the_code(
    fake_slack: SimulatedSlack,
) -> None:
    mine = fake_slack.add_channel("mt-2026-0001-2")
    fake_slack.add_channel("mt-2026-0001", archived=True)
    fake_slack.add_channel("mt-2026-00012")  # another code's
    theirs = fake_slack.add_channel("mt-2026-0001-3")
    fake_slack.channels[theirs].creator = "UBERT"

    found = await slack_platform(fake_slack).find_spaces(CODE)

    assert [(s.ref, s.name) for s in found] == [(mine, "mt-2026-0001-2")]


async def test_a_post_whose_answer_was_lost_is_found_not_doubled(
    fake_slack: SimulatedSlack,
) -> None:
    channel = fake_slack.add_channel("mt-2026-0001")
    platform = slack_platform(fake_slack)
    key = PostKey(PostKind.REMINDER, "7")
    fake_slack.lose_next_response("chat.postMessage")

    posted = await platform.post_once(channel, Message(compose("Muistutus")), key=key)

    [message] = fake_slack.messages[channel]
    assert posted.ref == message.ts and not posted.earlier
    assert message.metadata == {
        "event_type": "tiimi_reminder",
        "event_payload": {"reminder_id": "7"},
    }
    since = datetime.now(UTC) - timedelta(minutes=1)  # a later try of the same reminder
    again = await platform.post_once(channel, Message(compose("Muistutus")), key=key, since=since)
    assert again.ref == message.ts and again.earlier
    assert len(fake_slack.messages[channel]) == 1


async def test_removing_someone_not_there_is_not_in_space(fake_slack: SimulatedSlack) -> None:
    channel = fake_slack.add_channel("mt-2026-0001", members={"UANNA"})

    with pytest.raises(NotInSpace):
        await slack_platform(fake_slack).remove_person(channel, "UBERT")
