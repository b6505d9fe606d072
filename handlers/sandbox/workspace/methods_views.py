"""views.* handlers: modals opened with single-use trigger ids, and home tabs."""

from __future__ import annotations

import copy
import secrets
import time
from typing import Any

from handlers.sandbox.workspace.blocks import BlockError, validate_view
from handlers.sandbox.workspace.common import ApiRequest, Handler
from handlers.sandbox.workspace.state import Workspace


def issue_trigger(ws: Workspace) -> str:
    """Create a fresh trigger id, as Slack includes in interactive payloads."""
    trigger_id = f"{int(ws.now())}.{ws.team_id}.{secrets.token_hex(16)}"
    ws.triggers[trigger_id] = (time.monotonic(), False)
    return trigger_id


def _use_trigger(ws: Workspace, req: ApiRequest) -> str:
    """Validate trigger_id (known, unused, not expired) and return it; marks it used."""
    trigger_id = req.get_str("trigger_id") or req.get_str("interactivity_pointer")
    if not trigger_id:
        raise req.error(
            "invalid_arguments",
            "invalid_trigger_id",
            messages=["[ERROR] missing required field: trigger_id"],
        )
    state = ws.triggers.get(trigger_id)
    if state is None:
        raise req.error("invalid_trigger_id")
    issued, used = state
    if used:
        raise req.error("exchanged_trigger_id")
    if ws.trigger_ttl is not None and time.monotonic() - issued > ws.trigger_ttl:
        raise req.error("expired_trigger_id")
    return trigger_id


def _parse_view(req: ApiRequest) -> dict[str, Any]:
    """Parse and validate the `view` argument."""
    view = req.get_json("view", lambda: req.error("invalid_arguments", "view_too_large"))
    try:
        validate_view(view)
    except BlockError as exc:
        raise req.error("invalid_arguments", "view_too_large", messages=[str(exc)]) from None
    assert isinstance(view, dict)
    return view


def _store(
    ws: Workspace,
    req: ApiRequest,
    view: dict[str, Any],
    *,
    view_id: str | None = None,
    previous: str | None = None,
) -> dict[str, Any]:
    """Store a view in Slack's response shape and return it."""
    external_id = view.get("external_id") or ""
    if external_id and any(
        v["external_id"] == external_id and v["id"] != view_id for v in ws.views.values()
    ):
        raise req.error("duplicate_external_id")
    new_id = view_id or ws.new_id("V")
    root = ws.views[previous]["root_view_id"] if previous in ws.views else new_id
    stored = {
        "id": new_id,
        "team_id": ws.team_id,
        "type": view["type"],
        "title": view.get("title"),
        "submit": view.get("submit"),
        "close": view.get("close"),
        "blocks": copy.deepcopy(view["blocks"]),
        "private_metadata": view.get("private_metadata", ""),
        "callback_id": view.get("callback_id", ""),
        "external_id": external_id,
        "state": {"values": {}},
        "hash": f"{int(ws.now())}.{secrets.token_hex(4)}",
        "clear_on_close": bool(view.get("clear_on_close", False)),
        "notify_on_close": bool(view.get("notify_on_close", False)),
        "root_view_id": root,
        "previous_view_id": previous,
        "app_id": "A0TEST",
        "bot_id": ws.bot_id,
    }
    ws.views[new_id] = stored
    return stored


def open_view(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """views.open."""
    trigger_id = _use_trigger(ws, req)
    view = _parse_view(req)
    if view["type"] != "modal":
        raise req.error("invalid_arguments", messages=["[ERROR] view type must be modal"])
    stored = _store(ws, req, view)
    ws.triggers[trigger_id] = (ws.triggers[trigger_id][0], True)
    ws.views_opened.append({"view": stored, "trigger_id": trigger_id, "view_id": stored["id"]})
    return {"view": stored}


def push_view(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """views.push: like views.open, recorded in views_pushed."""
    trigger_id = _use_trigger(ws, req)
    view = _parse_view(req)
    if view["type"] != "modal":
        raise req.error("invalid_arguments", messages=["[ERROR] view type must be modal"])
    stored = _store(ws, req, view)
    ws.triggers[trigger_id] = (ws.triggers[trigger_id][0], True)
    ws.views_pushed.append({"view": stored, "trigger_id": trigger_id, "view_id": stored["id"]})
    return {"view": stored}


def update_view(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """views.update by view_id or external_id, honouring hash."""
    view_id = req.get_str("view_id")
    external_id = req.get_str("external_id")
    if view_id:
        current = ws.views.get(view_id)
    elif external_id:
        current = next((v for v in ws.views.values() if v["external_id"] == external_id), None)
    else:
        raise req.error("invalid_arguments", "not_found")
    if current is None:
        raise req.error("not_found")
    view = _parse_view(req)
    if view["type"] != current["type"]:
        raise req.error("invalid_arguments", "not_found")
    wanted_hash = req.get_str("hash")
    if wanted_hash and wanted_hash != current["hash"]:
        raise req.error("hash_conflict")
    stored = _store(ws, req, view, view_id=current["id"], previous=current["previous_view_id"])
    stored["root_view_id"] = current["root_view_id"]
    return {"view": stored}


def publish(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
    """views.publish: a home tab for a known user."""
    user_id = req.req_str("user_id")
    user = ws.users.get(user_id)
    if user is None or user.is_bot:
        raise req.error("invalid_arguments", messages=["invalid `user_id`"])
    view = _parse_view(req)
    if view["type"] != "home":
        raise req.error("invalid_arguments", messages=["[ERROR] view type must be home"])
    previous = ws.home_views.get(user_id)
    wanted_hash = req.get_str("hash")
    if wanted_hash and previous is not None and wanted_hash != previous["hash"]:
        raise req.error("hash_conflict")
    stored = _store(ws, req, view, view_id=previous["id"] if previous else None)
    ws.home_views[user_id] = stored
    return {"view": stored}


HANDLERS: dict[str, Handler] = {
    "views.open": open_view,
    "views.push": push_view,
    "views.update": update_view,
    "views.publish": publish,
}
