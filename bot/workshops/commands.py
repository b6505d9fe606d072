"""The `/paja` grammar: a pure parser from a command's text to a workshop command.

/paja hukka uusi <aihe> [pisteet N]
/paja teema <nimi>: 1, 4, 7-9      (notes by number; a theme of the same name gets them too)
/paja teema poista <nro>
/paja teemat                       (the notes and themes, to the facilitator alone)
/paja pisteet                      (my dots while voting)
/paja ratkaisu uusi                (a Ratkaisupaja from the space's Hukkapaja's results)
/paja käytännöt 3, 1, 2            (the kept experiments' order as practices, by number)
/paja yhteenveto                   (the Ratkaisupaja's summary, privately)
/paja ohje
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.command_input import CommandInput
from bot.errors import UserError
from bot.text_norm import clean, fold
from storage.workshops import WorkshopKind

MAX_TOPIC = 200
MAX_THEME_NAME = 60
MAX_NOTE = 200  # a note is short: one obstacle; with MAX_NOTES of them the card fits
MAX_DOTS = 10
DEFAULT_DOTS = 3
MAX_NUMBER = 999
_DOTS = re.compile(r"\s(?:pisteet|pisteita|poang|poäng|dots|points)\s*:?\s*(\d{1,3})\s*$", re.I)
_NUMBER = re.compile(r"^[Tt#]?(\d{1,3})$")
_RANGE = re.compile(r"^(\d{1,3})\s*[-–]\s*(\d{1,3})$")
_SEPARATORS = re.compile(r"\s*(?:,|;|\s(?:ja|och|and)\s|\s)\s*", re.I)


@dataclass(frozen=True)
class OpenWorkshop:
    kind: WorkshopKind
    topic: str
    dots: int = DEFAULT_DOTS


@dataclass(frozen=True)
class GroupNotes:
    """`/paja teema Odottaminen: 1, 4, 7`: the notes into the theme of that name."""

    name: str
    numbers: tuple[int, ...]


@dataclass(frozen=True)
class RemoveTheme:
    number: int


@dataclass(frozen=True)
class ShowThemes:
    pass


@dataclass(frozen=True)
class ShowMyDots:
    pass


@dataclass(frozen=True)
class WorkshopHelp:
    unknown: bool = False  # the text named no command


@dataclass(frozen=True)
class OpenSolution:
    """`/paja ratkaisu uusi`: a Ratkaisupaja from the space's latest Hukkapaja."""


@dataclass(frozen=True)
class OrderPractices:
    """`/paja käytännöt 3, 1, 2`: the practices' order, by the kept experiments' numbers."""

    numbers: tuple[int, ...]


@dataclass(frozen=True)
class ShowSummary:
    """`/paja yhteenveto`: the Ratkaisupaja's summary and its practices' flow, privately."""


PajaCommand = (
    OpenWorkshop
    | GroupNotes
    | RemoveTheme
    | ShowThemes
    | ShowMyDots
    | WorkshopHelp
    | OpenSolution
    | OrderPractices
    | ShowSummary
)

_VERBS: dict[str, str] = {
    **dict.fromkeys(["hukka", "hukkapaja", "sloseri", "waste"], "hukka"),
    **dict.fromkeys(["teema", "tema", "theme"], "theme"),
    **dict.fromkeys(["teemat", "teman", "themes"], "themes"),
    **dict.fromkeys(["pisteet", "pisteeni", "poang", "dots"], "dots"),
    **dict.fromkeys(["ohje", "hjalp", "help"], "help"),
    **dict.fromkeys(["ratkaisu", "ratkaisupaja", "losning", "solution"], "solution"),
    **dict.fromkeys(["kaytannot", "praxis", "practices"], "practices"),
    **dict.fromkeys(["yhteenveto", "sammanfattning", "summary"], "summary"),
}
_NEW = frozenset({"uusi", "ny", "new"})
_REMOVE = frozenset({"poista", "radera", "remove", "delete"})


def parse_paja(command: CommandInput) -> PajaCommand:
    """Parse the text after `/paja`; raises UserError on bad input."""
    words = command.text.split()
    if not words:
        return WorkshopHelp()
    verb = _VERBS.get(fold(words[0]))
    rest = command.text.strip()[len(words[0]) :].strip()
    if verb is None:
        return WorkshopHelp(unknown=True)
    if verb == "help":
        return WorkshopHelp()
    if verb == "hukka":
        return _parse_open(rest)
    if verb == "theme":
        return _parse_theme(rest)
    if verb == "solution":
        if fold(rest) not in _NEW:
            raise UserError("solution_usage_open")
        return OpenSolution()
    if verb == "practices":
        try:
            return OrderPractices(note_numbers(rest))
        except UserError:
            raise UserError("solution_usage_practices") from None
    if verb == "summary":
        if rest:
            raise UserError("solution_usage_summary")
        return ShowSummary()
    if rest:
        raise UserError(f"workshop_usage_{verb}")
    return ShowThemes() if verb == "themes" else ShowMyDots()


def _parse_open(rest: str) -> OpenWorkshop:
    first, _, topic = rest.partition(" ")
    if fold(first) not in _NEW:
        raise UserError("workshop_usage_open")
    dots = DEFAULT_DOTS
    if match := _DOTS.search(" " + topic):
        dots = int(match.group(1))
        topic = (" " + topic)[: match.start()]
        if not 1 <= dots <= MAX_DOTS:
            raise UserError("workshop_dots_range", limit=MAX_DOTS)
    return OpenWorkshop(
        WorkshopKind.HUKKA, free_text(topic, MAX_TOPIC, "workshop_usage_open"), dots
    )


def _parse_theme(rest: str) -> GroupNotes | RemoveTheme:
    first, _, tail = rest.partition(" ")
    if fold(first) in _REMOVE and (number := _NUMBER.match(tail.strip())):
        return RemoveTheme(int(number.group(1)))
    name, colon, listed = rest.rpartition(":")
    if not colon:
        raise UserError("workshop_usage_theme")
    return GroupNotes(free_text(name, MAX_THEME_NAME, "workshop_usage_theme"), note_numbers(listed))


def note_numbers(text: str) -> tuple[int, ...]:
    """`1, 4, 7-9` → (1, 4, 7, 8, 9): numbers and ranges, separated by commas, spaces or
    `ja`; each number once, in the order given."""
    found: list[int] = []
    for item in _SEPARATORS.split(f" {text.strip()} "):
        if not item:
            continue
        if single := _NUMBER.match(item):
            found.append(int(single.group(1)))
        elif (span := _RANGE.match(item)) and int(span.group(1)) <= int(span.group(2)):
            found += range(int(span.group(1)), int(span.group(2)) + 1)
        else:
            raise UserError("workshop_usage_theme")
    if not found or any(not 1 <= n <= MAX_NUMBER for n in found):
        raise UserError("workshop_usage_theme")
    return tuple(dict.fromkeys(found))


def free_text(text: str, limit: int, usage: str) -> str:
    """A topic, theme name or note as stored: control characters and extra spaces out."""
    cleaned = clean(text).strip(" ,;:-")
    if not cleaned:
        raise UserError(usage)
    if len(cleaned) > limit:
        raise UserError("text_too_long", limit=limit)
    return cleaned
