"""What users do, as signed Slack requests, and the matching of each request to the answer
the fake Slack received for it.

The mix (`MIX`, weights out of 100): in a team's channel its convenor or member lists the plan
(`/tiimi suunnitelma`) or turns its page, writes a new step (`/askel <text>`), presses Tehty on
an open step, lists the steps (`/askel lista`) or the members (`/tiimi jäsenet`); anyone opens
the App Home tab; the coordinator lists the open teams (`/tiimi avoimet`).

The answer a user sees: the post to the request's own response_url (unique per request), and
for a new step also the step's message posted to the channel (chat.postMessage, found by a
word of the step's text), for Tehty also the step's message updated (chat.update, found by the
channel and the step's number); for App Home the published tab (views.publish, by user, in
order). A request is answered when all of these have arrived; its answer latency runs from
sending it to the last of them.
"""

from __future__ import annotations

import json
import random
import re
import string
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

FORM = "application/x-www-form-urlencoded"
COORDINATOR = "UKOORD"
MIX = {
    "/askel <uusi askel>": 20,
    "Tehty": 15,
    "/tiimi suunnitelma": 15,
    "suunnitelma, seuraava sivu": 5,
    "/askel lista": 10,
    "/tiimi jäsenet": 10,
    "app_home_opened": 20,
    "/tiimi avoimet": 5,
}
_MARKER = re.compile(r"asiasta ([a-z]+)")
_NUMBER = re.compile(r"(\d+)")


def convenor(team: int) -> str:
    return f"UC{team:04d}"


def member(team: int) -> str:
    return f"UM{team:04d}"


def users(teams: int) -> list[str]:
    return [COORDINATOR] + [u for n in range(teams) for u in (convenor(n), member(n))]


def word(i: int) -> str:
    """A word of letters naming request i, unique, in the step's text."""
    letters = ""
    while True:
        i, rest = divmod(i, 26)
        letters += string.ascii_lowercase[rest]
        if not i:
            return "q" + letters


@dataclass
class Request:
    kind: str
    sent: float  # time.monotonic()
    expected: set[tuple[str, ...]]
    acked: float | None = None
    status: int | None = None
    arrived: dict[tuple[str, ...], float] = field(default_factory=dict)

    @property
    def answered(self) -> float | None:
        """The moment the last part of the answer arrived."""
        if self.expected - set(self.arrived):
            return None
        return max(self.arrived.values())


class Users:
    """Builds the next request of the mix and matches arrivals in the fake to requests."""

    def __init__(self, channels: list[str], next_response_url: Callable[[], str]) -> None:
        self.channels = channels
        self._next_url = next_response_url
        self._rng = random.Random(17)
        self._kinds = list(MIX)
        self._weights = list(MIX.values())
        self.requests: list[Request] = []
        self._waiting: dict[tuple[str, ...], Request] = {}
        self._homes: dict[str, deque[Request]] = {}
        self._early: dict[tuple[str, ...], float] = {}  # arrived before their request was known
        self._open_steps: deque[tuple[str, int]] = deque()  # posted, not yet pressed
        self._new_steps: dict[str, tuple[str, Request]] = {}  # marker → channel, request

    def next(self) -> tuple[Request, str, str]:
        """The next request: (its record, body, content type); the record's `sent` is set by
        the caller."""
        kind = self._rng.choices(self._kinds, self._weights)[0]
        if kind == "Tehty" and not self._open_steps:
            kind = "/askel <uusi askel>"
        team = self._rng.randrange(len(self.channels))
        channel = self.channels[team]
        user = self._rng.choice((convenor(team), member(team)))
        request = Request(kind, 0.0, set())
        i = len(self.requests)
        self.requests.append(request)
        if kind == "app_home_opened":
            who = self._rng.choice((user, user, COORDINATOR))
            self._homes.setdefault(who, deque()).append(request)
            request.expected.add(("home", who))
            envelope = {
                "type": "event_callback",
                "team_id": "T0TEST",
                "event_id": f"Ev{i:08d}",
                "event_time": int(time.time()),
                "event": {"type": "app_home_opened", "user": who, "tab": "home"},
            }
            return request, json.dumps(envelope), "application/json"
        url = self._next_url()
        self._expect(request, ("response", url.rsplit("/", 1)[1]))
        if kind == "Tehty":  # by someone of the step's team
            channel, number = self._open_steps.popleft()
            team = self.channels.index(channel)
            user = self._rng.choice((convenor(team), member(team)))
            self._expect(request, ("chat.update", channel, str(number)))
            return request, self._button(i, user, channel, "step_done", str(number), url), FORM
        if kind == "suunnitelma, seuraava sivu":
            return request, self._button(i, user, channel, "plan_page:next", "2", url), FORM
        if kind == "/askel <uusi askel>":
            marker = word(i)
            self._new_steps[marker] = (channel, request)
            self._expect(request, ("chat.postMessage", channel, marker))
            text = f"Soita Kelaan asiasta {marker} pe mennessä"
            return request, self._command(i, "/askel", text, user, channel, url), FORM
        command, text = kind.split(" ", 1)
        if kind == "/tiimi avoimet":
            user, channel = COORDINATOR, "DKOORD"
        return request, self._command(i, command, text, user, channel, url), FORM

    def _expect(self, request: Request, key: tuple[str, ...]) -> None:
        request.expected.add(key)
        if (moment := self._early.pop(key, None)) is not None:
            request.arrived[key] = moment
        else:
            self._waiting[key] = request

    def arrived(self, seen: tuple[object, ...]) -> None:
        """An arrival told by the fake (see benchmarks.fake_slack_process.arrival)."""
        moment, kind, *rest = seen
        assert isinstance(moment, float) and isinstance(kind, str)
        key: tuple[str, ...]
        if kind == "home":
            queue = self._homes.get(str(rest[0]))
            if queue:
                queue.popleft().arrived[("home", str(rest[0]))] = moment
            return
        if kind == "response":
            key = ("response", str(rest[0]))
        else:
            channel, text = str(rest[0]), str(rest[1])
            if kind == "chat.postMessage":
                found = _MARKER.search(text)
                if found is None:
                    return  # another message of the bot's (a team's welcome)
                key = (kind, channel, found.group(1))
                number = _NUMBER.search(text)
                if number is not None and found.group(1) in self._new_steps:
                    del self._new_steps[found.group(1)]
                    self._open_steps.append((channel, int(number.group(1))))
            else:
                number = _NUMBER.search(text)
                if number is None:
                    return
                key = (kind, channel, number.group(1))
        request = self._waiting.pop(key, None)
        if request is None:
            self._early[key] = moment
        else:
            request.arrived[key] = moment

    def _command(self, i: int, name: str, text: str, user: str, channel: str, url: str) -> str:
        return urlencode(
            {
                "command": name,
                "text": text,
                "user_id": user,
                "channel_id": channel,
                "team_id": "T0TEST",
                "trigger_id": f"1.{i}.{time.time_ns()}",
                "response_url": url,
            }
        )

    def _button(self, i: int, user: str, channel: str, action_id: str, value: str, url: str) -> str:
        payload = {
            "type": "block_actions",
            "user": {"id": user},
            "team": {"id": "T0TEST"},
            "trigger_id": f"2.{i}.{time.time_ns()}",
            "channel": {"id": channel},
            "response_url": url,
            "actions": [
                {
                    "type": "button",
                    "action_id": action_id,
                    "value": value,
                    "block_id": "b",
                    "action_ts": "1",
                }
            ],
        }
        return urlencode({"payload": json.dumps(payload)})
