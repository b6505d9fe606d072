"""TeamsPlatform: the core's ChatPlatform on Microsoft Teams.

A team's space is a group chat (handlers/teams/spaces.py, through Graph); posts are Adaptive
Cards (handlers/teams/cards.py) sent proactively through the conversation references Tiimi
keeps (handlers/teams/conversations.py); a person's private answers go to their personal chat
with the bot.

Exactly once: a post with a key (`post_once`) is recorded with its activity id, so a second
try finds it; a post whose answer was lost cannot be found again without reading the chat
(Graph, a permission Tiimi does not ask for), so that case is at least once.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any

from bot.platform import (
    ClosedSpace,
    InviteOutcome,
    Posted,
    PostKey,
    PostKind,
    Space,
)
from bot.replies import Buttons, Message, Preformatted, Runs, compose
from handlers.teams.cards import people_in, people_of, render_activities, render_activity
from handlers.teams.conversations import Conversations
from handlers.teams.images import image_activity
from handlers.teams.markdown import Readers, plain
from handlers.teams.mentions import MentionResolver
from handlers.teams.spaces import TeamsSpaces

log = logging.getLogger("handlers.teams")
RECENT_CARDS = 256  # cards updated lately, for the answer to the press that updated one


class TeamsPlatform:
    def __init__(
        self,
        *,
        spaces: TeamsSpaces,
        conversations: Conversations,
        mentions: MentionResolver,
        tenant_id: str,
        closed_suffix: str,
        welcome_buttons: Buttons | None = None,
    ) -> None:
        self.spaces = spaces
        self.conversations = conversations
        self.mentions = mentions
        self.tenant_id = tenant_id
        self.closed_suffix = closed_suffix  # marks a closed team's chat's topic
        self.welcome_buttons = welcome_buttons  # the form buttons under a team's welcome
        self._recent: OrderedDict[str, dict[str, Any]] = OrderedDict()

    async def _activities(self, message: Message) -> list[dict[str, Any]]:
        people = sorted(people_in(message))
        names = await self.spaces.display_names(people) if people else {}
        return render_activities(message, names=names, tenant_id=self.tenant_id)

    async def card_activity(self, message: Message) -> dict[str, Any]:
        """The message as one card's activity, people by their names: for a card that stays
        one (the home card, an invoke's answer)."""
        people = sorted(people_in(message))
        names = await self.spaces.display_names(people) if people else {}
        return render_activity(message, names=names, tenant_id=self.tenant_id)

    async def plain(self, runs: Runs) -> str:
        """The runs as plain text, people by name: for a dialog's message, which shows no
        Markdown."""
        people = sorted(people_of(runs))
        names = await self.spaces.display_names(people) if people else {}
        return plain(runs, Readers(names, self.tenant_id))

    # spaces
    async def open_space(
        self,
        code: str,
        *,
        is_free: Callable[[str], Awaitable[bool]],
        people: Sequence[str] = (),
    ) -> Space:
        return await self.spaces.open_space(code, is_free=is_free, people=people)

    async def find_spaces(self, code: str) -> list[Space]:
        return await self.spaces.find_spaces(code)

    async def abandon_space(self, space: str) -> None:
        await self.spaces.abandon_space(space)
        await self.conversations.forget(space)

    async def add_people(self, space: str, people: Sequence[str]) -> InviteOutcome:
        return await self.spaces.add_people(space, people)

    async def remove_person(self, space: str, person: str) -> None:
        await self.spaces.remove_person(space, person)

    # posts
    async def post(self, space: str, message: Message) -> str:
        first, *rest = await self._activities(message)
        ref = await self.conversations.send(space, first)
        for activity in rest:
            await self.conversations.send(space, activity)
        return ref

    async def post_once(
        self, space: str, message: Message, *, key: PostKey, since: datetime | None = None
    ) -> Posted:
        if key.kind is PostKind.WELCOME and self.welcome_buttons is not None:
            message = Message(message.fallback, (*message.blocks, self.welcome_buttons))
        first, *rest = await self._activities(message)
        posted = await self.conversations.post_once(space, first, key=key)
        if not posted.earlier:
            for activity in rest:
                await self.conversations.send(space, activity)
        return posted

    async def update_message(self, space: str, message_ref: str, message: Message) -> None:
        first, *_ = await self._activities(message)  # an updated card is one card
        await self.conversations.update(space, message_ref, first)
        self._recent[message_ref] = first
        self._recent.move_to_end(message_ref)
        while len(self._recent) > RECENT_CARDS:
            self._recent.popitem(last=False)

    def updated_card(self, message_ref: str) -> dict[str, Any] | None:
        """The card a message was last updated to by this process, if it was lately: what the
        presser of a button on it sees at once (the update reaches the others by itself)."""
        activity = self._recent.get(message_ref)
        for attachment in (activity or {}).get("attachments") or ():
            content = attachment.get("content")
            if isinstance(content, dict):
                return content
        return None

    async def send_direct(self, person: str, message: Message) -> None:
        chat = await self.conversations.personal(person)
        for activity in await self._activities(message):
            await self.conversations.send(chat, activity)

    async def send_file(self, person: str, *, filename: str, content: str, title: str) -> None:
        """A bot cannot attach a file to a Teams message without the person first accepting it
        into their OneDrive; the file's text is sent into their personal chat instead, as text
        to copy (split over several messages when long)."""
        message = Message(compose(title, " (", filename, ")"), (Preformatted(content),))
        await self.send_direct(person, message)

    async def send_image(self, person: str, *, filename: str, png: bytes, alt_text: str) -> None:
        """A card in the person's personal chat with the image inline (a `data:` URL: a bot
        cannot attach a file without OneDrive) and its text for screen readers."""
        chat = await self.conversations.personal(person)
        await self.conversations.send(chat, image_activity(png=png, alt_text=alt_text))

    async def close_space(self, space: str, *, farewell: Message, key: PostKey) -> ClosedSpace:
        """Delete the bot's recorded posts (a farewell of an earlier try stays), post the
        farewell once, mark the chat's topic closed and uninstall the app: Teams has no archive
        for chats, and what members typed stays in the chat. The records stay until the
        team's purge, so that a repeated close finds the farewell."""
        cleared = await self.conversations.delete_recorded(space, keep=key)
        posted = await self.post_once(space, farewell, key=key)
        await self.spaces.close_chat(space, self.closed_suffix)
        return ClosedSpace(
            deleted=cleared.deleted,
            undeletable=cleared.undeletable,
            farewell_earlier=posted.earlier,
        )

    # people
    async def display_names(self, people: Sequence[str]) -> dict[str, str]:
        return await self.spaces.display_names(people)

    async def deactivated_users(self, people: Sequence[str]) -> frozenset[str]:
        return await self.spaces.deactivated_users(people)

    async def usergroup_members(self, usergroup_id: str) -> frozenset[str]:
        return await self.spaces.usergroup_members(usergroup_id)

    async def space_members(self, space: str) -> frozenset[str]:
        service_url = await self.conversations.service_url_of(space)
        return await self.mentions.members(service_url=service_url, conversation_id=space)
