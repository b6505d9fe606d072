"""The fake Bot Connector refuses what Teams refuses, through real HTTP."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest

from tests.fake_teams import FakeTeams
from tests.fake_teams.connector import MAX_ACTIVITY_BYTES
from tests.teams.conftest import ANNA, ANNA_PERSONAL, BERTTA, CASE_CHAT, CECILIA
from tests.teams.http import Answer, call


def _reply(teams: FakeTeams, **fields: Any) -> dict[str, Any]:
    activity = {
        "type": "message",
        "from": {"id": teams.tenant.bot_id, "name": "Tiimi"},
        "conversation": {"id": CASE_CHAT},
        "text": "Hei",
    }
    return {**activity, **fields}


def _card(**fields: Any) -> dict[str, Any]:
    content = {
        "type": "AdaptiveCard",
        "version": "1.5",
        "body": [{"type": "TextBlock", "text": "Askel 1", "wrap": True}],
        "actions": [{"type": "Action.Execute", "title": "Tehty", "verb": "tehty", "data": {}}],
        **fields,
    }
    return {"contentType": "application/vnd.microsoft.card.adaptive", "content": content}


def _mention(teams: FakeTeams, user_id: str, name: str) -> dict[str, Any]:
    account = teams.tenant.users[user_id].account()
    return {"type": "mention", "text": f"<at>{name}</at>", "mentioned": account}


async def _post(
    teams: FakeTeams, activity: Any, *, token: str | None = "", conversation: str = CASE_CHAT
) -> Answer:
    bearer = teams.issuer.connector_token() if token == "" else token
    url = f"{teams.service_url}v3/conversations/{conversation}/activities"
    return await call("POST", url, token=bearer, body=activity)


@pytest.mark.parametrize(
    ("token", "why"),
    [
        (None, "no token"),
        ("graph", "a Graph token (wrong audience)"),
        ("expired", "expired by the fake's clock"),
        ("other app", "another app's token"),
        ("garbage", "not a JWT"),
    ],
)
async def test_a_call_without_the_bots_connector_token_is_401(
    teams: FakeTeams, token: str | None, why: str
) -> None:
    tokens = {
        None: None,
        "graph": teams.issuer.graph_token(roles=["Chat.Create"]),
        "expired": teams.issuer.connector_token(lifetime=-1),
        "other app": teams.issuer.connector_token(app_id="another-app"),
        "garbage": "not.a.jwt",
    }
    answer = await _post(teams, _reply(teams), token=tokens[token])
    assert answer.status == 401, why
    assert teams.tenant.conversations[CASE_CHAT].posted == []


async def test_an_unknown_conversation_is_404_and_a_chat_without_the_bot_403(
    teams: FakeTeams,
) -> None:
    answer = await _post(teams, _reply(teams), conversation="19:nope@thread.v2")
    assert (answer.status, answer.code) == (404, "ConversationNotFound")
    teams.tenant.conversations[CASE_CHAT].bot_in_roster = False  # removed from the chat
    answer = await _post(teams, _reply(teams))
    assert (answer.status, answer.code) == (403, "BotNotInConversationRoster")


async def test_an_activity_over_28_kb_is_413(teams: FakeTeams) -> None:
    def sized(size: int) -> bytes:
        base = json.dumps(_reply(teams, text="")).encode()
        return json.dumps(_reply(teams, text="x" * (size - len(base)))).encode()

    url = f"{teams.service_url}v3/conversations/{CASE_CHAT}/activities"
    token = teams.issuer.connector_token()
    assert (await call("POST", url, token=token, raw=sized(MAX_ACTIVITY_BYTES))).status == 201
    over = await call("POST", url, token=token, raw=sized(MAX_ACTIVITY_BYTES + 1))
    assert over.status == 413


@pytest.mark.parametrize(
    ("fields", "accepted"),
    [
        ({}, True),
        ({"locale": None, "recipient": None, "replyToId": None}, True),  # the SDK sends nulls
        ({"type": "typing", "text": None}, True),
        ({"type": "invoke"}, False),
        ({"from": 3}, False),  # schema
        ({"from": {"id": "29:someone"}}, False),  # not the bot
        ({"text": "<at>Bertta</at> hei"}, False),  # a mention without its entity
        ({"text": "<at>Bertta</at> hei", "entities": "mention"}, False),
        ({"text": "<at>Bertta</at> hei", "entities": ["mention"]}, True),
        ({"attachments": [_card()]}, True),
        ({"attachments": [_card(version="1.6")]}, False),
        ({"attachments": [_card(version="one")]}, False),
        ({"attachments": [_card(type="HeroCard")]}, False),
        ({"attachments": [_card(body=[{"type": "TextBlock"}])]}, False),
        (
            {
                "attachments": [
                    _card(
                        body=[{"type": "Container", "items": [{"type": "TextBlock", "text": ""}]}]
                    )
                ]
            },
            False,
        ),
        ({"attachments": [_card(actions=[{"type": "Action.Execute", "title": "x"}])]}, False),
        ({"attachments": [_card(body=[{"type": "TextBlock", "text": "<at>Bertta</at>"}])]}, False),
        (
            {
                "attachments": [
                    _card(
                        body=[{"type": "TextBlock", "text": "<at>Bertta</at>"}],
                        msteams={"entities": ["mention"]},
                    )
                ]
            },
            True,
        ),
    ],
)
async def test_the_activity_and_its_cards_are_checked(
    teams: FakeTeams, fields: dict[str, Any], accepted: bool
) -> None:
    if fields.get("entities") == ["mention"]:
        fields = {**fields, "entities": [_mention(teams, BERTTA, "Bertta")]}
    for card in fields.get("attachments", []):
        if card["content"].get("msteams") == {"entities": ["mention"]}:
            card["content"]["msteams"] = {"entities": [_mention(teams, BERTTA, "Bertta")]}
    answer = await _post(teams, _reply(teams, **fields))
    assert answer.status == (201 if accepted else 400), answer.body
    assert len(teams.tenant.conversations[CASE_CHAT].posted) == int(accepted)


async def test_replies_updates_and_deletes_act_on_known_activities_of_the_bot(
    teams: FakeTeams,
) -> None:
    chat, base = (
        teams.tenant.conversations[CASE_CHAT],
        f"{teams.service_url}v3/conversations/{CASE_CHAT}",
    )
    token = teams.issuer.connector_token()
    users_message = teams.events.message(chat, teams.tenant.users[ANNA], "hei")
    reply = await call(
        "POST", f"{base}/activities/{users_message['id']}", token=token, body=_reply(teams)
    )
    assert reply.status == 201 and chat.posted[-1]["replyToId"] == users_message["id"]
    to_unknown = await call("POST", f"{base}/activities/404", token=token, body=_reply(teams))
    assert to_unknown.status == 201 and "replyToId" not in chat.posted[-1]
    own = reply.body["id"]
    updated = await call(
        "PUT", f"{base}/activities/{own}", token=token, body=_reply(teams, text="Uusi")
    )
    assert updated.status == 200 and chat.activities[own]["text"] == "Uusi"
    assert [a["text"] for a in chat.updated] == ["Uusi"]
    theirs = await call(
        "PUT", f"{base}/activities/{users_message['id']}", token=token, body=_reply(teams)
    )
    assert theirs.status == 403 and chat.activities[users_message["id"]]["text"] == "hei"
    assert (
        await call("PUT", f"{base}/activities/404", token=token, body=_reply(teams))
    ).status == 404
    assert (await call("DELETE", f"{base}/activities/{own}", token=token)).status == 200
    assert chat.deleted == [own] and own not in chat.activities


async def test_members_are_the_chats_roster(teams: FakeTeams) -> None:
    base, token = f"{teams.service_url}v3/conversations", teams.issuer.connector_token()
    members = await call("GET", f"{base}/{ANNA_PERSONAL}/members", token=token)
    assert [(m["id"], m["aadObjectId"]) for m in members.body] == [(f"29:{ANNA}", ANNA)]
    one = await call("GET", f"{base}/{CASE_CHAT}/members/29:{BERTTA}", token=token)
    assert one.body["name"] == "Bertta"
    missing = await call("GET", f"{base}/{ANNA_PERSONAL}/members/29:{BERTTA}", token=token)
    assert (missing.status, missing.code) == (404, "MemberNotFoundInConversation")


async def test_injected_throttling_and_faults_refuse_before_applying(teams: FakeTeams) -> None:
    teams.faults.fail_next("connector.send", status=429, retry_after=3)
    teams.faults.fail_next("connector.send", status=502)
    throttled = await _post(teams, _reply(teams))
    assert (throttled.status, throttled.headers.get("Retry-After")) == (429, "3")
    assert (await _post(teams, _reply(teams))).status == 502
    assert teams.tenant.conversations[CASE_CHAT].posted == []
    assert (await _post(teams, _reply(teams))).status == 201


async def test_a_lost_answer_leaves_the_message_posted(teams: FakeTeams) -> None:
    teams.faults.lose_next_answer("connector.send")
    with pytest.raises(aiohttp.ClientError):
        await _post(teams, _reply(teams))
    assert [a["text"] for a in teams.tenant.conversations[CASE_CHAT].posted] == ["Hei"]
    assert teams.faults.served[-1] == ("connector.send", -1)


async def test_a_crash_of_the_fake_itself_fails_the_test_at_stop() -> None:
    teams = await FakeTeams().start()
    teams.tenant.add_conversation("a:ghost", conversation_type="personal", members=["no-such-user"])
    url = f"{teams.service_url}v3/conversations/a:ghost/members"
    answer = await call("GET", url, token=teams.issuer.connector_token())
    assert (answer.status, answer.code) == (500, "FakeBug")
    with pytest.raises(AssertionError, match="fake Teams internal error"):
        await teams.stop()


@pytest.mark.parametrize(
    ("members", "fields", "status"),
    [
        ([{"id": f"29:{ANNA}"}], {}, 201),  # her existing 1:1 chat
        ([{"id": BERTTA}], {}, 201),  # a new one, by Entra object id
        ([{"id": CECILIA}], {}, 403),  # the app is not installed for her
        ([{"id": "29:nobody"}], {}, 404),
        ([{"id": ANNA}, {"id": BERTTA}], {}, 400),  # bots cannot start group chats
        ([{"id": ANNA}], {"isGroup": True}, 400),
        ([{"id": ANNA}], {"channelData": {"tenant": {"id": "another"}}}, 400),
        (["x"], {}, 404),
    ],
)
async def test_a_bot_starts_only_1_1_chats_with_users_who_have_the_app(
    teams: FakeTeams, members: list[Any], fields: dict[str, Any], status: int
) -> None:
    body = {
        "bot": {"id": teams.tenant.bot_id},
        "members": members,
        "channelData": {"tenant": {"id": teams.tenant.id}},
        **fields,
    }
    url = f"{teams.service_url}v3/conversations"
    answer = await call("POST", url, token=teams.issuer.connector_token(), body=body)
    assert answer.status == status, answer.body
    if status == 201:
        chat = teams.tenant.conversations[answer.body["id"]]
        assert list(chat.members) == [members[0]["id"].removeprefix("29:")]
        assert chat.bot_in_roster and (chat.id == ANNA_PERSONAL) == (members[0]["id"] != BERTTA)
        again = await call("POST", url, token=teams.issuer.connector_token(), body=body)
        assert again.body == answer.body  # the same chat, not a second one


async def test_a_held_operation_waits_until_released(teams: FakeTeams) -> None:
    held = teams.faults.hold("connector.send")
    pending = asyncio.ensure_future(_post(teams, _reply(teams)))
    await held.arrived.wait()
    assert teams.tenant.conversations[CASE_CHAT].posted == []
    held.release.set()
    assert (await pending).status == 201
    assert len(teams.tenant.conversations[CASE_CHAT].posted) == 1


async def test_a_channel_threads_id_with_its_message_id_is_a_conversation(teams: FakeTeams) -> None:
    thread = "19:general@thread.tacv2;messageid=1700000000001"
    teams.tenant.add_conversation(thread, conversation_type="channel", members=[ANNA])
    answer = await _post(teams, _reply(teams, conversation={"id": thread}), conversation=thread)
    assert answer.status == 201 and teams.tenant.conversations[thread].posted
