"""`/arvio`: the network-work self-rating's commands, read from words (pure).

    uusi [@ryhmä | ryhmä <tunnus>] [joka <n> kk | ei toistoa]   a round (coordinators)
    sulje [@ryhmä | ryhmä <tunnus>] [ei toistoa]                close the open round (and
                                                                open no more)
    tulokset [@ryhmä | ryhmä <tunnus>]                          the results so far
    ohje                                                        help

Without a group, a command is about the channel it is typed in. A group is a user group
picked from the platform's list (Slack: a `GroupRef`) or its id typed after `ryhmä` (an Entra
group's object id on Teams). Swedish and English words read alike (`ny grupp <id> var 6
mån`, `new group <id> every 6 months`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.command_input import CommandInput, Word
from bot.errors import UserError
from bot.text_norm import fold

DEFAULT_REPEAT_MONTHS = 3
MAX_REPEAT_MONTHS = 24
GROUP_NAME_LENGTH = 80


@dataclass(frozen=True)
class Group:
    """A group the command is about: its platform id and the name the writer saw."""

    group_id: str
    name: str = ""


@dataclass(frozen=True)
class StartRound:
    group: Group | None = None  # None: the channel's members
    repeat_months: int | None = DEFAULT_REPEAT_MONTHS  # None: the round does not repeat


@dataclass(frozen=True)
class CloseRound:
    group: Group | None = None
    stop_repeating: bool = False  # `ei toistoa`: no later round opens either


@dataclass(frozen=True)
class ShowResults:
    group: Group | None = None


@dataclass(frozen=True)
class ShowHelp:
    unknown: bool = False  # the words named no command


RatingCommand = StartRound | CloseRound | ShowResults | ShowHelp

_START = frozenset({"uusi", "aloita", "ny", "starta", "new", "start"})
_CLOSE = frozenset({"sulje", "stang", "close"})
_RESULTS = frozenset({"tulokset", "tulos", "resultat", "results", "result"})
_HELP = frozenset({"ohje", "apua", "hjalp", "help"})
_GROUP = frozenset({"ryhma", "ryhmalle", "grupp", "gruppen", "group"})
_EVERY = frozenset({"joka", "var", "every"})
_MONTHS = frozenset(
    {"kk", "kk.", "kuukausi", "kuukauden", "kuukautta", "kuukausittain"}
    | {"man", "man.", "manad", "manader", "manaden"}
    | {"month", "months", "mo"}
)
_NO_REPEAT = (("ei", "toistoa"), ("ingen", "upprepning"), ("no", "repeat"), ("kerran",))


def parse_arvio(text: CommandInput) -> RatingCommand:
    """The command these words name; a UserError with the command's usage when its words do
    not read."""
    words = text.words()
    if not words:
        return ShowHelp()
    verb, rest = fold(words[0].text), tuple(words[1:])
    if verb in _HELP and not rest:
        return ShowHelp()
    if verb in _START:
        group, after = _group(rest, usage="usage_rating_start")
        return StartRound(group, _repeat(after))
    if verb in _CLOSE:
        group, after = _group(rest, usage="usage_rating_close")
        folded = tuple(fold(word.text) for word in after)
        if folded and folded not in _NO_REPEAT:
            raise UserError("usage_rating_close")
        return CloseRound(group, stop_repeating=bool(folded))
    if verb in _RESULTS:
        return ShowResults(_only_group(rest, usage="usage_rating_results"))
    return ShowHelp(unknown=True)


def _only_group(words: Sequence[Word], *, usage: str) -> Group | None:
    group, rest = _group(words, usage=usage)
    if rest:
        raise UserError(usage)
    return group


def _group(words: Sequence[Word], *, usage: str) -> tuple[Group | None, Sequence[Word]]:
    """A group at the start of the words (`@ryhmä`, or `ryhmä <id>`), and the words after it."""
    if not words:
        return None, words
    first = words[0]
    if first.group is not None:
        return Group(first.group.group_id, first.group.name[:GROUP_NAME_LENGTH]), words[1:]
    if fold(first.text) not in _GROUP:
        return None, words
    if len(words) < 2 or words[1].person is not None:
        raise UserError(usage)
    second = words[1]
    if second.group is not None:
        return Group(second.group.group_id, second.group.name[:GROUP_NAME_LENGTH]), words[2:]
    return Group(second.text, ""), words[2:]


def _repeat(words: Sequence[Word]) -> int | None:
    """`joka 3 kk`, `var 6 mån`, `every 6 months`; `ei toistoa`, `no repeat`; nothing: the
    default."""
    folded = tuple(fold(word.text) for word in words)
    if not folded:
        return DEFAULT_REPEAT_MONTHS
    if folded in _NO_REPEAT:
        return None
    if len(folded) == 3 and folded[0] in _EVERY and folded[2] in _MONTHS:
        count = folded[1]
        if count.isdigit() and 1 <= int(count) <= MAX_REPEAT_MONTHS:
            return int(count)
    raise UserError("usage_rating_start", most=MAX_REPEAT_MONTHS)
