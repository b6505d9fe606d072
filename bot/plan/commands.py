"""The `/askel` grammar: a pure parser from a command's text to a plan command.

/askel [T<n>:] <teksti> [@nimi | vastuu: asiakas | vastuu: <ammattiryhmä>] [pe mennessä]
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

from bot.command_input import CommandInput
from bot.dates import parse_date, split_trailing_date
from bot.errors import UserError
from bot.teams.commands import person_id
from bot.teams.professions import match_profession
from bot.text_norm import clean, fold
from storage.models import GoalStatus, StepStatus

MAX_TEXT = 500
_GOAL_PREFIX = re.compile(r"^\s*[Tt](\d{1,4})\s*:\s*")
_GOAL_NUMBER = re.compile(r"^[Tt#]?(\d{1,4})$")
_OWNER_ROLE = re.compile(
    r"(?:^|\s)(?:vastuu|vastuussa|ansvar|owner)\s*:\s*(?P<role>[^:]+?)\s*$", re.I
)


@dataclass(frozen=True)
class Owner:
    user_id: str | None = None
    role: str | None = None  # a participant without a chat account: "client", "close_person"…


@dataclass(frozen=True)
class AddStep:
    text: str
    owner: Owner
    due: date | None
    goal_number: int | None


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
    """Open the step form; `goals` are the team's (number, text) for the goal picker."""

    goals: tuple[tuple[int, str], ...] = ()


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
    if verb in ("done", "not_done", "delete"):
        if tail:
            raise UserError(f"usage_step_{verb}")
        status = {"done": StepStatus.DONE, "not_done": StepStatus.NOT_DONE}
        return SetStatus(number, status.get(verb, StepStatus.DELETED))
    if verb == "move":
        if not tail:
            raise UserError("usage_step_move")
        return Reschedule(number, parse_date(tail, today=today))
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
        role = match_profession(match.group("role"))
        if role is None:
            raise UserError("unknown_owner_role")
        owner, command = Owner(role=role), command.cut(0, match.start())
    else:
        words = command.words()
        if words and (user_id := person_id(words[-1])):
            owner, command = Owner(user_id=user_id), command.cut(0, words[-1].start)
    return AddStep(_text(command.text, usage="usage_step"), owner, due, goal_number)


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
