"""The coordinators' part of the `/tiimi` grammar: `avoimet` with its filters and pages, and
`tilastot` (pure parsers from words to command values)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.command_input import CommandInput, Word
from bot.errors import UserError
from bot.text_norm import fold


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


def parse_teams_page(value: str) -> tuple[ListOpenTeams, str]:
    """The overview's page buttons carry `page|filters` (`filters_text`); the filters too."""
    page, _, filters = value.partition("|")
    words, _, convenor = filters.partition("|")
    number = int(page) if page.isascii() and page.isdigit() and len(page) <= 9 else 1
    command = parse_open_teams(CommandInput.of(words).words(), page=number)
    return replace(command, convenor_id=convenor or None), filters


def parse_open_teams(words: Sequence[Word], *, page: int = 1) -> ListOpenTeams:
    """`avoimet [ilman tapaamista | myöhässä | vanhat | vastuu @nimi | csv]`, combinable."""
    convenor = None
    for index, word in enumerate(words[:-1]):
        if fold(word.text) in ("vastuu", "ansvar", "convenor"):
            person = words[index + 1].person
            convenor = person.user_id if person else None
            if convenor is None:
                raise UserError("usage_open_teams")
    folded = fold(" ".join(word.text for word in words if word.person is None))
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


def parse_statistics(rest: list[Word]) -> ShowStatistics:
    if not rest:
        return ShowStatistics()
    year = rest[0].text
    if len(rest) == 1 and year.isdigit() and 2000 <= int(year) <= 2100:
        return ShowStatistics(year=int(year))
    raise UserError("usage_statistics")
