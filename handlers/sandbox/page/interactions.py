"""What a person does on the page, done as Slack's client would: a slash command or a message
from the message box, a click or a choice in a message, the Home tab or a form, and a form's
submission, each sent to the bot as Slack's signed request."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from handlers.sandbox.composer import PlainMessage, SlashCommand, compose
from handlers.sandbox.conversations import can_see, direct_with_bot, directory
from handlers.sandbox.modals import Modals
from handlers.sandbox.page.interaction import (
    action_payload,
    client_side_errors,
    find_element,
    state_values,
)
from handlers.sandbox.runner import Sandbox
from handlers.sandbox.workspace import SimulatedSlack
from handlers.sandbox.workspace.sender import BotResponse

COMMANDS = ("/tiimi", "/askel", "/arvio", "/paja")  # the app's slash commands (manifest.json)
Raw = Mapping[tuple[str, str], str | list[str]]


class Refused(Exception):
    """Something Slack's client would not let the person do; the text says why, in Finnish."""


@dataclass(frozen=True)
class Source:
    """Where a clicked element is: a message (`ts`) in a conversation, the Home tab, or a form."""

    surface: str  # "message", "home" or "modal"
    conversation: str = ""
    ts: str = ""
    view_id: str = ""


class Interactions:
    def __init__(self, sandbox: Sandbox, modals: Modals) -> None:
        self.sandbox = sandbox
        self.modals = modals

    @property
    def slack(self) -> SimulatedSlack:
        return self.sandbox.slack

    async def send(self, user_id: str, conversation: str, typed: str) -> None:
        """The message box: a slash command goes to the bot, anything else to the channel."""
        composed = compose(typed, directory(self.slack, user_id))
        if composed is None:
            return
        if isinstance(composed, SlashCommand):
            await self._command(user_id, conversation, composed)
            return
        self._post(user_id, conversation, composed)

    async def open_home(self, user_id: str) -> None:
        """The person opens the app's Home tab: Slack tells the app (app_home_opened)."""
        event: dict[str, Any] = {
            "type": "app_home_opened",
            "user": user_id,
            "channel": direct_with_bot(self.slack, user_id),
            "tab": "home",
            "event_ts": f"{self.sandbox.clock.epoch():.6f}",
        }
        home = self.slack.home_views.get(user_id)
        if home is not None:
            event["view"] = home
        await self.sandbox.delivery.event(event)

    async def act(
        self, user_id: str, source: Source, block_id: str, action_id: str, raw: Raw
    ) -> None:
        """A button pressed or a choice made in a message, the Home tab or a form."""
        blocks, view = self._blocks(user_id, source)
        element = find_element(blocks, block_id, action_id)
        if element is None:
            raise Refused("Tätä painiketta ei enää ole.")
        action_ts = f"{self.sandbox.clock.epoch():.6f}"
        action = action_payload(element, block_id, raw.get((block_id, action_id), ""), action_ts)
        where: dict[str, Any] = {"channel_id": source.conversation, "message_ts": source.ts}
        if view is not None:  # a form's or the Home tab's element: Slack sends the view's state
            where = {"view": {**view, "state": {"values": state_values(view["blocks"], raw)}}}
        sent = await self.sandbox.delivery.block_action(
            user_id=user_id,
            action_id=action_id,
            value=None,
            block_id=block_id,
            action=action,
            **where,
        )
        self.modals.issued(sent.trigger_id, user_id)

    async def submit(self, user_id: str, view_id: str, raw: Raw) -> dict[str, str]:
        """A form's submit button: Slack's own checks first, then the view_submission; returns
        the errors shown in the form (none when it closed)."""
        view = self.modals.open_for(user_id, view_id)
        if view is None:
            raise Refused("Lomake on jo suljettu.")
        errors = client_side_errors(view["blocks"], raw)
        if errors:
            self.modals.errors[view_id] = errors
            return errors
        sent = await self.sandbox.delivery.view_submission(
            user_id=user_id, view=view, values=state_values(view["blocks"], raw)
        )
        self.modals.issued(sent.trigger_id, user_id)
        self.modals.answered(user_id, view_id, _answer(sent))
        return self.modals.errors.get(view_id, {})

    def close(self, user_id: str, view_id: str) -> None:
        self.modals.close(user_id, view_id)

    async def _command(self, user_id: str, conversation: str, command: SlashCommand) -> None:
        if command.command not in COMMANDS:
            raise Refused(f"{command.command} ei ole tämän työtilan komento.")
        sent = await self.sandbox.delivery.command(
            command.command, command.text, user_id=user_id, channel_id=conversation
        )
        self.modals.issued(sent.trigger_id, user_id)
        if sent.status != 200:
            raise Refused("Tiimi ei vastannut komentoon.")
        shown = _answer(sent)
        if shown.get("text") or shown.get("blocks"):  # an answer in the acknowledgement
            self.slack.show_ephemeral(
                conversation, user_id, text=str(shown.get("text") or ""), blocks=shown.get("blocks")
            )

    def _post(self, user_id: str, conversation: str, message: PlainMessage) -> None:
        channel = self.slack.channels.get(conversation)
        if channel is None or user_id not in channel.members:
            raise Refused("Et voi kirjoittaa tälle kanavalle.")
        self.slack.post_as_user(conversation, user_id, message.text)

    def _blocks(
        self, user_id: str, source: Source
    ) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
        if source.surface == "home":
            home = self.slack.home_views.get(user_id)
            if home is None:
                raise Refused("Koti-välilehteä ei ole vielä.")
            return home["blocks"], home
        if source.surface == "modal":
            view = self.modals.open_for(user_id, source.view_id)
            if view is None:
                raise Refused("Lomake on jo suljettu.")
            return view["blocks"], view
        if not can_see(self.slack, user_id, source.conversation):
            raise Refused("Et näe tätä keskustelua.")
        message = self.slack.message_seen_by(user_id, source.conversation, source.ts)
        if message is None:
            raise Refused("Viestiä ei enää ole.")
        return list(message.blocks or []), None


def _answer(sent: BotResponse) -> dict[str, Any]:
    """The acknowledgement's body: Slack reads JSON, or plain text as a message's text."""
    body = sent.body.strip()
    if not body:
        return {}
    try:
        data = json.loads(body)
    except ValueError:
        return {"text": body}
    return data if isinstance(data, dict) else {}
