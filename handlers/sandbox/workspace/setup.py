"""Setting up the simulated workspace by hand, and noting each change (version, state file)."""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from handlers.sandbox.workspace import methods_views, persistence
from handlers.sandbox.workspace.state import (
    Channel,
    Ephemeral,
    Message,
    ResponseUrl,
    User,
    Workspace,
)


class WorkspaceSetup:
    """The setup helpers and change tracking of SimulatedSlack."""

    _ws: Workspace
    _hooks: dict[str, ResponseUrl]
    _changed: asyncio.Condition | None
    bot_user_id: str
    team_id: str
    root_url: str
    state_file: Path | None
    version: int  # grows on every change of the workspace
    _saving: bool  # the state file has been loaded (or started afresh): save changes to it
    _waiters: int  # tasks in wait_for() / changed_since()
    _pokes: set[asyncio.Task[None]]

    def _commit(self, *, wake: bool = True) -> None:
        """Note a change: bump the version, save the state file, wake the waiters."""
        self.version += 1
        if self.state_file is not None and self._saving:
            persistence.write(self._ws, self.state_file)
        if wake and self._waiters:
            task = asyncio.get_running_loop().create_task(self._poke())
            self._pokes.add(task)
            task.add_done_callback(self._pokes.discard)

    @contextmanager
    def _waiting(self) -> Iterator[None]:
        """Count a waiter, so that changes made outside a request wake it."""
        self._waiters += 1
        try:
            yield
        finally:
            self._waiters -= 1

    async def _poke(self) -> None:
        if self._changed is not None:
            async with self._changed:
                self._changed.notify_all()

    async def changed_since(self, version: int, timeout: float) -> int:  # noqa: ASYNC109 (a long poll's deadline)
        """Return the version as soon as it is above `version`, or the current one at timeout."""
        assert self._changed is not None, "start() the fake first"
        with self._waiting():
            async with self._changed:
                with suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: self.version > version), timeout
                    )
                return self.version

    def add_user(
        self,
        user_id: str,
        *,
        name: str | None = None,
        real_name: str | None = None,
        title: str = "",
        locale: str = "fi-FI",
        is_bot: bool = False,
        deleted: bool = False,
    ) -> None:
        """Add (or replace) a workspace member; real_name defaults to the name capitalised."""
        name = name or user_id.lower()
        real_name = name.capitalize() if real_name is None else real_name
        self._ws.users[user_id] = User(user_id, name, locale, is_bot, deleted, real_name, title)
        self._commit()

    def add_usergroup(self, usergroup_id: str, user_ids: list[str]) -> None:
        """Add (or replace) a user group."""
        self._ws.usergroups[usergroup_id] = list(user_ids)
        self._commit()

    def add_channel(
        self,
        name: str,
        *,
        is_private: bool = True,
        archived: bool = False,
        members: set[str] | None = None,
        bot_member: bool = True,
    ) -> str:
        """Add a pre-existing channel (the bot is a member unless bot_member=False)."""
        everyone = set(members or ()) | ({self.bot_user_id} if bot_member else set())
        channel = Channel(
            self._ws.new_id("C"), name, is_private, archived, everyone, creator=self.bot_user_id
        )
        self._ws.add_channel(channel)
        self._commit()
        return channel.id

    def channel_by_name(self, name: str) -> Channel | None:
        """Return the channel with this name (archived ones included)."""
        return self._ws.channel_by_name(name)

    def add_in_slack_dialog(self, channel_id: str, user_id: str, *, by: str) -> dict[str, Any]:
        """Someone (`by`) adds a person to a channel in Slack's own dialog, not through the
        bot; returns the member_joined_channel event Slack sends for it."""
        channel = self._ws.channels[channel_id]
        channel.members.add(user_id)
        self._ws.joined(channel, user_id, by)
        self._commit()
        return self._ws.joins.pop()

    def set_deactivated(self, user_id: str, deactivated: bool) -> dict[str, Any]:
        """An admin deactivates (or reactivates) an account; returns the user_change event."""
        user = self._ws.users[user_id]
        user.deleted = deactivated
        self._commit()
        now = self._ws.now()
        return {
            "type": "user_change",
            "user": user.to_api(self.team_id),
            "cache_ts": int(now),
            "event_ts": f"{now:.6f}",
        }

    def archive_behind_bots_back(self, channel_id: str) -> None:
        """Archive a channel without any API call (someone else did it)."""
        self._ws.channels[channel_id].is_archived = True
        self._commit()

    def remove_bot_from(self, channel_id: str) -> None:
        """Remove the bot from a channel without any API call."""
        self._ws.channels[channel_id].members.discard(self.bot_user_id)
        self._commit()

    def post_as_user(self, channel_id: str, user_id: str, text: str) -> str:
        """A person's own message in a channel (not the bot's); returns its ts."""
        ws = self._ws
        message = Message(ts=ws.next_ts(), channel=channel_id, user=user_id, text=text)
        ws.messages.setdefault(channel_id, []).append(message)
        self._commit()
        return message.ts

    def show_ephemeral(
        self, channel_id: str, user_id: str, *, text: str, blocks: list[dict[str, Any]] | None
    ) -> None:
        """An answer only `user_id` sees, as Slack's client shows an acknowledgement's text."""
        ws = self._ws
        ws.ephemerals.append(Ephemeral(ws.next_ts(), channel_id, user_id, text, blocks))
        self._commit()

    def message_seen_by(self, user_id: str, channel_id: str, ts: str) -> Message | Ephemeral | None:
        """The live message with this ts, or the person's own ephemeral answer with it."""
        found = self._ws.find_message(channel_id, ts)
        if found is not None:
            return found
        mine = (e for e in self._ws.ephemerals if e.user == user_id and e.channel == channel_id)
        return next((e for e in mine if e.ts == ts), None)

    def direct_channel(self, user_id: str) -> str:
        """The person's direct messages with the app (made on first use)."""
        before = len(self._ws.channels)
        channel = self._ws.dm_with(user_id)
        if len(self._ws.channels) != before:
            self._commit()
        return channel.id

    def issue_trigger_id(self) -> str:
        """Return a fresh single-use trigger id for views.open / views.push."""
        return methods_views.issue_trigger(self._ws)

    def new_response_url(
        self,
        *,
        channel_id: str | None = None,
        message_ts: str | None = None,
        user_id: str | None = None,
    ) -> str:
        """Return a response_url served by the fake, optionally tied to the message an action
        came from and to the person who acted (who sees its ephemeral answers)."""
        key = secrets.token_hex(8)
        url = f"{self.root_url}response/{key}"
        self._hooks[key] = ResponseUrl(url, channel_id, message_ts, user_id)
        return url
