"""The fake's Socket Mode: apps.connections.open hands out a local WebSocket that delivers
envelopes (slash commands, interactions, events) and records the app's acknowledgements."""

from __future__ import annotations

import json
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import WSMsgType, web


class SocketModeEndpoint:
    def __init__(self, notify: Callable[[], Awaitable[None]]) -> None:
        self.connections: list[web.WebSocketResponse] = []
        self.acks: dict[str, dict[str, Any]] = {}
        self.sent: list[dict[str, Any]] = []
        self._notify = notify

    def attach(self, app: web.Application) -> None:
        app.router.add_get("/socket-mode", self._serve)

    async def _serve(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.connections.append(ws)
        await ws.send_json(
            {"type": "hello", "num_connections": 1, "connection_info": {"app_id": "A0TEST"}}
        )
        await self._notify()
        try:
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    continue
                data = json.loads(message.data)
                if "envelope_id" in data:
                    self.acks[data["envelope_id"]] = data
                    await self._notify()
        finally:
            self.connections.remove(ws)
            await self._notify()
        return ws

    async def send(self, envelope_type: str, payload: dict[str, Any]) -> str:
        """Deliver an envelope to the newest connection; returns its envelope id."""
        envelope_id = uuid.uuid4().hex
        envelope = {
            "envelope_id": envelope_id,
            "type": envelope_type,
            "payload": payload,
            "accepts_response_payload": envelope_type != "events_api",
        }
        self.sent.append(envelope)
        await self.connections[-1].send_json(envelope)
        return envelope_id
