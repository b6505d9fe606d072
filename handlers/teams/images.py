"""An image for Teams: an Adaptive Card whose Image carries the PNG inline as a `data:` URL
(Teams shows such an image on desktop, web and mobile; a bot cannot attach a file without
the person's OneDrive), with its text for screen readers as `altText`. An image that would
make the activity larger than Teams takes is left out, and its text shown instead."""

from __future__ import annotations

import base64
import json
from typing import Any

from handlers.teams.cards import ACTIVITY_BUDGET, ADAPTIVE_CARD, CARD_SCHEMA, CARD_VERSION


def image_activity(*, png: bytes, alt_text: str) -> dict[str, Any]:
    """The activity that shows the image, or its text when the image does not fit."""
    url = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    image = {"type": "Image", "url": url, "altText": alt_text, "size": "Stretch"}
    activity = _activity([image], alt_text)
    if len(json.dumps(activity)) <= ACTIVITY_BUDGET:
        return activity
    return _activity([{"type": "TextBlock", "text": alt_text, "wrap": True}], alt_text)


def _activity(body: list[dict[str, Any]], summary: str) -> dict[str, Any]:
    card = {
        "type": "AdaptiveCard",
        "$schema": CARD_SCHEMA,
        "version": CARD_VERSION,
        "body": body,
        "msteams": {"width": "Full"},
    }
    return {
        "type": "message",
        "summary": summary,
        "attachments": [{"contentType": ADAPTIVE_CARD, "content": card}],
    }
