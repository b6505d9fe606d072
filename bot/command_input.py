"""A command's text as the core reads it: plain text and references to people.

The adapter reads its platform's text and hands over the pieces: plain text as its writer
meant it (links, channels and the like already plain) and a `PersonRef` for each person the
writer picked from the platform's list. A person's id is the platform's; the core only compares
and stores it. Whitespace is kept as sent (step texts can have several lines).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.privacy.reading import Display

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class PersonRef:
    """A person the writer referred to."""

    user_id: str
    name: str = ""  # the name the writer saw, if the platform sent it

    @property
    def text(self) -> str:
        """The reference as plain text, as its writer saw it: `@anna`."""
        return "@" + (self.name or self.user_id)


@dataclass(frozen=True)
class GroupRef:
    """A group of people the writer referred to (a Slack user group); the core reads it only
    where a command takes a group (`/arvio uusi @ryhmä`), elsewhere it is its text."""

    group_id: str
    name: str = ""

    @property
    def text(self) -> str:
        return "@" + (self.name or self.group_id)


Part = str | PersonRef | GroupRef


@dataclass(frozen=True)
class Word:
    """A run of text between whitespace; `person` (or `group`) when the word is one reference
    and no more."""

    text: str
    start: int
    end: int
    person: PersonRef | None = None
    group: GroupRef | None = None


@dataclass(frozen=True)
class CommandInput:
    """The pieces of a command's text, and the text as sent for the privacy guard.

    ``sent`` and ``display`` are for the privacy guard only: the text as the platform sent it
    and how the platform shows it (None: as it is). The grammar reads ``parts``.
    """

    parts: tuple[Part, ...] = ()
    sent: str = ""
    display: Display | None = None

    @classmethod
    def of(cls, *parts: Part, sent: str = "", display: Display | None = None) -> CommandInput:
        """The pieces with neighbouring texts joined and empty texts left out."""
        joined: list[Part] = []
        for part in parts:
            if isinstance(part, str) and joined and isinstance(joined[-1], str):
                joined[-1] += part
            elif part != "":
                joined.append(part)
        return cls(tuple(joined), sent, display)

    @property
    def text(self) -> str:
        """The whole text as plain text, each person as `PersonRef.text`."""
        return "".join(part if isinstance(part, str) else part.text for part in self.parts)

    def words(self) -> list[Word]:
        """The words, a person reference never split (whatever its name holds)."""
        masked, refs = [], {}
        position = 0
        for part in self.parts:
            shown = part if isinstance(part, str) else part.text
            if not isinstance(part, str):
                refs[(position, position + len(shown))] = part
                shown = "x" * len(shown)
            masked.append(shown)
            position += len(shown)
        text = self.text
        words = []
        for m in _WORD.finditer("".join(masked)):
            ref = refs.get((m.start(), m.end()))
            person = ref if isinstance(ref, PersonRef) else None
            group = ref if isinstance(ref, GroupRef) else None
            words.append(Word(text[m.start() : m.end()], m.start(), m.end(), person, group))
        return words

    def cut(self, start: int, end: int | None = None) -> CommandInput:
        """The input between two positions of `text`; a reference cut in two becomes text."""
        end = len(self.text) if end is None else end
        pieces: list[Part] = []
        for part, (first, last) in self._spans():
            low, high = max(first, start), min(last, end)
            if low >= high:
                continue
            whole = (low, high) == (first, last)
            shown = part if isinstance(part, str) else part.text
            pieces.append(part if whole else shown[low - first : high - first])
        return CommandInput.of(*pieces, sent=self.sent, display=self.display)

    def strip(self) -> CommandInput:
        """The input without whitespace around it."""
        text = self.text
        return self.cut(len(text) - len(text.lstrip()), len(text.rstrip()))

    def _spans(self) -> Iterator[tuple[Part, tuple[int, int]]]:
        position = 0
        for part in self.parts:
            length = len(part if isinstance(part, str) else part.text)
            yield part, (position, position + length)
            position += length
