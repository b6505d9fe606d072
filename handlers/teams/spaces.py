"""The space half of the Teams ChatPlatform: a team's space is a Teams group chat made through
Graph for the people the team is for, its topic the team's code (never anything a user
typed), with the app installed in it.

Chats cannot be archived: a chat is closed (or abandoned, when its team never opened) by
renaming its topic and uninstalling the app; it stays in its members' chat lists. The rename
comes first, since renaming needs the RSC permission ChatSettings.ReadWrite.Chat that the app
holds in the chat only while it is installed (unless the tenant granted Chat.ReadWrite.All).

Graph's failures become the core's: a refused permission ActionRestricted (its code
`forbidden:<the permission>`), a chat not found SpaceUnavailable, no answer
PlatformError("unreachable"), anything else PlatformError(Graph's error code).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence

from bot.platform import (
    ActionRestricted,
    InviteOutcome,
    NotInSpace,
    PlatformError,
    Space,
    SpaceTooSmall,
    SpaceUnavailable,
)
from handlers.teams.graph import Chat, Forbidden, GraphClient, GraphError
from handlers.teams.http_retry import AnswerLost, NoAnswer

log = logging.getLogger(__name__)
MINIMUM_PEOPLE = 3  # Graph refuses a group chat for fewer; one made for two can't grow
CREATE_AT_MOST = 200  # members named when creating a chat; add_people adds the rest
CREATE_TRIES = 2  # a creation whose answer was lost and whose chat was not found is tried again
# RSC permissions consented when the app is installed (the manifest must declare them): renaming.
CHAT_RSC = ("ChatSettings.ReadWrite.Chat",)
Failure = GraphError | NoAnswer


def platform_error(error: Failure, *, about_chat: bool = True) -> PlatformError:
    """The core's error for a Graph failure; a 404 means the chat is gone only where the call
    was `about_chat` (elsewhere it is a user, a group or the app in the catalog)."""
    if isinstance(error, NoAnswer):
        return PlatformError("unreachable")
    if isinstance(error, Forbidden):
        return ActionRestricted(f"forbidden:{error.needs}")
    if error.status == 404 and about_chat:
        return SpaceUnavailable(error.code)
    return PlatformError(error.code)


class TeamsSpaces:
    def __init__(
        self,
        graph: GraphClient,
        *,
        catalog_app_id: str,
        opener_of: Callable[[str], Awaitable[str | None]],
        abandoned_suffix: str,
        consent: Sequence[str] = CHAT_RSC,
    ) -> None:
        """`opener_of(code)`: who opened the team with that code (its row's opener, None when
        there is none), under whose chats find_spaces looks, since Graph lists chats only per
        person. `abandoned_suffix` (from the message catalog, e.g. " (peruttu)") is appended
        to an abandoned chat's topic. `consent`: the RSC permissions granted at install."""
        self.graph, self.catalog_app_id = graph, catalog_app_id
        self.opener_of, self.abandoned_suffix = opener_of, abandoned_suffix
        self.consent = tuple(consent)

    async def open_space(
        self,
        code: str,
        *,
        is_free: Callable[[str], Awaitable[bool]],
        people: Sequence[str] = (),
    ) -> Space:
        """A group chat of `people` (the opener first), its topic the code, the app installed.
        A chat whose creation answer was lost is looked for under the opener and taken over
        if `is_free`. If the app can't be installed, the chat is abandoned here before the
        error is raised: the core records a space only once this returns."""
        chosen = list(dict.fromkeys(people))
        if len(chosen) < MINIMUM_PEOPLE:
            raise SpaceTooSmall(code, minimum=MINIMUM_PEOPLE)
        chat_id = await self._create_chat(code, chosen, is_free)
        try:
            await self.graph.install_app(chat_id, self.catalog_app_id, consent=self.consent)
        except (GraphError, NoAnswer) as error:
            log.warning("team %s: the app could not be installed in its chat", code)
            try:
                await self.abandon_space(chat_id)
            except PlatformError as abandoning:
                log.error("team %s: could not abandon its chat: %s", code, abandoning.code)
            raise platform_error(error, about_chat=False) from None
        return Space(chat_id, code)

    async def _create_chat(
        self, code: str, people: list[str], is_free: Callable[[str], Awaitable[bool]]
    ) -> str:
        for _ in range(CREATE_TRIES):
            try:
                return (await self.graph.create_group_chat(code, people[:CREATE_AT_MOST])).id
            except AnswerLost:
                log.warning("team %s: the answer to creating its chat was lost", code)
            except (GraphError, NoAnswer) as error:
                raise platform_error(error, about_chat=False) from None
            for chat in await self._chats_named(code, member=people[0]):
                if await is_free(chat.id):
                    log.warning("team %s: taking over its chat from a lost answer", code)
                    return chat.id
        raise PlatformError("answer_lost")

    async def find_spaces(self, code: str) -> list[Space]:
        """The group chats named after the code among its opener's chats."""
        opener = await self.opener_of(code)
        if opener is None:
            return []
        return [Space(chat.id, code) for chat in await self._chats_named(code, member=opener)]

    async def _chats_named(self, code: str, *, member: str) -> list[Chat]:
        try:
            return await self.graph.chats_with_topic(code, member=member)
        except (GraphError, NoAnswer) as error:
            raise platform_error(error, about_chat=False) from None

    async def abandon_space(self, space: str) -> None:
        """Mark the topic abandoned and uninstall the app; a chat gone is abandoned already."""
        await self._retire(space, _suffixed(self.abandoned_suffix), gone_is_done=True)

    async def close_chat(self, space: str, suffix: str) -> None:
        """Mark a closed team's chat's topic with `suffix` (" (suljettu)") and uninstall the
        app (the farewell and the clearing of posts come before, elsewhere). Safe to repeat;
        SpaceUnavailable when the chat is gone."""
        await self._retire(space, _suffixed(suffix), gone_is_done=False)

    async def _retire(
        self, chat_id: str, renamed: Callable[[str], str], *, gone_is_done: bool
    ) -> None:
        """Rename (while the app's RSC permission lasts), then uninstall. A rename refused for
        want of a permission does not keep the app in: it is raised after the uninstall."""
        try:
            chat = await self.graph.get_chat(chat_id)
        except GraphError as error:
            if error.status == 404 and gone_is_done:
                return
            raise platform_error(error) from None
        except NoAnswer as error:
            raise platform_error(error) from None
        refused: PlatformError | None = None
        topic = renamed(chat.topic or "")
        if topic != chat.topic:
            try:
                await self.graph.rename_chat(chat_id, topic)
            except Forbidden as error:
                refused = platform_error(error)
            except (GraphError, NoAnswer) as error:
                raise platform_error(error) from None
        try:
            await self.graph.uninstall_app(chat_id, self.catalog_app_id)
        except (GraphError, NoAnswer) as error:
            raise platform_error(error) from None
        if refused is not None:
            raise refused

    async def add_people(self, space: str, people: Sequence[str]) -> InviteOutcome:
        """Add those not in the chat yet; a person Graph does not know fails with its code."""
        failed: dict[str, str] = {}
        try:
            present = {member.user_id for member in await self.graph.chat_members(space)}
            for person in dict.fromkeys(people):
                if person in present:
                    continue
                try:
                    await self.graph.add_chat_member(space, person)
                except GraphError as error:
                    if error.status not in (400, 404):
                        raise
                    failed[person] = error.code
        except (GraphError, NoAnswer) as error:
            raise platform_error(error) from None
        return InviteOutcome(failed=failed)

    async def remove_person(self, space: str, person: str) -> None:
        try:
            removed = await self.graph.remove_chat_member(space, person)
        except (GraphError, NoAnswer) as error:
            raise platform_error(error) from None
        if not removed:
            raise NotInSpace("not_in_chat")

    async def display_names(self, people: Sequence[str]) -> dict[str, str]:
        """People's names for exports; their ids when Graph can't tell (never raises)."""
        try:
            return await self.graph.display_names(people)
        except (GraphError, NoAnswer) as error:
            log.warning("could not read people's names: %s", platform_error(error).code)
            return {person: person for person in people}

    async def deactivated_users(self, people: Sequence[str]) -> frozenset[str]:
        """Those whose accounts are disabled or deleted."""
        try:
            return await self.graph.disabled_users(people)
        except (GraphError, NoAnswer) as error:
            raise platform_error(error, about_chat=False) from None

    async def usergroup_members(self, usergroup_id: str) -> frozenset[str]:
        """The users of an Entra group, nested groups included."""
        try:
            return await self.graph.group_members(usergroup_id)
        except (GraphError, NoAnswer) as error:
            raise platform_error(error, about_chat=False) from None


def _suffixed(suffix: str) -> Callable[[str], str]:
    def renamed(topic: str) -> str:
        return topic if topic.endswith(suffix) else f"{topic}{suffix}"

    return renamed
