"""The HTTP server (aiohttp): POST /api/messages (the Bot Framework's messaging endpoint) and
GET /healthz.

Every request to /api/messages has its Bot Framework token checked by the Agents SDK's JWT
validation; there is no way to turn it off. Where the SDK would answer a malformed request
with 500, this answers 4xx: a token it cannot read (no key id, say) is a 401, an activity that
does not fit the Activity schema, or that the SDK cannot hold a turn for (no `channelId`, no
`from.id`, no conversation reference to answer with), a 400."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import cast

import jwt
import pydantic
from aiohttp import web
from microsoft_agents.activity import Activity
from microsoft_agents.hosting.aiohttp import (
    CloudAdapter,
    jwt_authorization_decorator,
    start_agent_process,
)
from microsoft_agents.hosting.core import AgentApplication, AgentAuthConfiguration, TurnState

from handlers.health import healthz

log = logging.getLogger("handlers.teams")
MESSAGES_PATH = "/api/messages"
MAX_BODY_BYTES = 256 * 1024  # Teams' activities are at most ~28 KB; a card's form a little more
_AUTHORIZED = "tiimi.authorized"


def build_web_app(
    *,
    agent_app: AgentApplication[TurnState],
    adapter: CloudAdapter,
    auth_configuration: AgentAuthConfiguration,
    database_ok: Callable[[], Awaitable[bool]],
    work_in_progress: Callable[[], int],
) -> web.Application:
    web_app = web.Application(client_max_size=MAX_BODY_BYTES)
    web_app["agent_configuration"] = auth_configuration  # what the SDK's JWT check reads

    async def process(request: web.Request) -> web.StreamResponse:
        request[_AUTHORIZED] = True
        if request.content_type != "application/json":
            return web.json_response({"error": "expected application/json"}, status=415)
        if not await _answerable(request):
            return web.json_response({"error": "not an activity to answer"}, status=400)
        response = await start_agent_process(request, agent_app, adapter)
        return response if response is not None else web.Response(status=202)

    checked = jwt_authorization_decorator(process)  # type: ignore[no-untyped-call]
    authorized = cast(Callable[[web.Request], Awaitable[web.StreamResponse]], checked)

    async def messages(request: web.Request) -> web.StreamResponse:
        try:
            return await authorized(request)
        except pydantic.ValidationError:
            return web.json_response({"error": "not a valid activity"}, status=400)
        except (KeyError, ValueError, jwt.PyJWTError) as error:
            if request.get(_AUTHORIZED):
                raise
            log.warning("a request's token could not be read: %s", type(error).__name__)
            return web.json_response({"error": "invalid token"}, status=401)

    web_app.router.add_post(MESSAGES_PATH, messages)
    web_app.router.add_get(
        "/healthz", healthz(database_ok=database_ok, work_in_progress=work_in_progress)
    )
    return web_app


async def _answerable(request: web.Request) -> bool:
    """Whether the SDK can hold the activity's turn: it names its channel and sender and makes
    a conversation reference. A body that is no activity at all is left to the SDK."""
    try:
        activity = Activity.model_validate(await request.json())
    except ValueError:  # not JSON, or pydantic's ValidationError
        return True
    sender = activity.from_property
    if not activity.channel_id or sender is None or not sender.id:
        return False
    try:
        activity.get_conversation_reference()
    except pydantic.ValidationError:
        return False
    return True
