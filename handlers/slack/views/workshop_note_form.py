"""The "Kirjoita hukka" form: one anonymous note for a Hukkapaja, with its kind of waste if the
writer likes. Nothing of the writer goes further than the language of the answer."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.models.blocks import (
    InputBlock,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    SectionBlock,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot import action_ids
from bot.i18n import Catalog
from bot.plan.dispatch import FormErrors
from bot.workshops.commands import MAX_NOTE
from bot.workshops.dispatch import TEXT_FIELD, WASTE_FIELD, NoteForm
from bot.workshops.waste import waste_choices
from handlers.slack.actors import actor_of
from handlers.slack.markup import display_segments
from handlers.slack.services import SlackServices
from handlers.slack.work import after_ack

CALLBACK_ID = action_ids.WORKSHOP_NOTE_FORM


def note_modal(t: Catalog, form: NoteForm) -> dict[str, Any]:
    options = [Option(value=value, text=label) for value, label in waste_choices(t)]
    view = View(
        type="modal",
        callback_id=CALLBACK_ID,
        private_metadata=str(form.workshop_id),
        title=PlainTextObject(text=t.plain("workshop_form_title")),
        submit=PlainTextObject(text=t.plain("workshop_form_submit")),
        close=PlainTextObject(text=t.plain("modal_cancel")),
        blocks=[
            InputBlock(
                block_id=TEXT_FIELD,
                label=PlainTextObject(text=t.plain("workshop_form_text")),
                element=PlainTextInputElement(
                    action_id=TEXT_FIELD, multiline=True, max_length=MAX_NOTE
                ),
                hint=PlainTextObject(text=t.plain("workshop_form_hint")),
            ),
            InputBlock(
                block_id=WASTE_FIELD,
                label=PlainTextObject(text=t.plain("workshop_form_waste")),
                element=StaticSelectElement(action_id=WASTE_FIELD, options=options),
                optional=True,
            ),
        ],
    )
    return view.to_dict()


def thanks_view(t: Catalog) -> dict[str, Any]:
    """What the form turns into once the note is in."""
    view = View(
        type="modal",
        title=PlainTextObject(text=t.plain("workshop_form_title")),
        close=PlainTextObject(text=t.plain("workshop_form_close")),
        blocks=[SectionBlock(text=PlainTextObject(text=t.plain("workshop_note_added")))],
    )
    return view.to_dict()


async def handle_note(
    ack: AsyncAck, view: dict[str, Any], context: AsyncBoltContext, services: SlackServices
) -> None:
    actor = await actor_of(context, services)
    values = view.get("state", {}).get("values", {})
    text = (values.get(TEXT_FIELD, {}).get(TEXT_FIELD) or {}).get("value") or ""
    chosen = (values.get(WASTE_FIELD, {}).get(WASTE_FIELD) or {}).get("selected_option") or {}
    try:
        reply = await services.tiimi.paja.submit_note(
            actor=actor,
            value=str(view.get("private_metadata") or ""),
            text=str(text),
            waste=str(chosen.get("value") or "") or None,
            form_id=str(view["id"]),
            display=display_segments,  # read as Slack could show it, like a command's text
        )
    except FormErrors as errors:
        await ack(response_action="errors", errors=errors.errors)
        return
    await ack(response_action="update", view=thanks_view(actor.t))
    async with after_ack(context):
        if reply.then is not None:  # the card's count of notes
            await reply.then()


def register(app: AsyncApp) -> None:
    app.view(CALLBACK_ID)(handle_note)
