"""Block Kit's interactive elements as HTML controls, and the page's view of text objects.

Every control carries `data-kind` (Slack's element type), `data-block-id` and
`data-action-id` (the ids `interaction.find_element` takes); a button also `data-value` (if
it has a value), `data-url` (an http(s) link) and `data-confirm` (its confirm dialog as JSON:
title, text, confirm, deny, style). A control's id is `Page.id(block_id, action_id)`: the
page's prefix + the block id + `.` + the action id, each written with `tags.slug`; a checkbox
or radio button adds `.` + its position.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from handlers.sandbox.page.interaction import all_options, initial_raw
from handlers.sandbox.page.mrkdwn_html import html_to_text, mrkdwn_to_html, plain_to_html
from handlers.sandbox.page.tags import Attr, esc, slug, tag, void

Block = dict[str, Any]

CHOOSE = "Valitse…"
MORE = "Lisää toimintoja"
CANCEL = "Peruuta"
YES = "Kyllä"
UNKNOWN_ELEMENT = "Tuntematon elementti"


@dataclass(frozen=True)
class Page:
    """What rendering needs: the names of people and channels, view errors, the id prefix."""

    people: Mapping[str, str]
    channels: Mapping[str, str]
    errors: Mapping[str, str]
    prefix: str

    def text(self, obj: Any) -> str:
        """A text object's HTML (mrkdwn or plain_text); anything else shows nothing."""
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            return ""
        if obj.get("type") == "mrkdwn":
            return mrkdwn_to_html(obj["text"], people=self.people, channels=self.channels)
        return plain_to_html(obj["text"], emoji=obj.get("emoji") is not False)

    def plain(self, obj: Any) -> str:
        """A text object's visible text, for attributes and `<option>`s."""
        return html_to_text(self.text(obj))

    def id(self, block_id: str, action_id: str) -> str:
        return self.prefix + slug(block_id) + "." + slug(action_id)


GROUPS = frozenset({"checkboxes", "radio_buttons"})
STATIC = frozenset({"static_select", "multi_static_select", "overflow"})
PEOPLE = frozenset({"users_select", "multi_users_select"})
CHANNELS = frozenset({"conversations_select", "channels_select"})
PICKERS = {"datepicker": "date", "timepicker": "time"}
ELEMENTS = frozenset(
    {"button", "plain_text_input"} | GROUPS | STATIC | PEOPLE | CHANNELS | set(PICKERS)
)


def element_html(
    page: Page,
    block_id: str,
    element: Block,
    extra: dict[str, Attr] | None = None,
    *,
    legend: str = "",
) -> str:
    """An interactive element. `extra` (given in an input block, whose label names the
    control) holds attributes for the control, or for the fieldset of a group."""
    kind = element["type"]
    if kind not in ELEMENTS:
        return unknown_element(element)
    base: dict[str, Attr] = {
        "id": page.id(block_id, element["action_id"]),
        "data_kind": kind,
        "data_block_id": block_id,
        "data_action_id": element["action_id"],
    }
    attrs = base | (extra or {})
    labelled = extra is not None
    placeholder = page.plain(element.get("placeholder"))
    initial = initial_raw(element)
    chosen = [value for value in (initial if isinstance(initial, list) else [initial]) if value]
    if kind == "button":
        return _button(page, element, attrs)
    if kind in GROUPS:
        return _group(page, element, attrs, legend, chosen)
    if kind in PICKERS:
        name = None if labelled else placeholder or CHOOSE
        return void(
            "input", type=PICKERS[kind], value=str(initial) or None, aria_label=name, **attrs
        )
    if kind == "plain_text_input":
        return _text_input(element, attrs, placeholder, str(initial), labelled)
    options = _options(page, element, chosen)
    if kind.startswith("multi_"):
        name = None if labelled else placeholder or CHOOSE
        return tag("select", options, multiple="multiple", aria_label=name, **attrs)
    first = MORE if kind == "overflow" else placeholder or CHOOSE
    options = _option("", first, not any(chosen)) + options
    return tag("select", options, aria_label=None if labelled else first, **attrs)


def _text_input(
    element: Block, attrs: dict[str, Attr], placeholder: str, initial: str, labelled: bool
) -> str:
    sizes = {"maxlength": element.get("max_length"), "minlength": element.get("min_length")}
    limits: dict[str, Attr] = {k: str(v) for k, v in sizes.items() if isinstance(v, int)}
    shown: dict[str, Attr] = {
        "placeholder": placeholder or None,
        "aria_label": None if labelled else placeholder or None,
    }
    if element.get("multiline"):
        return tag("textarea", esc(initial), rows="4", **(shown | limits | attrs))
    return void("input", type="text", value=initial, **(shown | limits | attrs))


def _button(page: Page, element: Block, attrs: dict[str, Attr]) -> str:
    style = element.get("style")
    url, value = element.get("url"), element.get("value")
    return tag(
        "button",
        page.text(element.get("text")),
        type="button",
        class_="button" + (f" {style}" if style in ("primary", "danger") else ""),
        data_value=value if isinstance(value, str) else None,
        data_url=url if isinstance(url, str) and url.startswith(("https://", "http://")) else None,
        data_confirm=_confirm(page, element.get("confirm")),
        **attrs,
    )


def _confirm(page: Page, confirm: Any) -> str | None:
    """The confirm dialog's texts as JSON (Finnish defaults for missing button labels)."""
    if not isinstance(confirm, dict):
        return None
    dialog = {
        "title": page.plain(confirm.get("title")),
        "text": page.plain(confirm.get("text")),
        "confirm": page.plain(confirm.get("confirm")) or YES,
        "deny": page.plain(confirm.get("deny")) or CANCEL,
        "style": confirm.get("style") if confirm.get("style") in ("primary", "danger") else None,
    }
    return json.dumps(dialog, ensure_ascii=False)


def _group(
    page: Page, element: Block, attrs: dict[str, Attr], legend: str, chosen: list[str]
) -> str:
    """Checkboxes or radio buttons: native inputs with labels in a fieldset."""
    kind = "checkbox" if element["type"] == "checkboxes" else "radio"
    name = attrs["id"] or ""
    items = []
    for position, option in enumerate(all_options(element)):
        value = str(option.get("value", ""))
        checked = "checked" if value in chosen else None
        box = void(
            "input", type=kind, id=f"{name}.{position}", name=name, value=value, checked=checked
        )
        item = tag("label", box + " " + page.text(option.get("text")), class_="option")
        if option.get("description"):
            item += tag("small", page.text(option["description"]), class_="description")
        items.append(item)
    label = None if legend else CHOOSE
    role = "radiogroup" if kind == "radio" else None
    content = legend + "".join(items)
    return tag("fieldset", content, class_="choices", role=role, aria_label=label, **attrs)


def _options(page: Page, element: Block, chosen: list[str]) -> str:
    """A select's `<option>`s (in `<optgroup>`s for option groups): people, channels or options."""
    kind = element["type"]
    if kind in PEOPLE:
        return "".join(
            _option(k, v, k in chosen) for k, v in sorted(page.people.items(), key=_name)
        )
    if kind in CHANNELS:
        listed = sorted(page.channels.items(), key=_name)
        return "".join(_option(k, "#" + v, k in chosen) for k, v in listed)

    def listed_options(options: Any) -> str:
        found = [o for o in _list(options) if isinstance(o, dict)]
        values = [(str(o.get("value", "")), page.plain(o.get("text"))) for o in found]
        return "".join(_option(value, text, value in chosen) for value, text in values)

    out = listed_options(element.get("options"))
    for group in _list(element.get("option_groups")):
        if isinstance(group, dict):
            label = page.plain(group.get("label"))
            out += tag("optgroup", listed_options(group.get("options")), label=label)
    return out


def _option(value: str, text: str, selected: bool) -> str:
    return tag("option", esc(text), value=value, selected="selected" if selected else None)


def _name(item: tuple[str, str]) -> tuple[str, str]:
    return item[1].casefold(), item[0]


def unknown_element(element: Any) -> str:
    kind = element.get("type") if isinstance(element, dict) else None
    return tag("span", esc(f"[{UNKNOWN_ELEMENT}: {kind}]"), class_="unknown")


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
