"""The Bot Connector's checks of an outgoing activity: schema, Adaptive Cards, mentions."""

from __future__ import annotations

import re
from typing import Any

from microsoft_agents.activity import Activity
from pydantic import ValidationError

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
MAX_CARD_VERSION = (1, 5)  # what Teams renders everywhere (desktop, web, mobile)
SENDABLE_TYPES = ("message", "typing")
_AT = re.compile(r"<at>(.*?)</at>", re.S)
_CHILDREN = ("body", "items", "columns", "actions", "inlines", "card", "inlineAction")


def drop_nulls(value: Any) -> Any:
    """The JSON value without null members: the SDK sends them and Teams ignores them."""
    if isinstance(value, dict):
        return {key: drop_nulls(item) for key, item in value.items() if item is not None}
    if isinstance(value, list):
        return [drop_nulls(item) for item in value]
    return value


def activity_errors(body: Any, *, bot_id: str) -> list[str]:
    """What the connector refuses in an activity the bot sends (empty: acceptable)."""
    if not isinstance(body, dict):
        return ["the body is not a JSON object"]
    body = drop_nulls(body)
    try:
        activity = Activity.model_validate(body)
    except ValidationError as error:
        return [f"schema: {issue['loc']} {issue['msg']}" for issue in error.errors()]
    errors = []
    if activity.type not in SENDABLE_TYPES:
        errors.append(f"type {activity.type!r} cannot be sent")
    sender = body.get("from", {}).get("id")
    if sender != bot_id:
        errors.append(f"from.id {sender!r} is not the bot {bot_id!r}")
    mentioned = _mention_texts(body.get("entities", []))
    for text in _at_texts(body.get("text")):
        if text not in mentioned:
            errors.append(f"<at>{text}</at> in the text has no mention entity")
    for attachment in body.get("attachments", []):
        if attachment.get("contentType") == ADAPTIVE_CARD:
            errors.extend(card_errors(attachment.get("content"), mentioned))
    return errors


def card_errors(card: Any, mentioned: set[str]) -> list[str]:
    """What Teams refuses or fails to render in an Adaptive Card."""
    if not isinstance(card, dict) or card.get("type") != "AdaptiveCard":
        return ["an Adaptive Card attachment needs content of type AdaptiveCard"]
    errors = []
    version = str(card.get("version", ""))
    parsed = tuple(int(part) for part in version.split(".")) if _is_version(version) else None
    if parsed is None or parsed > MAX_CARD_VERSION:
        errors.append(f"card version {version!r} is not 1.0–1.5")
    mentioned = mentioned | _mention_texts(card.get("msteams", {}).get("entities", []))
    for element in _elements(card):
        kind = element.get("type")
        if kind == "TextBlock" and not (isinstance(element.get("text"), str) and element["text"]):
            errors.append("a TextBlock without text")
        if kind == "Action.Execute" and not isinstance(element.get("verb"), str):
            errors.append("an Action.Execute without a string verb")
        for key in ("text", "title"):
            for text in _at_texts(element.get(key)):
                if text not in mentioned:
                    errors.append(f"<at>{text}</at> in the card has no mention entity")
    return errors


def _is_version(version: str) -> bool:
    return re.fullmatch(r"\d+\.\d+", version) is not None


def _at_texts(text: Any) -> list[str]:
    return _AT.findall(text) if isinstance(text, str) else []


def _mention_texts(entities: Any) -> set[str]:
    """The X of each mention entity's `<at>X</at>` text that names someone."""
    found = set()
    for entity in entities if isinstance(entities, list) else []:
        if not isinstance(entity, dict) or entity.get("type") != "mention":
            continue
        mentioned = entity.get("mentioned")
        if not (isinstance(mentioned, dict) and mentioned.get("id")):
            continue
        found.update(_at_texts(entity.get("text")))
    return found


def _elements(node: Any) -> list[dict[str, Any]]:
    """Every element and action under a card node, depth first."""
    found: list[dict[str, Any]] = []
    children: list[Any] = []
    if isinstance(node, dict):
        children = [node.get(key) for key in _CHILDREN]
    elif isinstance(node, list):
        children = node
    for child in children:
        if isinstance(child, dict):
            found.append(child)
            found.extend(_elements(child))
        elif isinstance(child, list):
            found.extend(_elements(child))
    return found
