"""The messages about a team's life: welcome, member list, closing summary, help."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot import action_ids
from bot.dates import day, moment
from bot.i18n import Catalog
from bot.plan.messages import participant_line
from bot.replies import (
    Block,
    Button,
    Buttons,
    Divider,
    Header,
    Message,
    Note,
    Person,
    Runs,
    SpaceLink,
    Text,
    When,
    compose,
    join,
    strong,
)
from bot.teams.close_service import service_label
from bot.teams.professions import member_role
from storage.models import CloseReason, Member, Participant, Team, TeamState
from storage.retention_queries import Counts

if TYPE_CHECKING:
    from bot.teams.opening import OpenedTeam

CLOSE_REASONS = tuple(CloseReason)


def mentions(user_ids: Sequence[str]) -> Runs:
    return join(", ", (Person(u) for u in user_ids))


def welcome(t: Catalog, *, team: Team, member_ids: Sequence[str]) -> Message:
    others = [u for u in member_ids if u != team.convenor_id]
    return Message(
        t("welcome_fallback", code=team.code),
        blocks=(
            Header(t("welcome_header", code=team.code)),
            Text(
                t(
                    "welcome_intro",
                    convenor=Person(team.convenor_id),
                    members=mentions(others) or "–",
                )
            ),
            Text(t("welcome_agenda")),
            Text(t("welcome_do")),
            Text(t("welcome_dont")),
            Note(t("welcome_next")),
        ),
    )


def member_list(
    t: Catalog, *, team: Team, members: Sequence[Member], participants: Sequence[Participant] = ()
) -> Message:
    """The members, then the participants without a chat account with their contact members
    (each numbered P1, P2… as the commands name them)."""
    lines = []
    for member in members:
        label = member_role(member, t.lang, unknown=t.plain("profession_unknown"))
        role = (" – ", t("convenor")) if member.user_id == team.convenor_id else ()
        gone = (" – ", t("member_deactivated")) if member.deactivated_at is not None else ()
        lines.append(compose("• ", Person(member.user_id), f" ({label})", *role, *gone))
    body = join("\n", lines)
    header = t("members_header", code=team.code, count=len(members))
    blocks: list[Block] = [Header(header), Text(body)]
    if participants:
        others = join(
            "\n",
            (
                compose(
                    "• ",
                    participant_line(t, p),
                    " – ",
                    t("participant_contact", contact=Person(p.contact_user_id or team.convenor_id)),
                )
                for p in participants
            ),
        )
        others = compose(strong(t("participants_title")), "\n", others)
        blocks.append(Text(others))
        body = compose(body, "\n", others)
    note = t("participants_no_names")
    blocks.append(Note(note))
    return Message(compose(header, "\n", body, "\n", note), blocks=tuple(blocks))


def closing_summary(
    t: Catalog, *, team: Team, counts: Counts, tz: ZoneInfo, retention_days: int
) -> Message:
    """Reason, dates, counts and who closed it; no plan content (it has left the channel).
    A close finished only after the purge has no people left to name."""
    assert team.closed_at is not None
    opened = team.activated_at or team.created_at
    purge = team.closed_at + timedelta(days=retention_days)

    def local_day(at: datetime) -> When:
        return day(at.astimezone(tz).date(), t.lang)

    lines = [
        t(
            "closed_summary",
            reason=t.plain(f"reason_{team.close_reason}"),
            opened=local_day(opened),
            closed=local_day(team.closed_at),
            count=max(0, (team.closed_at - opened).days),
            members=counts.members,
            steps=counts.steps,
            done=counts.steps_done,
            meetings=counts.meetings,
        )
    ]
    if team.closed_to_service:
        service = service_label(team.closed_to_service, t.lang)
        lines.append(t("closed_to_service", service=service))
    if counts.participants:
        lines.append(t("closed_participants", count=counts.participants))
    if team.convenor_id:
        lines.append(t("closed_convenor", user=Person(team.convenor_id)))
    if team.closed_by:
        by_coordinator = team.closed_by != team.convenor_id
        key = "closed_by_coordinator" if by_coordinator else "closed_by"
        lines.append(t(key, user=Person(team.closed_by)))
    return Message(
        t("closed_fallback", code=team.code),
        blocks=(
            Header(t("closed_header", code=team.code)),
            Text(join("\n", lines)),
            Text(t("closed_record_reminder", code=team.code, until=local_day(purge))),
        ),
    )


def close_reason_choice(t: Catalog, *, team: Team, by_code: bool = False) -> Message:
    """Buttons of the reasons; by code (a coordinator's) they carry the code, else the id."""
    key = team.code if by_code else team.pk
    buttons = tuple(
        Button(
            action_ids.variant(action_ids.CLOSE_TEAM, reason),
            t.plain(f"reason_{reason}"),
            f"{key}:{reason}",
        )
        for reason in CLOSE_REASONS
    )
    return Message(
        t("close_choose_reason", code=team.code),
        blocks=(Text(t("close_choose_reason", code=team.code)), Buttons(buttons)),
    )


def help_message(t: Catalog, *, unknown: bool = False, coordinator: bool = False) -> Message:
    """Every `/tiimi` and `/askel` command the user may use; the coordinators' for them."""
    blocks: list[Block] = [Header(t("help_header"))]
    if unknown:
        blocks.append(Text(t("help_unknown")))
    blocks += [Text(t("help_body")), Text(t("help_by_code"))]
    blocks += [Header(t("askel_help_header")), Text(t("askel_help_body"))]
    if coordinator:
        blocks += [Header(t("help_coordinators_header")), Text(t("help_coordinators"))]
    blocks += [Divider(), Note(t("help_privacy"))]
    return Message(t("help_header"), blocks=tuple(blocks))


def convenor_notice(t: Catalog, *, old: str, new: str, coordinator: str | None) -> Message:
    """Told in the team's channel when the convenor's task moves (by a coordinator, or not)."""
    if coordinator is None:
        notice = t("convenor_changed_notice", old=Person(old), new=Person(new))
    else:
        notice = t(
            "convenor_changed_by_coordinator_notice",
            coordinator=Person(coordinator),
            old=Person(old),
            new=Person(new),
        )
    return Message(notice)


def opened_message(
    t: Catalog, opened: OpenedTeam, *, tz: ZoneInfo, via_form: bool = False
) -> Message:
    """The team's channel, the consent recorded with it (who, when, what), who was not invited."""
    team = opened.team
    if opened.already_existed and team.state != TeamState.ACTIVE:
        return Message(t("team_being_opened", code=team.code))
    text = t("team_opened", code=team.code, channel=SpaceLink(team.live_channel_id))
    consent = t(
        "consent_recorded_form" if via_form else "consent_recorded_command",
        user=Person(team.consent_confirmed_by),
        when=moment(team.consent_confirmed_at, tz, t.lang),
    )
    text = compose(text, "\n", consent)
    if opened.not_invited:
        text = compose(text, "\n", t("not_invited", users=mentions(list(opened.not_invited))))
    return Message(text, blocks=(Text(text),))
