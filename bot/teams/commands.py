"""The `/tiimi` command grammar: a pure parser from a command's words to a command value."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.command_input import CommandInput, Word
from bot.coordinators.commands import (
    ListOpenTeams,
    ShowStatistics,
    parse_open_teams,
    parse_statistics,
)
from bot.errors import UserError
from bot.meetings.grammar import (
    BookMeeting,
    CancelMeeting,
    MoveMeeting,
    ShowMeeting,
    parse_meeting,
)
from bot.teams.close_service import parse_service
from bot.teams.participant_commands import (
    AddParticipant,
    RemoveParticipant,
    SetContact,
    parse_participant,
)
from bot.teams.roles import Role, parse_role
from bot.text_norm import fold
from storage.models import CloseReason

_TEAM_CODE = re.compile(r"^MT-[0-9]{4}-[0-9]{4,6}$", re.IGNORECASE)


@dataclass(frozen=True)
class OpenTeam:
    member_ids: tuple[str, ...]
    roles: tuple[tuple[str, Role], ...] = ()  # (member, role) for those given one


@dataclass(frozen=True)
class OpenTeamDialog:
    pass


@dataclass(frozen=True)
class AddMember:
    user_id: str
    profession: str | None
    other: str | None = None  # the free text of an OTHER profession
    organisation: str | None = None


@dataclass(frozen=True)
class RemoveMember:
    user_id: str


@dataclass(frozen=True)
class HandOver:
    user_id: str
    code: str | None = None  # a coordinator addresses the team by its code from anywhere


@dataclass(frozen=True)
class ListMembers:
    pass


@dataclass(frozen=True)
class CloseTeam:
    reason: CloseReason | None
    code: str | None = None  # a coordinator addresses the team by its code from anywhere
    service: str | None = None  # moved to one service: which (bot.teams.close_service)


@dataclass(frozen=True)
class ShowPlan:
    code: str | None = None  # by code from anywhere: members and former members


@dataclass(frozen=True)
class ExportPlan:
    code: str | None = None  # by code from anywhere: members and former members


@dataclass(frozen=True)
class ShowHelp:
    unknown: bool = False


TeamCommand = (
    OpenTeam
    | AddMember
    | RemoveMember
    | HandOver
    | ListMembers
    | CloseTeam
    | ShowPlan
    | ExportPlan
    | ShowMeeting
    | BookMeeting
    | MoveMeeting
    | CancelMeeting
    | ListOpenTeams
    | ShowStatistics
    | ShowHelp
    | AddParticipant
    | RemoveParticipant
    | SetContact
)
TiimiCommand = TeamCommand | OpenTeamDialog

_SUBCOMMANDS: dict[str, str] = {
    **dict.fromkeys(["uusi", "avaa", "new", "open", "ny"], "open"),
    **dict.fromkeys(["lisaa", "add", "lagg till", "lagg"], "add"),
    **dict.fromkeys(["poista", "remove", "ta bort", "poistu"], "remove"),
    **dict.fromkeys(["vastuu", "vastuuhenkilo", "convenor", "ansvar", "ansvarig"], "hand_over"),
    **dict.fromkeys(["jasenet", "members", "medlemmar"], "list"),
    **dict.fromkeys(
        ["osallistuja", "osallistujat", "deltagare", "participant", "participants"], "participant"
    ),
    **dict.fromkeys(["sulje", "close", "stang"], "close"),
    **dict.fromkeys(["suunnitelma", "plan", "planen"], "plan"),
    **dict.fromkeys(["vie", "export", "exportera"], "export"),
    **dict.fromkeys(["tapaaminen", "tapaamiset", "mote", "meeting"], "meeting"),
    **dict.fromkeys(["avoimet", "oppna", "open teams", "teams"], "open_teams"),
    **dict.fromkeys(["tilastot", "statistik", "statistics", "stats"], "statistics"),
    **dict.fromkeys(["ohje", "apua", "help", "hjalp", ""], "help"),
}

_CLOSE_REASONS: dict[str, CloseReason] = {
    **dict.fromkeys(
        (
            "tavoitteet saavutettu",
            "tavoitteet",
            "saavutettu",
            "goals reached",
            "goals",
            "malen uppnadda",
            "malen",
        ),
        CloseReason.GOALS_REACHED,
    ),
    **dict.fromkeys(
        ["asiakkaan toive", "toive", "client's wish", "client wish", "klientens onskan", "onskan"],
        CloseReason.CLIENT_WISH,
    ),
    **dict.fromkeys(
        (
            "siirtyi yhteen palveluun",
            "siirtyi",
            "yksi palvelu",
            "moved to one service",
            "overgick till en tjanst",
            "en tjanst",
        ),
        CloseReason.MOVED_TO_ONE_SERVICE,
    ),
    **dict.fromkeys(["muu", "other", "annat", "ovrigt"], CloseReason.OTHER),
}


def person_id(word: Word) -> str | None:
    """The person's id if the word is a reference to a person, else None."""
    return word.person.user_id if word.person else None


def parse_team_code(token: str) -> str | None:
    """`MT-2026-0042` (any case) → the code as the bot writes it, else None."""
    return token.upper() if _TEAM_CODE.match(token) else None


def parse_close_reason(text: str) -> CloseReason | None:
    return _CLOSE_REASONS.get(fold(text).strip(" .!"))


def parse_tiimi(command: CommandInput) -> TiimiCommand:
    """Parse the text after `/tiimi`; raises UserError for a known subcommand misused."""
    sub, rest = _split_subcommand(command.words())
    if sub is None:
        return ShowHelp(unknown=True)
    if sub == "help":
        return ShowHelp()
    if sub == "list":
        return ListMembers()
    if sub == "plan":
        return ShowPlan(code=_only_code(rest, usage="usage_plan"))
    if sub == "export":
        return ExportPlan(code=_only_code(rest, usage="usage_export"))
    if sub == "meeting":
        return parse_meeting(rest)
    if sub == "participant":
        return parse_participant(rest)
    if sub == "open_teams":
        return parse_open_teams(rest)
    if sub == "statistics":
        return parse_statistics(rest)
    if sub == "open":
        return _parse_open(rest)
    code = parse_team_code(rest[0].text) if sub in ("close", "hand_over") and rest else None
    if code is not None:
        rest = rest[1:]
    if sub == "close":
        return _parse_close(rest, code)
    user_id = person_id(rest[0]) if rest else None
    if user_id is None:
        raise UserError(f"usage_{sub}")
    if sub == "add":
        if len(rest) == 1:
            return AddMember(user_id=user_id, profession=None)
        role = parse_role(_joined(rest[1:]))
        if role is None:
            raise UserError("unknown_profession")
        return AddMember(user_id, role.profession, role.other, role.organisation)
    if len(rest) > 1:
        raise UserError(f"usage_{sub}")
    return RemoveMember(user_id) if sub == "remove" else HandOver(user_id, code=code)


def _only_code(rest: list[Word], *, usage: str) -> str | None:
    """Nothing, or one team code (`/tiimi vie MT-2026-0042`)."""
    if not rest:
        return None
    code = parse_team_code(rest[0].text)
    if code is None or len(rest) > 1:
        raise UserError(usage)
    return code


def _parse_close(rest: list[Word], code: str | None) -> CloseTeam:
    """`<reason>`, or `siirtyi yhteen palveluun: <service>` naming the service it moved to."""
    if not rest:
        return CloseTeam(reason=None, code=code)
    reason_text, colon, service_text = _joined(rest).partition(":")
    reason = parse_close_reason(reason_text)
    if reason is None:
        raise UserError("close_reason_unknown")
    if reason != CloseReason.MOVED_TO_ONE_SERVICE:
        if colon:
            raise UserError("close_service_only_moved")
        return CloseTeam(reason=reason, code=code)
    if any(word.person is not None for word in rest):
        raise UserError("close_service_no_people")
    return CloseTeam(reason=reason, code=code, service=parse_service(service_text))


def _split_subcommand(words: list[Word]) -> tuple[str | None, list[Word]]:
    if not words:
        return "help", []
    if words[0].person is not None:
        return None, words[1:]
    if len(words) > 1 and (two := fold(_joined(words[:2]))) in _SUBCOMMANDS:
        return _SUBCOMMANDS[two], words[2:]
    return _SUBCOMMANDS.get(fold(words[0].text)), words[1:]


def _joined(words: Sequence[Word]) -> str:
    return " ".join(word.text for word in words)


def _parse_open(rest: list[Word]) -> OpenTeam | OpenTeamDialog:
    """Mentions, each optionally followed by the member's role."""
    if not rest:
        return OpenTeamDialog()
    if person_id(rest[0]) is None:
        raise UserError("usage_open")
    groups: list[tuple[str, list[Word]]] = []
    for word in rest:
        if (user_id := person_id(word)) is not None:
            groups.append((user_id, []))
        else:
            groups[-1][1].append(word)
    roles: dict[str, Role] = {}
    for user_id, words in groups:
        if not words:
            continue
        role = parse_role(_joined(words))
        if role is None:
            raise UserError("usage_open")
        roles.setdefault(user_id, role)
    return OpenTeam(
        member_ids=tuple(dict.fromkeys(user_id for user_id, _ in groups)),
        roles=tuple(roles.items()),
    )
