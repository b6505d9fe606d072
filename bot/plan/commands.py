"""The `/askel` grammar: a pure parser from a command's text to a plan command.

/askel [T<n>:] <teksti> [@nimi…] [vastuu: asiakas, P2, <ammattiryhmä>…] [pe mennessä]
/askel vastuu <nro> @nimi… | asiakas | P2 …
/askel tavoite <teksti>
/askel tavoite muokkaa T<n> <teksti>
/askel tavoite saavutettu T<n> | ei T<n> (ei enää ajankohtainen) | avaa T<n> | poista T<n>
/askel lista | kaikki
/askel valmis <nro> | ei <nro> | poista <nro>
/askel siirrä <nro> <pvm>
/askel muokkaa <nro> <teksti>
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.command_input import CommandInput, Word
from bot.dates import parse_date, split_trailing_date
from bot.errors import UserError
from bot.teams.commands import person_id
from bot.teams.professions import match_profession
from bot.text_norm import clean, fold
from storage.models import GoalStatus, StepStatus

MAX_TEXT = 500
_GOAL_PREFIX = re.compile(r"^\s*[Tt](\d{1,4})\s*:\s*")
_GOAL_NUMBER = re.compile(r"^[Tt#]?(\d{1,4})$")
_OWNER_ROLE = re.compile(r"(?:^|\s)(?:vastuu|vastuussa|ansvar|owners?)\s*:\s*(?=\S)", re.I)
_PARTICIPANT = re.compile(r"^[Pp](\d{1,4})$")
_SEPARATOR = re.compile(r"\s*(?:,|\s(?:ja|och|and)\s)\s*", re.I)


@dataclass(frozen=True)
class Owner:
    """A step's owners: members, and participants by role ("client"…) or by number (P2)."""

    user_ids: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    numbers: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.user_ids or self.roles or self.numbers)


@dataclass(frozen=True)
class AddStep:
    text: str
    owner: Owner
    due: date | None
    goal_number: int | None


@dataclass(frozen=True)
class SetOwners:
    """`/askel vastuu 3 @Carita asiakas`: the step's owners replaced."""

    number: int
    owner: Owner


@dataclass(frozen=True)
class AddGoal:
    text: str


@dataclass(frozen=True)
class EditGoal:
    number: int
    text: str


@dataclass(frozen=True)
class SetGoalStatus:
    """Reached, no longer relevant, open again, or removed (GoalStatus.REMOVED)."""

    number: int
    status: GoalStatus


@dataclass(frozen=True)
class ListSteps:
    include_finished: bool


@dataclass(frozen=True)
class SetStatus:
    number: int
    status: StepStatus


@dataclass(frozen=True)
class Reschedule:
    number: int
    due: date


@dataclass(frozen=True)
class EditStep:
    number: int
    text: str


@dataclass(frozen=True)
class StepDialog:
    """Open the step form; `goals` are the team's (number, text) for the goal picker,
    `participants` its participants (number, `P2 Läheinen`) and `new_roles` the roles
    (profession keys) of none of them, which the form can add as a new participant."""

    goals: tuple[tuple[int, str], ...] = ()
    participants: tuple[tuple[int, str], ...] = ()
    new_roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanHelp:
    pass


PlanCommand = (
    AddStep
    | AddGoal
    | EditGoal
    | SetGoalStatus
    | ListSteps
    | SetStatus
    | Reschedule
    | EditStep
    | SetOwners
    | PlanHelp
)
AskelCommand = PlanCommand | StepDialog

_VERBS: dict[str, str] = {
    **dict.fromkeys(["tavoite", "mal", "goal"], "goal"),
    **dict.fromkeys(["lista", "list"], "list"),
    **dict.fromkeys(["kaikki", "alla", "all"], "all"),
    **dict.fromkeys(["valmis", "tehty", "klar", "done"], "done"),
    **dict.fromkeys(["ei", "nej", "not"], "not_done"),
    **dict.fromkeys(["siirra", "flytta", "move"], "move"),
    **dict.fromkeys(["muokkaa", "andra", "edit"], "edit"),
    **dict.fromkeys(["poista", "radera", "delete"], "delete"),
    **dict.fromkeys(["vastuu", "ansvar", "owner", "owners"], "owners"),
    **dict.fromkeys(["ohje", "hjalp", "help"], "help"),
}
# `/askel tavoite <verb> T<n> …`; a verb not followed by a goal's number starts a new goal's
# text (`/askel tavoite Ei velkoja kesään mennessä`)
_GOAL_VERBS: dict[str, str] = {
    **dict.fromkeys(["saavutettu", "uppnatt", "reached"], "reached"),
    **dict.fromkeys(["ei", "nej", "not"], "not_relevant"),
    **dict.fromkeys(["avaa", "oppna", "reopen"], "reopen"),
    **dict.fromkeys(["muokkaa", "andra", "edit"], "edit"),
    **dict.fromkeys(["poista", "radera", "delete"], "remove"),
}
_GOAL_STATUS = {
    "reached": GoalStatus.REACHED,
    "not_relevant": GoalStatus.NOT_RELEVANT,
    "reopen": GoalStatus.OPEN,
    "remove": GoalStatus.REMOVED,
}


def parse_askel(command: CommandInput, *, today: date) -> AskelCommand:
    """Parse the text after `/askel`; raises UserError or DateParseError on bad input."""
    words = command.words()
    if not words:
        return StepDialog()
    verb = None if words[0].person else _VERBS.get(fold(words[0].text))
    rest = command.text[words[0].end :].strip()
    if verb is None:
        return _parse_step(command.strip(), today=today)
    if verb == "help":
        return PlanHelp()
    if verb in ("list", "all"):
        return ListSteps(include_finished=verb == "all")
    if verb == "goal":
        return _parse_goal(rest)
    number, tail = _number(rest, usage=f"usage_step_{verb}")
    if verb == "owners":
        owner = _owners(words[2:])
        if not owner:
            raise UserError("usage_step_owners")
        return SetOwners(number, owner)
    if verb in ("done", "not_done", "delete"):
        if tail:
            raise UserError(f"usage_step_{verb}")
        status = {"done": StepStatus.DONE, "not_done": StepStatus.NOT_DONE}
        return SetStatus(number, status.get(verb, StepStatus.DELETED))
    if verb == "move":
        if not tail:
            raise UserError("usage_step_move")
        return Reschedule(number, parse_date(tail, today=today))
    last = words[-1]
    if len(words) > 2 and last.person is not None:  # an owner is changed with `vastuu`
        raise UserError("edit_owner_hint", number=number)
    return EditStep(number, _text(tail, usage="usage_step_edit"))


def _parse_goal(rest: str) -> AddGoal | EditGoal | SetGoalStatus:
    words = rest.split(maxsplit=2)
    verb = _GOAL_VERBS.get(fold(words[0])) if words else None
    if verb is None:
        return AddGoal(_text(rest, usage="usage_goal"))
    usage = f"usage_goal_{verb}"
    if len(words) == 1:
        raise UserError(usage)
    number = _GOAL_NUMBER.match(words[1])
    tail = words[2] if len(words) > 2 else ""
    if number is None or (tail and verb != "edit" and words[1].isdigit()):
        return AddGoal(_text(rest, usage="usage_goal"))  # `Ei 2 lainaa …` is a goal's text
    if verb == "edit":
        return EditGoal(int(number.group(1)), _text(tail, usage=usage))
    if tail:
        raise UserError(usage)
    return SetGoalStatus(int(number.group(1)), _GOAL_STATUS[verb])


def _parse_step(command: CommandInput, *, today: date) -> AddStep:
    goal_number = None
    if match := _GOAL_PREFIX.match(command.text):
        goal_number, command = int(match.group(1)), command.cut(match.end())
    head, due = split_trailing_date(command.text, today=today)  # head: the text's beginning
    command = command.cut(0, len(head))
    owner = Owner()
    if match := _OWNER_ROLE.search(command.text):
        owner = _owners(command.cut(match.end()).words())
        command = command.cut(0, match.start())
    words = command.words()
    mentioned: list[str] = []
    while len(words) > 1 and (user_id := person_id(words[-1])):  # trailing mentions
        mentioned.insert(0, user_id)
        command, words = command.cut(0, words[-1].start), words[:-1]
    owner = Owner(tuple(dict.fromkeys([*mentioned, *owner.user_ids])), owner.roles, owner.numbers)
    return AddStep(_text(command.text, usage="usage_step"), owner, due, goal_number)


def _owners(words: list[Word]) -> Owner:
    """Mentions, participants' numbers (`P2`) and roles (`asiakas, läheinen`) in any order,
    separated by spaces (mentions, numbers) or commas and `ja`."""
    user_ids = [u for word in words if (u := person_id(word))]
    text = " ".join(word.text for word in words if word.person is None)
    roles: list[str] = []
    numbers: list[int] = []
    for item in (i.strip() for i in _SEPARATOR.split(f" {text} ")):
        if not item:
            continue
        pieces = item.split()
        if all(_PARTICIPANT.match(piece) for piece in pieces):
            numbers += [int(piece[1:]) for piece in pieces]
        elif (role := match_profession(item)) is not None:
            roles.append(role)
        else:
            raise UserError("unknown_owner_role")
    return Owner(
        tuple(dict.fromkeys(user_ids)),
        tuple(dict.fromkeys(roles)),
        tuple(dict.fromkeys(numbers)),
    )


def _number(rest: str, *, usage: str) -> tuple[int, str]:
    words = rest.split(maxsplit=1)
    if not words or not words[0].lstrip("#").isdigit():
        raise UserError(usage)
    return int(words[0].lstrip("#")), (words[1] if len(words) > 1 else "").strip()


def _text(text: str, *, usage: str) -> str:
    """A free text as stored: cleaned of control characters and extra spaces."""
    cleaned = clean(text).strip(" ,;:-")
    if not cleaned:
        raise UserError(usage)
    if len(cleaned) > MAX_TEXT:
        raise UserError("text_too_long", limit=MAX_TEXT)
    return cleaned
