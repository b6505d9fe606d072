"""A Ratkaisupaja's three dialogs, as on Slack (handlers/slack/views/solution_forms.py): a
client case (the hint says to write no identifying details), an experiment (what, owners from
the chat's people, a review date in words) and a review (kept, changed or dropped, with a
note). A refused text is never sent back into the form."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.plan.dispatch import FormErrors
from bot.replies import Reply, plain_text
from bot.workshops.solution_dispatch import (
    CASE_FIELD,
    DATE_FIELD,
    MAX_CASE,
    MAX_REVIEW_NOTE,
    MAX_WHAT,
    NOTE_FIELD,
    OUTCOME_FIELD,
    OWNERS_FIELD,
    WHAT_FIELD,
    CaseForm,
    ExperimentForm,
    ReviewForm,
)
from handlers.teams.dialogs.forms import (
    CHAT_MEMBERS,
    NO_FIELDS,
    Fields,
    Submitted,
    TaskAnswer,
    Turn,
    choice_input,
    fields,
    form_card,
    ids,
    message,
    people_picker,
    show,
    text_block,
    text_input,
)
from storage.workshops import ExperimentOutcome


def _case(turn: Turn, errors: Fields = NO_FIELDS) -> TaskAnswer:
    t = turn.actor.t
    body = [
        text_block(t.plain("solution_form_case_hint"), subtle=True),
        *text_input(
            CASE_FIELD,
            t.plain("solution_form_case_label"),
            values=NO_FIELDS,
            errors=errors,
            max_length=MAX_CASE,
            multiline=True,
            required=t.plain("solution_text_empty"),
        ),
    ]
    card = form_card(body, key=turn.key, submit=t.plain("solution_form_submit"), errors=errors)
    return show(t.plain("solution_form_case_title"), card)


async def fetch_case(turn: Turn) -> TaskAnswer:
    found = await turn.tiimi.paja.solutions.case_form(actor=turn.actor, value=turn.key.value)
    return _case(turn) if isinstance(found, CaseForm) else _said(found)


async def submit_case(turn: Turn, data: Mapping[str, Any]) -> Submitted:
    try:
        return await turn.tiimi.paja.solutions.submit_case(
            actor=turn.actor,
            value=turn.key.value,
            text=fields(data).get(CASE_FIELD, ""),
            form_id=turn.request_key,
        )
    except FormErrors as errors:
        return _case(turn, errors.errors)


def _experiment(
    turn: Turn, form: ExperimentForm, values: Fields = NO_FIELDS, errors: Fields = NO_FIELDS
) -> TaskAnswer:
    t = turn.actor.t
    body = [
        text_block(t.plain("solution_form_what_hint", theme=form.theme_name), subtle=True),
        *text_input(
            WHAT_FIELD,
            t.plain("solution_form_what"),
            values=values,
            errors=errors,
            max_length=MAX_WHAT,
            multiline=True,
            required=t.plain("solution_text_empty"),
        ),
        *people_picker(
            OWNERS_FIELD,
            t.plain("solution_form_owners"),
            dataset=CHAT_MEMBERS,
            values=values,
            errors=errors,
            required=t.plain("solution_owners_needed"),
        ),
        *text_input(
            DATE_FIELD,
            t.plain("solution_form_date"),
            values=values,
            errors=errors,
            max_length=40,
            placeholder=t.plain("solution_form_date_hint"),
            required=t.plain("solution_form_date_hint"),
        ),
    ]
    card = form_card(body, key=turn.key, submit=t.plain("solution_form_submit"), errors=errors)
    return show(t.plain("solution_form_experiment_title"), card)


async def fetch_experiment(turn: Turn) -> TaskAnswer:
    solutions = turn.tiimi.paja.solutions
    found = await solutions.experiment_form(actor=turn.actor, value=turn.key.value)
    return _experiment(turn, found) if isinstance(found, ExperimentForm) else _said(found)


async def submit_experiment(turn: Turn, data: Mapping[str, Any]) -> Submitted:
    given, solutions = fields(data), turn.tiimi.paja.solutions
    try:
        return await solutions.submit_experiment(
            actor=turn.actor,
            value=turn.key.value,
            what=given.get(WHAT_FIELD, ""),
            owners=ids(given.get(OWNERS_FIELD, "")),
            review_date=given.get(DATE_FIELD, ""),
            form_id=turn.request_key,
        )
    except FormErrors as errors:
        found = await solutions.experiment_form(actor=turn.actor, value=turn.key.value)
        if not isinstance(found, ExperimentForm):
            return _said(found)
        return _experiment(turn, found, given, errors.errors)


def _review(turn: Turn, form: ReviewForm, errors: Fields = NO_FIELDS) -> TaskAnswer:
    t = turn.actor.t
    outcomes = [(o.value, t.plain(f"solution_outcome_{o}")) for o in ExperimentOutcome]
    label = t.plain("solution_form_outcome", number=form.number, what=form.what)
    body = [
        *choice_input(OUTCOME_FIELD, label, outcomes, values=NO_FIELDS, errors=errors),
        *text_input(
            NOTE_FIELD,
            t.plain("solution_form_note"),
            values=NO_FIELDS,
            errors=errors,
            max_length=MAX_REVIEW_NOTE,
            multiline=True,
        ),
    ]
    card = form_card(body, key=turn.key, submit=t.plain("solution_form_submit"), errors=errors)
    return show(t.plain("solution_form_review_title"), card)


async def fetch_review(turn: Turn) -> TaskAnswer:
    found = await turn.tiimi.paja.solutions.review_form(actor=turn.actor, value=turn.key.value)
    return _review(turn, found) if isinstance(found, ReviewForm) else _said(found)


async def submit_review(turn: Turn, data: Mapping[str, Any]) -> Submitted:
    given, solutions = fields(data), turn.tiimi.paja.solutions
    try:
        return await solutions.submit_review(
            actor=turn.actor,
            value=turn.key.value,
            outcome=given.get(OUTCOME_FIELD, ""),
            note=given.get(NOTE_FIELD, ""),
        )
    except FormErrors as errors:
        found = await solutions.review_form(actor=turn.actor, value=turn.key.value)
        return (
            _review(turn, found, errors.errors) if isinstance(found, ReviewForm) else _said(found)
        )


def _said(reply: Reply) -> TaskAnswer:
    return message(plain_text(reply.message.fallback))
