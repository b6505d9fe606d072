"""Who the coordinators are: COORDINATORS and the members of COORDINATOR_USERGROUP."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from bot.context import Core
from bot.platform import PlatformError

log = logging.getLogger(__name__)


class CoordinatorDirectory:
    def __init__(
        self,
        core: Core,
        *,
        ttl_seconds: float = 60.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.core = core
        self.ttl = ttl_seconds
        self._monotonic = monotonic
        self._group: frozenset[str] = frozenset()
        self._expires = float("-inf")

    async def is_coordinator(self, user_id: str) -> bool:
        if user_id in self.core.coordinators:
            return True
        return user_id in await self._group_members()

    async def _group_members(self) -> frozenset[str]:
        usergroup = self.core.coordinator_usergroup
        if usergroup is None:
            return frozenset()
        if self._monotonic() >= self._expires:
            try:
                self._group = await self.core.platform.usergroup_members(usergroup)
            except PlatformError as error:  # keep the last known list for a while
                log.warning("coordinator user group not readable: %s", error.code)
            self._expires = self._monotonic() + self.ttl
        return self._group
