"""The fake tenant's state: users, groups, conversations (chats) and the app catalog."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

PERSONAL, GROUP_CHAT, CHANNEL = "personal", "groupChat", "channel"


@dataclass
class User:
    id: str  # the Entra object id (aadObjectId)
    display_name: str
    account_enabled: bool = True  # false: the account is disabled (Entra's accountEnabled)

    @property
    def teams_id(self) -> str:
        return f"29:{self.id}"

    def account(self) -> dict[str, Any]:
        """The user as a Bot Framework ChannelAccount."""
        return {"id": self.teams_id, "name": self.display_name, "aadObjectId": self.id}


@dataclass
class Member:
    user_id: str
    roles: list[str]
    membership_id: str


@dataclass
class Conversation:
    id: str
    conversation_type: str
    topic: str | None = None
    members: dict[str, Member] = field(default_factory=dict)  # by user id
    bot_in_roster: bool = False
    installed_apps: set[str] = field(default_factory=set)  # catalog ids
    rsc_grants: set[str] = field(default_factory=set)  # RSC permissions consented at install
    activities: dict[str, dict[str, Any]] = field(default_factory=dict)  # by activity id
    posted: list[dict[str, Any]] = field(default_factory=list)  # in order, as accepted
    updated: list[dict[str, Any]] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)


@dataclass
class Tenant:
    id: str
    app_id: str  # the bot's Entra app id
    catalog_app_id: str  # the Teams app's id in the tenant's app catalog
    users: dict[str, User] = field(default_factory=dict)
    groups: dict[str, list[str]] = field(default_factory=dict)  # member user or group ids
    conversations: dict[str, Conversation] = field(default_factory=dict)
    personal_installs: set[str] = field(default_factory=set)  # users with the app installed
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def bot_id(self) -> str:
        return f"28:{self.app_id}"

    def next_id(self, prefix: str = "") -> str:
        return f"{prefix}{next(self._ids)}"

    def add_user(self, user_id: str, name: str) -> User:
        user = self.users[user_id] = User(user_id, name)
        return user

    def add_conversation(
        self,
        conversation_id: str,
        *,
        conversation_type: str,
        members: list[str],
        bot_in_roster: bool = True,
        topic: str | None = None,
    ) -> Conversation:
        """Set up a chat with these users (by id) in its roster, the bot in it unless told."""
        conversation = Conversation(conversation_id, conversation_type, topic)
        for user_id in members:
            self.add_member(conversation, user_id, ["owner"])
        conversation.bot_in_roster = bot_in_roster
        self.conversations[conversation_id] = conversation
        return conversation

    def personal_conversation(self, user_id: str) -> Conversation:
        """The bot's 1:1 chat with the user, created on first use as Teams does."""
        for conversation in self.conversations.values():
            if conversation.conversation_type == PERSONAL and set(conversation.members) == {
                user_id
            }:
                return conversation
        conversation_id = self.next_id("a:personal-")
        return self.add_conversation(conversation_id, conversation_type=PERSONAL, members=[user_id])

    def add_member(self, conversation: Conversation, user_id: str, roles: list[str]) -> Member:
        member = Member(user_id, roles, self.next_id("membership-"))
        conversation.members[user_id] = member
        return member

    def transitive_members(self, group_id: str) -> list[str]:
        """The users of a group, nested groups flattened, each once."""
        seen: list[str] = []
        pending, visited = [group_id], set()
        while pending:
            current = pending.pop()
            if current in visited:
                continue
            visited.add(current)
            for member in self.groups.get(current, []):
                if member in self.groups:
                    pending.append(member)
                elif member not in seen:
                    seen.append(member)
        return seen
