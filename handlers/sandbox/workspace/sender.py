"""SlackSender: signed requests with Slack's real payload shapes, POSTed to the bot under test."""

from __future__ import annotations

import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import aiohttp

from handlers.sandbox.workspace import SimulatedSlack
from handlers.sandbox.workspace.signing import signed_headers

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
APP_ID = "A0TEST"
_event_ids = itertools.count(1)


@dataclass
class BotResponse:
    """What the bot answered, plus the response_url / trigger_id that were sent to it."""

    status: int
    body: str
    headers: dict[str, str] = field(default_factory=dict)
    response_url: str | None = None
    trigger_id: str | None = None

    def json(self) -> Any:
        """Return the body parsed as JSON."""
        return json.loads(self.body)


class SlackSender:
    """Builds, signs and POSTs slash commands, interactions and events to the bot."""

    def __init__(
        self,
        bot_url: str,
        signing_secret: str,
        fake: SimulatedSlack,
        team_id: str = "T0TEST",
        *,
        path: str = "/slack/events",
    ) -> None:
        base = bot_url.rstrip("/")
        self.url = base if base.endswith(path) else base + path
        self.signing_secret = signing_secret
        self.fake = fake
        self.team_id = team_id

    def _user(self, user_id: str) -> dict[str, Any]:
        """Return the `user` object of interaction payloads."""
        user = self.fake.users.get(user_id)
        name = user.name if user else user_id.lower()
        return {"id": user_id, "username": name, "name": name, "team_id": self.team_id}

    def _team(self) -> dict[str, str]:
        """Return the `team` object of interaction payloads."""
        return {"id": self.team_id, "domain": "tiimi-test"}

    def _channel_name(self, channel_id: str) -> str:
        """Return the name Slack would send for a channel id."""
        if channel_id.startswith("D"):
            return "directmessage"
        channel = self.fake.channels.get(channel_id)
        return channel.name if channel and channel.name else "privategroup"

    async def command(
        self,
        command: str,
        text: str,
        *,
        user_id: str,
        channel_id: str,
        channel_name: str | None = None,
    ) -> BotResponse:
        """Send a slash command with a fresh response_url and trigger_id."""
        body, response_url, trigger_id = self.command_body(
            command, text, user_id=user_id, channel_id=channel_id, channel_name=channel_name
        )
        result = await self.raw(body, content_type=FORM)
        result.response_url, result.trigger_id = response_url, trigger_id
        return result

    def command_body(
        self,
        command: str,
        text: str,
        *,
        user_id: str,
        channel_id: str,
        channel_name: str | None = None,
    ) -> tuple[str, str, str]:
        """A slash command's form body, with its fresh response_url and trigger_id."""
        response_url = self.fake.new_response_url(channel_id=channel_id, user_id=user_id)
        trigger_id = self.fake.issue_trigger_id()
        fields = {
            "token": "verification-token",
            "team_id": self.team_id,
            "team_domain": "tiimi-test",
            "channel_id": channel_id,
            "channel_name": channel_name or self._channel_name(channel_id),
            "user_id": user_id,
            "user_name": self._user(user_id)["name"],
            "command": command,
            "text": text,
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": trigger_id,
        }
        return urlencode(fields), response_url, trigger_id

    async def block_action(
        self,
        *,
        user_id: str,
        action_id: str,
        value: str | None,
        channel_id: str | None = None,
        message_ts: str | None = None,
        block_id: str = "actions",
        view: dict[str, Any] | None = None,
        action: dict[str, Any] | None = None,
        state_values: dict[str, Any] | None = None,
    ) -> BotResponse:
        """Send a block_actions interaction from a message (with response_url) or a view; a
        message_ts of an ephemeral message makes it an action on that ephemeral message."""
        trigger_id = self.fake.issue_trigger_id()
        element: dict[str, Any] = {
            "type": "button",
            "action_id": action_id,
            "block_id": block_id,
            "text": {"type": "plain_text", "text": action_id},
            "action_ts": f"{time.time():.6f}",
        }
        if value is not None:
            element["value"] = value
        element.update(action or {})
        payload: dict[str, Any] = {
            "type": "block_actions",
            "user": self._user(user_id),
            "api_app_id": APP_ID,
            "token": "verification-token",
            "trigger_id": trigger_id,
            "team": self._team(),
            "enterprise": None,
            "is_enterprise_install": False,
            "actions": [element],
            "state": {"values": state_values or {}},
        }
        response_url = None
        if view is not None:
            payload["container"] = {"type": "view", "view_id": view.get("id")}
            payload["view"] = view
        if channel_id is not None:
            ts = message_ts or f"{time.time():.6f}"
            ephemeral = any(e.channel == channel_id and e.ts == ts for e in self.fake.ephemerals)
            response_url = self.fake.new_response_url(
                channel_id=channel_id, message_ts=ts, user_id=user_id
            )
            payload["channel"] = {"id": channel_id, "name": self._channel_name(channel_id)}
            payload["response_url"] = response_url
            if not ephemeral:  # Slack sends no `message` for an ephemeral one
                payload["message"] = self._message(channel_id, ts)
            payload.setdefault(
                "container",
                {
                    "type": "message",
                    "message_ts": ts,
                    "channel_id": channel_id,
                    "is_ephemeral": ephemeral,
                },
            )
        result = await self.raw(urlencode({"payload": json.dumps(payload)}), content_type=FORM)
        result.response_url, result.trigger_id = response_url, trigger_id
        return result

    def _message(self, channel_id: str, ts: str) -> dict[str, Any]:
        """Return the message an action came from (from the fake when it exists)."""
        for message in self.fake.messages.get(channel_id, []):
            if message.ts == ts:
                data = message.to_api(include_metadata=True)
                data["bot_id"] = "B0TEST" if message.user == self.fake.bot_user_id else None
                return data
        return {"type": "message", "user": self.fake.bot_user_id, "text": "", "ts": ts}

    async def view_submission(
        self, *, user_id: str, view: dict[str, Any], values: dict[str, Any]
    ) -> BotResponse:
        """Send a view_submission with the given state values."""
        trigger_id = self.fake.issue_trigger_id()
        full_view = {
            "id": "V0SUBMIT",
            "team_id": self.team_id,
            "type": "modal",
            "blocks": [],
            "private_metadata": "",
            "callback_id": "",
            "hash": "1.abc",
            "title": None,
            "root_view_id": view.get("id", "V0SUBMIT"),
            "previous_view_id": None,
            "app_id": APP_ID,
            "external_id": "",
            "bot_id": "B0TEST",
            **view,
            "state": {"values": values},
        }
        payload = {
            "type": "view_submission",
            "team": self._team(),
            "user": self._user(user_id),
            "api_app_id": APP_ID,
            "token": "verification-token",
            "trigger_id": trigger_id,
            "view": full_view,
            "response_urls": [],
            "is_enterprise_install": False,
            "enterprise": None,
        }
        result = await self.raw(urlencode({"payload": json.dumps(payload)}), content_type=FORM)
        result.trigger_id = trigger_id
        return result

    async def event(
        self, event: dict[str, Any], *, event_id: str | None = None, retry_num: int | None = None
    ) -> BotResponse:
        """Send an event_callback envelope (optionally as a retry)."""
        envelope = {
            "token": "verification-token",
            "team_id": self.team_id,
            "api_app_id": APP_ID,
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{next(_event_ids):08d}",
            "event_time": int(time.time()),
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": self.team_id,
                    "user_id": self.fake.bot_user_id,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
        }
        extra = {}
        if retry_num is not None:
            extra = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"}
        return await self.raw(json.dumps(envelope), content_type=JSON, headers=extra)

    async def raw(
        self,
        body: bytes | str,
        *,
        content_type: str,
        signed: bool = True,
        timestamp: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> BotResponse:
        """POST a body as-is (signed unless signed=False); extra headers override the defaults."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        all_headers = {"Content-Type": content_type}
        if signed:
            all_headers.update(signed_headers(self.signing_secret, data, timestamp=timestamp))
        all_headers.update(headers or {})
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.url, data=data, headers=all_headers) as resp,
        ):
            text = await resp.text()
            return BotResponse(resp.status, text, dict(resp.headers))
