"""Block Kit validation with Slack's limits, for messages, modals and home tabs."""

from __future__ import annotations

from typing import Any

KNOWN_BLOCKS = frozenset(
    {"section", "header", "divider", "context", "actions", "input", "rich_text", "image"}
)
TEXT_TYPES = frozenset({"plain_text", "mrkdwn"})
MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100


class BlockError(ValueError):
    """A Block Kit violation; the message mimics Slack's response_metadata text."""

    def __init__(self, problem: str, pointer: str) -> None:
        super().__init__(f"[ERROR] {problem} [json-pointer:{pointer}]")


def _text(obj: Any, pointer: str, *, limit: int, plain_only: bool = False) -> None:
    """Validate a text composition object."""
    if not isinstance(obj, dict):
        raise BlockError("must be a text object", pointer)
    kind = obj.get("type")
    allowed = {"plain_text"} if plain_only else TEXT_TYPES
    if kind not in allowed:
        raise BlockError(f"must be one of {sorted(allowed)}", f"{pointer}/type")
    text = obj.get("text")
    if not isinstance(text, str) or not text:
        raise BlockError("must be more than 0 characters", f"{pointer}/text")
    if len(text) > limit:
        raise BlockError(f"must be less than {limit + 1} characters", f"{pointer}/text")


def _element(element: Any, pointer: str, action_ids: set[str]) -> None:
    """Validate an interactive element (buttons in detail, others loosely)."""
    if not isinstance(element, dict) or not isinstance(element.get("type"), str):
        raise BlockError("must be an element object with a type", pointer)
    action_id = element.get("action_id")
    if action_id is not None:
        if not isinstance(action_id, str) or not action_id or len(action_id) > 255:
            raise BlockError("action_id must be 1-255 characters", f"{pointer}/action_id")
        if action_id in action_ids:
            raise BlockError("action_id must be unique", f"{pointer}/action_id")
        action_ids.add(action_id)
    if element["type"] == "button":
        _text(element.get("text"), f"{pointer}/text", limit=75, plain_only=True)
        value = element.get("value")
        if value is not None and (not isinstance(value, str) or len(value) > 2000):
            raise BlockError("must be less than 2001 characters", f"{pointer}/value")


def _elements(block: dict[str, Any], pointer: str, limit: int) -> list[Any]:
    """Return a block's non-empty `elements` list, enforcing its maximum size."""
    elements = block.get("elements")
    if not isinstance(elements, list) or not elements:
        raise BlockError("must provide at least 1 item", f"{pointer}/elements")
    if len(elements) > limit:
        raise BlockError(f"must provide no more than {limit} items", f"{pointer}/elements")
    return elements


def _section(block: dict[str, Any], pointer: str) -> None:
    """Validate a section block."""
    if "text" not in block and "fields" not in block:
        raise BlockError("must provide text or fields", pointer)
    if "text" in block:
        _text(block["text"], f"{pointer}/text", limit=3000)
    if "fields" in block:
        fields = block["fields"]
        if not isinstance(fields, list) or not fields or len(fields) > 10:
            raise BlockError("must provide 1-10 items", f"{pointer}/fields")
        for i, item in enumerate(fields):
            _text(item, f"{pointer}/fields/{i}", limit=2000)
    if "accessory" in block:
        _element(block["accessory"], f"{pointer}/accessory", set())


def _block(block: dict[str, Any], pointer: str) -> None:
    """Validate one block by type."""
    kind = block["type"]
    if kind == "section":
        _section(block, pointer)
    elif kind == "header":
        _text(block.get("text"), f"{pointer}/text", limit=150, plain_only=True)
    elif kind == "context":
        for i, item in enumerate(_elements(block, pointer, 10)):
            if not isinstance(item, dict) or item.get("type") not in TEXT_TYPES | {"image"}:
                raise BlockError("must be a text or image element", f"{pointer}/elements/{i}")
            if item["type"] != "image":
                _text(item, f"{pointer}/elements/{i}", limit=3000)
    elif kind == "actions":
        action_ids: set[str] = set()
        for i, element in enumerate(_elements(block, pointer, 25)):
            _element(element, f"{pointer}/elements/{i}", action_ids)
    elif kind == "input":
        _text(block.get("label"), f"{pointer}/label", limit=2000, plain_only=True)
        _element(block.get("element"), f"{pointer}/element", set())
    elif kind == "rich_text":
        _elements(block, pointer, 1000)
    elif kind == "image":
        if not block.get("image_url") and not block.get("slack_file"):
            raise BlockError("must provide image_url or slack_file", pointer)
        alt = block.get("alt_text")
        if not isinstance(alt, str) or not alt or len(alt) > 2000:
            raise BlockError("alt_text must be 1-2000 characters", f"{pointer}/alt_text")


def validate_blocks(blocks: Any, *, max_blocks: int, root: str = "/blocks") -> None:
    """Raise BlockError unless `blocks` is a valid list of at most `max_blocks` blocks."""
    if not isinstance(blocks, list):
        raise BlockError("must be an array", root)
    if len(blocks) > max_blocks:
        raise BlockError(f"no more than {max_blocks} items allowed", root)
    block_ids: set[str] = set()
    for i, block in enumerate(blocks):
        pointer = f"{root}/{i}"
        if not isinstance(block, dict) or block.get("type") not in KNOWN_BLOCKS:
            raise BlockError("unsupported or missing block type", f"{pointer}/type")
        block_id = block.get("block_id")
        if block_id is not None:
            if not isinstance(block_id, str) or not block_id or len(block_id) > 255:
                raise BlockError("block_id must be 1-255 characters", f"{pointer}/block_id")
            if block_id in block_ids:
                raise BlockError("block_id must be unique", f"{pointer}/block_id")
            block_ids.add(block_id)
        _block(block, pointer)


def validate_view(view: Any) -> None:
    """Raise BlockError unless `view` is a valid modal or home tab payload."""
    if not isinstance(view, dict):
        raise BlockError("must be an object", "/view")
    kind = view.get("type")
    if kind not in ("modal", "home"):
        raise BlockError("type must be modal or home", "/view/type")
    validate_blocks(view.get("blocks"), max_blocks=MAX_VIEW_BLOCKS, root="/view/blocks")
    if kind == "modal":
        _text(view.get("title"), "/view/title", limit=24, plain_only=True)
        for key in ("submit", "close"):
            if view.get(key) is not None:
                _text(view[key], f"/view/{key}", limit=24, plain_only=True)
        has_input = any(b.get("type") == "input" for b in view["blocks"])
        if has_input and view.get("submit") is None:
            raise BlockError("submit is required when a modal has input blocks", "/view/submit")
    for key, limit in (("private_metadata", 3000), ("callback_id", 255), ("external_id", 255)):
        value = view.get(key)
        if value is not None and (not isinstance(value, str) or len(value) > limit):
            raise BlockError(f"must be less than {limit + 1} characters", f"/view/{key}")
