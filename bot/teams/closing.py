"""Closing a team: closed in the database first, then its space is closed (the bot's posts
removed, a summary without plan content posted once, the space closed for good: see
ChatPlatform.close_space). A close interrupted half-way (a crash, a platform error) is
finished by the periodic maintenance (`finish_interrupted`), idempotently.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.audit import audit
from bot.context import Actor, Core
from bot.errors import UserError
from bot.platform import PlatformError, PostKey, PostKind, SpaceUnavailable
from bot.reminders.planner import ReminderPlanner
from bot.teams import messages as team_messages
from storage import queries, retention_queries
from storage.models import AuditAction, CloseReason, Team, TeamState

log = logging.getLogger(__name__)
# A close younger than this may still be under way in some process (200 deletions at Slack's
# Tier 3 rate take about four minutes); the maintenance leaves it alone until then.
UNFINISHED_AFTER = timedelta(minutes=30)


class ClosingService:
    def __init__(self, core: Core) -> None:
        self.core = core

    async def close(
        self,
        *,
        actor: Actor,
        team: Team,
        reason: CloseReason,
        service: str | None = None,
        as_coordinator: bool = False,
    ) -> Team:
        """Mark the team closed: from now on nothing is posted or reminded, and its reminders
        are cancelled. The space is closed afterwards by `clear_and_archive`."""
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            row = await queries.locked_team(session, team_id=team.pk)
            if row.state != TeamState.ACTIVE:
                raise UserError("team_closed", code=row.code)
            row.state, row.closed_at, row.closed_by = TeamState.CLOSED, now, actor.user_id
            row.close_reason = reason
            row.closed_to_service = service if reason == CloseReason.MOVED_TO_ONE_SERVICE else None
            await ReminderPlanner(self.core).cancel_team(session, row)
            audit(
                session,
                AuditAction.TEAM_CLOSED,
                at=now,
                actor=actor,
                team=row,
                detail=f"coordinator:{reason}" if as_coordinator else reason,
            )
        return row

    async def clear_and_archive(self, team_id: int) -> bool:
        """Close the closed team's space (its posts removed, the summary posted once) and note
        when. False when a platform error left it for a later maintenance pass; safe to run
        again at any point."""
        async with self.core.database.session() as session:
            team = await queries.get_team(session, team_id=team_id)
            if team is None or team.state != TeamState.CLOSED or team.channel_archived_at:
                return True
            counts = await retention_queries.content_counts(session, team=team)
        if team.channel_id is not None:
            try:
                await self._close_space(team, counts)
            except SpaceUnavailable as error:  # closed by a person, or the bot removed
                log.warning("team %s: space unreachable (%s); left as it is", team.code, error)
            except PlatformError as error:
                log.warning("team %s: closing left for later: %s", team.code, error.code)
                return False
        async with self.core.database.session() as session:
            row = await queries.locked_team(session, team_id=team_id)
            row.channel_archived_at = row.channel_archived_at or self.core.clock.now()
        return True

    async def finish_interrupted(self) -> int:
        """Complete the closes that were interrupted; returns how many were completed."""
        cutoff = self.core.clock.now() - UNFINISHED_AFTER
        async with self.core.database.session() as session:
            team_ids = await retention_queries.unfinished_closings(session, closed_before=cutoff)
        finished = 0
        for team_id in team_ids:
            try:
                finished += await self.clear_and_archive(team_id)
            except Exception:  # one team's failure must not hold up the others
                log.exception("closing: team %d could not be finished", team_id)
        if team_ids:
            log.info("closing: finished %d of %d interrupted closes", finished, len(team_ids))
        return finished

    async def _close_space(self, team: Team, counts: retention_queries.Counts) -> None:
        summary = team_messages.closing_summary(
            self.core.t,
            team=team,
            counts=counts,
            tz=self.core.timezone,
            retention_days=self.core.retention_days,
        )
        closed = await self.core.platform.close_space(
            team.live_channel_id, farewell=summary, key=PostKey(PostKind.CLOSING, str(team.pk))
        )
        if closed.undeletable:
            log.warning("team %s: %d posts could not be deleted", team.code, closed.undeletable)
        log.info("team %s: %d posts removed, space closed", team.code, closed.deleted)
