"""`/tiimi avoimet` and its CSV: every open team for coordinators, one's own for others."""

from __future__ import annotations

from datetime import timedelta

from bot import overview_messages
from bot.access import Action, Role, authorize, roles_of
from bot.commands import ListOpenTeams
from bot.context import Actor, Core
from bot.coordinators import CoordinatorDirectory
from bot.replies import Message
from storage import queries
from storage.models import AuditAction
from storage.overview_queries import OverviewFilter, open_team_statuses

OLD_TEAM = timedelta(days=180)  # "vanhat": open for more than half a year


class OverviewService:
    def __init__(self, core: Core, coordinators: CoordinatorDirectory) -> None:
        self.core = core
        self.coordinators = coordinators

    async def open_teams(self, *, actor: Actor, command: ListOpenTeams, filters: str) -> Message:
        everyone = await self._is_coordinator(actor)
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
                queries.add_audit(
                    session,
                    at=now,
                    actor_id=actor.user_id,
                    team_id=None,
                    action=AuditAction.TEAMS_LISTED,
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
        authorize(Action.LIST_ALL_TEAMS, await self._roles(actor))
        now, tz = self.core.clock.now(), self.core.timezone
        async with self.core.database.session() as session:
            rows, _ = await open_team_statuses(
                session,
                now=now,
                today=now.astimezone(tz).date(),
                where=self._filter(actor, command, everyone=True),
                limit=None,
            )
            queries.add_audit(
                session,
                at=now,
                actor_id=actor.user_id,
                team_id=None,
                action=AuditAction.TEAMS_EXPORTED,
                detail=f"{len(rows)} rows",
            )
        content = overview_messages.overview_csv(actor.t, rows, now=now, tz=tz)
        stamp = now.astimezone(tz).strftime("%Y-%m-%d")
        await self.core.platform.send_file(
            actor.user_id,
            filename=f"tiimit-{stamp}.csv",
            content=content,
            title=actor.t("overview_csv_title"),
        )
        return len(rows)

    async def _is_coordinator(self, actor: Actor) -> bool:
        return await self.coordinators.is_coordinator(actor.user_id)

    async def _roles(self, actor: Actor) -> frozenset[Role]:
        coordinator = await self._is_coordinator(actor)
        return roles_of(actor.user_id, team=None, members=(), coordinator=coordinator)

    def _filter(self, actor: Actor, command: ListOpenTeams, *, everyone: bool) -> OverviewFilter:
        return OverviewFilter(
            without_meeting=command.without_meeting,
            overdue=command.overdue,
            opened_before=self.core.clock.now() - OLD_TEAM if command.old else None,
            convenor_id=command.convenor_id,
            member_id=None if everyone else actor.user_id,
        )
