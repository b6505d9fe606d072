"""The `/tiimi` command grammar: a pure parser from a command's words to a command value."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.command_input import CommandInput, Word
from bot.errors import UserError
from bot.teams.professions import match_profession
from bot.text_norm import fold
from storage.models import CloseReason

_TEAM_CODE = re.compile(r"^MT-[0-9]{4}-[0-9]{4,6}$", re.IGNORECASE)


@dataclass(frozen=True)
class OpenTeam:
    member_ids: tuple[str, ...]


@dataclass(frozen=True)
class OpenTeamDialog:
    pass


@dataclass(frozen=True)
class AddMember:
    user_id: str
    profession: str | None


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


@dataclass(frozen=True)
class ShowPlan:
    pass


@dataclass(frozen=True)
class ExportPlan:
    code: str | None = None  # by code from anywhere: members and former members


@dataclass(frozen=True)
class ShowMeeting:
    pass


@dataclass(frozen=True)
class BookMeeting:
    text: str  # time and place, parsed with the team's clock and time zone


@dataclass(frozen=True)
class MoveMeeting:
    text: str


@dataclass(frozen=True)
class CancelMeeting:
    pass


@dataclass(frozen=True)
class ListOpenTeams:
    without_meeting: bool = False
    overdue: bool = False
    old: bool = False
    convenor_id: str | None = None
    csv: bool = False
    page: int = 1

    def filters_text(self) -> str:
        """The filters, to carry them to the next page: as typed in Finnish, `|convenor id`."""
        words = ["ilman tapaamista"] if self.without_meeting else []
        words += ["myöhässä"] if self.overdue else []
        words += ["vanhat"] if self.old else []
        convenor = f"|{self.convenor_id}" if self.convenor_id else ""
        return " ".join(words) + convenor


@dataclass(frozen=True)
class ShowStatistics:
    year: int | None = None  # None: the last 365 days


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
)
TiimiCommand = TeamCommand | OpenTeamDialog

_SUBCOMMANDS: dict[str, str] = {
    **dict.fromkeys(["uusi", "avaa", "new", "open", "ny"], "open"),
    **dict.fromkeys(["lisaa", "add", "lagg till", "lagg"], "add"),
    **dict.fromkeys(["poista", "remove", "ta bort", "poistu"], "remove"),
    **dict.fromkeys(["vastuu", "vastuuhenkilo", "convenor", "ansvar", "ansvarig"], "hand_over"),
    **dict.fromkeys(["jasenet", "members", "medlemmar"], "list"),
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
        return ShowPlan()
    if sub == "export":
        if not rest:
            return ExportPlan()
        code = parse_team_code(rest[0].text)
        if code is None or len(rest) > 1:
            raise UserError("usage_export")
        return ExportPlan(code=code)
    if sub == "meeting":
        return _parse_meeting(rest)
    if sub == "open_teams":
        return parse_open_teams(rest)
    if sub == "statistics":
        return _parse_statistics(rest)
    if sub == "open":
        return _parse_open(rest)
    code = parse_team_code(rest[0].text) if sub in ("close", "hand_over") and rest else None
    if code is not None:
        rest = rest[1:]
    if sub == "close":
        if not rest:
            return CloseTeam(reason=None, code=code)
        reason = parse_close_reason(_joined(rest))
        if reason is None:
            raise UserError("close_reason_unknown")
        return CloseTeam(reason=reason, code=code)
    user_id = person_id(rest[0]) if rest else None
    if user_id is None:
        raise UserError(f"usage_{sub}")
    if sub == "add":
        return AddMember(user_id=user_id, profession=_parse_profession(rest[1:]))
    if len(rest) > 1:
        raise UserError(f"usage_{sub}")
    return RemoveMember(user_id) if sub == "remove" else HandOver(user_id, code=code)


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


_MEETING_VERBS = {
    **dict.fromkeys(["siirra", "flytta", "move"], "move"),
    **dict.fromkeys(["peru", "peruuta", "avboka", "cancel"], "cancel"),
}


def _parse_meeting(rest: list[Word]) -> ShowMeeting | BookMeeting | MoveMeeting | CancelMeeting:
    if not rest:
        return ShowMeeting()
    verb = _MEETING_VERBS.get(fold(rest[0].text))
    if verb == "cancel":
        return CancelMeeting()
    if verb == "move":
        if len(rest) == 1:
            raise UserError("usage_meeting_move")
        return MoveMeeting(_joined(rest[1:]))
    return BookMeeting(_joined(rest))


def parse_teams_page(value: str) -> tuple[ListOpenTeams, str]:
    """The overview's page buttons carry `page|filters` (`filters_text`); the filters too."""
    page, _, filters = value.partition("|")
    words, _, convenor = filters.partition("|")
    command = parse_open_teams(CommandInput.of(words).words(), page=int(page or "1"))
    return replace(command, convenor_id=convenor or None), filters


def parse_open_teams(words: Sequence[Word], *, page: int = 1) -> ListOpenTeams:
    """`avoimet [ilman tapaamista | myöhässä | vanhat | vastuu @nimi | csv]`, combinable."""
    convenor = None
    for index, word in enumerate(words[:-1]):
        if fold(word.text) in ("vastuu", "ansvar", "convenor"):
            convenor = person_id(words[index + 1])
            if convenor is None:
                raise UserError("usage_open_teams")
    folded = fold(_joined([word for word in words if word.person is None]))
    known = (
        "ilman tapaamista",
        "utan mote",
        "no meeting",
        "myohassa",
        "forsenade",
        "overdue",
        "vanhat",
        "gamla",
        "old",
        "csv",
        "vastuu",
        "ansvar",
        "convenor",
    )
    rest = folded
    for phrase in known:
        rest = rest.replace(phrase, " ")
    if rest.split():
        raise UserError("usage_open_teams")
    tokens = set(folded.split())
    return ListOpenTeams(
        without_meeting=any(p in folded for p in ("ilman tapaamista", "utan mote", "no meeting")),
        overdue=bool(tokens & {"myohassa", "forsenade", "overdue"}),
        old=bool(tokens & {"vanhat", "gamla", "old"}),
        convenor_id=convenor,
        csv="csv" in tokens,
        page=page,
    )


def _parse_statistics(rest: list[Word]) -> ShowStatistics:
    if not rest:
        return ShowStatistics()
    year = rest[0].text
    if len(rest) == 1 and year.isdigit() and 2000 <= int(year) <= 2100:
        return ShowStatistics(year=int(year))
    raise UserError("usage_statistics")


def _parse_open(rest: list[Word]) -> OpenTeam | OpenTeamDialog:
    if not rest:
        return OpenTeamDialog()
    ids = [person_id(word) for word in rest]
    if any(user_id is None for user_id in ids):
        raise UserError("usage_open")
    return OpenTeam(member_ids=tuple(dict.fromkeys(i for i in ids if i is not None)))


def _parse_profession(words: list[Word]) -> str | None:
    if not words:
        return None
    key = match_profession(_joined(words))
    if key is None:
        raise UserError("unknown_profession")
    return key
