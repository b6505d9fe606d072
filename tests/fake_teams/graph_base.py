"""What the fake Graph's parts share: Graph's error shape, the request body, the chat of a
route and a chat's JSON."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from tests.fake_teams.state import GROUP_CHAT, Conversation, Tenant

ROLES = web.RequestKey("roles", frozenset[str])  # the application permissions of the token


def graph_error(
    status: int, code: str, message: str, *, headers: dict[str, str] | None = None
) -> web.Response:
    """An answer in Graph's error shape."""
    return web.json_response(
        {"error": {"code": code, "message": message}}, status=status, headers=headers
    )


class Refused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.response = graph_error(status, code, message)


async def json_body(request: web.Request) -> dict[str, Any]:
    """The request's JSON object; anything else is Graph's 400."""
    try:
        body = await request.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise Refused(400, "BadRequest", "The body must be a JSON object.")
    return body


class GraphParts:
    """The base of the fake Graph's route groups: the tenant they serve."""

    tenant: Tenant

    def _chat(self, request: web.Request) -> Conversation:
        found = self.tenant.conversations.get(request.match_info["chat"])
        if found is None or found.conversation_type == "channel":
            raise Refused(404, "NotFound", "Chat not found.")
        return found

    def _chat_json(self, chat: Conversation) -> dict[str, Any]:
        return {
            "id": chat.id,
            "topic": chat.topic,
            "chatType": "group" if chat.conversation_type == GROUP_CHAT else "oneOnOne",
            "webUrl": f"https://teams.microsoft.com/l/chat/{chat.id}/0?tenantId={self.tenant.id}",
            "tenantId": self.tenant.id,
        }
