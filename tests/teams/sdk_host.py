"""The Agents SDK hosted on aiohttp as the notes' §1.2 wires it, with a few routes that exist
only to pin SDK behaviours; outbound tokens come from the fake issuer, inbound JWT is real."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from microsoft_agents.activity import AdaptiveCardInvokeResponse
from microsoft_agents.hosting.aiohttp import (
    CloudAdapter,
    jwt_authorization_middleware,
    start_agent_process,
)
from microsoft_agents.hosting.core import (
    AgentApplication,
    ApplicationOptions,
    MemoryStorage,
    MessageFactory,
    TurnContext,
    TurnState,
)
from microsoft_agents.hosting.core.app.proactive import Conversation, ProactiveOptions

from tests.fake_teams import FakeTeams
from tests.fake_teams.sdk import IssuedTokens, connection_manager
from tests.fake_teams.server import serve

SECRET_ERROR = "vuotava virhe 131052-308T"  # what must never reach a user


@dataclass
class SdkBot:
    url: str
    app: AgentApplication[TurnState]
    adapter: CloudAdapter
    tokens: IssuedTokens
    seen: list[dict[str, Any]] = field(default_factory=list)  # what the routes were given


def _routes(app: AgentApplication[TurnState], seen: list[dict[str, Any]]) -> None:
    @app.message(re.compile(r"tiimi\b.*", re.S))
    async def tiimi(context: TurnContext, _: TurnState) -> None:
        seen.append({"route": "tiimi", "text": context.activity.text})
        await context.send_activity("selvä")

    @app.message("muista")
    async def remember(context: TurnContext, _: TurnState) -> None:
        # What the adapter will store in its own database for reminders.
        stored = Conversation.from_turn_context(context).store_item_to_json()
        seen.append({"route": "muista", "conversation": json.loads(json.dumps(stored))})

    @app.message("päivitä")
    async def update(context: TurnContext, _: TurnState) -> None:
        sent = await context.send_activity("v1")
        assert sent is not None
        replacement = MessageFactory.text("v2")
        replacement.id = sent.id
        await context.update_activity(replacement)
        seen.append({"route": "päivitä", "id": sent.id})

    @app.message("boom")
    async def boom(_: TurnContext, __: TurnState) -> None:
        raise RuntimeError(SECRET_ERROR)

    @app.adaptive_card.action_execute("tehty")
    async def done(context: TurnContext, _: TurnState, data: Any) -> AdaptiveCardInvokeResponse:
        seen.append({"route": "tehty", "data": data})
        card = {
            "type": "AdaptiveCard",
            "version": "1.5",
            "body": [{"type": "TextBlock", "text": "Tehty"}],
        }
        return AdaptiveCardInvokeResponse(
            status_code=200, type="application/vnd.microsoft.card.adaptive", value=card
        )


@asynccontextmanager
async def sdk_bot(teams: FakeTeams) -> AsyncIterator[SdkBot]:
    """Serve the SDK bot on 127.0.0.1 and point `teams` (and the SDK's JWKS fetch) at it."""
    connections, tokens = connection_manager(teams.issuer)
    adapter = CloudAdapter(connection_manager=connections)
    storage = MemoryStorage()
    app = AgentApplication[TurnState](
        options=ApplicationOptions(
            storage=storage, start_typing_timer=False, proactive=ProactiveOptions(storage=storage)
        ),
        connection_manager=connections,
    )
    seen: list[dict[str, Any]] = []
    _routes(app, seen)

    async def messages(request: web.Request) -> web.StreamResponse:
        response = await start_agent_process(request, app, adapter)
        assert response is not None
        return response

    web_app = web.Application(middlewares=[jwt_authorization_middleware])
    web_app["agent_configuration"] = connections.get_default_connection_configuration()
    web_app.router.add_post("/api/messages", messages)
    runner, base_url = await serve(web_app)
    teams.bot_url = url = f"{base_url}/api/messages"
    try:
        with teams.issuer.serving_sdk_keys():
            yield SdkBot(url, app, adapter, tokens, seen)
    finally:
        await runner.cleanup()
