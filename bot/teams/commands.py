"""The `/tiimi` command grammar: a pure parser from text to a command value."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.command_text import typed_text
from bot.errors import UserError
from bot.teams.professions import match_profession
from bot.text_norm import fold
from storage.models import CloseReason

_MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")
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
        """The filters as typed in Finnish, to carry them to the next page."""
        words = ["ilman tapaamista"] if self.without_meeting else []
        words += ["myöhässä"] if self.overdue else []
        words += ["vanhat"] if self.old else []
        words += [f"vastuu <@{self.convenor_id}>"] if self.convenor_id else []
        return " ".join(words)


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


def parse_mention(token: str) -> str | None:
    """The user id in a Slack-escaped mention `<@U123|name>`, else None."""
    match = _MENTION.match(token)
    return match.group(1) if match else None


def parse_team_code(token: str) -> str | None:
    """`MT-2026-0042` (any case) → the code as the bot writes it, else None."""
    return token.upper() if _TEAM_CODE.match(token) else None


def parse_close_reason(text: str) -> CloseReason | None:
    return _CLOSE_REASONS.get(fold(text).strip(" .!"))


def parse_tiimi(text: str) -> TiimiCommand:
    """Parse the text after `/tiimi`; raises UserError for a known subcommand misused."""
    words = text.split()
    sub, rest = _split_subcommand(words)
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
        code = parse_team_code(rest[0])
        if code is None or len(rest) > 1:
            raise UserError("usage_export")
        return ExportPlan(code=code)
    if sub == "meeting":
        return _parse_meeting(rest)
    if sub == "open_teams":
        return parse_open_teams(" ".join(rest))
    if sub == "statistics":
        return _parse_statistics(rest)
    if sub == "open":
        return _parse_open(rest)
    code = parse_team_code(rest[0]) if sub in ("close", "hand_over") and rest else None
    if code is not None:
        rest = rest[1:]
    if sub == "close":
        if not rest:
            return CloseTeam(reason=None, code=code)
        reason = parse_close_reason(" ".join(rest))
        if reason is None:
            raise UserError("close_reason_unknown")
        return CloseTeam(reason=reason, code=code)
    user_id = parse_mention(rest[0]) if rest else None
    if user_id is None:
        raise UserError(f"usage_{sub}")
    if sub == "add":
        return AddMember(user_id=user_id, profession=_parse_profession(rest[1:]))
    if len(rest) > 1:
        raise UserError(f"usage_{sub}")
    return RemoveMember(user_id) if sub == "remove" else HandOver(user_id, code=code)


def _split_subcommand(words: list[str]) -> tuple[str | None, list[str]]:
    if not words:
        return "help", []
    if len(words) > 1 and (two := fold(" ".join(words[:2]))) in _SUBCOMMANDS:
        return _SUBCOMMANDS[two], words[2:]
    return _SUBCOMMANDS.get(fold(words[0])), words[1:]


_MEETING_VERBS = {
    **dict.fromkeys(["siirra", "flytta", "move"], "move"),
    **dict.fromkeys(["peru", "peruuta", "avboka", "cancel"], "cancel"),
}


def _parse_meeting(rest: list[str]) -> ShowMeeting | BookMeeting | MoveMeeting | CancelMeeting:
    if not rest:
        return ShowMeeting()
    verb = _MEETING_VERBS.get(fold(rest[0]))
    if verb == "cancel":
        return CancelMeeting()
    if verb == "move":
        if len(rest) == 1:
            raise UserError("usage_meeting_move")
        return MoveMeeting(typed_text(" ".join(rest[1:])))
    return BookMeeting(typed_text(" ".join(rest)))


def parse_open_teams(text: str, *, page: int = 1) -> ListOpenTeams:
    """`avoimet [ilman tapaamista | myöhässä | vanhat | vastuu @nimi | csv]`, combinable."""
    folded = fold(text)
    words = text.split()
    convenor = None
    for index, word in enumerate(words[:-1]):
        if fold(word) in ("vastuu", "ansvar", "convenor"):
            convenor = parse_mention(words[index + 1])
            if convenor is None:
                raise UserError("usage_open_teams")
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
    leftover = [w for w in rest.split() if not w.startswith("<@")]
    if leftover:
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


def _parse_statistics(rest: list[str]) -> ShowStatistics:
    if not rest:
        return ShowStatistics()
    if len(rest) == 1 and rest[0].isdigit() and 2000 <= int(rest[0]) <= 2100:
        return ShowStatistics(year=int(rest[0]))
    raise UserError("usage_statistics")


def _parse_open(rest: list[str]) -> OpenTeam | OpenTeamDialog:
    if not rest:
        return OpenTeamDialog()
    ids = [parse_mention(token) for token in rest]
    if any(user_id is None for user_id in ids):
        raise UserError("usage_open")
    return OpenTeam(member_ids=tuple(dict.fromkeys(i for i in ids if i is not None)))


def _parse_profession(words: list[str]) -> str | None:
    if not words:
        return None
    key = match_profession(" ".join(words))
    if key is None:
        raise UserError("unknown_profession")
    return key
