"""The member dialog ("Lisää jäsen"): a person of the organisation the client chose (someone
not yet in the chat cannot be mentioned there), their profession and organisation, added as
`tiimi lisää <person> <profession>, <organisation>` would add them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.answers import guard_input
from bot.command_input import CommandInput, PersonRef
from bot.errors import UserError
from bot.i18n import Catalog
from bot.replies import Reply
from bot.teams.commands import AddMember, parse_tiimi
from bot.teams.professions import ORGANISATION_MAX, PROFESSIONS, profession_label
from handlers.teams.dialogs.forms import (
    NO_FIELDS,
    TENANT_USERS,
    Card,
    Fields,
    FormKey,
    FormView,
    Submitted,
    Turn,
    choice_input,
    fields,
    form_card,
    ids,
    message,
    people_picker,
    refused,
    text_block,
    text_input,
)

PERSON, PROFESSION, ORGANISATION = "person", "profession", "organisation"
ADD_WORD = "lisää"  # `tiimi lisää <person> …`
_FIELD_OF_ERROR = {"unknown_profession": PROFESSION, "organisation_invalid": ORGANISATION}


def card(
    t: Catalog, key: FormKey, *, values: Fields = NO_FIELDS, errors: Fields = NO_FIELDS
) -> Card:
    professions = [(k, profession_label(k, t.lang) or k) for k in PROFESSIONS]
    body = [
        *people_picker(
            PERSON,
            t.plain("teams_form_member_person"),
            dataset=TENANT_USERS,
            multi=False,
            required=t.plain("teams_form_member_required"),
            values=values,
            errors=errors,
        ),
        *choice_input(
            PROFESSION,
            t.plain("teams_form_member_profession"),
            professions,
            values=values,
            errors=errors,
        ),
        *text_input(
            ORGANISATION,
            t.plain("teams_form_member_organisation"),
            max_length=ORGANISATION_MAX,
            values=values,
            errors=errors,
        ),
        text_block(t.plain("teams_form_privacy_hint"), subtle=True),
    ]
    return form_card(body, key=key, submit=t.plain("form_save"), errors=errors)


def command(person: str, profession: str, organisation: str, lang: str) -> CommandInput:
    """The command the form stands for: the profession by its name in the asker's language."""
    role = (profession_label(profession, lang) or "") if profession else ""
    if role and organisation:
        role = f"{role}, {organisation}"
    return CommandInput.of(f"{ADD_WORD} ", PersonRef(person), f" {role}", sent=organisation)


_shown = FormView("teams_form_add_member_button", card)
fetch = _shown.fetch


async def submit(turn: Turn, data: Mapping[str, Any]) -> Submitted:
    t, given = turn.actor.t, fields(data)
    people = ids(given.get(PERSON, ""))
    profession, organisation = given.get(PROFESSION, ""), given.get(ORGANISATION, "")
    if len(people) != 1:
        return _shown(turn, given, {PERSON: t.plain("teams_form_member_required")})
    if profession not in PROFESSIONS and (profession or organisation):
        return _shown(turn, given, {PROFESSION: t.plain("teams_form_member_profession_first")})
    typed = command(people[0], profession, organisation, t.lang)
    try:
        guard_input(typed)
        parsed = parse_tiimi(typed)
    except UserError as error:
        field = _FIELD_OF_ERROR.get(error.key, ORGANISATION)  # the only text typed
        return _shown(turn, given, {field: refused(turn.actor, error)})
    if not isinstance(parsed, AddMember):
        return _shown(turn, given, {PERSON: t.plain("teams_form_member_required")})
    added = await turn.tiimi.run(
        actor=turn.actor, text=typed, channel_id=turn.space, request_key=turn.request_key
    )
    return added if isinstance(added, Reply) else message(t.plain("teams_unknown_button"))
