"""The dialog behind the close reason *siirtyi yhteen palveluun*: which service the team moved
to, a profession picked or a short service label typed, as on Slack
(handlers/slack/views/close_service_form.py); submitting it closes the team. The button's value
is the team's key as the reason button carried it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.i18n import Catalog
from bot.plan.dispatch import FormErrors
from bot.teams.close_service import SERVICE_MAX
from bot.teams.professions import SERVICES, profession_label
from handlers.teams.dialogs.forms import (
    NO_FIELDS,
    Card,
    Fields,
    FormKey,
    FormView,
    Submitted,
    Turn,
    choice_input,
    fields,
    form_card,
    text_block,
    text_input,
)

PROFESSION, SERVICE = "profession", "service"


def card(
    t: Catalog, key: FormKey, *, values: Fields = NO_FIELDS, errors: Fields = NO_FIELDS
) -> Card:
    choices = [(k, profession_label(k, t.lang) or k) for k in SERVICES]
    body = [
        *choice_input(
            PROFESSION,
            t.plain("form_close_service_profession"),
            choices,
            values=values,
            errors=errors,
        ),
        *text_input(
            SERVICE,
            t.plain("form_close_service_text"),
            max_length=SERVICE_MAX,
            values=values,
            errors=errors,
        ),
        text_block(t.plain("form_close_service_hint"), subtle=True),
    ]
    return form_card(body, key=key, submit=t.plain("form_close_submit"), errors=errors)


_shown = FormView("form_close_service_title", card)
fetch = _shown.fetch


async def submit(turn: Turn, data: Mapping[str, Any]) -> Submitted:
    tiimi, actor, given = turn.tiimi, turn.actor, fields(data)
    try:
        service = tiimi.check_close_service(
            actor=actor, profession=given.get(PROFESSION) or None, text=given.get(SERVICE)
        )
    except FormErrors as errors:
        return _shown(turn, values=given, errors=errors.errors)
    return await tiimi.close_with_service(
        actor=actor, channel_id=turn.space, key=turn.key.value, service=service
    )
