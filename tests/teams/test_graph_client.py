"""The Graph client against the fake Graph over HTTP: chats, the app, members, the directory,
paging, error answers and retries (waits recorded, never slept)."""

from __future__ import annotations

import logging
import socket
from collections.abc import AsyncIterator

import aiohttp
import pytest
import pytest_asyncio
from aiohttp import web

from handlers.teams.graph import Forbidden, GraphClient, GraphError
from handlers.teams.http_retry import AnswerLost, NoAnswer
from tests.fake_teams import FakeTeams
from tests.fake_teams.server import serve
from tests.teams.conftest import ANNA, BERTTA, CASE_CHAT, CECILIA, DAVID
from tests.teams.graph_helpers import ROLES, Waits, graph_client

UNKNOWN = "00000000-0000-4000-8000-00000000dead"
RENAMING = "ChatSettings.ReadWrite.Chat"


@pytest_asyncio.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as opened:
        yield opened


@pytest_asyncio.fixture
async def graph(teams: FakeTeams, session: aiohttp.ClientSession) -> GraphClient:
    teams.graph.install_events = "never"
    return graph_client(teams, session)


def _calls(teams: FakeTeams, operation: str) -> list[int]:
    """The statuses the fake answered `graph.<operation>` with (-1: the answer was lost)."""
    return [status for name, status in teams.faults.served if name == f"graph.{operation}"]


# --- chats -------------------------------------------------------------------------------


async def test_a_group_chat_is_created_with_every_member_an_owner(
    teams: FakeTeams, graph: GraphClient
) -> None:
    chat = await graph.create_group_chat("MT-2026-0042", [ANNA, BERTTA, CECILIA])
    assert (chat.topic, chat.chat_type) == ("MT-2026-0042", "group")
    assert chat.web_url and chat.id in chat.web_url
    created = teams.tenant.conversations[chat.id]
    assert {u: m.roles for u, m in created.members.items()} == {
        ANNA: ["owner"],
        BERTTA: ["owner"],
        CECILIA: ["owner"],
    }
    assert await graph.get_chat(chat.id) == chat


async def test_chats_are_found_by_exact_topic_under_a_member(
    teams: FakeTeams, graph: GraphClient
) -> None:
    wanted = await graph.create_group_chat("MT-2026-0042", [ANNA, BERTTA, CECILIA])
    await graph.create_group_chat("MT-2026-00421", [ANNA, BERTTA, CECILIA])
    quoted = await graph.create_group_chat("Annan 'tiimi'", [ANNA, BERTTA, CECILIA])
    assert await graph.chats_with_topic("MT-2026-0042", member=ANNA) == [wanted]
    assert await graph.chats_with_topic("Annan 'tiimi'", member=BERTTA) == [quoted]
    assert await graph.chats_with_topic("MT-2026-0042", member=DAVID) == []
    with pytest.raises(GraphError) as unknown:
        await graph.chats_with_topic("MT-2026-0042", member=UNKNOWN)
    assert (unknown.value.status, unknown.value.code) == (404, "NotFound")


async def test_renaming_needs_the_rsc_permission_consented_at_install(
    teams: FakeTeams, graph: GraphClient
) -> None:
    chat = await graph.create_group_chat("MT-2026-0042", [ANNA, BERTTA, CECILIA])
    with pytest.raises(Forbidden) as before:
        await graph.rename_chat(chat.id, "MT-2026-0042 (suljettu)")
    assert (before.value.status, before.value.needs) == (403, RENAMING)
    assert await graph.install_app(chat.id, teams.tenant.catalog_app_id, consent=[RENAMING])
    assert teams.tenant.conversations[chat.id].rsc_grants == {RENAMING}
    await graph.rename_chat(chat.id, "MT-2026-0042 (suljettu)")
    assert teams.tenant.conversations[chat.id].topic == "MT-2026-0042 (suljettu)"
    with pytest.raises(GraphError) as colon:
        await graph.rename_chat(chat.id, "MT-2026-0042: suljettu")
    assert (colon.value.status, colon.value.code) == (400, "BadRequest")
    assert await graph.uninstall_app(chat.id, teams.tenant.catalog_app_id)
    with pytest.raises(Forbidden):  # the grant went with the app
        await graph.rename_chat(chat.id, "MT-2026-0042")


async def test_the_app_is_installed_once_and_uninstalled_once(
    teams: FakeTeams, graph: GraphClient
) -> None:
    catalog_id = teams.tenant.catalog_app_id
    assert await graph.install_app(CASE_CHAT, catalog_id)
    assert not await graph.install_app(CASE_CHAT, catalog_id)  # 409: there already
    assert teams.tenant.conversations[CASE_CHAT].installed_apps == {catalog_id}
    assert await graph.uninstall_app(CASE_CHAT, catalog_id)
    assert not await graph.uninstall_app(CASE_CHAT, catalog_id)
    chat = teams.tenant.conversations[CASE_CHAT]
    assert chat.installed_apps == set() and not chat.bot_in_roster
    with pytest.raises(GraphError) as unknown:
        await graph.install_app(CASE_CHAT, "not-in-the-catalog")
    assert (unknown.value.status, unknown.value.code) == (404, "NotFound")
    with pytest.raises(GraphError) as gone:
        await graph.uninstall_app("19:gone@thread.v2", catalog_id)
    assert gone.value.status == 404


async def test_consenting_at_install_needs_the_consenting_permission(
    teams: FakeTeams, session: aiohttp.ClientSession
) -> None:
    teams.graph.install_events = "never"
    roles = ("TeamsAppInstallation.ReadWriteSelfForChat.All",)
    graph = graph_client(teams, session, roles=roles)
    with pytest.raises(Forbidden) as refused:
        await graph.install_app(CASE_CHAT, teams.tenant.catalog_app_id, consent=[RENAMING])
    assert refused.value.needs == "TeamsAppInstallation.ReadWriteAndConsentSelfForChat.All"
    assert await graph.install_app(CASE_CHAT, teams.tenant.catalog_app_id)


async def test_uninstalling_tells_the_bot_it_was_removed(
    teams: FakeTeams, session: aiohttp.ClientSession
) -> None:
    received: list[dict[str, object]] = []

    async def messages(request: web.Request) -> web.Response:
        received.append(await request.json())
        return web.Response(status=202)

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    runner, base_url = await serve(app)
    teams.bot_url = f"{base_url}/api/messages"
    try:
        graph = graph_client(teams, session)
        await graph.install_app(CASE_CHAT, teams.tenant.catalog_app_id)
        await graph.uninstall_app(CASE_CHAT, teams.tenant.catalog_app_id)
    finally:
        await runner.cleanup()
    assert [(a["type"], a.get("action")) for a in received] == [
        ("installationUpdate", "add"),
        ("conversationUpdate", None),
        ("installationUpdate", "remove"),
        ("conversationUpdate", None),
    ]
    assert received[3]["membersRemoved"] == [{"id": teams.tenant.bot_id, "name": "Tiimi"}]


# --- members -----------------------------------------------------------------------------


async def test_members_are_listed_added_once_and_removed(
    teams: FakeTeams, graph: GraphClient
) -> None:
    listed = await graph.chat_members(CASE_CHAT)
    assert sorted(m.user_id for m in listed) == sorted([ANNA, BERTTA, CECILIA])
    assert all(m.roles == ("owner",) and m.membership_id for m in listed)
    assert await graph.add_chat_member(CASE_CHAT, DAVID)
    assert not await graph.add_chat_member(CASE_CHAT, DAVID)
    with pytest.raises(GraphError) as unknown:
        await graph.add_chat_member(CASE_CHAT, UNKNOWN)
    assert unknown.value.status == 404
    assert await graph.remove_chat_member(CASE_CHAT, DAVID)
    assert not await graph.remove_chat_member(CASE_CHAT, DAVID)
    assert DAVID not in teams.tenant.conversations[CASE_CHAT].members


# --- directory ---------------------------------------------------------------------------


async def test_names_of_unknown_users_are_their_ids(graph: GraphClient) -> None:
    assert await graph.display_names([ANNA, UNKNOWN, ANNA]) == {ANNA: "Anna", UNKNOWN: UNKNOWN}


async def test_disabled_and_deleted_accounts_are_found(
    teams: FakeTeams, graph: GraphClient
) -> None:
    teams.tenant.users[DAVID].account_enabled = False
    assert await graph.disabled_users([ANNA, DAVID, UNKNOWN]) == {DAVID, UNKNOWN}


async def test_account_state_without_user_read_all_is_forbidden(
    teams: FakeTeams, session: aiohttp.ClientSession
) -> None:
    basic = tuple(r for r in ROLES if r != "User.Read.All")
    graph = graph_client(teams, session, roles=basic)
    with pytest.raises(Forbidden) as refused:
        await graph.disabled_users([ANNA])
    assert refused.value.needs == "User.Read.All"
    assert _calls(teams, "user") == [200]  # Graph answered, leaving accountEnabled out


async def test_group_members_are_read_page_by_page(teams: FakeTeams, graph: GraphClient) -> None:
    assert await graph.group_members("team-all") == {ANNA, BERTTA}
    many = [f"00000000-0000-4000-8000-{n:012d}" for n in range(230)]
    for user_id in many:
        teams.tenant.add_user(user_id, "Koordinaattori")
    teams.tenant.groups["coordinators"] = [*many[:100], "team-all", *many[100:]]
    assert await graph.group_members("coordinators") == {*many, ANNA, BERTTA}
    assert _calls(teams, "transitive_members") == [200, 200, 200, 200]  # 1 + 3 pages
    with pytest.raises(GraphError) as unknown:
        await graph.group_members("no-such-group")
    assert (unknown.value.status, unknown.value.code) == (404, "Request_ResourceNotFound")


async def test_a_next_link_to_another_host_is_not_followed(
    session: aiohttp.ClientSession,
) -> None:
    async def members(_: web.Request) -> web.Response:
        return web.json_response(
            {"value": [{"id": ANNA}], "@odata.nextLink": "https://elsewhere.example/v1.0/x"}
        )

    app = web.Application()
    app.router.add_get("/v1.0/groups/{group}/transitiveMembers/microsoft.graph.user", members)
    runner, base_url = await serve(app)
    try:

        async def token() -> str:
            return "token"

        graph = GraphClient(session, token=token, base_url=f"{base_url}/v1.0")
        with pytest.raises(GraphError) as refused:
            await graph.group_members("group")
    finally:
        await runner.cleanup()
    assert refused.value.code == "ForeignNextLink"


# --- errors and retries ------------------------------------------------------------------


async def test_a_missing_permission_is_forbidden_naming_it(
    teams: FakeTeams, session: aiohttp.ClientSession
) -> None:
    graph = graph_client(teams, session, roles=("User.ReadBasic.All",))
    with pytest.raises(Forbidden) as refused:
        await graph.create_group_chat("MT-2026-0042", [ANNA, BERTTA, CECILIA])
    assert (refused.value.status, refused.value.code, refused.value.needs) == (
        403,
        "Forbidden",
        "Chat.Create",
    )


async def test_a_refused_token_is_an_error_not_retried(
    teams: FakeTeams, session: aiohttp.ClientSession
) -> None:
    async def token() -> str:
        return teams.issuer.connector_token()  # the wrong audience

    graph = GraphClient(session, token=token, base_url=teams.graph_url)
    with pytest.raises(GraphError) as refused:
        await graph.chat_members(CASE_CHAT)
    assert (refused.value.status, refused.value.code) == (401, "InvalidAuthenticationToken")


async def test_throttling_waits_as_long_as_graph_asks(
    teams: FakeTeams, session: aiohttp.ClientSession
) -> None:
    waits = Waits()
    graph = graph_client(teams, session, waits=waits)
    teams.faults.fail_next("graph.list_members", status=429, retry_after=7)
    teams.faults.fail_next("graph.list_members", status=503, times=2)
    assert len(await graph.chat_members(CASE_CHAT)) == 3
    assert waits == [7, 0.5 * 0.5 * 2, 0.5 * 0.5 * 4]  # then backoff with jitter: 2nd, 3rd try
    assert _calls(teams, "list_members") == [429, 503, 503, 200]


async def test_retries_end_after_the_tries_and_within_the_wait(
    teams: FakeTeams, session: aiohttp.ClientSession
) -> None:
    waits = Waits()
    graph = graph_client(teams, session, waits=waits)
    teams.faults.fail_next("graph.list_members", status=502, times=9)
    with pytest.raises(GraphError) as failed:
        await graph.chat_members(CASE_CHAT)
    assert (failed.value.status, len(waits)) == (502, 4)  # 5 tries
    waits.clear()
    teams.faults.fail_next("graph.user", status=429, retry_after=61)
    with pytest.raises(GraphError) as throttled:
        await graph.display_names([ANNA])
    assert (throttled.value.status, throttled.value.code, waits) == (429, "TooManyRequests", [])


async def test_a_lost_answer_is_asked_again_where_that_is_harmless(
    teams: FakeTeams, session: aiohttp.ClientSession
) -> None:
    waits = Waits()
    graph = graph_client(teams, session, waits=waits)
    teams.faults.lose_next_answer("graph.add_member")
    assert not await graph.add_chat_member(CASE_CHAT, DAVID)  # added by the lost try
    assert DAVID in teams.tenant.conversations[CASE_CHAT].members
    assert _calls(teams, "add_member") == [-1, 409] and len(waits) == 1


async def test_a_chat_is_never_created_twice(teams: FakeTeams, graph: GraphClient) -> None:
    before = set(teams.tenant.conversations)
    teams.faults.lose_next_answer("graph.create_chat")
    with pytest.raises(AnswerLost):
        await graph.create_group_chat("MT-2026-0042", [ANNA, BERTTA, CECILIA])
    teams.faults.fail_next("graph.create_chat", status=504)
    with pytest.raises(AnswerLost):  # a gateway's timeout: maybe created
        await graph.create_group_chat("MT-2026-0043", [ANNA, BERTTA, CECILIA])
    assert _calls(teams, "create_chat") == [-1, 504]
    assert len(set(teams.tenant.conversations) - before) == 1
    teams.faults.fail_next("graph.create_chat", status=429, retry_after=1)
    await graph.create_group_chat("MT-2026-0044", [ANNA, BERTTA, CECILIA])  # not done: retried
    assert _calls(teams, "create_chat")[2:] == [429, 201]


async def test_a_service_out_of_reach_is_no_answer_after_the_tries(
    teams: FakeTeams, session: aiohttp.ClientSession
) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    waits = Waits()
    graph = graph_client(teams, session, waits=waits, base_url=f"http://127.0.0.1:{port}/v1.0")
    with pytest.raises(NoAnswer):  # never sent, so tried again even for a creation
        await graph.create_group_chat("MT-2026-0042", [ANNA, BERTTA, CECILIA])
    assert len(waits) == 4


async def test_the_log_names_no_ids_and_no_bodies(
    teams: FakeTeams, graph: GraphClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    teams.faults.fail_next("graph.add_member", status=429, retry_after=1)
    await graph.add_chat_member(CASE_CHAT, DAVID)
    with pytest.raises(GraphError):
        await graph.create_group_chat("MT-2026-0042", [ANNA, BERTTA, UNKNOWN])
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("handlers"))
    assert "POST /chats/{chat}/members: 429" in logged and "POST /chats: 404" in logged
    for secret in (CASE_CHAT, DAVID, UNKNOWN, "MT-2026-0042", "not found"):
        assert secret not in logged
