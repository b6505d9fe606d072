"""A Ratkaisupaja's three forms: a client case (the hint says to write no identifying details),
an experiment (what, owners, a review date in words) and a review (kept, changed or dropped,
with a note). The buttons that open them: handlers/slack/listeners/workshop_form_buttons.py."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.models.blocks import (
    InputBlock,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    RadioButtonsElement,
    SectionBlock,
    UserMultiSelectElement,
)
from slack_sdk.models.views import View

from bot import action_ids
from bot.i18n import Catalog
from bot.plan.dispatch import FormErrors
from bot.replies import Reply
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
from handlers.slack.actors import actor_of
from handlers.slack.markup import display_segments
from handlers.slack.services import SlackServices
from handlers.slack.work import after_ack
from storage.workshops import ExperimentOutcome

TITLE_LIMIT = 24  # Slack's for a modal's title


def _modal(t: Catalog, callback: str, title: str, meta: str, blocks: list[Any]) -> dict[str, Any]:
    view = View(
        type="modal",
        callback_id=callback,
        private_metadata=meta,
        title=PlainTextObject(text=title[:TITLE_LIMIT]),
        submit=PlainTextObject(text=t.plain("solution_form_submit")),
        close=PlainTextObject(text=t.plain("modal_cancel")),
        blocks=blocks,
    )
    return view.to_dict()


def _text(
    field: str, label: str, limit: int, *, hint: str | None = None, optional: bool = False
) -> InputBlock:
    return InputBlock(
        block_id=field,
        label=PlainTextObject(text=label),
        element=PlainTextInputElement(action_id=field, multiline=limit > 200, max_length=limit),
        hint=PlainTextObject(text=hint) if hint else None,
        optional=optional,
    )


def case_modal(t: Catalog, form: CaseForm) -> dict[str, Any]:
    label, hint = t.plain("solution_form_case_label"), t.plain("solution_form_case_hint")
    blocks = [_text(CASE_FIELD, label, MAX_CASE, hint=hint)]
    title = t.plain("solution_form_case_title")
    return _modal(t, action_ids.SOLUTION_CASE_FORM, title, str(form.workshop_id), blocks)


def experiment_modal(t: Catalog, form: ExperimentForm) -> dict[str, Any]:
    blocks = [
        _text(
            WHAT_FIELD,
            t.plain("solution_form_what"),
            MAX_WHAT,
            hint=t.plain("solution_form_what_hint", theme=form.theme_name),
        ),
        InputBlock(
            block_id=OWNERS_FIELD,
            label=PlainTextObject(text=t.plain("solution_form_owners")),
            element=UserMultiSelectElement(action_id=OWNERS_FIELD),
        ),
        _text(
            DATE_FIELD, t.plain("solution_form_date"), 40, hint=t.plain("solution_form_date_hint")
        ),
    ]
    title = t.plain("solution_form_experiment_title")
    return _modal(t, action_ids.SOLUTION_EXPERIMENT_FORM, title, form.key, blocks)


def review_modal(t: Catalog, form: ReviewForm) -> dict[str, Any]:
    options = [
        Option(value=outcome, text=t.plain(f"solution_outcome_{outcome}"))
        for outcome in ExperimentOutcome
    ]
    blocks = [
        InputBlock(
            block_id=OUTCOME_FIELD,
            label=PlainTextObject(
                text=t.plain("solution_form_outcome", number=form.number, what=form.what)[:2000]
            ),
            element=RadioButtonsElement(action_id=OUTCOME_FIELD, options=options),
        ),
        _text(NOTE_FIELD, t.plain("solution_form_note"), MAX_REVIEW_NOTE, optional=True),
    ]
    title = t.plain("solution_form_review_title")
    return _modal(t, action_ids.SOLUTION_REVIEW_FORM, title, str(form.experiment_id), blocks)


def done_view(t: Catalog, reply: Reply) -> dict[str, Any]:
    """What a form turns into once sent: the answer."""
    view = View(
        type="modal",
        title=PlainTextObject(text=t.plain("solution_form_submit")),
        close=PlainTextObject(text=t.plain("workshop_form_close")),
        blocks=[SectionBlock(text=PlainTextObject(text=reply.message.text))],
    )
    return view.to_dict()


def _value(view: dict[str, Any], field: str) -> dict[str, Any]:
    return dict(view.get("state", {}).get("values", {}).get(field, {}).get(field) or {})


async def _submitted(
    ack: AsyncAck,
    context: AsyncBoltContext,
    services: SlackServices,
    submit: Callable[[], Awaitable[Reply]],
    t: Catalog,
) -> None:
    try:
        reply = await submit()
    except FormErrors as errors:
        await ack(response_action="errors", errors=errors.errors)
        return
    await ack(response_action="update", view=done_view(t, reply))
    async with after_ack(context):
        if reply.then is not None:  # the card
            await reply.then()


async def handle_case(
    ack: AsyncAck, view: dict[str, Any], context: AsyncBoltContext, services: SlackServices
) -> None:
    actor = await actor_of(context, services)
    submit = lambda: services.tiimi.paja.solutions.submit_case(  # noqa: E731
        actor=actor,
        value=str(view.get("private_metadata") or ""),
        text=str(_value(view, CASE_FIELD).get("value") or ""),
        form_id=str(view["id"]),
        display=display_segments,
    )
    await _submitted(ack, context, services, submit, actor.t)


async def handle_experiment(
    ack: AsyncAck, view: dict[str, Any], context: AsyncBoltContext, services: SlackServices
) -> None:
    actor = await actor_of(context, services)
    owners = [str(user) for user in _value(view, OWNERS_FIELD).get("selected_users") or []]
    submit = lambda: services.tiimi.paja.solutions.submit_experiment(  # noqa: E731
        actor=actor,
        value=str(view.get("private_metadata") or ""),
        what=str(_value(view, WHAT_FIELD).get("value") or ""),
        owners=owners,
        review_date=str(_value(view, DATE_FIELD).get("value") or ""),
        form_id=str(view["id"]),
        display=display_segments,
    )
    await _submitted(ack, context, services, submit, actor.t)


async def handle_review(
    ack: AsyncAck, view: dict[str, Any], context: AsyncBoltContext, services: SlackServices
) -> None:
    actor = await actor_of(context, services)
    chosen = _value(view, OUTCOME_FIELD).get("selected_option") or {}
    submit = lambda: services.tiimi.paja.solutions.submit_review(  # noqa: E731
        actor=actor,
        value=str(view.get("private_metadata") or ""),
        outcome=str(chosen.get("value") or ""),
        note=str(_value(view, NOTE_FIELD).get("value") or ""),
        display=display_segments,
    )
    await _submitted(ack, context, services, submit, actor.t)


def register(app: AsyncApp) -> None:
    app.view(action_ids.SOLUTION_CASE_FORM)(handle_case)
    app.view(action_ids.SOLUTION_EXPERIMENT_FORM)(handle_experiment)
    app.view(action_ids.SOLUTION_REVIEW_FORM)(handle_review)
