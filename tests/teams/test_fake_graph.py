"""The fake Microsoft Graph enforces permissions, chat rules and app installation."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
import pytest_asyncio
from aiohttp import web

from tests.fake_teams import FakeTeams
from tests.fake_teams.graph import MAX_MEMBERS_PER_CALL, MAX_TOPIC, MEMBER_TYPE
from tests.fake_teams.server import serve
from tests.teams.conftest import ANNA, BERTTA, CASE_CHAT, CECILIA, DAVID
from tests.teams.http import Answer, call

ALL_ROLES = [
    "Chat.Create",
    "ChatMember.ReadWrite.All",
    "TeamsAppInstallation.ReadWriteSelfForChat.All",
    "User.ReadBasic.All",
    "GroupMember.Read.All",
]


def _member(user_id: str, roles: tuple[str, ...] = ("owner",)) -> dict[str, Any]:
    bind = f"https://graph.microsoft.com/v1.0/users('{user_id}')"
    return {"@odata.type": MEMBER_TYPE, "roles": list(roles), "user@odata.bind": bind}


def _chat(*user_ids: str, topic: str | None = "Asiakkaan tiimi", **fields: Any) -> dict[str, Any]:
    body = {"chatType": "group", "members": [_member(u) for u in user_ids], **fields}
    return {**body, "topic": topic} if topic is not None else body


async def _graph(
    teams: FakeTeams, method: str, path: str, body: Any = None, *, roles: list[str] = ALL_ROLES
) -> Answer:
    token = teams.issuer.graph_token(roles=roles)
    return await call(method, f"{teams.graph_url}{path}", token=token, body=body)


async def test_a_call_without_a_graph_token_is_401(teams: FakeTeams) -> None:
    url = f"{teams.graph_url}/users/{ANNA}"
    for token in (None, teams.issuer.connector_token()):
        answer = await call("GET", url, token=token)
        assert (answer.status, answer.code) == (401, "InvalidAuthenticationToken")


@pytest.mark.parametrize(
    ("method", "path", "needed"),
    [
        ("POST", "/chats", "Chat.Create"),
        ("GET", f"/chats/{CASE_CHAT}/members", "ChatMember.ReadWrite.All"),
        (
            "POST",
            f"/chats/{CASE_CHAT}/installedApps",
            "TeamsAppInstallation.ReadWriteSelfForChat.All",
        ),
        ("GET", f"/users/{ANNA}", "User.ReadBasic.All"),
        ("GET", "/groups/team-all/transitiveMembers", "GroupMember.Read.All"),
    ],
)
async def test_a_missing_application_permission_is_403_naming_it(
    teams: FakeTeams, method: str, path: str, needed: str
) -> None:
    answer = await _graph(teams, method, path, {}, roles=["Sites.Read.All"])
    assert (answer.status, answer.code) == (403, "Forbidden")
    assert needed in answer.body["error"]["message"]


@pytest.mark.parametrize(
    ("body", "status"),
    [
        (_chat(ANNA, BERTTA, CECILIA), 201),
        (_chat(ANNA, BERTTA, CECILIA, topic=None), 201),
        (_chat(ANNA, BERTTA, CECILIA, topic="x" * MAX_TOPIC), 201),
        (_chat(ANNA, BERTTA, CECILIA, topic="x" * (MAX_TOPIC + 1)), 400),
        (_chat(ANNA, BERTTA), 400),  # a group chat needs three
        (_chat(ANNA, BERTTA, "00000000-0000-4000-8000-00000000dead"), 404),  # unknown user
        (
            {
                **_chat(),
                "members": [_member(ANNA, ("guest",)), _member(BERTTA, ()), _member(CECILIA, ())],
            },
            400,
        ),
        ({**_chat(), "members": [_member(ANNA), _member(BERTTA), {"user@odata.bind": "x"}]}, 400),
        (
            {
                **_chat(),
                "members": [
                    _member(ANNA),
                    _member(BERTTA),
                    {**_member(CECILIA), "user@odata.bind": "x"},
                ],
            },
            400,
        ),
        (
            {**_chat(), "members": [_member(ANNA), _member(BERTTA), _member(CECILIA, ("boss",))]},
            400,
        ),
        ({**_chat(ANNA, BERTTA, CECILIA), "chatType": "meeting"}, 400),
        ({**_chat(ANNA, BERTTA, topic=None), "chatType": "oneOnOne"}, 201),
        ({**_chat(ANNA, BERTTA, CECILIA, topic=None), "chatType": "oneOnOne"}, 400),
        (_chat(*[ANNA] * (MAX_MEMBERS_PER_CALL + 1)), 400),
        ([], 400),  # not an object
    ],
)
async def test_creating_a_chat_follows_graphs_rules(
    teams: FakeTeams, body: Any, status: int
) -> None:
    before = set(teams.tenant.conversations)
    answer = await _graph(teams, "POST", "/chats", body)
    assert answer.status == status, answer.body
    created = set(teams.tenant.conversations) - before
    if status != 201:
        assert created == set()
        return
    assert created == {answer.body["id"]}
    chat = teams.tenant.conversations[answer.body["id"]]
    assert sorted(chat.members) == sorted(m["user@odata.bind"][-38:-2] for m in body["members"])
    assert not chat.bot_in_roster  # until the app is installed


async def test_chat_members_are_listed_added_and_removed(teams: FakeTeams) -> None:
    members = f"/chats/{CASE_CHAT}/members"
    listed = await _graph(teams, "GET", members)
    assert sorted(m["userId"] for m in listed.body["value"]) == sorted([ANNA, BERTTA, CECILIA])
    added = await _graph(teams, "POST", members, _member(DAVID, ()))
    assert added.status == 201 and DAVID in teams.tenant.conversations[CASE_CHAT].members
    assert (await _graph(teams, "POST", members, _member(DAVID))).status == 409
    assert (await _graph(teams, "POST", members, _member("nobody"))).status == 404
    removed = await _graph(teams, "DELETE", f"{members}/{added.body['id']}")
    assert removed.status == 204 and DAVID not in teams.tenant.conversations[CASE_CHAT].members
    assert (await _graph(teams, "DELETE", f"{members}/{added.body['id']}")).status == 404
    assert (await _graph(teams, "GET", "/chats/19:nope@thread.v2/members")).status == 404


async def test_a_one_on_one_chat_refuses_new_members(teams: FakeTeams) -> None:
    created = await _graph(
        teams, "POST", "/chats", {**_chat(ANNA, BERTTA, topic=None), "chatType": "oneOnOne"}
    )
    added = await _graph(teams, "POST", f"/chats/{created.body['id']}/members", _member(CECILIA))
    assert added.status == 403 and "RosterAddMemberBlocked" in added.body["error"]["message"]


async def test_users_and_transitive_group_members(teams: FakeTeams) -> None:
    assert (await _graph(teams, "GET", f"/users/{ANNA}")).body["displayName"] == "Anna"
    assert (await _graph(teams, "GET", "/users/nobody")).status == 404
    members = await _graph(teams, "GET", "/groups/team-all/transitiveMembers")
    assert sorted(m["id"] for m in members.body["value"]) == sorted([ANNA, BERTTA])
    assert (await _graph(teams, "GET", "/groups/nope/transitiveMembers")).status == 404


async def test_injected_throttling_refuses_and_a_lost_answer_leaves_the_chat(
    teams: FakeTeams,
) -> None:
    before = set(teams.tenant.conversations)
    teams.faults.fail_next("graph.create_chat", status=429, retry_after=7)
    throttled = await _graph(teams, "POST", "/chats", _chat(ANNA, BERTTA, CECILIA))
    assert (throttled.status, throttled.headers["Retry-After"], throttled.code) == (
        429,
        "7",
        "TooManyRequests",
    )
    teams.faults.fail_next("graph.create_chat", status=504)
    assert (await _graph(teams, "POST", "/chats", _chat(ANNA, BERTTA, CECILIA))).status == 504
    assert set(teams.tenant.conversations) == before
    teams.faults.lose_next_answer("graph.create_chat")
    with pytest.raises(aiohttp.ClientError):
        await _graph(teams, "POST", "/chats", _chat(ANNA, BERTTA, CECILIA))
    assert len(set(teams.tenant.conversations) - before) == 1  # an orphan unless cleaned up


# --- installing the app -------------------------------------------------------------------


@pytest_asyncio.fixture
async def bot_inbox(teams: FakeTeams) -> AsyncIterator[list[tuple[str, dict[str, Any]]]]:
    """A bare bot endpoint recording (Authorization, activity) of what it is sent."""
    received: list[tuple[str, dict[str, Any]]] = []

    async def messages(request: web.Request) -> web.Response:
        received.append((request.headers.get("Authorization", ""), await request.json()))
        return web.Response(status=202)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    runner, base_url = await serve(app)
    teams.bot_url = f"{base_url}/api/messages"
    yield received
    await runner.cleanup()


def _install_body(catalog_id: str) -> dict[str, str]:
    return {
        "teamsApp@odata.bind": f"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{catalog_id}"
    }


async def _new_chat(teams: FakeTeams) -> str:
    created = await _graph(teams, "POST", "/chats", _chat(ANNA, BERTTA, CECILIA))
    chat_id: str = created.body["id"]
    return chat_id


async def test_installing_the_app_adds_the_bot_and_tells_it_with_signed_events(
    teams: FakeTeams, bot_inbox: list[tuple[str, dict[str, Any]]]
) -> None:
    chat_id = await _new_chat(teams)
    path = f"/chats/{chat_id}/installedApps"
    assert (await _graph(teams, "POST", path, _install_body("not-in-catalog"))).status == 404
    assert bot_inbox == [] and not teams.tenant.conversations[chat_id].bot_in_roster
    assert (
        await _graph(teams, "POST", path, _install_body(teams.tenant.catalog_app_id))
    ).status == 201
    assert teams.tenant.conversations[chat_id].bot_in_roster
    assert [(a["type"], a["conversation"]["id"]) for _, a in bot_inbox] == [
        ("installationUpdate", chat_id),
        ("conversationUpdate", chat_id),
    ]
    assert bot_inbox[0][1]["action"] == "add"
    assert bot_inbox[1][1]["membersAdded"] == [{"id": teams.tenant.bot_id, "name": "Tiimi"}]
    for authorization, _ in bot_inbox:  # signed with the key the issuer serves
        claims = teams.issuer.verify(authorization, audience=teams.tenant.app_id)
        assert claims is not None and claims["serviceurl"] == teams.service_url
    assert teams.graph.event_statuses == [202, 202]
    again = await _graph(teams, "POST", path, _install_body(teams.tenant.catalog_app_id))
    assert (again.status, again.code) == (409, "Conflict")
    assert len(bot_inbox) == 2


async def test_install_events_can_come_later_or_never(
    teams: FakeTeams, bot_inbox: list[tuple[str, dict[str, Any]]]
) -> None:
    teams.graph.install_events = "deferred"
    chat_id = await _new_chat(teams)
    body = _install_body(teams.tenant.catalog_app_id)
    assert (await _graph(teams, "POST", f"/chats/{chat_id}/installedApps", body)).status == 201
    assert bot_inbox == []  # the bot may already be posting its welcome here
    await teams.graph.deliver_install_events()
    assert [a["type"] for _, a in bot_inbox] == ["installationUpdate", "conversationUpdate"]
    teams.graph.install_events = "never"
    other = await _new_chat(teams)
    assert (await _graph(teams, "POST", f"/chats/{other}/installedApps", body)).status == 201
    await teams.graph.deliver_install_events()
    assert len(bot_inbox) == 2 and teams.tenant.conversations[other].bot_in_roster
