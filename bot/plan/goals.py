"""The team's goals: added, edited, reached, no longer relevant, reopened or removed; each
goal has its own message in the team channel, updated in place, and every change is audited."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel.ext.asyncio.session import AsyncSession

from bot.audit import audit
from bot.context import Actor
from bot.errors import UserError
from bot.plan import messages as plan_messages
from bot.plan.channel_post import post_or_update
from bot.plan.messages import PlanData
from bot.plan.service import PlanService
from bot.platform import PostKey, PostKind
from bot.privacy.access import Action
from bot.replies import Message
from storage import goal_queries, queries
from storage.models import AuditAction, Goal, GoalStatus, Step

_STATUS_AUDIT = {
    GoalStatus.REACHED: AuditAction.GOAL_REACHED,
    GoalStatus.NOT_RELEVANT: AuditAction.GOAL_NOT_RELEVANT,
    GoalStatus.OPEN: AuditAction.GOAL_REOPENED,
    GoalStatus.REMOVED: AuditAction.GOAL_REMOVED,
}


@dataclass(frozen=True)
class GoalChange:
    goal: Goal
    edited: bool  # its text changed (else its status)
    steps_detached: int = 0  # a removed goal's steps, now without a goal


class GoalService:
    def __init__(self, plan: PlanService) -> None:
        self.plan = plan
        self.core = plan.core

    async def add(self, *, actor: Actor, channel_id: str, text: str) -> Goal:
        """Record the goal, then post it to the channel with its buttons."""
        plan = await self.plan.load(actor, channel_id, action=Action.CHANGE_PLAN, statuses=())
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            await queries.lock_team(session, team_id=plan.team.pk)
            number = await queries.next_number(session, table=Goal, team_id=plan.team.pk)
            goal = Goal(
                team_id=plan.team.pk,
                number=number,
                text=text,
                created_by=actor.user_id,
                created_at=now,
            )
            session.add(goal)
            await session.flush()
            self._audit(session, actor, plan, AuditAction.GOAL_ADDED, number)
        await self._publish(plan, goal, new=True)
        return goal

    async def change(
        self,
        *,
        actor: Actor,
        channel_id: str,
        number: int,
        status: GoalStatus | None = None,
        text: str | None = None,
    ) -> GoalChange:
        """Edit the goal's text or set its status; its channel message follows. A removed
        goal's text is cleared and its steps stay in the plan without a goal; its number is
        not given to another goal."""
        plan = await self.plan.load(actor, channel_id, action=Action.CHANGE_PLAN, statuses=())
        now = self.core.clock.now()
        detached: list[Step] = []
        async with self.core.database.session() as session:
            await queries.lock_team(session, team_id=plan.team.pk)
            goal = await goal_queries.lock_goal(session, team_id=plan.team.pk, number=number)
            if goal is None:
                raise UserError("unknown_goal", number=number)
            if status is not None:
                if goal.status == status:
                    raise UserError(f"goal_already_{status}", number=number)
                goal.status = status
                action = _STATUS_AUDIT[status]
                if status == GoalStatus.REMOVED:  # the audit log keeps only its number
                    goal.text = ""
                    detached = list(await goal_queries.detach_steps(session, goal_id=goal.pk))
            else:
                assert text is not None
                goal.text = text
                action = AuditAction.GOAL_EDITED
            goal.updated_by, goal.updated_at = actor.user_id, now
            session.add(goal)
            self._audit(session, actor, plan, action, number)
        await self._publish(plan, goal, new=False)
        await self.plan.republish(plan, detached)  # their messages no longer name the goal
        return GoalChange(goal, edited=text is not None, steps_detached=len(detached))

    def _audit(
        self, session: AsyncSession, actor: Actor, plan: PlanData, action: AuditAction, number: int
    ) -> None:
        """The audit log names the goal by its number only, never its text."""
        at = self.core.clock.now()
        audit(session, action, at=at, actor=actor, team=plan.team, detail=f"T{number}")

    async def _publish(self, plan: PlanData, goal: Goal, *, new: bool) -> None:
        """Post or update the goal's message in the team channel (workspace language)."""
        channel_id = plan.team.live_channel_id
        if goal.status == GoalStatus.REMOVED:
            message = Message(self.core.t("goal_removed_notice", number=goal.number))
        else:
            message = plan_messages.goal_message(self.core.t, goal)
        ts = None if new else goal.message_ts
        key = PostKey(PostKind.GOAL, str(goal.pk))
        ref = await post_or_update(self.core, channel_id, message, ts=ts, key=key)
        if ref is not None:
            async with self.core.database.session() as session:
                await goal_queries.set_goal_message(session, goal_id=goal.pk, ts=ref)
            goal.message_ts = ref
