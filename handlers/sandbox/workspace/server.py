"""SimulatedSlack: a stateful fake Slack Web API served over real HTTP on 127.0.0.1."""

from __future__ import annotations

import asyncio
import random
import socket
import traceback
from collections.abc import Awaitable, Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from aiohttp import web

from handlers.sandbox.workspace import persistence
from handlers.sandbox.workspace.api_ref import ApiRef
from handlers.sandbox.workspace.common import ApiError, ApiRequest, pop_failure
from handlers.sandbox.workspace.faults import FaultInjection
from handlers.sandbox.workspace.hooks import (
    MAX_RESPONSE_URL_USES,
    apply_response,
    parse_body,
    parse_response_body,
)
from handlers.sandbox.workspace.methods import HANDLERS, READ_ONLY
from handlers.sandbox.workspace.setup import WorkspaceSetup
from handlers.sandbox.workspace.socket_mode import SocketModeEndpoint
from handlers.sandbox.workspace.state import Call, Failure, ResponseUrl, Workspace

__all__ = ["HANDLERS", "SimulatedSlack"]


class SimulatedSlack(WorkspaceSetup, FaultInjection):
    """A fake Slack workspace and Web API; point AsyncWebClient(base_url=...) at it.

    `now` is the workspace clock (message ts, channel creation); with `state_file`, start()
    loads the workspace from it when it exists and every change is saved to it."""

    def __init__(
        self,
        *,
        token: str = "xoxb-test-token",
        app_token: str = "xapp-test-token",
        bot_user_id: str = "UBOT",
        team_id: str = "T0TEST",
        api_ref_dir: Path | None = None,
        enforce_post_rate: bool = False,
        trigger_ttl: float | None = None,
        now: Callable[[], float] | None = None,
        state_file: Path | None = None,
    ) -> None:
        self.api_ref = ApiRef(api_ref_dir)
        self._ws = ws = Workspace(token, bot_user_id, team_id)
        if now is not None:
            ws.now = now
        self.state_file = state_file
        self.version, self._saving, self._waiters, self._pokes = 0, False, 0, set()
        ws.enforce_post_rate = enforce_post_rate
        ws.trigger_ttl = trigger_ttl
        self.token, self.bot_user_id, self.team_id = token, bot_user_id, team_id
        self.app_token = app_token
        self.socket_mode = SocketModeEndpoint(self._poke)
        self.users, self.usergroups, self.files = ws.users, ws.usergroups, ws.files
        self.channels, self.messages, self.ephemerals = ws.channels, ws.messages, ws.ephemerals
        self.views, self.views_opened, self.views_pushed = (
            ws.views,
            ws.views_opened,
            ws.views_pushed,
        )
        self.home_views = ws.home_views
        self.calls: list[Call] = []
        self._lost_answers: dict[str, int] = {}
        self._chaos_lost = 0.0
        self.fake_errors: list[str] = []
        self._traffic: list[str] = []
        self.observers: list[Callable[[str], None]] = []  # told each served request's path
        # Delivers the member_joined_channel events of a call (conversations.create/invite)
        # before the call's answer goes out, as Slack may: a test sends them to the bot.
        self.on_join: Callable[[dict[str, Any]], Awaitable[object]] | None = None
        self._hooks: dict[str, ResponseUrl] = {}
        self._failures: dict[str, list[Failure]] = {}
        self._held: dict[str, asyncio.Event] = {}
        self._runner: web.AppRunner | None = None
        self._changed: asyncio.Condition | None = None
        self._chaos: tuple[random.Random, float, float, float] | None = None
        self.root_url = ""
        self.base_url = ""
        self.add_user(bot_user_id, name="tiimi", is_bot=True)

    # -- lifecycle -------------------------------------------------------------------------

    async def start(self) -> None:
        """Load the state file when there is one, then serve on 127.0.0.1 on a free port."""
        if self.state_file is not None:
            if self.state_file.exists():
                persistence.read(self._ws, self.state_file)
            self._saving = True
            persistence.write(self._ws, self.state_file)
        self._changed = asyncio.Condition()
        app = web.Application(middlewares=[self._notify_after])
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response/{key}", self._response_url)
        app.router.add_post("/upload/{file_id}", self._upload)
        self.socket_mode.attach(app)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        await web.SockSite(self._runner, sock).start()
        port = sock.getsockname()[1]
        self.root_url = self._ws.root_url = f"http://127.0.0.1:{port}/"
        self.base_url = f"{self.root_url}api/"

    async def stop(self) -> None:
        """Stop serving; raise AssertionError if the fake itself hit an internal error."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        if self.fake_errors:
            errors, self.fake_errors = self.fake_errors, []
            raise AssertionError("fake Slack internal error(s):\n" + "\n".join(errors))

    async def __aenter__(self) -> SimulatedSlack:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            await self.stop()
        except AssertionError:
            if exc_type is None:
                raise

    async def wait_for(self, predicate: Callable[[], object], seconds: float = 10.0) -> None:
        """Wait until a request to the fake makes `predicate()` true (no polling, no sleep)."""
        assert self._changed is not None, "start() the fake first"
        with self._waiting():
            async with self._changed:
                await asyncio.wait_for(self._changed.wait_for(predicate), seconds)

    @web.middleware
    async def _notify_after(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        try:
            return await handler(request)
        finally:
            for observer in self.observers:
                observer(request.path)
            assert self._changed is not None
            async with self._changed:
                self._changed.notify_all()

    # -- inspection ------------------------------------------------------------------------

    def calls_to(self, method: str) -> list[Call]:
        """Return the recorded calls of one method."""
        return [c for c in self.calls if c.method == method]

    def raw_traffic(self) -> str:
        """Return every raw request body received (API, response URLs, uploads)."""
        return "\n".join(self._traffic)

    def responses(self, url: str | None = None) -> list[dict[str, Any]]:
        """Return the accepted JSON bodies posted to one response_url, or to all of them."""
        if url is None:
            return [body for hook in self._hooks.values() for body in hook.bodies]
        hook = next((h for h in self._hooks.values() if h.url == url), None)
        if hook is None:
            raise ValueError(f"{url} was not issued by this fake")
        return list(hook.bodies)

    # -- HTTP handlers ---------------------------------------------------------------------

    async def _api(self, request: web.Request) -> web.Response:
        """Serve one Web API method call."""
        method = request.match_info["method"]
        raw = await request.read()
        body_text = raw.decode("utf-8", "replace")
        raw_body = "\n".join(p for p in (request.query_string, body_text) if p)
        self._traffic.append(raw_body)
        call = Call(method=method, args={}, raw_body=raw_body)
        self.calls.append(call)
        if (gate := self._held.get(method)) is not None and not gate.is_set():
            await self._poke()  # wait_for() sees the call arrive
            await gate.wait()
        if (failure := self._chaos_failure(request, call)) is not None:
            return failure
        try:
            args: dict[str, Any] = dict(request.query)
            args.update(parse_body(request.content_type, raw))
        except ValueError:
            args = {"__malformed__": True}
        call.args = args
        try:
            status, body, headers = self._process(method, args, request.headers)
        except Exception:
            self.fake_errors.append(f"{method}: {traceback.format_exc()}")
            status, body, headers = 500, {"ok": False, "error": "fatal_error"}, {}
        call.ok, call.error = bool(body.get("ok")), body.get("error")
        call.http_status, call.response = status, body
        joins, self._ws.joins[:] = list(self._ws.joins), []
        if self.on_join is not None:
            for event in joins:
                await self.on_join(event)
        if call.ok and method not in READ_ONLY:
            self._commit(wake=False)  # _notify_after wakes the waiters
        if self._answer_lost(method) and request.transport is not None:
            call.error = "answer_lost"
            request.transport.close()
            return web.Response(status=504)
        return web.json_response(body, status=status, headers=headers)

    def _process(
        self, method: str, args: dict[str, Any], headers: Any
    ) -> tuple[int, dict[str, Any], dict[str, str]]:
        """Authenticate, apply scripted failures and run the method handler."""
        handler = HANDLERS.get(method)
        if handler is None:
            return 200, {"ok": False, "error": "unknown_method"}, {}
        auth = str(headers.get("Authorization", ""))
        token = auth[len("Bearer ") :] if auth.startswith("Bearer ") else args.pop("token", None)
        args.pop("token", None)
        if not token:
            return 200, {"ok": False, "error": "not_authed"}, {}
        expected = self.app_token if method == "apps.connections.open" else self.token
        if token != expected:
            return 200, {"ok": False, "error": "invalid_auth"}, {}
        req = ApiRequest(method, args, self.api_ref.get(method), dict(headers))
        try:
            if args.pop("__malformed__", False):
                raise req.error("invalid_form_data")
            if (failure := pop_failure(self._failures, method)) is not None:
                raise failure
            for name in req.ref.required:
                if not req.has(name):
                    raise req.missing_error(name)
            return 200, {"ok": True, **handler(self._ws, req)}, {}
        except ApiError as exc:
            self.api_ref.assert_documented(method, exc.code)
            return exc.status, exc.body(), exc.headers

    async def _response_url(self, request: web.Request) -> web.Response:
        """Serve a response_url POST (at most five per URL)."""
        raw = await request.read()
        self._traffic.append(raw.decode("utf-8", "replace"))
        hook = self._hooks.get(request.match_info["key"])
        if hook is None or len(hook.bodies) >= MAX_RESPONSE_URL_USES:
            return web.Response(status=404, text="used_url")
        try:
            body = parse_response_body(request.content_type, raw)
        except ValueError:
            return web.Response(status=400, text="invalid_payload")
        problem = apply_response(self._ws, hook, body)
        if problem:
            return web.Response(status=400, text=problem)
        hook.bodies.append(body)
        self._commit(wake=False)
        return web.Response(text="ok")

    async def _upload(self, request: web.Request) -> web.Response:
        """Accept file content for an upload URL issued by files.getUploadURLExternal."""
        raw = await request.read()
        self._traffic.append(raw.decode("utf-8", "replace"))
        upload = self.files.get(request.match_info["file_id"])
        if upload is None:
            return web.Response(status=404, text="file_not_found")
        upload.content = raw
        self._commit(wake=False)
        return web.Response(text=f"OK - {len(raw)}")
