"""The little of OData the fake Graph reads: `$top` with `@odata.nextLink` paging, a `$filter`
of one `property eq 'value'` and `$select`. Anything else is Graph's 400."""

from __future__ import annotations

import re
from typing import Any

from aiohttp import web

_EQUALS = re.compile(r"\s*([A-Za-z/]+)\s+eq\s+'((?:[^']|'')*)'\s*")


class BadQuery(Exception):
    """A query option Graph would refuse (400 BadRequest)."""


def page(request: web.Request, items: list[Any], *, default: int, maximum: int) -> dict[str, Any]:
    """One page of `items`: `$top` of them (at most `maximum`) from the `$skiptoken` on, and
    the next page's link while there are more. The fake's skip token is an offset; Graph's is
    opaque, and clients follow the link as it is."""
    try:
        top = int(request.query.get("$top", default))
        start = int(request.query.get("$skiptoken", "0"))
    except ValueError:
        raise BadQuery("$top and $skiptoken are numbers here.") from None
    if not 1 <= top <= maximum or start < 0:
        raise BadQuery(f"$top is between 1 and {maximum}.")
    body: dict[str, Any] = {"value": items[start : start + top]}
    if start + top < len(items):
        following = request.url.update_query({"$top": str(top), "$skiptoken": str(start + top)})
        body["@odata.nextLink"] = str(following)
    return body


def equals_filter(request: web.Request, allowed: tuple[str, ...]) -> tuple[str, str] | None:
    """The (property, value) of a `$filter` such as `topic eq 'MT-2026-0042'` ('' is a quote
    in the value); None without a filter."""
    clause = request.query.get("$filter")
    if clause is None:
        return None
    matched = _EQUALS.fullmatch(clause)
    if matched is None or matched[1] not in allowed:
        raise BadQuery("Invalid filter clause.")
    return matched[1], matched[2].replace("''", "'")


def selected(request: web.Request) -> set[str] | None:
    """The properties named in `$select`; None without it."""
    chosen = request.query.get("$select")
    return None if chosen is None else {name.strip() for name in chosen.split(",")}
