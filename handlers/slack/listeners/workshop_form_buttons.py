"""The workshops' buttons that open a form: a Hukkapaja's *Kirjoita hukka* (the note,
handlers/slack/views/workshop_note_form.py), and a Ratkaisupaja's client case and experiment on
its card and review on the card and on the review reminder (handlers/slack/views/
solution_forms.py). A press the core refuses is answered privately instead."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot import action_ids
from bot.context import Actor
from bot.i18n import Catalog
from bot.replies import Reply
from bot.workshops.dispatch import NoteForm
from bot.workshops.solution_dispatch import CaseForm, ExperimentForm, ReviewForm
from handlers.slack.actors import actor_of
from handlers.slack.render import reply_payload
from handlers.slack.services import SlackServices
from handlers.slack.views.solution_forms import case_modal, experiment_modal, review_modal
from handlers.slack.views.workshop_note_form import note_modal
from handlers.slack.work import after_ack

Form = NoteForm | CaseForm | ExperimentForm | ReviewForm
Opener = Callable[[SlackServices, Actor, str], Awaitable[Form | Reply]]


def _modal(t: Catalog, form: Form) -> dict[str, Any]:
    match form:
        case NoteForm():
            return note_modal(t, form)
        case CaseForm():
            return case_modal(t, form)
        case ExperimentForm():
            return experiment_modal(t, form)
        case ReviewForm():
            return review_modal(t, form)


def _opens(opener: Opener) -> Callable[..., Awaitable[None]]:
    async def handle(
        ack: AsyncAck,
        body: dict[str, Any],
        action: dict[str, Any],
        client: AsyncWebClient,
        respond: AsyncRespond,
        context: AsyncBoltContext,
        services: SlackServices,
    ) -> None:
        await ack()
        async with after_ack(context):
            actor = await actor_of(context, services)
            found = await opener(services, actor, str(action.get("value") or ""))
            if isinstance(found, Reply):
                await respond(**reply_payload(found))
                return
            await client.views_open(trigger_id=body["trigger_id"], view=_modal(actor.t, found))

    return handle


def _note(services: SlackServices, actor: Actor, value: str) -> Awaitable[Form | Reply]:
    return services.tiimi.paja.note_form(actor=actor, value=value)


def _case(services: SlackServices, actor: Actor, value: str) -> Awaitable[Form | Reply]:
    return services.tiimi.paja.solutions.case_form(actor=actor, value=value)


def _experiment(services: SlackServices, actor: Actor, value: str) -> Awaitable[Form | Reply]:
    return services.tiimi.paja.solutions.experiment_form(actor=actor, value=value)


def _review(services: SlackServices, actor: Actor, value: str) -> Awaitable[Form | Reply]:
    return services.tiimi.paja.solutions.review_form(actor=actor, value=value)


def register(app: AsyncApp) -> None:
    app.action(action_ids.WORKSHOP_NOTE_FORM)(_opens(_note))
    app.action(action_ids.SOLUTION_CASE_FORM)(_opens(_case))
    app.action(action_ids.SOLUTION_EXPERIMENT_FORM)(_opens(_experiment))
    app.action(action_ids.SOLUTION_REVIEW_FORM)(_opens(_review))
