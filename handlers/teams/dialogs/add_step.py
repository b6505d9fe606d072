"""The step dialog ("Uusi askel"): what, who, by when, for which goal, as on Slack
(handlers/slack/views/step_form.py); the core checks it (`check_form`) and adds the step,
whose card it posts into the team's chat."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from bot.command_input import CommandInput
from bot.i18n import Catalog
from bot.plan.commands import MAX_TEXT, StepDialog
from bot.plan.dispatch import FormErrors, StepForm
from bot.replies import plain_text
from bot.teams.professions import profession_label
from handlers.teams.dialogs.forms import (
    CHAT_MEMBERS,
    NO_FIELDS,
    Card,
    Fields,
    FormKey,
    Submitted,
    TaskAnswer,
    Turn,
    choice_input,
    date_input,
    fields,
    form_card,
    ids,
    message,
    people_picker,
    show,
    text_block,
    text_input,
)

TEXT, OWNER_USER, OWNER_ROLE, DUE, GOAL = "text", "owner_user", "owner_role", "due", "goal"
MAX_CHOICES = 100


def card(
    t: Catalog,
    key: FormKey,
    dialog: StepDialog,
    *,
    values: Fields = NO_FIELDS,
    errors: Fields = NO_FIELDS,
) -> Card:
    body = [
        *text_input(
            TEXT,
            t.plain("form_step_text"),
            max_length=MAX_TEXT,
            multiline=True,
            required=t.plain("teams_form_text_required"),
            values=values,
            errors=errors,
        ),
        *people_picker(
            OWNER_USER,
            t.plain("form_owner_member"),
            dataset=CHAT_MEMBERS,
            values=values,
            errors=errors,
        ),
        *choice_input(
            OWNER_ROLE,
            t.plain("form_owner_role"),
            _owner_choices(t, dialog),
            multi=True,
            values=values,
            errors=errors,
        ),
        *date_input(DUE, t.plain("form_due"), values=values, errors=errors),
        text_block(t.plain("teams_form_privacy_hint"), subtle=True),
    ]
    if dialog.goals:
        goals = [(str(n), f"T{n}. {text}") for n, text in dialog.goals[:MAX_CHOICES]]
        body += choice_input(GOAL, t.plain("form_goal"), goals, values=values, errors=errors)
    return form_card(body, key=key, submit=t.plain("form_save"), errors=errors)


def _owner_choices(t: Catalog, dialog: StepDialog) -> list[tuple[str, str]]:
    """The team's participants by number (their value), then the roles of none of them by
    key (choosing one adds a participant of that role)."""
    team = [(str(n), line) for n, line in dialog.participants]
    new = [(key, profession_label(key, t.lang) or key) for key in dialog.new_roles]
    return (team + new)[:MAX_CHOICES]


def read(data: Mapping[str, Any]) -> StepForm:
    given = fields(data)
    chosen = [v.strip() for v in given.get(OWNER_ROLE, "").split(",") if v.strip()]
    goal = given.get(GOAL, "")
    return StepForm(
        text=given.get(TEXT, ""),
        owner_user_ids=ids(given.get(OWNER_USER, "")),
        owner_roles=tuple(v for v in chosen if not _number(v)),
        owner_numbers=tuple(int(v) for v in chosen if _number(v)),
        due=_date(given.get(DUE, "")),
        goal_number=int(goal) if _number(goal) else None,
    )


def _number(value: str) -> bool:
    return value.isascii() and value.isdecimal() and len(value) <= 4


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


async def _dialog(turn: Turn) -> StepDialog | TaskAnswer:
    """What the form offers (the team's goals and participants), or why it cannot be shown."""
    found = await turn.askel.run(actor=turn.actor, text=CommandInput(), channel_id=turn.space)
    if isinstance(found, StepDialog):
        return found
    return message(plain_text(found.message.fallback))


async def _shown(turn: Turn, values: Fields = NO_FIELDS, errors: Fields = NO_FIELDS) -> TaskAnswer:
    dialog = await _dialog(turn)
    if not isinstance(dialog, StepDialog):
        return dialog
    t = turn.actor.t
    return show(t.plain("form_step_title"), card(t, turn.key, dialog, values=values, errors=errors))


async def fetch(turn: Turn) -> TaskAnswer:
    return await _shown(turn)


async def submit(turn: Turn, data: Mapping[str, Any]) -> Submitted:
    askel, actor = turn.askel, turn.actor
    try:
        step = askel.check_form(actor=actor, form=read(data))
    except FormErrors as errors:
        return await _shown(turn, values=fields(data), errors=errors.errors)
    refusal = await askel.submit_form(
        actor=actor, channel_id=turn.space, step=step, form_id=turn.request_key
    )
    return refusal or message(actor.t.plain("teams_form_step_saved"))
