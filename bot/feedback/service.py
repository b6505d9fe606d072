"""Asking for the client's feedback when a team closes and counting the answer once."""

from __future__ import annotations

import logging

from bot import action_ids
from bot.answers import answer
from bot.context import Actor, Core
from bot.errors import UserError
from bot.feedback.messages import described, question
from bot.platform import PlatformError
from bot.privacy import access
from bot.privacy.access import Action
from bot.replies import Reply, simple
from storage import feedback_queries, queries
from storage.models import FeedbackAnswer, Team

log = logging.getLogger(__name__)
_PREFIX = f"{action_ids.CLIENT_FEEDBACK}:"


class FeedbackService:
    def __init__(self, core: Core) -> None:
        self.core = core

    async def ask(self, *, actor: Actor, team: Team) -> None:
        """Ask whoever closed the team, privately; a platform's refusal is logged (the close
        stands without the question)."""
        try:
            await self.core.platform.send_direct(actor.user_id, question(actor.t, team=team))
        except PlatformError as error:
            log.warning(
                "team %s: the feedback question was not delivered: %s", team.code, error.code
            )

    async def press(self, *, actor: Actor, action_id: str, value: str) -> Reply:
        """An answer's button: its id names the answer, its value the team's id."""
        return await answer(actor, lambda: self._count(actor, action_id, value))

    async def _count(self, actor: Actor, action_id: str, value: str) -> Reply:
        choice = action_id.removeprefix(_PREFIX)
        if choice not in set(FeedbackAnswer) or not value.isdigit():
            raise UserError("feedback_unknown")
        async with self.core.database.session() as session:
            team = await queries.get_team(session, team_id=int(value))
        if team is None:
            raise UserError("feedback_unknown")
        roles = access.roles_of(actor.user_id, team=team, members=(), coordinator=False)
        await access.require(self.core, actor, Action.RECORD_FEEDBACK, roles, team=team)
        now = self.core.clock.now().astimezone(self.core.timezone)
        async with self.core.database.session() as session:
            row = await queries.locked_team(session, team_id=team.pk)
            if row.client_feedback_recorded:
                raise UserError("feedback_already", code=row.code)
            row.client_feedback_recorded = True
            await feedback_queries.count_answer(
                session, month=now.date().replace(day=1), answer=choice
            )
        return simple(
            actor.t("feedback_counted", answer=described(actor.t, FeedbackAnswer(choice)))
        )
