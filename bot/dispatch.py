"""Runs `/tiimi` commands and button presses: privacy guard, parse, act, answer."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from bot import team_messages
from bot.access import Action
from bot.answers import answer, guard, refusal
from bot.command_text import typed_text
from bot.commands import (
    AddMember,
    BookMeeting,
    CancelMeeting,
    CloseTeam,
    ExportPlan,
    HandOver,
    ListMembers,
    ListOpenTeams,
    MoveMeeting,
    OpenTeam,
    OpenTeamDialog,
    RemoveMember,
    ShowHelp,
    ShowMeeting,
    ShowPlan,
    ShowStatistics,
    TeamCommand,
    parse_open_teams,
    parse_tiimi,
)
from bot.context import Actor, Core
from bot.coordinators import CoordinatorDirectory
from bot.date_errors import explain
from bot.dates import DateParseError, format_datetime
from bot.errors import UserError
from bot.meetings import MeetingService
from bot.members import MemberService
from bot.overview import OverviewService
from bot.plan_dispatch import AskelCommands
from bot.replies import Message, Reply, Text, literal, simple
from bot.statistics import StatisticsService
from bot.teams import OpenedTeam, TeamService
from storage.models import CloseReason, TeamState

log = logging.getLogger(__name__)


class TiimiCommands:
    def __init__(self, core: Core) -> None:
        self.core = core
        self.teams = TeamService(core)
        self.members = MemberService(core)
        self.askel = AskelCommands(core)
        self.meetings = MeetingService(core)
        self.coordinators = CoordinatorDirectory(core)
        self.overview = OverviewService(core, self.coordinators)
        self.statistics = StatisticsService(core, self.coordinators)

    async def run(
        self, *, actor: Actor, text: str, channel_id: str, request_key: str
    ) -> Reply | OpenTeamDialog:
        """Handle `/tiimi <text>`; an OpenTeamDialog asks the adapter to open the form."""
        try:
            guard(text, typed_text(text))  # as sent, and as it is stored
            command = parse_tiimi(text)
        except UserError as error:
            return refusal(actor, error)
        if isinstance(command, OpenTeamDialog):
            return command
        return await answer(actor, lambda: self._execute(command, actor, channel_id, request_key))

    async def open_from_dialog(
        self, *, actor: Actor, member_ids: Sequence[str], request_key: str
    ) -> Reply:
        return await answer(actor, lambda: self._open(actor, member_ids, request_key))

    async def snooze_from_button(self, *, actor: Actor, channel_id: str, days: int) -> Reply:
        async def work() -> Reply:
            due = await self.meetings.snooze(actor=actor, channel_id=channel_id, days=days)
            when = format_datetime(due, self.core.timezone, actor.lang)
            return simple(actor.t("nudge_snoozed", when=when))

        return await answer(actor, work)

    async def teams_page(self, *, actor: Actor, value: str) -> Reply:
        """The overview's page buttons carry `page|filters`."""
        page, _, filters = value.partition("|")

        async def work() -> Reply:
            command = parse_open_teams(filters, page=int(page or "1"))
            message = await self.overview.open_teams(actor=actor, command=command, filters=filters)
            return Reply(message)

        return await answer(actor, work)

    async def close_from_button(self, *, actor: Actor, channel_id: str, value: str) -> Reply:
        async def work() -> Reply:
            reason = CloseReason(value.split(":", 1)[1])
            team = await self.teams.close_team(actor=actor, channel_id=channel_id, reason=reason)
            return simple(actor.t("team_closed_done", code=team.code))

        return await answer(actor, work)

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
                return Reply(team_messages.help_message(t, unknown=unknown))
            case OpenTeam(member_ids=member_ids):
                return await self._open(actor, member_ids, request_key)
            case AddMember(user_id=user_id, profession=profession):
                key = await self.members.add(
                    actor=actor, channel_id=channel_id, user_id=user_id, profession=profession
                )
                return simple(t(key, user=user_id))
            case RemoveMember(user_id=user_id):
                await self.members.remove(actor=actor, channel_id=channel_id, user_id=user_id)
                await self.askel.plan.flag_steps_of_departed(actor, channel_id, user_id)
                return simple(t("member_removed", user=user_id))
            case HandOver(user_id=user_id):
                await self.members.hand_over(actor=actor, channel_id=channel_id, user_id=user_id)
                return simple(t("convenor_changed", user=user_id))
            case ShowPlan():
                return await self.askel.show_plan(actor=actor, channel_id=channel_id)
            case ExportPlan():
                return await self.askel.export(actor=actor, channel_id=channel_id)
            case ShowMeeting() | BookMeeting() | MoveMeeting() | CancelMeeting():
                return await self._meeting(command, actor, channel_id)
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
                return Reply(team_messages.member_list(t, team=team, members=members))
            case CloseTeam(reason=None):
                team, _ = await self.members.team(
                    actor=actor, channel_id=channel_id, action=Action.CLOSE_TEAM
                )
                return Reply(team_messages.close_reason_choice(t, team=team))
            case CloseTeam(reason=reason):
                assert reason is not None
                team = await self.teams.close_team(
                    actor=actor, channel_id=channel_id, reason=reason
                )
                return simple(t("team_closed_done", code=team.code))
        raise AssertionError(f"unhandled command {command!r}")

    async def _meeting(
        self,
        command: ShowMeeting | BookMeeting | MoveMeeting | CancelMeeting,
        actor: Actor,
        channel_id: str,
    ) -> Reply:
        t, tz, meetings = actor.t, self.core.timezone, self.meetings
        try:
            match command:
                case BookMeeting(text=text):
                    meeting = await meetings.book(actor=actor, channel_id=channel_id, text=text)
                    key = "meeting_booked"
                case MoveMeeting(text=text):
                    meeting = await meetings.move(actor=actor, channel_id=channel_id, text=text)
                    key = "meeting_moved"
                case CancelMeeting():
                    meeting = await meetings.cancel(actor=actor, channel_id=channel_id)
                    return simple(
                        t("meeting_cancelled", when=format_datetime(meeting.starts_at, tz, t.lang))
                    )
                case ShowMeeting():
                    _, found = await meetings.next(actor=actor, channel_id=channel_id)
                    if found is None:
                        return simple(t("no_meeting_booked"))
                    meeting, key = found, "meeting_next"
        except DateParseError as error:
            return simple(explain(t, error))
        when = format_datetime(meeting.starts_at, tz, t.lang)
        text = t(key, when=when)
        if meeting.place:
            text += "\n" + t("reminder_meeting_place", place=literal(meeting.place))
        return Reply(Message(text=text, blocks=(Text(text),)), public=key != "meeting_next")

    async def _open(self, actor: Actor, member_ids: Sequence[str], request_key: str) -> Reply:
        opened = await self.teams.open_team(
            actor=actor, member_ids=member_ids, request_key=request_key
        )
        return Reply(opened_message(actor, opened))


def opened_message(actor: Actor, opened: OpenedTeam) -> Message:
    t, team = actor.t, opened.team
    if opened.already_existed and team.state != TeamState.ACTIVE:
        return Message(t("team_being_opened", code=team.code))
    lines = [t("team_opened", code=team.code, channel=team.channel_id)]
    if opened.not_invited:
        lines.append(t("not_invited", users=team_messages.mentions(list(opened.not_invited))))
    text = "\n".join(lines)
    return simple(text).message
