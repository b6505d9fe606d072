"""Inbound activities in the shapes Teams sends, and a sender that signs them as the Bot
Framework does and POSTs them to the bot's messaging endpoint."""

from __future__ import annotations

import datetime
import json
from typing import Any

import aiohttp

from tests.fake_teams.state import Conversation, Tenant, User
from tests.fake_teams.tokens import TokenIssuer

BOT_NAME = "Tiimi"
UNSET: Any = object()  # `authorization=UNSET`: sign the request with a valid token


class TeamsEvents:
    """Builds activities; `service_url` is the fake connector's base (ends with '/')."""

    def __init__(self, tenant: Tenant, issuer: TokenIssuer, service_url: str) -> None:
        self.tenant, self.issuer, self.service_url = tenant, issuer, service_url

    def _envelope(
        self, kind: str, conversation: Conversation, sender: dict[str, Any], locale: str
    ) -> dict[str, Any]:
        stamp = datetime.datetime.fromtimestamp(self.issuer.now(), datetime.UTC).isoformat()
        return {
            "type": kind,
            "id": self.tenant.next_id("1700000000"),
            "timestamp": stamp,
            "localTimestamp": stamp,
            "channelId": "msteams",
            "serviceUrl": self.service_url,
            "from": sender,
            "recipient": {"id": self.tenant.bot_id, "name": BOT_NAME},
            "conversation": {
                "id": conversation.id,
                "conversationType": conversation.conversation_type,
                "tenantId": self.tenant.id,
                "isGroup": conversation.conversation_type != "personal",
            },
            "channelData": {"tenant": {"id": self.tenant.id}},
            "locale": locale,
            "entities": [{"type": "clientInfo", "locale": locale, "platform": "Web"}],
        }

    def message(
        self,
        conversation: Conversation,
        sender: User,
        text: str,
        *,
        mention_bot: bool = False,
        mentions: tuple[User, ...] = (),
        locale: str = "fi-FI",
    ) -> dict[str, Any]:
        """A user's message; `mention_bot` prefixes `<at>Tiimi</at>` as in a group chat."""
        activity = self._envelope("message", conversation, sender.account(), locale)
        if mention_bot:
            text = f"<at>{BOT_NAME}</at> {text}"
            bot = {"id": self.tenant.bot_id, "name": BOT_NAME}
            activity["entities"].append(_mention(bot, BOT_NAME))
        for user in mentions:
            activity["entities"].append(_mention(user.account(), user.display_name))
        activity.update(text=text, textFormat="plain")
        conversation.activities[activity["id"]] = activity  # Teams has it; replies may name it
        return activity

    def invoke(
        self,
        conversation: Conversation,
        sender: User,
        name: str,
        value: dict[str, Any],
        *,
        reply_to: str | None = None,
        locale: str = "fi-FI",
    ) -> dict[str, Any]:
        activity = self._envelope("invoke", conversation, sender.account(), locale)
        activity.update(name=name, value=value)
        if reply_to is not None:
            activity["replyToId"] = reply_to
        return activity

    def card_action(
        self,
        conversation: Conversation,
        sender: User,
        verb: str,
        data: dict[str, Any],
        *,
        reply_to: str,
    ) -> dict[str, Any]:
        """A press of an Action.Execute button on the card `reply_to`."""
        value = {
            "action": {"type": "Action.Execute", "verb": verb, "data": data},
            "trigger": "manual",
        }
        return self.invoke(conversation, sender, "adaptiveCard/action", value, reply_to=reply_to)

    def task_fetch(
        self, conversation: Conversation, sender: User, data: dict[str, Any]
    ) -> dict[str, Any]:
        value = {"data": {"type": "task/fetch", **data}, "context": {"theme": "default"}}
        return self.invoke(conversation, sender, "task/fetch", value)

    def task_submit(
        self, conversation: Conversation, sender: User, data: dict[str, Any]
    ) -> dict[str, Any]:
        value = {"data": data, "context": {"theme": "default"}}
        return self.invoke(conversation, sender, "task/submit", value)

    def conversation_update(
        self,
        conversation: Conversation,
        *,
        added: tuple[dict[str, Any], ...] = (),
        removed: tuple[dict[str, Any], ...] = (),
        by: User | None = None,
    ) -> dict[str, Any]:
        """Members (ChannelAccounts; the bot's is `bot_account()`) added or removed."""
        sender = by.account() if by else {"id": self.tenant.bot_id}
        activity = self._envelope("conversationUpdate", conversation, sender, "fi-FI")
        activity["channelData"]["eventType"] = "teamMemberAdded" if added else "teamMemberRemoved"
        if added:
            activity["membersAdded"] = list(added)
        if removed:
            activity["membersRemoved"] = list(removed)
        return activity

    def installation_update(
        self, conversation: Conversation, *, action: str = "add", by: User | None = None
    ) -> dict[str, Any]:
        """The app installed in (`add`) or removed from (`remove`) a chat."""
        sender = by.account() if by else {"id": f"28:{self.tenant.catalog_app_id}"}
        activity = self._envelope("installationUpdate", conversation, sender, "fi-FI")
        activity["action"] = action
        activity["channelData"]["source"] = {"name": "graph"} if by is None else None
        return activity

    def bot_account(self) -> dict[str, Any]:
        return {"id": self.tenant.bot_id, "name": BOT_NAME}


def _mention(account: dict[str, Any], name: str) -> dict[str, Any]:
    return {"type": "mention", "text": f"<at>{name}</at>", "mentioned": {**account, "name": name}}


class BotSender:
    """POSTs activities to the bot's endpoint with a Bot Framework-style signed token."""

    def __init__(self, issuer: TokenIssuer, service_url: str, bot_url: str | None = None) -> None:
        self.issuer, self.service_url, self.bot_url = issuer, service_url, bot_url
        self.sent: list[tuple[dict[str, Any], int]] = []  # (activity, HTTP status)

    def authorization(self, **token_options: Any) -> str:
        """A valid header, or a bad one with `audience=`, `lifetime=` or `foreign_key=`."""
        token = self.issuer.inbound_token(service_url=self.service_url, **token_options)
        return f"Bearer {token}"

    async def send(
        self, activity: dict[str, Any], *, authorization: str | None = UNSET
    ) -> tuple[int, Any]:
        """Deliver one activity; `authorization=None` sends no header. (status, JSON or text)."""
        assert self.bot_url, "BotSender has no bot_url"
        headers = {}
        header = self.authorization() if authorization is UNSET else authorization
        if header is not None:
            headers["Authorization"] = header
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.bot_url, json=activity, headers=headers) as response,
        ):
            text = await response.text()
            status = response.status
        self.sent.append((activity, status))
        try:
            return status, json.loads(text) if text else None
        except ValueError:
            return status, text
