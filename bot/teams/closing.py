"""Closing a team: closed in the database first, then the bot's posts leave the channel, a
summary without plan content is posted once, and the channel is archived.

Slack removes a bot from a channel it archives, after which the bot can delete nothing there,
so the clearing comes before the archiving. A close interrupted half-way (a crash, a Slack
error) is finished by the periodic maintenance (`finish_interrupted`), idempotently.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.context import Actor, Core
from bot.errors import UserError
from bot.platform import ChannelUnavailable, PlatformError
from bot.reminders.planner import ReminderPlanner
from bot.teams import messages as team_messages
from storage import queries, retention_queries
from storage.models import AuditAction, CloseReason, Team, TeamState

log = logging.getLogger(__name__)
CLOSING_METADATA = "tiimi_closing"  # the closing summary carries the team's id: posted once
# A close younger than this may still be under way in some process (200 deletions at Slack's
# Tier 3 rate take about four minutes); the maintenance leaves it alone until then.
UNFINISHED_AFTER = timedelta(minutes=30)


class ClosingService:
    def __init__(self, core: Core) -> None:
        self.core = core

    async def close(
        self, *, actor: Actor, team: Team, reason: CloseReason, as_coordinator: bool = False
    ) -> Team:
        """Mark the team closed: from now on nothing is posted or reminded, and its reminders
        are cancelled. The channel is cleared afterwards by `clear_and_archive`."""
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            row = await queries.locked_team(session, team_id=team.pk)
            if row.state != TeamState.ACTIVE:
                raise UserError("team_closed", code=row.code)
            row.state, row.closed_at, row.closed_by = TeamState.CLOSED, now, actor.user_id
            row.close_reason = reason
            await ReminderPlanner(self.core).cancel_team(session, row)
            queries.add_audit(
                session,
                at=now,
                actor_id=actor.user_id,
                action=AuditAction.TEAM_CLOSED,
                team_id=row.pk,
                detail=f"coordinator:{reason}" if as_coordinator else reason,
            )
        return row

    async def clear_and_archive(self, team_id: int) -> bool:
        """Delete the bot's posts from the closed team's channel, post the closing summary
        (once), archive the channel and note when. False when a Slack error left it for a
        later maintenance pass; safe to run again at any point."""
        async with self.core.database.session() as session:
            team = await queries.get_team(session, team_id=team_id)
            if team is None or team.state != TeamState.CLOSED or team.channel_archived_at:
                return True
            counts = await retention_queries.content_counts(session, team=team)
        if team.channel_id is not None:
            try:
                await self._clear(team, counts)
            except ChannelUnavailable as error:  # archived by a person, or the bot removed
                log.warning("team %s: channel unreachable (%s); left as it is", team.code, error)
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

    async def _clear(self, team: Team, counts: retention_queries.Counts) -> None:
        channel_id = team.live_channel_id
        platform = self.core.platform
        cleared = await platform.remove_own_messages(channel_id, keep=CLOSING_METADATA)
        if cleared.undeletable:
            log.warning("team %s: Slack refused to delete %d posts", team.code, cleared.undeletable)
        if not cleared.kept:  # a summary posted by an earlier try stays, and is not repeated
            summary = team_messages.closing_summary(
                self.core.t,
                team=team,
                counts=counts,
                tz=self.core.timezone,
                retention_days=self.core.retention_days,
            )
            await platform.post_message(
                channel_id,
                summary,
                metadata={
                    "event_type": CLOSING_METADATA,
                    "event_payload": {"team_id": str(team.pk)},
                },
            )
        await platform.archive_channel(channel_id)
        log.info("team %s: %d posts removed, channel archived", team.code, cleared.deleted)
