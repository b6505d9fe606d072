"""The `/tiimi osallistuja` grammar: participants without a chat account, named by role and
organisation only (never by name), numbered P1, P2… (the client is P1).

/tiimi osallistuja lisää <rooli> [organisaatio] [yhteys @nimi]
/tiimi osallistuja poista P<nro>
/tiimi osallistuja yhteys P<nro> @nimi
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.command_input import Word
from bot.errors import UserError
from bot.teams.professions import CLIENT, OTHER
from bot.teams.roles import parse_role
from bot.text_norm import fold

_NUMBER = re.compile(r"^[Pp]?(\d{1,4})$")


@dataclass(frozen=True)
class AddParticipant:
    role: str  # a profession key: close_person, ngo_worker…
    organisation: str | None = None
    contact: str | None = None  # the member reminded of their steps; None: the convenor


@dataclass(frozen=True)
class RemoveParticipant:
    number: int


@dataclass(frozen=True)
class SetContact:
    number: int
    user_id: str


ParticipantCommand = AddParticipant | RemoveParticipant | SetContact

_VERBS: dict[str, str] = {
    **dict.fromkeys(["lisaa", "lagg till", "lagg", "add"], "add"),
    **dict.fromkeys(["poista", "ta bort", "remove"], "remove"),
    **dict.fromkeys(["yhteys", "yhteyshenkilo", "kontakt", "contact"], "contact"),
}
_CONTACT_WORDS = frozenset({"yhteys", "yhteyshenkilo", "kontakt", "kontaktperson", "contact"})


def parse_participant(words: Sequence[Word]) -> ParticipantCommand:
    """Parse what follows `/tiimi osallistuja`; raises UserError when it is misused."""
    verb, rest = _verb(words)
    if verb == "add":
        return _add(rest)
    if verb == "remove" and len(rest) == 1:
        return RemoveParticipant(participant_number(rest[0]))
    if verb == "contact" and len(rest) == 2 and rest[1].person is not None:
        return SetContact(participant_number(rest[0]), rest[1].person.user_id)
    raise UserError("usage_participant")


def participant_number(word: Word) -> int:
    """`P2` or `2`: a participant's number as `/tiimi jäsenet` shows it."""
    match = _NUMBER.match(word.text)
    if word.person is not None or match is None:
        raise UserError("usage_participant")
    return int(match.group(1))


def _verb(words: Sequence[Word]) -> tuple[str | None, Sequence[Word]]:
    if len(words) > 1 and (two := _VERBS.get(fold(f"{words[0].text} {words[1].text}"))):
        return two, words[2:]
    return (_VERBS.get(fold(words[0].text)), words[1:]) if words else (None, ())


def _add(words: Sequence[Word]) -> AddParticipant:
    contact = None
    if len(words) >= 2 and words[-1].person and fold(words[-2].text) in _CONTACT_WORDS:
        contact, words = words[-1].person.user_id, words[:-2]
    if not words or any(word.person for word in words):
        raise UserError("usage_participant")
    role = parse_role(" ".join(word.text for word in words))
    if role is None or role.profession == OTHER:
        raise UserError("unknown_participant_role")
    if role.profession == CLIENT:
        raise UserError("client_is_participant")
    return AddParticipant(role.profession, role.organisation, contact)
