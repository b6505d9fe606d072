"""The dialog routes' handlers with a minimal turn: the form fetched, its submission carrying
its dialog's id, the core's answer as the dialog's message, a team opened after the answer."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, cast

import pytest
from microsoft_agents.activity import Activity, ChannelAccount, ConversationAccount
from microsoft_agents.hosting.core import TurnContext

from bot import action_ids
from bot.command_input import CommandInput, PersonRef
from bot.context import Actor
from bot.home.service import HomeService
from bot.replies import Message, Runs
from bot.teams.channel_guard import ChannelGuard
from bot.teams.dispatch import TiimiCommands
from handlers.teams import markdown
from handlers.teams.cards import people_of, render_activity
from handlers.teams.dialogs.buttons import ADD_GOAL_FORM, ADD_MEMBER_FORM
from handlers.teams.home import HOME_VERB, home_card
from handlers.teams.listeners.dialogs import on_fetch, on_submit
from handlers.teams.platform import TeamsPlatform
from handlers.teams.services import TeamsServices
from handlers.work_slots import WorkSlots
from storage import queries
from tests.support.memory_platform import MemoryPlatform

ANNA, BERT, CARITA = (f"00000000-0000-4000-8000-0000000000{n}" for n in ("a1", "b1", "c1"))
PERSONAL = "a:anna-personal"


@dataclass
class StubConversations:
    remembered: list[str] = field(default_factory=list)

    async def remember(self, context: Any) -> None:
        self.remembered.append(context.activity.conversation.id)


@dataclass
class StubPlatform:
    """What the dialog listener uses of TeamsPlatform: where answers were delivered."""

    conversations: StubConversations = field(default_factory=StubConversations)
    posts: list[tuple[str, str]] = field(default_factory=list)

    async def display_names(self, people: list[str]) -> dict[str, str]:
        return {p: "Carita" for p in people if p == CARITA}

    async def plain(self, runs: Runs) -> str:
        names = await self.display_names(sorted(people_of(runs)))
        return markdown.plain(runs, markdown.Readers(names, "tenant"))

    async def card_activity(self, message: Message) -> dict[str, Any]:
        return render_activity(message, names={}, tenant_id="tenant")

    async def post(self, space: str, message: Message) -> str:
        self.posts.append((space, message.text))
        return "posted"

    async def send_direct(self, person: str, message: Message) -> None:
        self.posts.append((f"direct:{person}", message.text))


@dataclass
class StubTurn:
    activity: Activity


@pytest.fixture
def services(tiimi: TiimiCommands) -> TeamsServices:
    core = tiimi.core
    return TeamsServices(
        tiimi=tiimi,
        home=HomeService(core, tiimi.coordinators),
        channel_guard=ChannelGuard(core),
        platform=cast(TeamsPlatform, StubPlatform()),
        work=WorkSlots(2),
        language="fi",
    )


def invoke(name: str, conversation: str, data: dict[str, Any], *, activity_id: str) -> StubTurn:
    kind = "personal" if conversation == PERSONAL else "groupChat"
    activity = Activity(
        type="invoke",
        name=name,
        id=activity_id,
        from_property=ChannelAccount(id="29:anna", aad_object_id=ANNA),
        recipient=ChannelAccount(id="28:bot"),
        conversation=ConversationAccount(id=conversation, conversation_type=kind),
        service_url="https://smba.example/teams/",
        locale="fi-FI",
        value={"data": data, "context": {"theme": "default"}},
    )
    return StubTurn(activity)


async def fetch(services: TeamsServices, conversation: str, verb: str) -> dict[str, Any]:
    data = {"msteams": {"type": "task/fetch"}, "verb": verb, "value": ""}
    turn = invoke("task/fetch", conversation, data, activity_id="fetch-1")
    return await on_fetch(cast(TurnContext, turn), services)


async def submit(
    services: TeamsServices, conversation: str, form: dict[str, Any], **inputs: str
) -> dict[str, Any]:
    (action,) = form["task"]["value"]["card"]["content"]["actions"]
    turn = invoke("task/submit", conversation, action["data"] | inputs, activity_id="submit-1")
    return await on_submit(cast(TurnContext, turn), services)


async def team_chat(services: TeamsServices) -> str:
    text = CommandInput.of("uusi ", PersonRef(BERT))
    await services.tiimi.run(
        actor=Actor(ANNA, "fi", "teams"), text=text, channel_id="", request_key="k"
    )
    async with services.tiimi.core.database.session() as session:
        team = await queries.get_team_by_request_key(session, request_key="k")
    assert team is not None
    return team.live_channel_id


async def test_a_goal_through_the_dialog(services: TeamsServices) -> None:
    chat = await team_chat(services)
    form = await fetch(services, chat, ADD_GOAL_FORM)
    assert form["task"]["type"] == "continue"
    (action,) = form["task"]["value"]["card"]["content"]["actions"]
    assert action["data"] == {"verb": ADD_GOAL_FORM, "value": "", "dialog": "fetch-1"}
    answer = await submit(services, chat, form, text="Oma asunto keväällä")
    assert answer == {"task": {"type": "message", "value": "Tavoite T1 on lisätty."}}
    core_platform = services.tiimi.core.platform
    assert isinstance(core_platform, MemoryPlatform)
    assert core_platform.channels[chat].messages[-1].text == "Tavoite T1: Oma asunto keväällä"


async def test_the_answer_names_people(services: TeamsServices) -> None:
    chat = await team_chat(services)
    form = await fetch(services, chat, ADD_MEMBER_FORM)
    answer = await submit(services, chat, form, person=CARITA, profession="nurse")
    assert answer["task"]["value"].startswith("@Carita ")


async def test_a_team_is_opened_after_the_dialogs_answer(services: TeamsServices) -> None:
    form = await fetch(services, PERSONAL, action_ids.OPEN_TEAM_FORM)
    answer = await submit(services, PERSONAL, form, members=f"{BERT},{CARITA}", consent="true")
    assert answer["task"]["value"].startswith("Avataan tiimiä")
    await services.work.drain(grace_seconds=10)
    platform = cast(StubPlatform, services.platform)
    ((where, said),) = platform.posts
    assert where == PERSONAL and "MT-" in said
    async with services.tiimi.core.database.session() as session:
        team = await queries.get_team_by_request_key(
            session, request_key=f"teams:{PERSONAL}:fetch-1"
        )
    assert team is not None  # the dialog's id keys the request


async def test_an_unknown_form_is_answered_plainly(services: TeamsServices) -> None:
    answer = await fetch(services, PERSONAL, "no_such_form")
    assert answer["task"]["type"] == "message"
    assert (
        answer["task"]["value"]
        == "Tätä painiketta ei enää tunnisteta. Avaa kortti uudelleen tai kirjoita komento."
    )


async def test_the_home_card_is_current_and_offers_a_new_team(services: TeamsServices) -> None:
    await team_chat(services)
    card = await home_card(services, Actor(ANNA, "fi", "teams"))
    assert card["refresh"]["action"]["verb"] == HOME_VERB
    assert card["refresh"]["userIds"] == [ANNA]
    *_, actions = [e for e in card["body"] if e["type"] == "ActionSet"]
    (new_team,) = actions["actions"]
    assert new_team["title"] == "Uusi tiimi"
    assert new_team["data"]["verb"] == action_ids.OPEN_TEAM_FORM
    assert "MT-" in json.dumps(card)  # the team Anna opened
