"""Runs `/tiimi` commands and button presses: privacy guard, parse, act, answer."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from bot.answers import answer, guard_input, refusal
from bot.command_input import CommandInput
from bot.context import Actor, Core
from bot.coordinators.commands import ListOpenTeams, ShowStatistics, parse_teams_page
from bot.coordinators.overview import OverviewService
from bot.coordinators.roster import CoordinatorDirectory
from bot.coordinators.statistics import StatisticsService
from bot.dates import moment
from bot.errors import UserError
from bot.feedback.service import FeedbackService
from bot.meetings.booking import MeetingService
from bot.meetings.commands import run_meeting_command
from bot.meetings.grammar import BookMeeting, CancelMeeting, MoveMeeting, ShowMeeting
from bot.meetings.notices import show_outcome
from bot.plan.dispatch import AskelCommands, refused_beside
from bot.privacy import Display, access
from bot.privacy.access import Action, team_by_code, team_for
from bot.ratings.dispatch import ArvioCommands
from bot.replies import Person, Reply, simple
from bot.teams import messages as team_messages
from bot.teams.close_service import CloseServiceDialog, check_service_form
from bot.teams.closing import ClosingService
from bot.teams.commands import (
    AddMember,
    CloseTeam,
    ExportPlan,
    HandOver,
    ListMembers,
    OpenTeam,
    OpenTeamDialog,
    RemoveMember,
    ShowHelp,
    ShowPlan,
    TeamCommand,
    parse_team_code,
    parse_tiimi,
)
from bot.teams.members import MemberService
from bot.teams.opening import TeamService
from bot.teams.participant_commands import AddParticipant, RemoveParticipant, SetContact
from bot.teams.participants import ParticipantService
from bot.teams.roles import Role
from bot.workshops.dispatch import PajaCommands
from storage.models import CloseReason, MeetingStatus, Team

log = logging.getLogger(__name__)


class TiimiCommands:
    def __init__(self, core: Core) -> None:
        self.core = core
        self.teams = TeamService(core)
        self.closing = ClosingService(core)
        self.members = MemberService(core)
        self.askel = AskelCommands(core)
        self.participants = ParticipantService(core, self.askel.plan)
        self.meetings = MeetingService(core)
        self.coordinators = CoordinatorDirectory(core)
        self.overview = OverviewService(core, self.coordinators)
        self.statistics = StatisticsService(core, self.coordinators)
        self.feedback = FeedbackService(core)
        self.ratings = ArvioCommands(core, self.coordinators)  # /arvio (bot/ratings)
        self.paja = PajaCommands(core)  # staff workshops (`/paja`)

    async def run(
        self, *, actor: Actor, text: CommandInput, channel_id: str, request_key: str
    ) -> Reply | OpenTeamDialog:
        """Handle `/tiimi <text>`; an OpenTeamDialog asks the adapter to open the form."""
        try:
            guard_input(text)
            command = parse_tiimi(text)
        except UserError as error:
            return refusal(actor, error)
        if isinstance(command, OpenTeamDialog):
            return command
        return await answer(actor, lambda: self._execute(command, actor, channel_id, request_key))

    async def open_from_dialog(
        self, *, actor: Actor, member_ids: Sequence[str], request_key: str
    ) -> Reply:
        return await answer(
            actor, lambda: self._open(actor, member_ids, {}, request_key, via_form=True)
        )

    async def snooze_from_button(self, *, actor: Actor, channel_id: str, days: int) -> Reply:
        async def work() -> Reply:
            due = await self.meetings.snooze(actor=actor, channel_id=channel_id, days=days)
            when = moment(due, self.core.timezone, actor.lang)
            return simple(actor.t("nudge_snoozed", when=when))

        return await answer(actor, work)

    async def meeting_outcome_from_button(
        self, *, actor: Actor, channel_id: str, value: str, held: bool
    ) -> Reply:
        """Pidettiin / Ei pidetty under the after-meeting message; the value is the meeting id."""

        async def work() -> Reply:
            if not (value.isascii() and value.isdigit() and len(value) <= 9):
                raise UserError("meeting_outcome_unknown")
            status = MeetingStatus.HELD if held else MeetingStatus.NOT_HELD
            outcome = await self.meetings.record_outcome(
                actor=actor, channel_id=channel_id, meeting_id=int(value), status=status
            )
            await show_outcome(self.core, outcome, by=actor.user_id)
            return simple(actor.t("meeting_outcome_saved"))

        return await answer(actor, work)

    async def teams_page(self, *, actor: Actor, value: str) -> Reply:
        """The overview's page buttons carry `page|filters`."""

        async def work() -> Reply:
            command, filters = parse_teams_page(value)
            message = await self.overview.open_teams(actor=actor, command=command, filters=filters)
            return Reply(message)

        return await answer(actor, work)

    async def close_from_button(
        self, *, actor: Actor, channel_id: str, value: str
    ) -> Reply | CloseServiceDialog:
        """The reason buttons carry `team id:reason` in the channel, `code:reason` by code;
        *siirtyi yhteen palveluun* asks which service first (CloseServiceDialog)."""
        key, _, reason = value.partition(":")
        code = parse_team_code(key)
        if reason == CloseReason.MOVED_TO_ONE_SERVICE:

            async def ask() -> CloseServiceDialog:
                await self._team_to_close(actor, channel_id=channel_id, code=code)
                return CloseServiceDialog(key=key)

            return await answer(actor, ask)

        async def close() -> Reply:
            try:
                why = CloseReason(reason)
            except ValueError:  # a button's value Tiimi never gave
                raise UserError("close_reason_unknown") from None
            return await self._close(actor, why, channel_id=channel_id, code=code)

        return await answer(actor, close)

    def check_close_service(
        self,
        *,
        actor: Actor,
        profession: str | None,
        text: str | None,
        display: Display | None = None,
    ) -> str:
        """The service the close form names, checked without I/O; raises FormErrors."""
        with refused_beside(actor, "service"):
            return check_service_form(profession, text, display=display)

    async def close_with_service(
        self, *, actor: Actor, channel_id: str, key: str, service: str
    ) -> Reply:
        """Close as moved to the checked service (the close form's submission)."""
        code = parse_team_code(key)
        reason = CloseReason.MOVED_TO_ONE_SERVICE
        return await answer(
            actor,
            lambda: self._close(actor, reason, channel_id=channel_id, code=code, service=service),
        )

    async def _close(
        self,
        actor: Actor,
        reason: CloseReason,
        *,
        channel_id: str,
        code: str | None,
        service: str | None = None,
    ) -> Reply:
        """Close in the database and answer; then (`Reply.then`) ask the closer privately for
        the client's feedback, and clear and archive the channel."""
        team = await self._team_to_close(actor, channel_id=channel_id, code=code)
        closed = await self.closing.close(
            actor=actor, team=team, reason=reason, service=service, as_coordinator=code is not None
        )

        async def then() -> bool:
            await self.feedback.ask(actor=actor, team=closed)
            return await self.closing.clear_and_archive(closed.pk)

        text = actor.t("team_closed_done", code=closed.code)
        return Reply(simple(text).message, then=then)

    async def _team_to_close(self, actor: Actor, *, channel_id: str, code: str | None) -> Team:
        """In its channel the convenor closes the team; by its code, a coordinator."""
        if code is None:
            team, _ = await team_for(
                self.core, channel_id=channel_id, actor=actor, action=Action.CLOSE_TEAM
            )
            return team
        team, _ = await team_by_code(
            self.core,
            code=code,
            actor=actor,
            action=Action.CLOSE_BY_CODE,
            coordinator=await self.coordinators.status(actor.user_id),
        )
        return team

    async def _execute(
        self,
        command: TeamCommand,
        actor: Actor,
        channel_id: str,
        request_key: str,
    ) -> Reply:
        t = actor.t
        match command:
            case ShowHelp(unknown=unknown):
                roles = await access.actor_roles(self.coordinators, actor)
                coordinator = access.allowed(Action.LIST_ALL_TEAMS, roles)
                return Reply(
                    team_messages.help_message(t, unknown=unknown, coordinator=coordinator)
                )
            case OpenTeam(member_ids=member_ids, roles=roles):
                return await self._open(actor, member_ids, dict(roles), request_key)
            case AddMember(user_id=user_id, profession=profession):
                role = Role(profession, command.other, command.organisation) if profession else None
                key = await self.members.add(
                    actor=actor, channel_id=channel_id, user_id=user_id, role=role
                )
                return simple(t(key, user=Person(user_id)))
            case RemoveMember(user_id=user_id):
                await self.members.remove(actor=actor, channel_id=channel_id, user_id=user_id)
                await self.askel.plan.flag_steps_of_departed(actor, channel_id, user_id=user_id)
                return simple(t("member_removed", user=Person(user_id)))
            case HandOver(user_id=user_id, code=None):
                await self.members.hand_over(actor=actor, channel_id=channel_id, user_id=user_id)
                return simple(t("convenor_changed", user=Person(user_id)))
            case HandOver(user_id=user_id, code=str(code)):
                await self.members.hand_over_by_code(
                    actor=actor,
                    code=code,
                    user_id=user_id,
                    coordinator=await self.coordinators.status(actor.user_id),
                )
                return simple(t("convenor_changed_by_code", user=Person(user_id), code=code))
            case ShowPlan(code=None):
                return await self.askel.show_plan(actor=actor, channel_id=channel_id)
            case ShowPlan(code=str(code)):
                return await self.askel.show_plan_by_code(actor=actor, code=code)
            case ExportPlan(code=None):
                return await self.askel.export(actor=actor, channel_id=channel_id)
            case ExportPlan(code=str(code)):
                return await self.askel.export_by_code(actor=actor, code=code)
            case ShowMeeting() | BookMeeting() | MoveMeeting() | CancelMeeting():
                return await run_meeting_command(
                    self.core, self.meetings, command, actor, channel_id
                )
            case ListOpenTeams(csv=True):
                count = await self.overview.send_csv(actor=actor, command=command)
                return simple(t("overview_csv_sent", count=count))
            case ListOpenTeams():
                filters = command.filters_text()
                return Reply(
                    await self.overview.open_teams(actor=actor, command=command, filters=filters)
                )
            case ShowStatistics(year=year):
                return Reply(await self.statistics.report(actor=actor, year=year))
            case ListMembers():
                team, members = await self.members.listing(actor=actor, channel_id=channel_id)
                participants = await self.participants.current(team)
                return Reply(
                    team_messages.member_list(
                        t, team=team, members=members, participants=participants
                    )
                )
            case AddParticipant() | RemoveParticipant() | SetContact():
                return await self.participants.run(command, actor=actor, channel_id=channel_id)
            case CloseTeam(reason=None, code=code):
                team = await self._team_to_close(actor, channel_id=channel_id, code=code)
                choice = team_messages.close_reason_choice(t, team=team, by_code=code is not None)
                return Reply(choice)
            case CloseTeam(reason=CloseReason() as reason, code=code, service=service):
                return await self._close(
                    actor, reason, channel_id=channel_id, code=code, service=service
                )
        raise AssertionError(f"unhandled command {command!r}")

    async def _open(
        self,
        actor: Actor,
        member_ids: Sequence[str],
        roles: Mapping[str, Role],
        request_key: str,
        *,
        via_form: bool = False,
    ) -> Reply:
        opened = await self.teams.open_team(
            actor=actor, member_ids=member_ids, request_key=request_key, roles=roles
        )
        return Reply(
            team_messages.opened_message(actor.t, opened, tz=self.core.timezone, via_form=via_form)
        )
