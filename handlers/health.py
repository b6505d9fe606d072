"""GET /healthz for every adapter's server: the database's state and the work under way."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.Response]]


def healthz(
    *, database_ok: Callable[[], Awaitable[bool]], work_in_progress: Callable[[], int]
) -> Handler:
    async def handle(_request: web.Request) -> web.Response:
        work = {"work_in_progress": work_in_progress()}
        if await database_ok():
            return web.json_response({"status": "ok", "database": "ok"} | work)
        return web.json_response({"status": "error", "database": "unreachable"} | work, status=503)

    return handle
