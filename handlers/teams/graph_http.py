"""Graph's HTTP: the bearer token on every try, the retry policy, error answers as GraphError
and collections followed through their `@odata.nextLink` pages. The log gets the method, the
path template and the status, never ids, queries or bodies."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import quote

import aiohttp
from yarl import URL

from handlers.teams.http_retry import Answer, RetryPolicy

log = logging.getLogger(__name__)
Token = Callable[[], Awaitable[str]]


class GraphError(Exception):
    """Graph refused a call: its HTTP status, Graph's error code (never the message, which may
    hold names), and the permission (least privileged) the call needs, for an admin."""

    def __init__(self, status: int, code: str, *, needs: str) -> None:
        super().__init__(f"{status} {code}")
        self.status, self.code, self.needs = status, code, needs


class Forbidden(GraphError):
    """Refused (403), or a property left out, for want of the permission `needs`."""


class GraphHttp:
    def __init__(
        self,
        session: aiohttp.ClientSession,
        *,
        token: Token,
        base_url: str,
        retry: RetryPolicy,
        timeout: float,
    ) -> None:
        self._session, self._token, self._retry = session, token, retry
        self._base = base_url.rstrip("/")
        self._timeout = aiohttp.ClientTimeout(total=timeout)

    async def call(
        self,
        method: str,
        template: str,
        *,
        needs: str,
        ids: Mapping[str, str] | None = None,
        query: Mapping[str, str] | None = None,
        body: Any = None,
        repeatable: bool = True,
        url: str | None = None,
    ) -> Any:
        """Graph's JSON answer (None when empty), retried by the policy; an error answer
        raises GraphError. `template` is the path with `{…}` for `ids`; `url` a whole one
        (a next page). `repeatable=False`: never sent twice (see http_retry)."""
        target = URL(url or self._url(template, ids or {}, query), encoded=True)
        name = f"{method} {template}"

        async def attempt() -> Answer:
            headers = {"Authorization": f"Bearer {await self._token()}"}
            async with self._session.request(
                method, target, json=body, headers=headers, timeout=self._timeout
            ) as response:
                content = await response.read()
                return Answer(response.status, content, response.headers.get("Retry-After"))

        answer = await self._retry.send(attempt, repeatable=repeatable, name=name)
        if answer.status >= 400:
            log.info("graph %s: %d", name, answer.status)
            error = Forbidden if answer.status == 403 else GraphError
            raise error(answer.status, _error_code(answer), needs=needs)
        try:
            return json.loads(answer.body) if answer.body else None
        except ValueError:
            raise GraphError(answer.status, "InvalidJson", needs=needs) from None

    async def all(
        self,
        template: str,
        *,
        needs: str,
        ids: Mapping[str, str],
        query: Mapping[str, str] | None = None,
    ) -> list[dict[str, Any]]:
        """Every item of a collection, following `@odata.nextLink` (only to this Graph: the
        token goes nowhere else)."""
        data = await self.call("GET", template, needs=needs, ids=ids, query=query)
        items: list[dict[str, Any]] = list(data.get("value") or [])
        while link := data.get("@odata.nextLink"):
            if not str(link).startswith(f"{self._base}/"):
                raise GraphError(0, "ForeignNextLink", needs=needs)
            data = await self.call("GET", template, needs=needs, url=str(link))
            items += data.get("value") or []
        return items

    def _url(self, template: str, ids: Mapping[str, str], query: Mapping[str, str] | None) -> str:
        path = template.format(**{key: quote(value, safe="") for key, value in ids.items()})
        if not query:
            return f"{self._base}{path}"
        pairs = (f"{quote(k, safe='$')}={quote(v, safe='')}" for k, v in query.items())
        return f"{self._base}{path}?{'&'.join(pairs)}"


def _error_code(answer: Answer) -> str:
    """Graph's `error.code`, or one made of the status when the body is not Graph's."""
    try:
        code = json.loads(answer.body)["error"]["code"]
    except (ValueError, KeyError, TypeError):
        code = None
    return code if isinstance(code, str) and code else f"http_{answer.status}"
