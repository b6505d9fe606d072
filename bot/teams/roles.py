"""A member's role as typed after their mention: a profession, then optionally the organisation
or unit (`sosiaaliohjaaja Tampereen kaupunki`, `sosiaaliohjaaja, Tampereen kaupunki`), or a
free-text profession ended by a comma (`muu: perhetyöntekijä, Sininauha`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bot.errors import UserError
from bot.teams.professions import (
    NAME_WORDS,
    ORGANISATION_MAX,
    OTHER,
    OTHER_MAX,
    match_profession,
)
from storage.models import Member

_OTHER = re.compile(
    r"^(?:muu|annan|annat|other)\s*:\s*(?P<text>[^,]*)(?:,(?P<org>.*))?$", re.I | re.S
)


@dataclass(frozen=True)
class Role:
    profession: str
    other: str | None = None  # the free text of an OTHER profession
    organisation: str | None = None


def parse_role(text: str) -> Role | None:
    """The role in ``text``; None when it starts with no profession. Raises UserError for a
    free-text profession that is empty or too long, or an organisation too long."""
    text = " ".join(text.split())
    if match := _OTHER.match(text):
        other = match.group("text").strip()
        if not other or len(other) > OTHER_MAX:
            raise UserError("profession_other_invalid", max=OTHER_MAX)
        return Role(OTHER, other, _organisation(match.group("org")))
    words = text.split(" ")
    for end in range(min(len(words), NAME_WORDS), 0, -1):
        head = " ".join(words[:end])
        key = match_profession(head.removesuffix(","))
        if key is not None:
            return Role(key, None, _organisation(" ".join(words[end:])))
    return None


def _organisation(text: str | None) -> str | None:
    """The organisation without its separating comma; None when there is none."""
    text = (text or "").strip(" ,")
    if len(text) > ORGANISATION_MAX:
        raise UserError("organisation_invalid", max=ORGANISATION_MAX)
    return text or None


def role_of(member: Member) -> Role | None:
    """The member's recorded role, None when no profession is recorded."""
    if member.profession is None:
        return None
    return Role(member.profession, member.profession_other, member.organisation)


def set_role(member: Member, role: Role | None) -> None:
    member.profession = role.profession if role else None
    member.profession_other = role.other if role else None
    member.organisation = role.organisation if role else None


def chosen_member(
    team_id: int, user_id: str, *, confirmed_by: str, at: datetime, role: Role | None
) -> Member:
    """A member row of someone the client chose, added and consent-confirmed by `confirmed_by`
    at `at`, with their role."""
    member = Member(
        team_id=team_id,
        user_id=user_id,
        added_by=confirmed_by,
        added_at=at,
        consent_confirmed_by=confirmed_by,
        consent_confirmed_at=at,
    )
    set_role(member, role)
    return member
