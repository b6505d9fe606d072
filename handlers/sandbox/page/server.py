"""The sandbox's web page on 127.0.0.1: the page, its script, the state it shows, the changes
it waits for (server-sent events) and what the person does there."""

from __future__ import annotations

import asyncio
import socket
from datetime import timedelta
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.dates import format_datetime
from handlers.sandbox.conversations import conversations_of, direct_with_bot
from handlers.sandbox.modals import Modals
from handlers.sandbox.page.fragments import HOME, Painter, sidebar
from handlers.sandbox.page.interactions import Interactions, Refused, Source
from handlers.sandbox.page.shell import page_html
from handlers.sandbox.people import PEOPLE
from handlers.sandbox.runner import Sandbox

STATIC = Path(__file__).parent / "static"
EVENT_WAIT_SECONDS = 15.0  # an idle event stream sends a comment this often (keeps it open)
_STEPS = {"hour": timedelta(hours=1), "day": timedelta(days=1)}


class SandboxPage:
    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.modals = Modals(sandbox.slack)
        self.interactions = Interactions(sandbox, self.modals)
        self._runner: web.AppRunner | None = None
        self._closing = asyncio.Event()

    def app(self) -> web.Application:
        app = web.Application(middlewares=[_refusals])
        app.router.add_get("/", self._index)
        app.router.add_static("/static/", STATIC)
        app.router.add_get("/state", self._state)
        app.router.add_get("/events", self._events)
        app.router.add_post("/send", self._send)
        app.router.add_post("/action", self._action)
        app.router.add_post("/submit", self._submit)
        app.router.add_post("/close", self._close)
        app.router.add_post("/home", self._home)
        app.router.add_post("/clock", self._clock)
        return app

    async def start(self, port: int) -> int:
        """Serve on 127.0.0.1 (never on other interfaces); returns the port (0 picks one)."""
        self._runner = web.AppRunner(self.app(), access_log=None)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        await web.SockSite(self._runner, sock).start()
        return int(sock.getsockname()[1])

    async def stop(self) -> None:
        self._closing.set()
        if self._runner is not None:
            await self._runner.cleanup()

    async def _index(self, request: web.Request) -> web.Response:
        return web.Response(text=page_html(), content_type="text/html", charset="utf-8")

    async def _state(self, request: web.Request) -> web.Response:
        """Everything the page shows to one person, as HTML parts."""
        slack = self.sandbox.slack
        user = _person(request.query.get("user", ""))
        bot_direct = direct_with_bot(slack, user)
        conversations = conversations_of(slack, user)
        wanted = request.query.get("c", HOME)
        shown = next((c for c in conversations if c.id == wanted), None)
        painter = Painter(slack, self.sandbox.runtime.core.timezone)
        if shown is None:
            wanted, main = HOME, painter.home(user)
        else:
            title = "Tiimi" if shown.id == bot_direct else shown.name
            main = painter.conversation(user, shown, title=title)
        view = self.modals.top(user)
        modal = None
        if view is not None:
            errors = self.modals.errors.get(view["id"], {})
            key = f"{view['id']}:{view.get('hash', '')}:{sorted(errors.items())}"
            modal = {"key": key, "html": painter.modal(view, errors)}
        body = {
            "user": user,
            "conversation": wanted,
            "composer": wanted != HOME,
            "now": format_datetime(self.sandbox.clock.now(), self.sandbox.runtime.core.timezone),
            "sidebar": sidebar(conversations, bot_direct=bot_direct, current=wanted),
            "main": main,
            "modal": modal,
        }
        return web.json_response(body)

    async def _events(self, request: web.Request) -> web.StreamResponse:
        """Server-sent events: the workspace's version each time it changes."""
        stream = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"}
        )
        await stream.prepare(request)
        slack = self.sandbox.slack
        seen = slack.version
        await stream.write(f"data: {seen}\n\n".encode())
        while not self._closing.is_set():
            version = await slack.changed_since(seen, EVENT_WAIT_SECONDS)
            message = f"data: {version}\n\n" if version != seen else ": idle\n\n"
            seen = version
            try:
                await stream.write(message.encode())
            except (ConnectionResetError, RuntimeError):
                break
        return stream

    async def _send(self, request: web.Request) -> web.Response:
        data = await _json(request)
        user = _person(data.get("user"))
        conversation = str(data.get("conversation") or "")
        if conversation in ("", HOME):
            conversation = direct_with_bot(self.sandbox.slack, user)
        await self.interactions.send(user, conversation, str(data.get("text") or ""))
        return web.json_response({"ok": True})

    async def _action(self, request: web.Request) -> web.Response:
        data = await _json(request)
        source = Source(
            surface=str(data.get("surface") or "message"),
            conversation=str(data.get("conversation") or ""),
            ts=str(data.get("ts") or ""),
            view_id=str(data.get("view_id") or ""),
        )
        await self.interactions.act(
            _person(data.get("user")),
            source,
            str(data.get("block_id") or ""),
            str(data.get("action_id") or ""),
            _raw(data.get("values")),
        )
        return web.json_response({"ok": True})

    async def _submit(self, request: web.Request) -> web.Response:
        data = await _json(request)
        errors = await self.interactions.submit(
            _person(data.get("user")), str(data.get("view_id") or ""), _raw(data.get("values"))
        )
        return web.json_response({"ok": not errors, "errors": errors})

    async def _close(self, request: web.Request) -> web.Response:
        data = await _json(request)
        self.interactions.close(_person(data.get("user")), str(data.get("view_id") or ""))
        return web.json_response({"ok": True})

    async def _home(self, request: web.Request) -> web.Response:
        data = await _json(request)
        await self.interactions.open_home(_person(data.get("user")))
        return web.json_response({"ok": True})

    async def _clock(self, request: web.Request) -> web.Response:
        step = str((await _json(request)).get("step") or "")
        sandbox = self.sandbox
        if step in _STEPS:
            await sandbox.advance(_STEPS[step])
            notice = ""
        elif step == "next":
            due = await sandbox.to_next_reminder()
            notice = "" if due is not None else "Ei odottavia muistutuksia."
        else:
            raise web.HTTPBadRequest(text="unknown step")
        now = format_datetime(sandbox.clock.now(), sandbox.runtime.core.timezone)
        return web.json_response({"ok": True, "now": now, "notice": notice})


@web.middleware
async def _refusals(request: web.Request, handler: Any) -> web.StreamResponse:
    """What Slack's client would refuse is told on the page, in Finnish. Only the page itself
    may use it: a request must name 127.0.0.1 or localhost (no DNS rebinding), and a change
    must come as JSON (another site's form cannot send that without the browser asking)."""
    if request.url.host not in ("127.0.0.1", "localhost"):
        raise web.HTTPForbidden(text="the sandbox answers on 127.0.0.1 only")
    if request.method == "POST" and request.content_type != "application/json":
        raise web.HTTPUnsupportedMediaType(text="expected application/json")
    try:
        response: web.StreamResponse = await handler(request)
    except Refused as refused:
        return web.json_response({"ok": False, "notice": str(refused)}, status=409)
    return response


def _person(value: object) -> str:
    known = {p.user_id for p in PEOPLE}
    user = str(value or "")
    if user not in known:
        raise web.HTTPBadRequest(text="unknown user")
    return user


async def _json(request: web.Request) -> dict[str, Any]:
    try:
        data = await request.json()
    except ValueError:
        raise web.HTTPBadRequest(text="expected JSON") from None
    if not isinstance(data, dict):
        raise web.HTTPBadRequest(text="expected a JSON object")
    return data


def _raw(values: object) -> dict[tuple[str, str], str | list[str]]:
    """The page's inputs, `[{block_id, action_id, value}]`, keyed as interaction.py reads them."""
    raw: dict[tuple[str, str], str | list[str]] = {}
    for item in values if isinstance(values, list) else []:
        if not isinstance(item, dict):
            continue
        value = item.get("value")
        key = (str(item.get("block_id") or ""), str(item.get("action_id") or ""))
        raw[key] = [str(v) for v in value] if isinstance(value, list) else str(value or "")
    return raw
