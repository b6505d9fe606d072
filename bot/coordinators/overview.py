"""`/tiimi avoimet` and its CSV: every open team for coordinators, one's own for others."""

from __future__ import annotations

from datetime import timedelta

from bot.audit import audit
from bot.context import Actor, Core
from bot.coordinators import overview_messages
from bot.coordinators.commands import ListOpenTeams
from bot.coordinators.roster import CoordinatorDirectory
from bot.privacy import access
from bot.privacy.access import Action
from bot.replies import Message
from storage import attention_queries
from storage.models import AuditAction
from storage.overview_queries import OverviewFilter, open_team_statuses

OLD_TEAM = timedelta(days=180)  # "vanhat": open for more than half a year


class OverviewService:
    def __init__(self, core: Core, coordinators: CoordinatorDirectory) -> None:
        self.core = core
        self.coordinators = coordinators

    async def open_teams(self, *, actor: Actor, command: ListOpenTeams, filters: str) -> Message:
        roles = await access.sees_all_teams(self.core, self.coordinators, actor)
        everyone = access.allowed(Action.LIST_ALL_TEAMS, roles)
        now, tz = self.core.clock.now(), self.core.timezone
        where = self._filter(actor, command, everyone=everyone)
        page = max(1, command.page)
        size = overview_messages.PAGE_SIZE
        async with self.core.database.session() as session:
            rows, counts = await open_team_statuses(
                session,
                now=now,
                today=now.astimezone(tz).date(),
                where=where,
                limit=size,
                offset=(page - 1) * size,
            )
            if everyone:
                audit(
                    session,
                    AuditAction.TEAMS_LISTED,
                    at=now,
                    actor=actor,
                    detail=f"page {page}",
                )
        return overview_messages.overview_page(
            actor.t,
            rows,
            total=counts.open_teams,
            page=page,
            filters=filters,
            now=now,
            tz=tz,
            everyone=everyone,
        )

    async def send_csv(self, *, actor: Actor, command: ListOpenTeams) -> int:
        """The whole filtered table as a CSV file to the coordinator only; returns the rows."""
        roles = await access.actor_roles(self.coordinators, actor)
        await access.require(self.core, actor, Action.LIST_ALL_TEAMS, roles)
        now, tz = self.core.clock.now(), self.core.timezone
        async with self.core.database.session() as session:
            rows, _ = await open_team_statuses(
                session,
                now=now,
                today=now.astimezone(tz).date(),
                where=self._filter(actor, command, everyone=True),
                limit=None,
            )
            audit(
                session, AuditAction.TEAMS_EXPORTED, at=now, actor=actor, detail=f"{len(rows)} rows"
            )
        content = overview_messages.overview_csv(actor.t, rows, now=now, tz=tz)
        stamp = now.astimezone(tz).strftime("%Y-%m-%d")
        await self.core.platform.send_file(
            actor.user_id,
            filename=f"tiimit-{stamp}.csv",
            content=content,
            title=actor.t.plain("overview_csv_title"),
        )
        return len(rows)

    def _filter(self, actor: Actor, command: ListOpenTeams, *, everyone: bool) -> OverviewFilter:
        return OverviewFilter(
            without_meeting=command.without_meeting,
            overdue=command.overdue,
            opened_before=self.core.clock.now() - OLD_TEAM if command.old else None,
            convenor_id=command.convenor_id,
            member_id=None if everyone else actor.user_id,
        )


async def recount_overdue(core: Core) -> int:
    """Count every open team's overdue steps for the new day (a job just after midnight, so
    that the day's first overview need not); returns how many teams were recounted."""
    today = core.clock.now().astimezone(core.timezone).date()
    async with core.database.session() as session:
        return await attention_queries.refresh_overdue(session, today=today)
