"""The front process's HTTP server, when the work runs in work processes (WORK_PROCESSES > 0).

It refuses malformed and forged requests; answers a command, button or event that the bot
takes at once, and only then hands it to a work process; passes a form submission,
url_verification or anything else to a work process and returns that process's answer. So no
acknowledgement waits behind another request's work (README, "Reliability and performance").
A replay or redelivery changes nothing: the work process's Bolt app drops it once it has
verified the signature (request_keys.HandleOnce).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import aiohttp
from aiohttp import web
from slack_bolt.request.payload_utils import is_slash_command
from slack_sdk.signature import SignatureVerifier

from bot.i18n import Catalog
from handlers.slack.handover import (
    EVENTS_PATH,
    Handover,
    answered_at_once,
    response_url_of,
)
from handlers.slack.request_body import parse_body
from handlers.slack.request_checks import malformed
from handlers.slack.route_table import RouteTable
from handlers.slack.server import MAX_BODY_BYTES

log = logging.getLogger(__name__)


class Workers(Protocol):
    @property
    def count(self) -> int: ...
    def pick(self) -> Path | None: ...
    def ready_sockets(self) -> list[Path]: ...


def build_front_app(
    *,
    routes: RouteTable,
    signing_secret: str,
    workers: Workers,
    handover: Handover,
    http: aiohttp.ClientSession,
    language: str,
) -> web.Application:
    web_app = web.Application(client_max_size=MAX_BODY_BYTES)
    verifier = SignatureVerifier(signing_secret)
    catalog = Catalog(language)
    handing_over: set[asyncio.Task[None]] = set()  # so that Slack's connection is free at once

    def signed_by_slack(request: web.Request, body: str) -> bool:
        timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
        signature = request.headers.get("X-Slack-Signature")
        return timestamp.isdigit() and verifier.is_valid(body, timestamp, signature)

    async def hand_over_answered(
        headers: Mapping[str, str], raw: bytes, parsed: dict[str, Any]
    ) -> None:
        """Deliver an answered request. One that no work process could even be reached for
        goes to the next; if none takes it, the user is told through response_url."""
        for _ in range(workers.count + 1):
            socket = workers.pick()
            if socket is None:
                break
            try:
                await handover.deliver(socket, headers, raw)
                return
            except aiohttp.ClientConnectorError as error:  # not delivered: safe to try again
                log.warning("work process at %s unreachable (%s)", socket.name, error)
            except (aiohttp.ClientError, TimeoutError) as error:  # maybe delivered: no retry
                log.error("work process at %s failed on a request: %r", socket.name, error)
                return
        log.error("no work process took an acknowledged request; telling the user")
        url = response_url_of(parsed)
        if url:
            text = catalog("busy_restarting")
            answer = {"response_type": "ephemeral", "replace_original": False, "text": text}
            try:
                async with http.post(url, json=answer) as response:
                    response.raise_for_status()
            except (aiohttp.ClientError, TimeoutError) as error:
                log.error("could not tell the user either: %s", type(error).__name__)

    async def slack_events(request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        body = raw.decode("utf-8", errors="replace")
        refusal = malformed(request.content_type, body)
        if refusal is not None:
            return refusal
        parsed = parse_body(body, request.content_type)
        if workers.ready_sockets() and answered_at_once(parsed, routes):
            if not signed_by_slack(request, body):
                return web.json_response({"error": "invalid request"}, status=401)
            response = web.Response(status=200)
            await response.prepare(request)
            await response.write_eof()  # on its way to Slack before the hand-over
            # The hand-over runs apart: aiohttp reads a connection's next request only once
            # this handler returns, and a busy work process may take a while to take it.
            headers = request.headers.copy()  # still case-insensitive
            task = asyncio.create_task(hand_over_answered(headers, raw, parsed))
            handing_over.add(task)
            task.add_done_callback(handing_over.discard)
            return response
        socket = workers.pick()
        if socket is not None:
            try:
                answer = await handover.deliver(socket, request.headers, raw)
                return web.Response(
                    status=answer.status, body=answer.body, content_type=answer.content_type
                )
            except (aiohttp.ClientError, TimeoutError) as error:
                log.warning("work process at %s gave no answer: %r", socket.name, error)
        if is_slash_command(parsed):  # its answer can say why, in words
            text = catalog("busy_restarting")
            return web.json_response({"response_type": "ephemeral", "text": text})
        return web.json_response({"error": "restarting"}, status=503)  # Slack retries events

    async def healthz(_request: web.Request) -> web.Response:
        sockets = workers.ready_sockets()
        answers = await asyncio.gather(*(handover.health(socket) for socket in sockets))
        healthy = [a for a in answers if a is not None and a.get("status") == "ok"]
        database_down = any(a is not None and a.get("database") == "unreachable" for a in answers)
        summary: dict[str, Any] = {
            "status": "ok" if len(healthy) == workers.count else "degraded",
            "database": "unreachable" if database_down else ("ok" if healthy else "unknown"),
            "work_processes": {"ready": len(healthy), "of": workers.count},
            "work_in_progress": sum(int(a.get("work_in_progress", 0)) for a in healthy),
        }
        if not healthy or database_down:
            return web.json_response(summary | {"status": "error"}, status=503)
        return web.json_response(summary)

    async def finish_hand_overs(_app: web.Application) -> None:
        await asyncio.gather(*handing_over, return_exceptions=True)

    web_app.on_cleanup.append(finish_hand_overs)  # after the last request's handler
    web_app.router.add_post(EVENTS_PATH, slack_events)
    web_app.router.add_get("/healthz", healthz)
    return web_app
