"""Tests of the fake's conversations.* methods through a real slack_sdk client."""

from __future__ import annotations

from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from handlers.sandbox.workspace import SimulatedSlack


async def _create(client: AsyncWebClient, name: str) -> str:
    """Create a private channel and return its id."""
    response = await client.conversations_create(name=name, is_private=True)
    return str(response["channel"]["id"])


async def test_create_makes_private_channel_with_bot(
    client: AsyncWebClient, fake_slack: SimulatedSlack
) -> None:
    response = await client.conversations_create(name="case-2024_01", is_private=True)
    channel = fake_slack.channels[response["channel"]["id"]]
    assert channel.is_private and channel.members == {"UBOT"}
    assert response["channel"]["name"] == "case-2024_01"
    assert fake_slack.channel_by_name("case-2024_01") is channel


async def test_name_taken_includes_archived(
    client: AsyncWebClient, fake_slack: SimulatedSlack
) -> None:
    fake_slack.add_channel("old-case", archived=True)
    with pytest.raises(SlackApiError) as err:
        await client.conversations_create(name="old-case")
    assert err.value.response["error"] == "name_taken"


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("", "invalid_name_required"),
        ("x" * 81, "invalid_name_maxlength"),
        ("Iso-Kirjain", "invalid_name_specials"),
        ("ääkköset", "invalid_name_specials"),
        ("with space", "invalid_name_specials"),
        ("-leading", "invalid_name_specials"),
        ("---", "invalid_name_punctuation"),
    ],
)
async def test_invalid_names(client: AsyncWebClient, name: str, error: str) -> None:
    with pytest.raises(SlackApiError) as err:
        await client.conversations_create(name=name)
    assert err.value.response["error"] == error


async def test_invite_batches_and_errors(
    client: AsyncWebClient, fake_slack: SimulatedSlack
) -> None:
    cid = await _create(client, "team")
    await client.conversations_invite(channel=cid, users=["UANNA", "UBERT"])
    assert fake_slack.channels[cid].members == {"UBOT", "UANNA", "UBERT"}
    with pytest.raises(SlackApiError) as err:
        await client.conversations_invite(channel=cid, users=["UCARL", "UANNA", "U_NOPE"])
    body = err.value.response.data
    assert body["error"] == "already_in_channel"
    assert body["errors"] == [
        {"user": "UANNA", "ok": False, "error": "already_in_channel"},
        {"user": "U_NOPE", "ok": False, "error": "user_not_found"},
    ]
    assert "UCARL" not in fake_slack.channels[cid].members  # all or nothing without force
    with pytest.raises(SlackApiError) as err:
        await client.conversations_invite(channel=cid, users="UBOT")
    assert err.value.response["error"] == "cant_invite_self"


async def test_invite_more_than_100_users_refused(
    client: AsyncWebClient, fake_slack: SimulatedSlack
) -> None:
    cid = await _create(client, "big")
    ids = [f"U{i:04d}" for i in range(101)]
    for user_id in ids:
        fake_slack.add_user(user_id)
    with pytest.raises(SlackApiError) as err:
        await client.conversations_invite(channel=cid, users=ids)
    assert fake_slack.api_ref.is_documented("conversations.invite", err.value.response["error"])
    assert fake_slack.channels[cid].members == {"UBOT"}
    await client.conversations_invite(channel=cid, users=ids[:100])
    assert len(fake_slack.channels[cid].members) == 101


async def test_kick_rules(client: AsyncWebClient, fake_slack: SimulatedSlack) -> None:
    cid = await _create(client, "kicks")
    await client.conversations_invite(channel=cid, users="UANNA")
    await client.conversations_kick(channel=cid, user="UANNA")
    assert "UANNA" not in fake_slack.channels[cid].members
    for user, error in (("UANNA", "not_in_channel"), ("UBOT", "cant_kick_self")):
        with pytest.raises(SlackApiError) as err:
            await client.conversations_kick(channel=cid, user=user)
        assert err.value.response["error"] == error


async def test_private_channel_the_bot_left_is_hidden(
    client: AsyncWebClient, fake_slack: SimulatedSlack
) -> None:
    cid = await _create(client, "secret")
    fake_slack.remove_bot_from(cid)
    for call in (
        client.chat_postMessage(channel=cid, text="hei"),
        client.conversations_invite(channel=cid, users="UANNA"),
        client.conversations_history(channel=cid),
        client.conversations_setTopic(channel=cid, topic="x"),
        client.conversations_archive(channel=cid),
    ):
        with pytest.raises(SlackApiError) as err:
            await call
        assert err.value.response["error"] == "channel_not_found"


async def test_archived_channel_refuses_posts_and_invites(
    client: AsyncWebClient, fake_slack: SimulatedSlack
) -> None:
    cid = await _create(client, "done")
    fake_slack.archive_behind_bots_back(cid)
    for call in (
        client.chat_postMessage(channel=cid, text="hei"),
        client.conversations_invite(channel=cid, users="UANNA"),
    ):
        with pytest.raises(SlackApiError) as err:
            await call
        assert err.value.response["error"] == "is_archived"
    with pytest.raises(SlackApiError) as err:
        await client.conversations_archive(channel=cid)
    assert err.value.response["error"] == "already_archived"
    await client.conversations_unarchive(channel=cid)
    assert not fake_slack.channels[cid].is_archived


async def test_topic_purpose_info_members(
    client: AsyncWebClient, fake_slack: SimulatedSlack
) -> None:
    cid = await _create(client, "meta")
    await client.conversations_setTopic(channel=cid, topic="Aihe")
    await client.conversations_setPurpose(channel=cid, purpose="Tarkoitus")
    info = await client.conversations_info(channel=cid)
    assert info["channel"]["topic"]["value"] == "Aihe"
    assert info["channel"]["purpose"]["value"] == "Tarkoitus"
    await client.conversations_invite(channel=cid, users="UANNA,UBERT")
    members = await client.conversations_members(channel=cid, limit=2)
    assert members["members"] == ["UANNA", "UBERT"]
    rest = await client.conversations_members(
        channel=cid, cursor=members["response_metadata"]["next_cursor"]
    )
    assert rest["members"] == ["UBOT"]


async def test_history_newest_first_with_metadata(
    client: AsyncWebClient, fake_slack: SimulatedSlack
) -> None:
    cid = await _create(client, "hist")
    meta = {"event_type": "tiimi_case", "event_payload": {"case": 7}}
    first = await client.chat_postMessage(channel=cid, text="eka", metadata=meta)
    second = await client.chat_postMessage(channel=cid, text="toka")
    await client.chat_postMessage(channel=cid, text="vastaus", thread_ts=first["ts"])
    history = await client.conversations_history(channel=cid, include_all_metadata=True)
    assert [m["text"] for m in history["messages"]] == ["toka", "eka"]
    assert history["messages"][1]["metadata"] == meta
    plain = await client.conversations_history(channel=cid)
    assert "metadata" not in plain["messages"][1]
    newer = await client.conversations_history(channel=cid, oldest=first["ts"])
    assert [m["ts"] for m in newer["messages"]] == [second["ts"]]
    page = await client.conversations_history(channel=cid, limit=1)
    assert page["has_more"] and [m["text"] for m in page["messages"]] == ["toka"]


async def test_open_dm_and_post(client: AsyncWebClient, fake_slack: SimulatedSlack) -> None:
    opened = await client.conversations_open(users="UANNA")
    dm_id = opened["channel"]["id"]
    assert dm_id.startswith("D")
    await client.chat_postMessage(channel=dm_id, text="Moi Anna")
    await client.chat_postMessage(channel="UANNA", text="Toinen")
    assert [m.text for m in fake_slack.messages[dm_id]] == ["Moi Anna", "Toinen"]


async def test_missing_required_argument(client: AsyncWebClient) -> None:
    with pytest.raises(SlackApiError) as err:
        await client.api_call("conversations.create", params={"is_private": "true"})
    assert err.value.response["error"] == "missing_argument"
    with pytest.raises(SlackApiError) as err:
        await client.api_call("conversations.setTopic", params={"channel": "C1"})
    assert err.value.response["error"] == "invalid_arguments"


async def test_auth_and_unknown_method(fake_slack: SimulatedSlack) -> None:
    wrong = AsyncWebClient(token="xoxb-wrong", base_url=fake_slack.base_url, retry_handlers=[])
    with pytest.raises(SlackApiError) as err:
        await wrong.auth_test()
    assert err.value.response["error"] == "invalid_auth"
    anonymous = AsyncWebClient(base_url=fake_slack.base_url, retry_handlers=[])
    with pytest.raises(SlackApiError) as err:
        await anonymous.conversations_info(channel="C1")
    assert err.value.response["error"] == "not_authed"
    right = AsyncWebClient(token=fake_slack.token, base_url=fake_slack.base_url, retry_handlers=[])
    with pytest.raises(SlackApiError) as err:
        await right.api_call("conversations.teleport")
    assert err.value.response["error"] == "unknown_method"
    assert [c.error for c in fake_slack.calls] == ["invalid_auth", "not_authed", "unknown_method"]


async def test_users_and_usergroups(client: AsyncWebClient, fake_slack: SimulatedSlack) -> None:
    info = await client.users_info(user="UDORA", include_locale=True)
    assert info["user"]["locale"] == "sv-SE"
    assert "locale" not in (await client.users_info(user="UDORA"))["user"]
    fake_slack.add_usergroup("S_TEAM", ["UANNA", "UCARL"])
    listed = await client.usergroups_users_list(usergroup="S_TEAM")
    assert listed["users"] == ["UANNA", "UCARL"]
    with pytest.raises(SlackApiError) as err:
        await client.users_info(user="U_NOPE")
    assert err.value.response["error"] == "user_not_found"


async def test_joins_are_delivered_before_the_answer(
    client: AsyncWebClient, fake_slack: SimulatedSlack
) -> None:
    """member_joined_channel for the creator and each invitee (events/member_joined_channel),
    handed to on_join while the call's answer waits; a failed invitation sends none."""
    seen: list[tuple[str, str | None, int]] = []

    async def on_join(event: dict[str, Any]) -> None:
        assert event["type"] == "member_joined_channel" and event["channel_type"] == "G"
        seen.append((event["user"], event.get("inviter"), len(fake_slack.calls)))

    fake_slack.on_join = on_join
    channel = await _create(client, "joins")
    await client.conversations_invite(channel=channel, users=["UANNA", "UBERT"])
    assert seen == [("UBOT", None, 1), ("UANNA", "UBOT", 2), ("UBERT", "UBOT", 2)]
    with pytest.raises(SlackApiError):
        await client.conversations_invite(channel=channel, users=["UANNA"])
    assert len(seen) == 3
    event = fake_slack.add_in_slack_dialog(channel, "UCARL", by="UANNA")
    assert event["inviter"] == "UANNA" and "UCARL" in fake_slack.channels[channel].members
    assert len(seen) == 3  # the test sends that one itself


async def test_kick_follows_the_reference(
    client: AsyncWebClient, fake_slack: SimulatedSlack
) -> None:
    channel = await _create(client, "kick")
    await client.conversations_invite(channel=channel, users=["UANNA"])
    await client.conversations_kick(channel=channel, user="UANNA")
    assert "UANNA" not in fake_slack.channels[channel].members
    for user, error in (("UANNA", "not_in_channel"), ("UBOT", "cant_kick_self")):
        with pytest.raises(SlackApiError) as err:
            await client.conversations_kick(channel=channel, user=user)
        assert err.value.response["error"] == error
