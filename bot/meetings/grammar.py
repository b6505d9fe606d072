"""The `/tiimi tapaaminen` grammar: book, move, cancel or list the team's meetings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.command_input import Word
from bot.errors import UserError
from bot.text_norm import fold


@dataclass(frozen=True)
class ShowMeeting:
    pass


@dataclass(frozen=True)
class BookMeeting:
    text: str  # time and place, parsed with the team's clock and time zone


@dataclass(frozen=True)
class MoveMeeting:
    text: str
    number: int | None = None  # in the list of upcoming meetings; may be left out of one


@dataclass(frozen=True)
class CancelMeeting:
    number: int | None = None


MEETING_VERBS = {
    **dict.fromkeys(["siirra", "flytta", "move"], "move"),
    **dict.fromkeys(["peru", "peruuta", "avboka", "cancel"], "cancel"),
}


def parse_meeting(rest: Sequence[Word]) -> ShowMeeting | BookMeeting | MoveMeeting | CancelMeeting:
    """`siirrä 2 ti klo 10` and `peru 2` pick the meeting by its number in the list."""
    if not rest:
        return ShowMeeting()
    verb = MEETING_VERBS.get(fold(rest[0].text))
    if verb is None:
        return BookMeeting(_text(rest))
    number = _meeting_number(rest[1]) if len(rest) > 1 else None
    args = rest[2:] if number is not None else rest[1:]
    if verb == "cancel":
        if args:
            raise UserError("usage_meeting_cancel")
        return CancelMeeting(number)
    if not args:
        raise UserError("usage_meeting_move")
    return MoveMeeting(_text(args), number)


def _meeting_number(word: Word) -> int | None:
    """A meeting's number is one or two digits (`12.12.` or `12:00` is a date or time)."""
    text = word.text
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 2 else None


def _text(words: Sequence[Word]) -> str:
    return " ".join(word.text for word in words)
