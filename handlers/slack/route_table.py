"""The names the listeners are routed by, without the listeners.

The front process (WORK_PROCESSES > 0) needs them to tell the requests the bot takes from
those it does not, and gets them from its work processes as JSON, so that it loads none of
the bot itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["event", "command", "action", "view"]
KINDS: tuple[Kind, ...] = ("event", "command", "action", "view")  # the order Bolt tries them


def key_of(kind: Kind, body: dict[str, Any]) -> str:
    """The name a request is routed by: event type, command, action id or view callback id."""
    if kind == "event":
        return str(body["event"]["type"])
    if kind == "command":
        return str(body["command"])
    if kind == "action":
        return str(body["actions"][0]["action_id"])
    return str(body["view"]["callback_id"])


@dataclass(frozen=True)
class RouteTable:
    """Per kind, the names taken as they are and the patterns searched for (`re.search`)."""

    names: Mapping[Kind, frozenset[str]]
    patterns: Mapping[Kind, tuple[re.Pattern[str], ...]]

    def takes(self, kind: Kind, key: str) -> bool:
        return key in self.names[kind] or any(p.search(key) for p in self.patterns[kind])

    def to_json(self) -> str:
        return json.dumps(
            {
                kind: {
                    "names": sorted(self.names[kind]),
                    "patterns": [p.pattern for p in self.patterns[kind]],
                }
                for kind in KINDS
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> RouteTable:
        """ValueError when `text` is not a table `to_json` wrote."""
        try:
            table = json.loads(text)
            return cls(
                names={kind: frozenset(map(str, table[kind]["names"])) for kind in KINDS},
                patterns={
                    kind: tuple(re.compile(str(p)) for p in table[kind]["patterns"])
                    for kind in KINDS
                },
            )
        except (ValueError, KeyError, TypeError, re.error) as error:
            raise ValueError(f"not a route table: {error!r}") from None
