"""The production HTTP server (aiohttp): POST /slack/events and GET /healthz."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.async_app import AsyncApp

from handlers.health import healthz
from handlers.slack.request_body import bolt_request
from handlers.slack.request_checks import malformed

EVENTS_PATH = "/slack/events"
MAX_BODY_BYTES = 1024 * 1024


def build_web_app(
    bolt_app: AsyncApp | None,
    *,
    database_ok: Callable[[], Awaitable[bool]],
    work_in_progress: Callable[[], int] = lambda: 0,
) -> web.Application:
    """Slack's endpoint (left out in Socket Mode) and the health check, which also tells how
    many acknowledged requests are still being worked on."""
    web_app = web.Application(client_max_size=MAX_BODY_BYTES)

    async def slack_events(request: web.Request) -> web.Response:
        assert bolt_app is not None
        body = await request.text()
        refusal = malformed(request.content_type, body)
        if refusal is not None:
            return refusal
        slack_request = bolt_request(body, query=request.query_string, headers=request.headers)
        return await to_aiohttp_response(await bolt_app.async_dispatch(slack_request))

    if bolt_app is not None:
        web_app.router.add_post(EVENTS_PATH, slack_events)
    web_app.router.add_get(
        "/healthz", healthz(database_ok=database_ok, work_in_progress=work_in_progress)
    )
    return web_app
