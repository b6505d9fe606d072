"""The listeners' routes: one Bolt listener per kind of request, which finds the module's
listener by name.

Bolt tries its listeners one after another, and every try builds all of Bolt's listener
arguments before the acknowledgement. With a Bolt listener per command, button and form, a
button passed up to eleven of them and a form up to fourteen; now a request passes at most
one Bolt listener per kind (`python -m benchmarks.dispatch`: what the bot adds to a bare
app's dispatch fell from 145 to 44 µs for a button and from 55–80 to 40 µs for a command).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable
from typing import Any

from slack_bolt.async_app import AsyncApp

from handlers.slack.errors import Listener, background_listener
from handlers.slack.route_table import KINDS, Kind, RouteTable, key_of


class Routes:
    """Collects each module's listeners (`register(routes)`), then `install(app)` once."""

    def __init__(self) -> None:
        self._names: dict[Kind, dict[str, Listener]] = {kind: {} for kind in KINDS}
        self._patterns: dict[Kind, list[tuple[re.Pattern[str], Listener]]] = {
            kind: [] for kind in KINDS
        }

    def event(self, event_type: str) -> Callable[[Listener], Listener]:
        return self._adder("event", event_type)

    def command(self, command: str) -> Callable[[Listener], Listener]:
        return self._adder("command", command)

    def action(self, action_id: str | re.Pattern[str]) -> Callable[[Listener], Listener]:
        return self._adder("action", action_id)

    def view(self, callback_id: str) -> Callable[[Listener], Listener]:
        return self._adder("view", callback_id)

    def find(self, kind: Kind, key: str) -> Listener | None:
        found = self._names[kind].get(key)
        if found is None:
            found = next((ln for p, ln in self._patterns[kind] if p.search(key)), None)
        return found

    def table(self) -> RouteTable:
        return RouteTable(
            names={kind: frozenset(self._names[kind]) for kind in KINDS},
            patterns={kind: tuple(p for p, _ln in self._patterns[kind]) for kind in KINDS},
        )

    def install(self, app: AsyncApp) -> None:
        """One Bolt listener per kind that has routes; requests no route takes stay unhandled
        (Bolt answers 404), except events: app.acknowledge_other_events answers those."""
        for kind in KINDS:
            if self._names[kind] or self._patterns[kind]:
                self._install_kind(app, kind)

    def _adder(self, kind: Kind, name: str | re.Pattern[str]) -> Callable[[Listener], Listener]:
        def add(listener: Listener) -> Listener:
            wrapped = background_listener(listener)
            if isinstance(name, str):
                if name in self._names[kind]:
                    raise ValueError(f"two listeners for {kind} {name!r}")
                self._names[kind][name] = wrapped
            elif name.flags & ~re.UNICODE:
                raise ValueError("route patterns are joined into one, without their flags")
            else:
                self._patterns[kind].append((name, wrapped))
            return listener

        return add

    def _install_kind(self, app: AsyncApp, kind: Kind) -> None:
        listeners = [*self._names[kind].values(), *(ln for _p, ln in self._patterns[kind])]
        wanted = {ln: list(inspect.signature(ln).parameters) for ln in listeners}
        every_name = dict.fromkeys(["body", *(name for names in wanted.values() for name in names)])

        async def route(**kwargs: Any) -> None:
            listener = self.find(kind, key_of(kind, kwargs["body"]))
            assert listener is not None, "Bolt matched only the routes' names"
            await listener(**{name: kwargs[name] for name in wanted[listener]})

        route.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [inspect.Parameter(n, inspect.Parameter.POSITIONAL_OR_KEYWORD) for n in every_name]
        )
        route.__name__ = route.__qualname__ = f"route_{kind}"  # Bolt's logs name it
        names = self._names[kind]
        either = [rf"^{re.escape(name)}\Z" for name in names]  # \Z: "$" allows a newline
        either += [f"(?:{pattern.pattern})" for pattern, _ln in self._patterns[kind]]
        matcher = re.compile("|".join(either))
        if kind == "event":
            app.event(matcher)(route)
        elif kind == "command":
            app.command(matcher)(route)
        elif kind == "action":
            app.block_action(matcher)(route)
        else:
            app.view(matcher)(route)
