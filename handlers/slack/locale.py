"""The user's language from their Slack locale (users.info), cached for a while."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.i18n import language_for_locale

log = logging.getLogger(__name__)


class LocaleResolver:
    def __init__(
        self,
        client: AsyncWebClient,
        *,
        default: str,
        ttl_seconds: float = 3600,
        max_entries: int = 10_000,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.default = default
        self.ttl = ttl_seconds
        self.max_entries = max_entries
        self._now = monotonic
        self._cache: dict[str, tuple[float, str]] = {}

    def cached(self, user_id: str | None) -> str:
        """The language known without a call (the default when unknown)."""
        entry = self._cache.get(user_id or "")
        return entry[1] if entry else self.default

    async def language(self, user_id: str) -> str:
        entry = self._cache.get(user_id)
        if entry and entry[0] > self._now():
            return entry[1]
        try:
            response = await self.client.users_info(user=user_id, include_locale=True)
            locale = response["user"].get("locale")
        except SlackApiError as error:
            log.info(
                "users.info failed (%s); using the default language", error.response.get("error")
            )
            return self.default
        lang = language_for_locale(locale, self.default)
        if len(self._cache) >= self.max_entries:
            self._cache.clear()
        self._cache[user_id] = (self._now() + self.ttl, lang)
        return lang
