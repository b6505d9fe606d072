"""What the browser sends back, as the parts of Slack's payloads: block_actions' action,
view_submission's `view.state.values`, and the errors Slack's own client shows first.

The browser's raw value of an element is a string or a list of strings: an option's value
(selects, radio buttons, overflow), the values of the chosen options or users (checkboxes,
multi-selects), a date `YYYY-MM-DD`, a time `HH:MM`, a user or channel id, or the typed text;
`""` (or `[]`) is nothing chosen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Raw = str | list[str]
Block = dict[str, Any]

REQUIRED = "Tämä kenttä on pakollinen."
TOO_SHORT = "Kirjoita vähintään {n} merkkiä."
TOO_LONG = "Kirjoita enintään {n} merkkiä."
TOO_MANY = "Valitse enintään {n}."

SINGLE_OPTION = frozenset({"static_select", "overflow", "radio_buttons"})
MANY_OPTIONS = frozenset({"checkboxes", "multi_static_select"})
# the field each stateful element reports its value in, and where its initial value is
_VALUE_FIELDS = {
    "plain_text_input": ("value", "initial_value"),
    "datepicker": ("selected_date", "initial_date"),
    "timepicker": ("selected_time", "initial_time"),
    "users_select": ("selected_user", "initial_user"),
    "multi_users_select": ("selected_users", "initial_users"),
    "conversations_select": ("selected_conversation", "initial_conversation"),
    "channels_select": ("selected_channel", "initial_channel"),
}
STATEFUL = frozenset(_VALUE_FIELDS) | MANY_OPTIONS | (SINGLE_OPTION - {"overflow"})
_INITIAL_KEYS = (
    "initial_option",
    "initial_options",
    "initial_date",
    "initial_time",
    "initial_user",
    "initial_users",
    "initial_conversation",
    "initial_channel",
)


def with_block_ids(blocks: list[Block]) -> list[Block]:
    """The blocks as Slack stores them: a block without a block_id gets a generated one."""
    given = [block.get("block_id") for block in blocks if isinstance(block, dict)]
    taken = {block_id for block_id in given if isinstance(block_id, str)}
    out: list[Block] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, dict):
            continue
        if not isinstance(block.get("block_id"), str):
            generated = f"b{index}"
            while generated in taken:
                generated += "_"
            taken.add(generated)
            block = block | {"block_id": generated}
        out.append(block)
    return out


def elements_of(block: Block) -> list[Block]:
    """A block's interactive elements, each with its action_id (generated like Slack's)."""
    kind = block.get("type")
    found: list[Any]
    if kind == "actions":
        found = _list(block.get("elements"))
    elif kind == "section":
        found = [block["accessory"]] if "accessory" in block else []
    elif kind == "input":
        found = [block.get("element")]
    else:
        found = []
    out: list[Block] = []
    for position, element in enumerate(found):
        if isinstance(element, dict) and isinstance(element.get("type"), str):
            if not isinstance(element.get("action_id"), str):
                element = element | {"action_id": f"a{position}"}
            out.append(element)
    return out


def find_element(blocks: list[Block], block_id: str, action_id: str) -> Block | None:
    """The element with these ids (as `with_block_ids` and `elements_of` name them)."""
    for block in with_block_ids(blocks):
        if block["block_id"] == block_id:
            for element in elements_of(block):
                if element["action_id"] == action_id:
                    return element
    return None


def initial_raw(element: Block) -> Raw:
    """The element's initial value in the browser's raw form."""
    kind = element.get("type")
    if kind in SINGLE_OPTION:
        return str(_dict(element.get("initial_option")).get("value") or "")
    if kind in MANY_OPTIONS:
        initial = element.get("initial_options")
        return [str(_dict(o).get("value")) for o in initial] if isinstance(initial, list) else []
    if kind in _VALUE_FIELDS:
        value = element.get(_VALUE_FIELDS[str(kind)][1])
        if isinstance(value, list):
            return [str(item) for item in value]
        return "" if value is None else str(value)
    return ""


def action_payload(element: Block, block_id: str, raw: Raw, action_ts: str) -> dict[str, Any]:
    """The `actions[0]` object of a block_actions payload for this element and raw value."""
    kind = str(element.get("type"))
    payload: dict[str, Any] = {
        "type": kind,
        "action_id": element.get("action_id"),
        "block_id": block_id,
    }
    if kind == "button":
        payload["text"] = _text(element.get("text"))
        payload |= {key: element[key] for key in ("value", "style", "url") if key in element}
    else:
        payload |= _selection(element, raw)
        payload |= {key: element[key] for key in _INITIAL_KEYS if key in element}
        if kind.endswith("select") and "placeholder" in element:
            payload["placeholder"] = _text(element["placeholder"])
    payload["action_ts"] = action_ts
    return payload


def state_values(blocks: list[Block], raw: Mapping[tuple[str, str], Raw]) -> dict[str, Any]:
    """`view.state.values`: every stateful element's value; one the browser did not send
    keeps its initial value."""
    values: dict[str, Any] = {}
    for block in with_block_ids(blocks):
        for element in elements_of(block):
            kind = element["type"]
            if kind not in STATEFUL:
                continue
            key = (block["block_id"], element["action_id"])
            given = raw[key] if key in raw else initial_raw(element)
            state = {"type": kind} | _selection(element, given)
            values.setdefault(block["block_id"], {})[element["action_id"]] = state
    return values


def client_side_errors(blocks: list[Block], raw: Mapping[tuple[str, str], Raw]) -> dict[str, str]:
    """What Slack's client refuses before submitting: {block_id: Finnish message}."""
    errors: dict[str, str] = {}
    for block in with_block_ids(blocks):
        if block.get("type") != "input":
            continue
        for element in elements_of(block):
            key = (block["block_id"], element["action_id"])
            given = raw[key] if key in raw else initial_raw(element)
            problem = _problem(element, given, optional=bool(block.get("optional")))
            if problem:
                errors[block["block_id"]] = problem
    return errors


def _problem(element: Block, raw: Raw, *, optional: bool) -> str | None:
    chosen = _selection(element, raw)
    if all(value in (None, []) for value in chosen.values()):
        return None if optional else REQUIRED
    if element.get("type") == "plain_text_input":
        length = len(_one(raw))
        low, high = element.get("min_length"), element.get("max_length")
        if isinstance(low, int) and length < low:
            return TOO_SHORT.format(n=low)
        if isinstance(high, int) and length > high:
            return TOO_LONG.format(n=high)
    most = element.get("max_selected_items")
    if isinstance(most, int) and len(_many(raw)) > most:
        return TOO_MANY.format(n=most)
    return None


def _selection(element: Block, raw: Raw) -> dict[str, Any]:
    """The element's value as Slack reports it, in both block_actions and view state."""
    kind = str(element.get("type"))
    if kind in SINGLE_OPTION:
        wanted = _one(raw)
        chosen = [o for o in all_options(element) if o.get("value") == wanted]
        return {"selected_option": _option(chosen[0]) if wanted and chosen else None}
    if kind in MANY_OPTIONS:
        wanted_all = _many(raw)
        return {
            "selected_options": [
                _option(o) for o in all_options(element) if o.get("value") in wanted_all
            ]
        }
    if kind == "multi_users_select":
        return {"selected_users": _many(raw)}
    if kind in _VALUE_FIELDS:
        return {_VALUE_FIELDS[kind][0]: _one(raw) or None}
    return {}


def all_options(element: Block) -> list[Block]:
    """An element's options, those in option groups included, in order."""
    options = [o for o in _list(element.get("options")) if isinstance(o, dict)]
    for group in _list(element.get("option_groups")):
        options += [o for o in _list(_dict(group).get("options")) if isinstance(o, dict)]
    return options


def _option(option: Block) -> Block:
    """An option as Slack sends it back: its text object with `emoji` filled in."""
    return option | ({"text": _text(option["text"])} if "text" in option else {})


def _text(obj: Any) -> Any:
    """A plain_text object as Slack echoes it (with `emoji: true` unless it said otherwise)."""
    if isinstance(obj, dict) and obj.get("type") == "plain_text":
        return {"emoji": True} | obj
    return obj


def _one(raw: Raw) -> str:
    return raw if isinstance(raw, str) else (raw[0] if raw else "")


def _many(raw: Raw) -> list[str]:
    return list(raw) if isinstance(raw, list) else ([raw] if raw else [])


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
