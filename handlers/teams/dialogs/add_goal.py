"""The goal dialog ("Uusi tavoite"): the goal's text, added as `askel tavoite <text>` would add
it; the text is checked (the identity-code guard, the grammar) before the core runs it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.answers import guard_input
from bot.command_input import CommandInput
from bot.errors import UserError
from bot.i18n import Catalog
from bot.plan.commands import MAX_TEXT, AddGoal, parse_askel
from bot.replies import Reply
from handlers.teams.dialogs.forms import (
    NO_FIELDS,
    Card,
    Fields,
    FormKey,
    FormView,
    Submitted,
    Turn,
    fields,
    form_card,
    message,
    refused,
    text_block,
    text_input,
)

TEXT = "text"
GOAL_WORD = "tavoite"  # `askel tavoite <text>`


def card(
    t: Catalog, key: FormKey, *, values: Fields = NO_FIELDS, errors: Fields = NO_FIELDS
) -> Card:
    body = [
        *text_input(
            TEXT,
            t.plain("teams_form_goal_text"),
            values=values,
            errors=errors,
            max_length=MAX_TEXT,
            multiline=True,
            required=t.plain("teams_form_text_required"),
        ),
        text_block(t.plain("teams_form_privacy_hint"), subtle=True),
    ]
    return form_card(body, key=key, submit=t.plain("form_save"), errors=errors)


def command(text: str) -> CommandInput:
    """The command the form stands for."""
    return CommandInput.of(f"{GOAL_WORD} {text}", sent=text)


_shown = FormView("teams_form_add_goal_button", card)
fetch = _shown.fetch


async def submit(turn: Turn, data: Mapping[str, Any]) -> Submitted:
    t, text = turn.actor.t, fields(data).get(TEXT, "")
    if not text:
        return _shown(turn, errors={TEXT: t.plain("teams_form_text_required")})
    typed = command(text)
    try:
        guard_input(typed)
        parsed = parse_askel(typed, today=turn.askel.plan.today())
    except UserError as error:
        return _shown(turn, errors={TEXT: refused(turn.actor, error)})
    if not isinstance(parsed, AddGoal):  # `muokkaa T1 …`: a goal's command, not its text
        return _shown(turn, errors={TEXT: t.plain("teams_form_goal_not_command")})
    added = await turn.askel.run(actor=turn.actor, text=typed, channel_id=turn.space)
    return added if isinstance(added, Reply) else message(t.plain("teams_unknown_button"))
