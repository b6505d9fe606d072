"""The Siirrä dialog of a step's card: a new due date for the step (its number is the
button's value), as on Slack (handlers/slack/views/reschedule_form.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from bot.errors import UserError
from bot.i18n import Catalog
from bot.plan.dispatch import FormErrors
from handlers.teams.dialogs.forms import (
    GENERAL,
    NO_FIELDS,
    Card,
    Fields,
    FormKey,
    Submitted,
    TaskAnswer,
    Turn,
    date_input,
    fields,
    form_card,
    message,
    refused,
    show,
)

DUE = "due"


def card(t: Catalog, key: FormKey, *, errors: Fields = NO_FIELDS) -> Card:
    required = t.plain("form_due_required")
    body = date_input(
        DUE, t.plain("form_new_due"), values=NO_FIELDS, errors=errors, required=required
    )
    return form_card(body, key=key, submit=t.plain("form_save"), errors=errors)


def _number(turn: Turn) -> int | None:
    value = turn.key.value
    return int(value) if value.isascii() and value.isdecimal() and len(value) <= 6 else None


def _shown(turn: Turn, number: int, errors: Fields = NO_FIELDS) -> TaskAnswer:
    t = turn.actor.t
    return show(t.plain("form_move_title", number=number), card(t, turn.key, errors=errors))


async def fetch(turn: Turn) -> TaskAnswer:
    number = _number(turn)
    if number is None:
        return message(turn.actor.t.plain("teams_unknown_button"))
    return _shown(turn, number)


async def submit(turn: Turn, data: Mapping[str, Any]) -> Submitted:
    t, number = turn.actor.t, _number(turn)
    if number is None:
        return message(t.plain("teams_unknown_button"))
    try:
        due = date.fromisoformat(fields(data).get(DUE, ""))
    except ValueError:
        return _shown(turn, number, {DUE: t.plain("form_due_required")})
    try:
        await turn.askel.reschedule(actor=turn.actor, channel_id=turn.space, number=number, due=due)
    except FormErrors as errors:
        return _shown(turn, number, errors.errors)
    except UserError as error:
        return _shown(turn, number, {GENERAL: refused(turn.actor, error)})
    return message(t.plain("step_rescheduled", number=number))
