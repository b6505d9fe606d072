"""Rendering for the page tests: Block Kit to the HTML tree a browser would read."""

from __future__ import annotations

from typing import Any

from handlers.sandbox.page.blocks_html import render_blocks, render_view
from tests.sandbox.html_tree import Node, parse

PEOPLE = {"U1": "Anna Virta", "U2": "Bo <b>", "U3": "Cecilia"}
CHANNELS = {"C1": "tiimi-1", "C2": "yleinen"}


def blocks(items: list[dict[str, Any]], **options: Any) -> Node:
    surface = options.pop("surface", "modal")
    markup = render_blocks(items, surface=surface, people=PEOPLE, channels=CHANNELS, **options)
    return parse(markup)


def view(data: dict[str, Any], **options: Any) -> Node:
    return parse(render_view(data, people=PEOPLE, channels=CHANNELS, **options))


def element(item: dict[str, Any], block_id: str = "b", **input_block: Any) -> Node:
    """The one control of an input block (or an actions block when no label is given)."""
    item = {"action_id": "a"} | item
    if "label" in input_block:
        block = {"type": "input", "block_id": block_id, "element": item} | input_block
    else:
        block = {"type": "actions", "block_id": block_id, "elements": [item]}
    return blocks([block]).by_data(block_id=block_id, action_id=item["action_id"])


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def option(value: str, text: str) -> dict[str, Any]:
    return {"value": value, "text": plain(text)}
