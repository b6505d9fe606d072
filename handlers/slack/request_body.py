"""Slack's HTTP request bodies read as Bolt should read them.

Bolt's `parse_body` reads any form body that contains the text "payload" as an interaction
payload, and a form without a `payload` field as empty: a slash command whose text merely has
the word in it ("/askel Tarkista payload-kenttä") then matched no listener and got a 404.
Here such a form is read as the form it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.request.async_internals import build_async_context
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.request.internals import parse_body as bolt_parse_body


def parse_body(body: str, content_type: str | None) -> dict[str, Any]:
    """Bolt's reading of a request body, except for forms that mention "payload" in a field
    other than `payload`: those are read as forms."""
    parsed = bolt_parse_body(body, content_type)
    if parsed or "payload" not in body:
        return parsed
    fields = dict(parse_qsl(body, keep_blank_values=True))
    return {} if "payload" in fields else fields


def bolt_request(body: str, *, query: str | None, headers: Mapping[str, str]) -> AsyncBoltRequest:
    """An HTTP request for Bolt, with its body read by `parse_body` (the signature is still
    checked against the raw body)."""
    request = AsyncBoltRequest(body=body, query=query, headers=dict(headers))
    if not request.body and body:
        fields = parse_body(body, request.content_type)
        if fields:
            request.body = fields
            request.context = build_async_context(AsyncBoltContext({}), fields)
    return request
