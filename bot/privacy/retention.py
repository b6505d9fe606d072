"""The retention rule: RETENTION_DAYS after closing, a team's content and member list go."""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.audit import SYSTEM_ACTOR, audit
from bot.clock import Clock
from storage import queries, retention_queries
from storage.db import Database
from storage.models import AuditAction

log = logging.getLogger(__name__)


class RetentionService:
    def __init__(self, *, database: Database, clock: Clock, retention_days: int) -> None:
        self.database = database
        self.clock = clock
        self.retention_days = retention_days

    async def purge(self) -> int:
        """Purge every team closed longer ago than the retention period; returns how many."""
        now = self.clock.now()
        cutoff = now - timedelta(days=self.retention_days)
        async with self.database.session() as session:
            team_ids = await retention_queries.teams_to_purge(session, closed_before=cutoff)
        purged = 0
        for team_id in team_ids:
            async with self.database.session() as session:
                team = await queries.locked_team(session, team_id=team_id)
                if team.purged_at is not None:  # another process was first
                    continue
                await retention_queries.purge_team(session, team=team, at=now)
                audit(session, AuditAction.CONTENT_PURGED, at=now, actor=SYSTEM_ACTOR, team=team_id)
            purged += 1
        if purged:
            log.info("retention: purged the content of %d closed teams", purged)
        return purged
