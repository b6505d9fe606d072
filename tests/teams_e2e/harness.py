"""Starts the real bot (bot.runtime.serve with the Teams adapter, as `PLATFORM=teams python -m
bot` runs it) against the fake Teams: inbound activities are signed by the fake's issuer and
checked by the Agents SDK's real JWT validation; outbound tokens come from the same issuer."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from sqlmodel import col, select

from bot.config import load_settings
from bot.ratings.dispatch import ArvioCommands
from bot.reminders.pacing import ChannelPacer
from bot.reminders.worker import ReminderWorker
from bot.runtime import Runtime, serve
from bot.teams.closing import ClosingService
from handlers.teams.serving import TeamsAdapter, configure
from handlers.teams.settings import SDK_PREFIX
from storage.db import Database
from storage.models import Team
from tests.fake_teams import FakeTeams
from tests.fake_teams.sdk import connection_manager
from tests.fake_teams.state import Conversation, User
from tests.support.clock import FakeClock, VirtualTime

# What docs/teams-deployment.md asks the county's IT to consent, and nothing more.
GRAPH_ROLES = [
    "Chat.Create",
    "TeamsAppInstallation.ReadWriteAndConsentSelfForChat.All",
    "ChatMember.ReadWrite.All",
    "Chat.ReadBasic.All",
    "User.ReadBasic.All",
]
SETTLE_SECONDS = 20  # the most one test's background work may take before it is a failure


@dataclass
class TeamsBot:
    """The running bot and the fake Teams around it."""

    url: str
    teams: FakeTeams
    adapter: TeamsAdapter
    database: Database
    clock: FakeClock
    worker: ReminderWorker
    closing: ClosingService
    ratings: ArvioCommands  # the self-rating's periodic pass by hand: `run_due()`

    # --- sending -----------------------------------------------------------------------------

    async def send(self, activity: dict[str, Any]) -> tuple[int, Any]:
        """POST one signed activity, then wait for the work it started: (status, body)."""
        answer = await self.teams.sender.send(activity)
        await self.settle()
        return answer

    async def say(
        self, chat: Conversation, user: User, text: str, *, mentions: tuple[User, ...] = ()
    ) -> int:
        """`user` types `text` in `chat`; in a group chat Tiimi is @mentioned first."""
        group = chat.conversation_type != "personal"
        events = self.teams.events
        activity = events.message(chat, user, text, mention_bot=group, mentions=mentions)
        if mentions:  # Teams writes each mention as <at>name</at> where it was typed
            for person in mentions:
                activity["text"] = activity["text"].replace(
                    f"@{person.display_name}", f"<at>{person.display_name}</at>", 1
                )
        status, _ = await self.send(activity)
        return status

    async def fetch_form(self, chat: Conversation, user: User, verb: str, value: str = "") -> Any:
        """Open a form (task/fetch) as a card's button does; the dialog's card content."""
        data = {"verb": verb, "value": value}
        status, body = await self.send(self.teams.events.task_fetch(chat, user, data))
        assert status == 200, (status, body)
        assert body["task"]["type"] == "continue", body
        return body

    async def submit_form(self, chat: Conversation, user: User, form: Any, **inputs: str) -> Any:
        """Submit `form` with these inputs (task/submit): the dialog's answer."""
        (action,) = form["task"]["value"]["card"]["content"]["actions"]
        activity = self.teams.events.task_submit(chat, user, {**action["data"], **inputs})
        status, body = await self.send(activity)
        assert status == 200, (status, body)
        return body

    async def press(
        self, chat: Conversation, user: User, card_id: str, verb: str, value: str
    ) -> tuple[int, Any]:
        """Press an Action.Execute button of the card `card_id`."""
        data = {"verb": verb, "value": value}
        activity = self.teams.events.card_action(chat, user, verb, data, reply_to=card_id)
        return await self.send(activity)

    async def settle(self) -> None:
        """Wait for the work the bot does after answering (commands run in the background)."""
        await self.adapter.work.drain(grace_seconds=SETTLE_SECONDS)
        assert self.adapter.work.running == 0, "the bot's work did not finish"

    # --- reading -----------------------------------------------------------------------------

    def chat(self, chat_id: str) -> Conversation:
        return self.teams.tenant.conversations[chat_id]

    def personal(self, user: User) -> Conversation:
        return self.teams.tenant.personal_conversation(user.id)

    async def teams_stored(self) -> list[Team]:
        """Every team row, oldest first."""
        async with self.database.session() as session:
            return list((await session.exec(select(Team).order_by(col(Team.id)))).all())

    async def team(self) -> Team:
        """The one team there is."""
        (only,) = await self.teams_stored()
        return only

    def case_chats(self) -> list[Conversation]:
        """The group chats the bot created (through Graph)."""
        return [
            c
            for c in self.teams.tenant.conversations.values()
            if c.id.startswith("19:") and c.topic is not None and c.topic.startswith("MT-")
        ]


def texts(chat: Conversation) -> list[str]:
    """What the bot posted in `chat`, in order: each message's text and its cards' text."""
    return [plain_text(activity) for activity in chat.posted]


def plain_text(activity: dict[str, Any]) -> str:
    """An activity's text and the TextBlocks / facts of its cards, one line each."""
    lines = [str(activity.get("text") or "")]
    for attachment in activity.get("attachments") or ():
        lines += list(_card_lines(attachment.get("content") or {}))
    return "\n".join(line for line in lines if line)


def _card_lines(element: Any) -> Any:
    if isinstance(element, dict):
        if element.get("type") == "TextBlock":
            yield str(element.get("text", ""))
        for fact in element.get("facts") or ():
            yield f"{fact.get('title', '')} {fact.get('value', '')}"
        for key in ("body", "items", "columns", "actions", "inlines"):
            for child in element.get(key) or ():
                yield from _card_lines(child)
        if element.get("type") == "TextRun":
            yield str(element.get("text", ""))
        if element.get("type", "").startswith("Action."):
            yield f"[{element.get('title', '')}]"


def buttons(activity: dict[str, Any]) -> list[dict[str, Any]]:
    """The Action.Execute / Action.Submit buttons of an activity's cards."""
    found: list[dict[str, Any]] = []

    def walk(element: Any) -> None:
        if isinstance(element, dict):
            if str(element.get("type", "")).startswith("Action."):
                found.append(element)
            for value in element.values():
                walk(value)
        elif isinstance(element, list):
            for value in element:
                walk(value)

    walk([a.get("content") for a in activity.get("attachments") or ()])
    return found


def env_for(teams: FakeTeams, database_url: str, **extra: str) -> dict[str, str]:
    return {
        "PLATFORM": "teams",
        "DATABASE_URL": database_url,
        "PORT": "0",
        "REMINDER_POLL_SECONDS": "3600",  # tests run the worker themselves
        f"{SDK_PREFIX}CLIENTID": teams.tenant.app_id,
        f"{SDK_PREFIX}TENANTID": teams.tenant.id,
        f"{SDK_PREFIX}CLIENTSECRET": "not-used-the-fake-issuer-mints-tokens",
        "TEAMS_CATALOG_APP_ID": teams.tenant.catalog_app_id,
        "TEAMS_SERVICE_URL": teams.service_url,
        "GRAPH_BASE_URL": teams.graph_url,
        **extra,
    }


@contextlib.asynccontextmanager
async def running_teams_bot(
    teams: FakeTeams,
    database_url: str,
    clock: FakeClock,
    *,
    graph_roles: list[str] | None = None,
    **env: str,
) -> AsyncIterator[TeamsBot]:
    variables = env_for(teams, database_url, **env)
    settings = load_settings(variables)
    connections, _ = connection_manager(teams.issuer, graph_roles=graph_roles or GRAPH_ROLES)
    build = configure(variables)  # as `python -m bot` does, with the fake issuer's tokens
    adapter = build(settings, connections=connections)
    assert isinstance(adapter, TeamsAdapter)
    stop = asyncio.Event()
    ready: asyncio.Future[Runtime] = asyncio.get_running_loop().create_future()
    virtual = VirtualTime()  # per-chat pacing without waiting
    pacer = ChannelPacer(sleep=virtual.sleep, monotonic=virtual.monotonic)
    with teams.issuer.serving_sdk_keys():
        task = asyncio.create_task(
            serve(settings, adapter, stop=stop, clock=clock, on_ready=ready.set_result, pacer=pacer)
        )
        waited: set[asyncio.Future[Any]] = {task, ready}
        done, _ = await asyncio.wait(waited, timeout=30, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            task.result()  # raises what made start-up fail
        assert ready in done, "the bot did not start in time"
        runtime = ready.result()
        url = f"http://127.0.0.1:{runtime.port}/api/messages"
        teams.bot_url = url
        database = Database(database_url)
        try:
            yield TeamsBot(
                url,
                teams,
                adapter,
                database,
                clock,
                runtime.worker,
                runtime.closing,
                runtime.ratings,
            )
        finally:
            stop.set()
            await task
            await database.dispose()
