"""The "new team" dialog: the members the client chose (people of the organisation) and the
confirmation of the client's choice, as on Slack (handlers/slack/views/open_team.py). The team
is opened after the dialog is answered; the outcome comes to the opener's personal chat."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.i18n import Catalog
from bot.replies import Reply
from handlers.teams.dialogs.forms import (
    NO_FIELDS,
    TENANT_USERS,
    Card,
    Fields,
    FormKey,
    FormView,
    Later,
    Submitted,
    Turn,
    error_line,
    fields,
    form_card,
    ids,
    people_picker,
    text_block,
    toggle,
)

MEMBERS, CONSENT = "members", "consent"


def card(
    t: Catalog, key: FormKey, *, values: Fields = NO_FIELDS, errors: Fields = NO_FIELDS
) -> Card:
    body = [
        text_block(t.plain("modal_intro")),
        *people_picker(
            MEMBERS,
            t.plain("modal_members_label"),
            dataset=TENANT_USERS,
            values=values,
            errors=errors,
        ),
        *toggle(
            CONSENT,
            t.plain("modal_consent_option"),
            label=t.plain("modal_consent_label"),
            required=t.plain("modal_consent_required"),
        ),
        *error_line(errors, CONSENT),
        text_block(t.plain("modal_consent_hint"), subtle=True),
    ]
    return form_card(body, key=key, submit=t.plain("modal_submit"), errors=errors)


_shown = FormView("modal_title", card)
fetch = _shown.fetch


async def submit(turn: Turn, data: Mapping[str, Any]) -> Submitted:
    given = fields(data)
    if given.get(CONSENT) != "true":
        errors = {CONSENT: turn.actor.t.plain("modal_consent_required")}
        return _shown(turn, values=given, errors=errors)
    members = ids(given.get(MEMBERS, ""))

    async def work() -> Reply:
        return await turn.tiimi.open_from_dialog(
            actor=turn.actor, member_ids=members, request_key=turn.request_key
        )

    return Later(turn.actor.t.plain("teams_form_opening"), work)
