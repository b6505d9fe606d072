"""The team's shared plan: goals and small steps, each change visible and audited."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.audit import audit
from bot.context import Actor, Core
from bot.coordinators.roster import CoordinatorStatus
from bot.errors import AlreadyHandled, UserError
from bot.plan import messages as plan_messages
from bot.plan.channel_post import post_or_update
from bot.plan.commands import AddStep, Owner
from bot.plan.messages import PlanData
from bot.plan.owner_choice import set_step_owners
from bot.plan.owners import load_owners
from bot.plan.reading import read_plan
from bot.platform import PostKey, PostKind
from bot.privacy.access import Action, team_by_code, team_for
from bot.reminders.planner import ReminderPlanner
from bot.replies import Message
from storage import attention_queries, queries
from storage.models import AuditAction, Step, StepStatus, Team

VISIBLE = (StepStatus.OPEN, StepStatus.DONE, StepStatus.NOT_DONE)
_STATUS_AUDIT = {
    StepStatus.DONE: AuditAction.STEP_DONE,
    StepStatus.NOT_DONE: AuditAction.STEP_NOT_DONE,
    StepStatus.DELETED: AuditAction.STEP_DELETED,
}


class PlanService:
    def __init__(self, core: Core) -> None:
        self.core = core
        self.planner = ReminderPlanner(core)

    def today(self) -> date:
        return self.core.clock.now().astimezone(self.core.timezone).date()

    async def load(
        self,
        actor: Actor,
        channel_id: str,
        *,
        action: Action,
        statuses: tuple[StepStatus, ...] = VISIBLE,
        page_size: int | None = None,
        page: int = 1,
        with_meetings: bool = False,
        with_participants: bool = False,
        by_goal: bool = False,
    ) -> PlanData:
        """The team of this channel with its plan, for an actor allowed to take the action;
        with `page_size`, only that page of the steps (the last one if `page` is past it),
        numbered in order or, `by_goal`, grouped by goal (with the step before the page, for
        the goals without steps between pages). Only what is asked for is read: no
        steps for no `statuses`, meetings and participants on request (meetings bring the
        participants too)."""
        team, members = await team_for(self.core, channel_id=channel_id, actor=actor, action=action)
        async with self.core.database.session() as session:
            return await read_plan(
                self.core,
                session,
                team,
                members,
                statuses,
                page_size,
                page,
                with_meetings=with_meetings,
                with_participants=with_participants,
                by_goal=by_goal,
            )

    async def finish_in_team(self, *, actor: Actor, team_id: int, number: int) -> Step:
        """Mark a step done from outside its channel (the Home tab)."""
        async with self.core.database.session() as session:
            team = await queries.get_team(session, team_id=team_id)
        if team is None or team.channel_id is None:
            raise UserError("not_team_channel")
        return await self.change(
            actor=actor, channel_id=team.channel_id, number=number, status=StepStatus.DONE
        )

    async def flag_steps_of_departed(
        self,
        actor: Actor,
        channel_id: str,
        *,
        user_id: str | None = None,
        participant_id: int | None = None,
    ) -> None:
        """Re-render the channel messages of the open steps of a removed member or
        participant, which now show that they need a new owner."""
        plan = await self.load(
            actor, channel_id, action=Action.VIEW_PLAN, statuses=(StepStatus.OPEN,)
        )
        orphaned = [
            s
            for s in plan.steps
            if s.message_ts
            and (
                user_id in plan.owners.user_ids(s)
                or participant_id in [p.id for p in plan.owners.participants_of(s)]
            )
        ]
        for step in orphaned:
            await self._publish(plan, step, new=False)

    async def republish(self, plan: PlanData, steps: Sequence[Step]) -> None:
        """Update the channel messages of steps changed from elsewhere (their goal removed)."""
        for step in steps:
            if step.message_ts:
                await self._publish(plan, step, new=False)

    async def viewed(self, actor: Actor, plan: PlanData) -> None:
        """Viewing the plan is written to the audit log too."""
        async with self.core.database.session() as session:
            self._audit(session, actor, plan.team, AuditAction.PLAN_VIEWED, None)

    async def add_step(
        self, *, actor: Actor, channel_id: str, command: AddStep, request_key: str | None = None
    ) -> Step:
        """Record the step, then post it to the channel with its buttons. `request_key` (e.g. a
        form's view id) is recorded with the step: a second request with it raises
        AlreadyHandled and adds nothing."""
        plan = await self.load(actor, channel_id, action=Action.CHANGE_PLAN, statuses=())
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            await queries.lock_team(session, team_id=plan.team.pk)
            if request_key is not None:
                await self._record_once(session, request_key, at=now)
            goal_id = None
            if command.goal_number is not None:
                goal = await queries.goal_by_number(
                    session, team_id=plan.team.pk, number=command.goal_number
                )
                if goal is None:
                    raise UserError("unknown_goal", number=command.goal_number)
                goal_id = goal.id
            number = await queries.next_number(session, table=Step, team_id=plan.team.pk)
            step = Step(
                team_id=plan.team.pk,
                number=number,
                text=command.text,
                goal_id=goal_id,
                due_date=command.due,
                created_by=actor.user_id,
                created_at=now,
            )
            session.add(step)
            await session.flush()
            await set_step_owners(session, plan, step, command.owner, actor=actor, at=now, new=True)
            await self.planner.plan_step(session, plan.team, step, new=True)
            await attention_queries.recount_team(session, team_id=plan.team.pk, today=self.today())
            self._audit(session, actor, plan.team, AuditAction.STEP_ADDED, str(number))
        await self._publish(plan, step, new=True)
        return step

    async def change(
        self,
        *,
        actor: Actor,
        channel_id: str,
        number: int,
        status: StepStatus | None = None,
        due: date | None = None,
        text: str | None = None,
        owner: Owner | None = None,
    ) -> Step:
        """Finish, reschedule, edit, delete a step or replace its owners; its channel message
        follows."""
        plan = await self.load(actor, channel_id, action=Action.CHANGE_PLAN, statuses=())
        now = self.core.clock.now()
        async with self.core.database.session() as session:
            await queries.lock_team(session, team_id=plan.team.pk)  # for its attention figures
            step = await queries.lock_step(session, team_id=plan.team.pk, number=number)
            if step is None:
                raise UserError("unknown_step", number=number)
            if status is not None:
                if step.status == status:
                    raise UserError(f"step_already_{status}", number=number)
                step.status = status
                action = _STATUS_AUDIT[status]
                if status == StepStatus.DELETED:  # the audit log keeps only its number
                    step.text, step.due_date, step.goal_id = "", None, None
                    await set_step_owners(session, plan, step, Owner(), actor=actor, at=now)
            elif due is not None:
                step.due_date, step.status = due, StepStatus.OPEN
                action = AuditAction.STEP_RESCHEDULED
            elif owner is not None:
                await set_step_owners(session, plan, step, owner, actor=actor, at=now)
                action = AuditAction.STEP_OWNERS_CHANGED
            else:
                assert text is not None
                step.text = text
                action = AuditAction.STEP_EDITED
            step.updated_by, step.updated_at = actor.user_id, now
            session.add(step)
            await self.planner.plan_step(session, plan.team, step)
            await session.flush()
            await attention_queries.recount_team(session, team_id=plan.team.pk, today=self.today())
            self._audit(session, actor, plan.team, action, str(number))
        await self._publish(plan, step, new=False)
        return step

    async def export(self, *, actor: Actor, channel_id: str) -> str:
        plan = await self.load(actor, channel_id, action=Action.EXPORT_PLAN, with_meetings=True)
        return await self._export(actor, plan, detail=None)

    async def export_by_code(self, *, actor: Actor, code: str) -> str:
        """The plan of a team addressed by its code, from anywhere: for its members, and after
        its closing for those who were members then, until the purge."""
        plan = await self._by_code(actor, code, action=Action.EXPORT_BY_CODE, page_size=None)
        return await self._export(actor, plan, detail="by_code")

    async def view_by_code(self, *, actor: Actor, code: str, page_size: int) -> PlanData:
        """The first page of the plan of a team addressed by its code, from anywhere, for the
        same people as `export_by_code`; audited as viewed by code."""
        plan = await self._by_code(
            actor, code, action=Action.VIEW_PLAN_BY_CODE, page_size=page_size
        )
        async with self.core.database.session() as session:
            self._audit(session, actor, plan.team, AuditAction.PLAN_VIEWED, "by_code")
        return plan

    async def _by_code(
        self, actor: Actor, code: str, *, action: Action, page_size: int | None
    ) -> PlanData:
        """The plan (its first page, with `page_size`) of the team with this code, for whom
        the access table lets take the action by code; coordinators see no content."""
        team, members = await team_by_code(
            self.core, code=code, actor=actor, action=action, coordinator=CoordinatorStatus.NO
        )
        async with self.core.database.session() as session:
            return await read_plan(
                self.core, session, team, members, VISIBLE, page_size, 1, with_meetings=True
            )

    async def _export(self, actor: Actor, plan: PlanData, *, detail: str | None) -> str:
        ids = [m.user_id for m in plan.members] + plan.owners.people(plan.steps)
        names = await self.core.platform.display_names(ids)
        async with self.core.database.session() as session:
            self._audit(session, actor, plan.team, AuditAction.PLAN_EXPORTED, detail)
        return plan_messages.plan_export(actor.t, plan, names=names)

    async def _publish(self, plan: PlanData, step: Step, *, new: bool) -> None:
        """Post or update the step's message in the team channel (workspace language)."""
        channel_id = plan.team.live_channel_id
        if step.status == StepStatus.DELETED:
            message = Message(self.core.t("step_deleted_notice", number=step.number))
        else:
            async with self.core.database.session() as session:
                owners = await load_owners(session, plan.team, [step])
            plan = dataclasses.replace(plan, owners=owners)
            message = plan_messages.step_message(self.core.t, step, plan)
        ts = None if new else step.message_ts
        key = PostKey(PostKind.STEP, str(step.pk))
        ref = await post_or_update(self.core, channel_id, message, ts=ts, key=key)
        if ref is not None:
            async with self.core.database.session() as session:
                await queries.set_step_message(session, step_id=step.pk, ts=ref)
            step.message_ts = ref

    @staticmethod
    async def _record_once(session: AsyncSession, request_key: str, *, at: datetime) -> None:
        """Record the key in this transaction; AlreadyHandled when it was recorded before
        (after the team's lock, so a concurrent twin waits and then finds it)."""
        queries.record_request_key(session, key=request_key, at=at)
        try:
            await session.flush()
        except IntegrityError:
            raise AlreadyHandled(request_key) from None

    def _audit(
        self,
        session: AsyncSession,
        actor: Actor,
        team: Team,
        action: AuditAction,
        detail: str | None,
    ) -> None:
        audit(session, action, at=self.core.clock.now(), actor=actor, team=team, detail=detail)
