"""Shared plumbing for method handlers: request args, documented errors, channel access."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from handlers.sandbox.workspace.api_ref import MethodDef
from handlers.sandbox.workspace.state import Channel, Failure, Workspace

# Per-argument errors Slack documents for "no value passed" (after missing_argument etc.).
_ARG_ERRORS: dict[str, tuple[str, ...]] = {
    "channel": ("channel_not_found",),
    "users": ("no_user", "user_not_found", "users_list_not_supplied"),
    "user": ("user_not_found",),
    "usergroup": ("no_such_subteam",),
    "ts": ("message_not_found",),
    "name": ("invalid_name_required", "no_channel"),
    "files": ("file_not_found",),
}


class ApiError(Exception):
    """An ok:false answer; `code` must be documented for the method."""

    def __init__(
        self,
        code: str,
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        messages: list[str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(code)
        self.code = code
        self.status = status
        self.headers = headers or {}
        self.extra = dict(extra or {})
        if messages:
            self.extra["response_metadata"] = {"messages": messages}

    def body(self) -> dict[str, Any]:
        """Return the JSON body Slack sends for this error."""
        return {"ok": False, "error": self.code, **self.extra}


@dataclass
class ApiRequest:
    """A parsed Web API call handed to a method handler."""

    method: str
    args: dict[str, Any]
    ref: MethodDef
    headers: dict[str, str] = field(default_factory=dict)

    def error(self, *candidates: str, **kwargs: Any) -> ApiError:
        """Build an ApiError with the first candidate code the method documents."""
        for code in candidates:
            if self.ref.documents(code):
                return ApiError(code, **kwargs)
        raise AssertionError(f"fake bug: none of {candidates} is documented for {self.method}")

    def missing_error(self, arg: str) -> ApiError:
        """Build the method's documented error for a missing required argument."""
        candidates = ("missing_argument", "invalid_arguments", *_ARG_ERRORS.get(arg, ()))
        return self.error(
            *candidates, "invalid_form_data", messages=[f"[ERROR] missing required field: {arg}"]
        )

    def has(self, name: str) -> bool:
        """Return True when the argument was sent with a value."""
        return self.args.get(name) is not None

    def get_str(self, name: str, default: str | None = None) -> str | None:
        """Return an argument as a string."""
        value = self.args.get(name)
        if value is None:
            return default
        if isinstance(value, bool):
            return "true" if value else "false"
        return value if isinstance(value, str) else json.dumps(value)

    def req_str(self, name: str) -> str:
        """Return a required string argument, or raise the missing-argument error."""
        value = self.get_str(name)
        if value is None:
            raise self.missing_error(name)
        return value

    def get_bool(self, name: str) -> bool:
        """Return an argument interpreted as Slack booleans ("true", "1", true)."""
        value = self.args.get(name)
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes")
        return bool(value)

    def get_int(self, name: str, default: int) -> int | None:
        """Return an integer argument, default when absent, None when malformed."""
        value = self.args.get(name)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            return None

    def get_csv(self, name: str) -> list[str]:
        """Return a comma-separated (or list) argument as a list of non-empty strings."""
        value = self.args.get(name)
        if value is None:
            return []
        items = value if isinstance(value, list) else str(value).split(",")
        return [str(item).strip() for item in items if str(item).strip()]

    def get_json(self, name: str, on_error: Callable[[], ApiError]) -> Any:
        """Return a JSON-valued argument that may arrive as a JSON string (form bodies)."""
        value = self.args.get(name)
        if isinstance(value, str):
            try:
                return json.loads(value)
            except ValueError:
                raise on_error() from None
        return value


def get_channel(
    ws: Workspace,
    req: ApiRequest,
    channel_id: str,
    *,
    member: bool = True,
    writable: bool = False,
) -> Channel:
    """Resolve a channel as the bot sees it, enforcing visibility, membership and archival."""
    channel = ws.channels.get(channel_id)
    bot_in = channel is not None and ws.bot_user_id in channel.members
    if channel is None or (channel.is_private and not bot_in):
        raise req.error("channel_not_found")
    if writable and channel.is_archived:
        raise req.error("is_archived", "restricted_action", "channel_not_found")
    if member and not bot_in:
        raise req.error("not_in_channel", "channel_not_found")
    return channel


def pop_failure(failures: dict[str, list[Failure]], method: str) -> ApiError | None:
    """Consume the next failure queued by SimulatedSlack.fail_next for a method, if any."""
    queue = failures.get(method)
    if not queue:
        return None
    failure = queue[0]
    if failure.after > 0:
        failure.after -= 1
        return None
    failure.times -= 1
    if failure.times <= 0:
        queue.pop(0)
    if failure.status == 429:
        retry = str(failure.retry_after if failure.retry_after is not None else 1)
        return ApiError(failure.error or "ratelimited", status=429, headers={"Retry-After": retry})
    default = "service_unavailable" if failure.status == 503 else "fatal_error"
    return ApiError(failure.error or default, status=failure.status)


Handler = Callable[[Workspace, ApiRequest], dict[str, Any]]
