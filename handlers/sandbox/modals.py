"""The forms (modals) the bot opens in the sandbox, per person, as Slack's client keeps them:
a view opened with a trigger belongs to whoever's click or command issued the trigger."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from handlers.sandbox.workspace import SimulatedSlack


@dataclass
class Modals:
    """Each person's stack of open views (topmost last) and the errors shown in them."""

    slack: SimulatedSlack
    _owners: dict[str, str] = field(default_factory=dict)  # trigger id → user id
    _seen: set[str] = field(default_factory=set)  # views already put on a stack
    _stacks: dict[str, list[str]] = field(default_factory=dict)
    _local: dict[str, dict[str, Any]] = field(default_factory=dict)  # response_action views
    errors: dict[str, dict[str, str]] = field(default_factory=dict)  # view id → block → text

    def __post_init__(self) -> None:
        # views of an earlier start are not reopened: Slack's client forgets them on reload
        self._seen.update(entry["view_id"] for entry in self._opened())

    def issued(self, trigger_id: str | None, user_id: str) -> None:
        """Note whose action a trigger id was sent with."""
        if trigger_id:
            self._owners[trigger_id] = user_id

    def top(self, user_id: str) -> dict[str, Any] | None:
        """The view the person sees now, if any."""
        self._collect()
        stack = self._stacks.get(user_id, [])
        return self.view(stack[-1]) if stack else None

    def view(self, view_id: str) -> dict[str, Any] | None:
        return self._local.get(view_id) or self.slack.views.get(view_id)

    def open_for(self, user_id: str, view_id: str) -> dict[str, Any] | None:
        """The view, if it is open for this person (nobody acts in another's form)."""
        self._collect()
        return self.view(view_id) if view_id in self._stacks.get(user_id, []) else None

    def close(self, user_id: str, view_id: str) -> None:
        stack = self._stacks.get(user_id, [])
        if view_id in stack:
            del stack[stack.index(view_id) :]
        self.errors.pop(view_id, None)

    def clear(self, user_id: str) -> None:
        for view_id in self._stacks.pop(user_id, []):
            self.errors.pop(view_id, None)

    def answered(self, user_id: str, view_id: str, answer: dict[str, Any]) -> None:
        """Apply the app's answer to a submission (Slack's `response_action`)."""
        action = answer.get("response_action")
        if action == "errors":
            self.errors[view_id] = {str(k): str(v) for k, v in (answer.get("errors") or {}).items()}
        elif action == "clear":
            self.clear(user_id)
        elif action in ("update", "push") and isinstance(answer.get("view"), dict):
            shown = {**copy.deepcopy(answer["view"]), "id": f"{view_id}-{action}"}
            self._local[shown["id"]] = shown
            if action == "update":
                self.close(user_id, view_id)
            self._stacks.setdefault(user_id, []).append(shown["id"])
        else:  # an empty acknowledgement closes the view
            self.close(user_id, view_id)

    def _collect(self) -> None:
        for entry in self._opened():
            view_id, trigger = entry["view_id"], entry["trigger_id"]
            if view_id in self._seen or trigger not in self._owners:
                continue
            self._seen.add(view_id)
            self._stacks.setdefault(self._owners[trigger], []).append(view_id)

    def _opened(self) -> list[dict[str, Any]]:
        return [*self.slack.views_opened, *self.slack.views_pushed]
