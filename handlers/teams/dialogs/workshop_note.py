"""The *Kirjoita hukka* dialog of a Hukkapaja's card (its workshop's id is the button's value),
as on Slack (handlers/slack/views/workshop_note_form.py): one anonymous note and its kind of
waste. The note is never sent back into the form, and the writer is only the language of the
answer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.i18n import Catalog
from bot.plan.dispatch import FormErrors
from bot.replies import plain_text
from bot.workshops.commands import MAX_NOTE
from bot.workshops.dispatch import TEXT_FIELD, WASTE_FIELD, NoteForm
from bot.workshops.waste import waste_choices
from handlers.teams.dialogs.forms import (
    NO_FIELDS,
    Card,
    Fields,
    FormKey,
    Submitted,
    TaskAnswer,
    Turn,
    choice_input,
    fields,
    form_card,
    message,
    show,
    text_block,
    text_input,
)


def card(
    t: Catalog, key: FormKey, *, values: Fields = NO_FIELDS, errors: Fields = NO_FIELDS
) -> Card:
    body = [
        text_block(t.plain("workshop_form_hint"), subtle=True),
        *text_input(
            TEXT_FIELD,
            t.plain("workshop_form_text"),
            values=NO_FIELDS,  # a refused note is not sent back
            errors=errors,
            max_length=MAX_NOTE,
            multiline=True,
            required=t.plain("workshop_note_empty"),
        ),
        *choice_input(
            WASTE_FIELD,
            t.plain("workshop_form_waste"),
            waste_choices(t),
            values=values,
            errors=errors,
        ),
    ]
    return form_card(body, key=key, submit=t.plain("workshop_form_submit"), errors=errors)


def _shown(turn: Turn, values: Fields = NO_FIELDS, errors: Fields = NO_FIELDS) -> TaskAnswer:
    t = turn.actor.t
    return show(t.plain("workshop_form_title"), card(t, turn.key, values=values, errors=errors))


async def fetch(turn: Turn) -> TaskAnswer:
    found = await turn.tiimi.paja.note_form(actor=turn.actor, value=turn.key.value)
    if isinstance(found, NoteForm):
        return _shown(turn)
    return message(plain_text(found.message.fallback))


async def submit(turn: Turn, data: Mapping[str, Any]) -> Submitted:
    given = fields(data)
    try:
        return await turn.tiimi.paja.submit_note(
            actor=turn.actor,
            value=turn.key.value,
            text=given.get(TEXT_FIELD, ""),
            waste=given.get(WASTE_FIELD) or None,
            form_id=turn.request_key,
        )
    except FormErrors as errors:
        return _shown(turn, values={WASTE_FIELD: given.get(WASTE_FIELD, "")}, errors=errors.errors)
