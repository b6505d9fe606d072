"""A rich_text block as HTML: sections, lists, preformatted text and quotes of runs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from handlers.sandbox.page.mrkdwn_html import EMOJI, link_html, span_html
from handlers.sandbox.page.tags import esc, tag

_STYLES = (("code", "code"), ("bold", "strong"), ("italic", "em"), ("strike", "s"))
_CONTAINERS = {
    "rich_text_section": "div",
    "rich_text_preformatted": "pre",
    "rich_text_quote": "blockquote",
}


def rich_text_html(
    block: dict[str, Any], *, people: Mapping[str, str], channels: Mapping[str, str]
) -> str:
    """The block's elements in order; an unknown element shows its type."""
    return "".join(_part(part, people, channels) for part in _dicts(block.get("elements")))


def _part(part: dict[str, Any], people: Mapping[str, str], channels: Mapping[str, str]) -> str:
    kind = str(part.get("type"))
    if kind in _CONTAINERS:
        runs = "".join(_run(run, people, channels) for run in _dicts(part.get("elements")))
        return tag(_CONTAINERS[kind], runs)
    if kind == "rich_text_list":
        items = "".join(
            tag("li", "".join(_run(r, people, channels) for r in _dicts(item.get("elements"))))
            for item in _dicts(part.get("elements"))
        )
        return tag("ol" if part.get("style") == "ordered" else "ul", items)
    return tag("div", esc(f"[{kind}]"), class_="unknown")


def _run(run: dict[str, Any], people: Mapping[str, str], channels: Mapping[str, str]) -> str:
    kind = run.get("type")
    text = str(run.get("text") or "")
    if kind == "text":
        out = esc(text).replace("\n", "<br>")
    elif kind == "link":
        out = link_html(str(run.get("url") or ""), text)
    elif kind == "user":
        user_id = str(run.get("user_id") or "")
        out = span_html("mention", "@" + (people.get(user_id) or user_id))
    elif kind == "channel":
        channel_id = str(run.get("channel_id") or "")
        out = span_html("channel", "#" + (channels.get(channel_id) or channel_id))
    elif kind == "broadcast":
        out = span_html("mention", "@" + str(run.get("range") or ""))
    elif kind == "usergroup":
        out = span_html("mention", "@" + str(run.get("usergroup_id") or ""))
    elif kind == "emoji":
        out = esc(_emoji(run))
    elif kind == "date":
        out = esc(str(run.get("fallback") or run.get("timestamp") or ""))
    else:
        out = esc(f"[{kind}]")
    style = run.get("style")
    style = style if isinstance(style, dict) else {}
    for key, name in _STYLES:
        if style.get(key) is True:
            out = tag(name, out)
    return out


def _emoji(run: dict[str, Any]) -> str:
    """The emoji's character from its code points (`1f44d`), its name, or `:name:`."""
    name = str(run.get("name") or "")
    try:
        points = [int(point, 16) for point in str(run["unicode"]).split("-")]
    except (KeyError, ValueError):
        points = []
    if points and all(0 < p < 0x110000 and not 0xD800 <= p < 0xE000 for p in points):
        return "".join(map(chr, points))
    return EMOJI.get(name, f":{name}:")


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
