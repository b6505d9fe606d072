"""The personal home view: my teams, my open steps, steps that need a new owner, and for
coordinators the counts and the top of the attention list."""

from __future__ import annotations

from bot.audit import audit
from bot.context import Actor, Core
from bot.coordinators.roster import CoordinatorDirectory
from bot.home import messages as home_messages
from bot.home.messages import Listing
from bot.privacy import access
from bot.privacy.access import Action, Role
from bot.replies import Message
from storage import home_queries
from storage.models import AuditAction
from storage.overview_queries import OverviewFilter, open_team_statuses

TEAM_LIMIT, STEP_LIMIT, ORPHAN_LIMIT, ATTENTION_LIMIT = 15, 15, 10, 5


class HomeService:
    def __init__(self, core: Core, coordinators: CoordinatorDirectory) -> None:
        self.core = core
        self.coordinators = coordinators

    async def home(self, actor: Actor) -> Message:
        """The actor's Home tab; each showing is audited. The coordinator part is shown to
        those allowed LIST_ALL_TEAMS (none while the coordinator group cannot be read)."""
        now, tz = self.core.clock.now(), self.core.timezone
        roles = await access.actor_roles(self.coordinators, actor)
        await access.require(self.core, actor, Action.VIEW_HOME, roles)
        coordinator = access.allowed(Action.LIST_ALL_TEAMS, roles)
        async with self.core.database.session() as session:
            teams = Listing(
                *await home_queries.my_teams(
                    session, user_id=actor.user_id, now=now, limit=TEAM_LIMIT
                )
            )
            steps = Listing(
                *await home_queries.my_open_steps(session, user_id=actor.user_id, limit=STEP_LIMIT)
            )
            orphans = Listing(
                *await home_queries.orphaned_steps(
                    session, user_id=actor.user_id, limit=ORPHAN_LIMIT
                )
            )
            overview = None
            if coordinator:
                today = now.astimezone(tz).date()
                top, counts = await open_team_statuses(
                    session, now=now, today=today, where=OverviewFilter(), limit=ATTENTION_LIMIT
                )
                overview = home_messages.CoordinatorView(top, counts)
            audit(
                session,
                AuditAction.HOME_VIEWED,
                at=now,
                actor=actor,
                detail=Action.LIST_ALL_TEAMS if coordinator else None,
            )
        return home_messages.home(
            actor.t,
            user_id=actor.user_id,
            teams=teams,
            steps=steps,
            orphans=orphans,
            overview=overview,
            now=now,
            tz=tz,
            coordinator_unchecked=Role.COORDINATOR_UNCHECKED in roles,
        )
