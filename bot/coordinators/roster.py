"""Who the coordinators are: COORDINATORS and the members of COORDINATOR_USERGROUP."""

from __future__ import annotations

import enum
import logging
import time
from collections.abc import Callable

from bot.context import Core
from bot.platform import PlatformError

log = logging.getLogger(__name__)


class CoordinatorStatus(enum.Enum):
    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"  # the user group could not be read: no rights from it (fail closed)


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

    async def status(self, user_id: str) -> CoordinatorStatus:
        """COORDINATORS always count; the group only while it can be read (cached briefly)."""
        if user_id in self.core.coordinators:
            return CoordinatorStatus.YES
        usergroup = self.core.coordinator_usergroup
        if usergroup is None:
            return CoordinatorStatus.NO
        if self._monotonic() >= self._expires:
            try:
                self._group = await self.core.platform.usergroup_members(usergroup)
            except PlatformError as error:  # no stale list: rights end when the group does
                log.warning("coordinator user group not readable: %s", error.code)
                self._group, self._expires = frozenset(), float("-inf")
                return CoordinatorStatus.UNKNOWN
            self._expires = self._monotonic() + self.ttl
        return CoordinatorStatus.YES if user_id in self._group else CoordinatorStatus.NO
