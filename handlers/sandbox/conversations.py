"""What one person sees of the workspace, as Slack shows it: their channels and direct messages
(a private channel only to its members), a conversation's messages with the answers only they
can see, and who is who."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from handlers.sandbox.composer import Directory
from handlers.sandbox.workspace import SimulatedSlack

Kind = Literal["channel", "private", "direct"]


@dataclass(frozen=True)
class Conversation:
    id: str
    name: str  # as Slack lists it: the channel's name, or the other person's name
    kind: Kind


@dataclass(frozen=True)
class Entry:
    """One message in a conversation as the viewer sees it."""

    ts: str
    author: str  # a user id
    text: str
    blocks: list[dict[str, Any]] | None
    only_you: bool = False  # an ephemeral answer
    edited: bool = False
    in_thread: bool = False
    files: tuple[str, ...] = ()  # the ids of the files shared in the message


def conversations_of(slack: SimulatedSlack, user_id: str) -> list[Conversation]:
    """The viewer's sidebar: public and their private channels by name, then direct messages."""
    channels: list[Conversation] = []
    directs: list[Conversation] = []
    for channel in slack.channels.values():
        if channel.is_archived:
            continue
        if channel.is_im:
            if user_id in channel.members:
                other = next((m for m in channel.members if m != user_id), user_id)
                directs.append(Conversation(channel.id, real_name(slack, other), "direct"))
        elif not channel.is_private:
            channels.append(Conversation(channel.id, channel.name, "channel"))
        elif user_id in channel.members:
            channels.append(Conversation(channel.id, channel.name, "private"))
    return sorted(channels, key=lambda c: c.name) + sorted(directs, key=lambda c: c.name)


def can_see(slack: SimulatedSlack, user_id: str, channel_id: str) -> bool:
    return any(c.id == channel_id for c in conversations_of(slack, user_id))


def timeline(slack: SimulatedSlack, user_id: str, channel_id: str) -> list[Entry]:
    """The conversation's live messages and the viewer's ephemeral answers, oldest first."""
    entries = [
        Entry(
            ts=m.ts,
            author=m.user,
            text=m.text,
            blocks=m.blocks,
            edited=m.updated > 0,
            in_thread=m.thread_ts not in (None, m.ts),
            files=tuple(m.files),
        )
        for m in slack.messages.get(channel_id, [])
        if not m.deleted
    ]
    entries += [
        Entry(ts=e.ts, author=slack.bot_user_id, text=e.text, blocks=e.blocks, only_you=True)
        for e in slack.ephemerals
        if e.channel == channel_id and e.user == user_id
    ]
    return sorted(entries, key=lambda e: _ts_key(e.ts))


def direct_with_bot(slack: SimulatedSlack, user_id: str) -> str:
    """The viewer's direct messages with the app (its Messages tab), made on first use."""
    return slack.direct_channel(user_id)


def real_name(slack: SimulatedSlack, user_id: str) -> str:
    user = slack.users.get(user_id)
    return user.real_name if user is not None else user_id


def names(slack: SimulatedSlack) -> tuple[dict[str, str], dict[str, str]]:
    """Every person's real name and every channel's name, by id (for rendering mentions)."""
    people = {user_id: real_name(slack, user_id) for user_id in slack.users}
    channels = {c.id: c.name for c in slack.channels.values() if not c.is_im}
    return people, channels


def directory(slack: SimulatedSlack, user_id: str) -> Directory:
    """What `@name` and `#name` mean to the viewer: people by user name and first name, and
    the channels they can see."""
    people: dict[str, tuple[str, str]] = {}
    for user in slack.users.values():
        if user.deleted:
            continue
        first = user.real_name.split()[0] if user.real_name.split() else user.name
        for handle in (first, user.name):
            people.setdefault(handle.casefold(), (user.id, user.name))
    channels = {
        c.name.casefold(): (c.id, c.name)
        for c in conversations_of(slack, user_id)
        if c.kind != "direct"
    }
    return Directory(people=people, channels=channels)


def _ts_key(ts: str) -> tuple[int, int]:
    seconds, _, micros = ts.partition(".")
    return int(seconds), int(micros or 0)
