"""A team's space on Teams is a group chat made through Graph: opened (also after a lost
answer or a failed install), found, abandoned and closed, its people managed, with Graph's
failures as the core's errors. Against the fake Graph over HTTP."""

from __future__ import annotations

import inspect
import logging
from collections.abc import AsyncIterator

import aiohttp
import pytest
import pytest_asyncio

from bot.platform import (
    ActionRestricted,
    ChatPlatform,
    InviteOutcome,
    NotInSpace,
    PlatformError,
    Space,
    SpaceTooSmall,
    SpaceUnavailable,
)
from handlers.teams.spaces import TeamsSpaces
from tests.fake_teams import FakeTeams
from tests.teams.conftest import ANNA, BERTTA, CASE_CHAT, CECILIA, DAVID
from tests.teams.graph_helpers import ROLES, Waits, graph_client

CODE = "MT-2026-0042"
PEOPLE = [ANNA, BERTTA, CECILIA]
UNKNOWN = "00000000-0000-4000-8000-00000000dead"
SUFFIX = " (peruttu)"
CORE_METHODS = (
    "open_space",
    "find_spaces",
    "abandon_space",
    "add_people",
    "remove_person",
    "display_names",
    "deactivated_users",
    "usergroup_members",
)


class Teams:
    """The openers and held chats the core would know, and the spaces on the fake."""

    def __init__(self, fake: FakeTeams, session: aiohttp.ClientSession) -> None:
        self.fake, self.session, self.waits = fake, session, Waits()
        self.openers: dict[str, str] = {CODE: ANNA}
        self.held: set[str] = set()  # chats some team holds

    def spaces(self, roles: tuple[str, ...] = ROLES, catalog_app_id: str = "") -> TeamsSpaces:
        async def opener_of(code: str) -> str | None:
            return self.openers.get(code)

        graph = graph_client(self.fake, self.session, roles=roles, waits=self.waits)
        return TeamsSpaces(
            graph,
            catalog_app_id=catalog_app_id or self.fake.tenant.catalog_app_id,
            opener_of=opener_of,
            abandoned_suffix=SUFFIX,
        )

    async def is_free(self, chat_id: str) -> bool:
        return chat_id not in self.held

    def chats(self, topic: str) -> list[str]:
        conversations = self.fake.tenant.conversations.values()
        return [chat.id for chat in conversations if chat.topic == topic]

    def calls(self, operation: str) -> list[int]:
        return [s for name, s in self.fake.faults.served if name == f"graph.{operation}"]


@pytest_asyncio.fixture
async def world(teams: FakeTeams) -> AsyncIterator[Teams]:
    teams.graph.install_events = "never"
    async with aiohttp.ClientSession() as session:
        yield Teams(teams, session)


def test_the_methods_have_the_core_signatures() -> None:
    for name in CORE_METHODS:
        core = inspect.signature(getattr(ChatPlatform, name))
        assert inspect.signature(getattr(TeamsSpaces, name)) == core, name


# --- opening -----------------------------------------------------------------------------


async def test_a_team_opens_as_a_group_chat_with_the_app(world: Teams) -> None:
    space = await world.spaces().open_space(CODE, is_free=world.is_free, people=PEOPLE)
    assert space == Space(space.ref, CODE)
    chat = world.fake.tenant.conversations[space.ref]
    assert (chat.topic, sorted(chat.members)) == (CODE, sorted(PEOPLE))
    assert chat.installed_apps == {world.fake.tenant.catalog_app_id} and chat.bot_in_roster
    assert chat.rsc_grants == {"ChatSettings.ReadWrite.Chat"}  # for renaming it when closed


@pytest.mark.parametrize("people", [[], [ANNA, BERTTA], [ANNA, BERTTA, ANNA]])
async def test_fewer_than_three_people_is_too_small(world: Teams, people: list[str]) -> None:
    with pytest.raises(SpaceTooSmall) as small:
        await world.spaces().open_space(CODE, is_free=world.is_free, people=people)
    assert small.value.minimum == 3 and world.calls("create_chat") == []


async def test_a_lost_creation_answer_takes_the_chat_over(world: Teams) -> None:
    world.fake.faults.lose_next_answer("graph.create_chat")
    space = await world.spaces().open_space(CODE, is_free=world.is_free, people=PEOPLE)
    assert world.chats(CODE) == [space.ref] and world.calls("create_chat") == [-1]
    assert world.fake.tenant.conversations[space.ref].installed_apps  # then installed


async def test_a_lost_answer_whose_chat_is_not_found_is_created_again(world: Teams) -> None:
    world.fake.faults.fail_next("graph.create_chat", status=504)  # the gateway: not created
    space = await world.spaces().open_space(CODE, is_free=world.is_free, people=PEOPLE)
    assert world.chats(CODE) == [space.ref] and world.calls("create_chat") == [504, 201]
    world.fake.faults.fail_next("graph.create_chat", status=502, times=2)
    with pytest.raises(PlatformError) as lost:
        await world.spaces().open_space("MT-2026-0043", is_free=world.is_free, people=PEOPLE)
    assert lost.value.code == "answer_lost" and world.chats("MT-2026-0043") == []


async def test_a_found_chat_that_a_team_holds_is_not_taken(world: Teams) -> None:
    held = await world.spaces().open_space(CODE, is_free=world.is_free, people=PEOPLE)
    world.held.add(held.ref)
    world.fake.faults.lose_next_answer("graph.create_chat")
    lost = await world.spaces().open_space(CODE, is_free=world.is_free, people=PEOPLE)
    assert world.chats(CODE) == [held.ref, lost.ref] and world.calls("create_chat") == [201, -1]


async def test_throttled_opening_waits_as_asked(world: Teams) -> None:
    world.fake.faults.fail_next("graph.create_chat", status=429, retry_after=3)
    world.fake.faults.fail_next("graph.install_app", status=503, retry_after=2)
    await world.spaces().open_space(CODE, is_free=world.is_free, people=PEOPLE)
    assert world.waits == [3, 2] and len(world.chats(CODE)) == 1


async def test_a_failed_install_abandons_the_new_chat(world: Teams) -> None:
    spaces = world.spaces(roles=(*ROLES, "Chat.ReadWrite.All"))
    world.fake.faults.fail_next("graph.install_app", status=500)
    with pytest.raises(PlatformError) as failed:
        await spaces.open_space(CODE, is_free=world.is_free, people=PEOPLE)
    assert type(failed.value) is PlatformError and failed.value.code == "ServiceError"
    assert world.chats(CODE) == [] and len(world.chats(CODE + SUFFIX)) == 1
    with pytest.raises(PlatformError) as unknown_app:
        await world.spaces(catalog_app_id="not-in-catalog").open_space(
            "MT-2026-0043", is_free=world.is_free, people=PEOPLE
        )
    assert type(unknown_app.value) is PlatformError and unknown_app.value.code == "NotFound"


async def test_without_the_rename_grant_a_failed_install_leaves_the_chat_named(
    world: Teams, caplog: pytest.LogCaptureFixture
) -> None:
    world.fake.faults.fail_next("graph.install_app", status=500)
    with pytest.raises(PlatformError):
        await world.spaces().open_space(CODE, is_free=world.is_free, people=PEOPLE)
    assert len(world.chats(CODE)) == 1  # the RSC grant comes with the app: never granted
    assert "could not abandon its chat: forbidden:ChatSettings.ReadWrite.Chat" in caplog.text


@pytest.mark.parametrize(
    ("missing", "code"),
    [
        ("Chat.Create", "forbidden:Chat.Create"),
        (
            "TeamsAppInstallation.ReadWriteAndConsentSelfForChat.All",
            "forbidden:TeamsAppInstallation.ReadWriteAndConsentSelfForChat.All",
        ),
    ],
)
async def test_a_missing_permission_restricts_opening(
    world: Teams, missing: str, code: str
) -> None:
    spaces = world.spaces(roles=tuple(r for r in ROLES if r != missing))
    with pytest.raises(ActionRestricted) as restricted:
        await spaces.open_space(CODE, is_free=world.is_free, people=PEOPLE)
    assert restricted.value.code == code
    chats = [world.fake.tenant.conversations[c] for c in world.chats(CODE)]
    assert all(not chat.installed_apps for chat in chats)


async def test_an_unknown_person_fails_the_opening(world: Teams) -> None:
    with pytest.raises(PlatformError) as failed:
        await world.spaces().open_space(CODE, is_free=world.is_free, people=[*PEOPLE, UNKNOWN])
    assert type(failed.value) is PlatformError and failed.value.code == "NotFound"


# --- finding, abandoning, closing --------------------------------------------------------


async def test_spaces_are_found_under_the_teams_opener(world: Teams) -> None:
    space = await world.spaces().open_space(CODE, is_free=world.is_free, people=PEOPLE)
    await world.spaces().open_space("MT-2026-0043", is_free=world.is_free, people=PEOPLE)
    assert await world.spaces().find_spaces(CODE) == [space]
    assert await world.spaces().find_spaces("MT-2026-0099") == []  # no team, no opener
    await world.spaces().abandon_space(space.ref)
    assert await world.spaces().find_spaces(CODE) == []
    without = world.spaces(roles=tuple(r for r in ROLES if r != "Chat.ReadBasic.All"))
    with pytest.raises(ActionRestricted) as restricted:
        await without.find_spaces(CODE)
    assert restricted.value.code == "forbidden:Chat.ReadBasic.All"


async def test_abandoning_renames_and_uninstalls_once(world: Teams) -> None:
    space = await world.spaces().open_space(CODE, is_free=world.is_free, people=PEOPLE)
    for _ in range(2):
        await world.spaces().abandon_space(space.ref)
        chat = world.fake.tenant.conversations[space.ref]
        assert (chat.topic, chat.installed_apps, chat.bot_in_roster) == (
            CODE + SUFFIX,
            set(),
            False,
        )
    assert world.calls("update_chat") == [200] and world.calls("uninstall_app") == [204]
    await world.spaces().abandon_space("19:gone@thread.v2")  # nothing left to abandon


async def test_closing_renames_then_uninstalls(world: Teams) -> None:
    space = await world.spaces().open_space(CODE, is_free=world.is_free, people=PEOPLE)
    for _ in range(2):  # safe to repeat
        await world.spaces().close_chat(space.ref, " (suljettu)")
    chat = world.fake.tenant.conversations[space.ref]
    assert (chat.topic, chat.installed_apps) == (f"{CODE} (suljettu)", set())
    with pytest.raises(SpaceUnavailable):
        await world.spaces().close_chat("19:gone@thread.v2", " (suljettu)")


async def test_a_refused_rename_still_uninstalls_and_is_raised(world: Teams) -> None:
    await world.spaces().open_space(CODE, is_free=world.is_free, people=PEOPLE)
    chat = world.fake.tenant.conversations[world.chats(CODE)[0]]
    chat.rsc_grants.clear()  # e.g. the admin withdrew the consent
    with pytest.raises(ActionRestricted) as restricted:
        await world.spaces().close_chat(chat.id, " (suljettu)")
    assert restricted.value.code == "forbidden:ChatSettings.ReadWrite.Chat"
    assert (chat.topic, chat.installed_apps) == (CODE, set())


async def test_a_passing_rename_failure_keeps_the_app_for_a_retry(world: Teams) -> None:
    space = await world.spaces().open_space(CODE, is_free=world.is_free, people=PEOPLE)
    world.fake.faults.fail_next("graph.update_chat", status=500)
    with pytest.raises(PlatformError):
        await world.spaces().close_chat(space.ref, " (suljettu)")
    assert world.fake.tenant.conversations[space.ref].installed_apps
    await world.spaces().close_chat(space.ref, " (suljettu)")
    assert world.fake.tenant.conversations[space.ref].topic == f"{CODE} (suljettu)"


# --- people ------------------------------------------------------------------------------


async def test_people_are_added_once_and_unknown_ones_fail(world: Teams) -> None:
    outcome = await world.spaces().add_people(CASE_CHAT, [ANNA, DAVID, UNKNOWN, DAVID])
    assert outcome == InviteOutcome(failed={UNKNOWN: "NotFound"})
    assert set(world.fake.tenant.conversations[CASE_CHAT].members) == {*PEOPLE, DAVID}
    assert world.calls("add_member") == [201, 404]
    with pytest.raises(SpaceUnavailable):
        await world.spaces().add_people("19:gone@thread.v2", [DAVID])
    without = world.spaces(roles=tuple(r for r in ROLES if r != "ChatMember.ReadWrite.All"))
    with pytest.raises(ActionRestricted):
        await without.add_people(CASE_CHAT, [DAVID])


async def test_a_person_is_removed_or_was_not_there(world: Teams) -> None:
    await world.spaces().remove_person(CASE_CHAT, CECILIA)
    assert CECILIA not in world.fake.tenant.conversations[CASE_CHAT].members
    with pytest.raises(NotInSpace):
        await world.spaces().remove_person(CASE_CHAT, CECILIA)
    with pytest.raises(SpaceUnavailable):
        await world.spaces().remove_person("19:gone@thread.v2", CECILIA)


async def test_a_service_failure_is_the_platforms_code(world: Teams) -> None:
    world.fake.faults.fail_next("graph.list_members", status=500)
    with pytest.raises(PlatformError) as failed:
        await world.spaces().add_people(CASE_CHAT, [DAVID])
    assert type(failed.value) is PlatformError and failed.value.code == "ServiceError"
    world.fake.faults.lose_next_answer("graph.list_members", times=10)  # aiohttp retries too
    with pytest.raises(PlatformError) as unreachable:
        await world.spaces().remove_person(CASE_CHAT, CECILIA)
    assert unreachable.value.code == "unreachable"


# --- directory ---------------------------------------------------------------------------


async def test_names_never_fail(world: Teams, caplog: pytest.LogCaptureFixture) -> None:
    assert await world.spaces().display_names([ANNA, UNKNOWN]) == {ANNA: "Anna", UNKNOWN: UNKNOWN}
    caplog.set_level(logging.WARNING)
    without = world.spaces(roles=("Chat.Create",))
    assert await without.display_names([ANNA]) == {ANNA: ANNA}
    assert "forbidden:User.ReadBasic.All" in caplog.text


async def test_deactivated_users_are_disabled_or_deleted_accounts(world: Teams) -> None:
    world.fake.tenant.users[BERTTA].account_enabled = False
    assert await world.spaces().deactivated_users([ANNA, BERTTA, UNKNOWN]) == {BERTTA, UNKNOWN}
    basic = world.spaces(roles=tuple(r for r in ROLES if r != "User.Read.All"))
    with pytest.raises(ActionRestricted) as restricted:
        await basic.deactivated_users([ANNA])
    assert restricted.value.code == "forbidden:User.Read.All"


async def test_usergroup_members_are_an_entra_groups_users(world: Teams) -> None:
    assert await world.spaces().usergroup_members("team-all") == {ANNA, BERTTA}
    with pytest.raises(PlatformError) as unknown:
        await world.spaces().usergroup_members("no-such-group")
    assert type(unknown.value) is PlatformError
    assert unknown.value.code == "Request_ResourceNotFound"
