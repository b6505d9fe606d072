"""The personal home view: my teams, my open steps, steps that need a new owner, and for
coordinators the counts and the top of the attention list."""

from __future__ import annotations

from bot import home_messages
from bot.context import Actor, Core
from bot.coordinators import CoordinatorDirectory
from bot.replies import Message
from storage import home_queries
from storage.overview_queries import OverviewFilter, open_team_statuses

TEAM_LIMIT, STEP_LIMIT, ORPHAN_LIMIT, ATTENTION_LIMIT = 15, 15, 10, 5


class HomeService:
    def __init__(self, core: Core, coordinators: CoordinatorDirectory) -> None:
        self.core = core
        self.coordinators = coordinators

    async def home(self, actor: Actor) -> Message:
        now, tz = self.core.clock.now(), self.core.timezone
        coordinator = await self.coordinators.is_coordinator(actor.user_id)
        async with self.core.database.session() as session:
            teams = await home_queries.my_teams(
                session, user_id=actor.user_id, now=now, limit=TEAM_LIMIT
            )
            steps = await home_queries.my_open_steps(
                session, user_id=actor.user_id, limit=STEP_LIMIT
            )
            orphans = await home_queries.orphaned_steps(
                session, user_id=actor.user_id, limit=ORPHAN_LIMIT
            )
            overview = None
            if coordinator:
                today = now.astimezone(tz).date()
                top, counts = await open_team_statuses(
                    session, now=now, today=today, where=OverviewFilter(), limit=ATTENTION_LIMIT
                )
                overview = home_messages.CoordinatorView(top, counts)
        return home_messages.home(
            actor.t,
            user_id=actor.user_id,
            teams=teams,
            steps=steps,
            orphans=orphans,
            overview=overview,
            now=now,
            tz=tz,
        )
