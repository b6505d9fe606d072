"""What the listener modules register with Bolt, by kind: a stand-in for AsyncApp that records
each `app.event(...)`, `app.command(...)`, `app.action(...)` and `app.view(...)` key."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

from slack_bolt.async_app import AsyncApp

from handlers.slack.app import LISTENER_MODULES

KINDS = ("event", "command", "action", "view")


class _Recorder:
    def __init__(self) -> None:
        self.keys: dict[str, set[str]] = {kind: set() for kind in KINDS}

    def __getattr__(self, kind: str) -> Callable[[str | re.Pattern[str]], Callable[[Any], Any]]:
        if kind not in KINDS:
            raise AttributeError(kind)

        def constrain(key: str | re.Pattern[str]) -> Callable[[Any], Any]:
            def apply(listener: Any) -> Any:  # a key counts once a listener is given to it
                self.keys[kind].add(key if isinstance(key, str) else key.pattern)
                return listener

            return apply

        return constrain


def registered_keys() -> dict[str, set[str]]:
    """Event types, commands, action ids (patterns as their text) and callback ids."""
    recorder = _Recorder()
    for module in LISTENER_MODULES:
        module.register(cast(AsyncApp, recorder))
    return recorder.keys
