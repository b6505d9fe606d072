"""The form behind the close reason *siirtyi yhteen palveluun*: which service the team moved
to, a profession picked or a short service label typed; submitting it closes the team."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond
from slack_sdk.models.blocks import (
    InputBlock,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot import action_ids
from bot.i18n import Catalog
from bot.plan.dispatch import FormErrors
from bot.teams.close_service import SERVICE_MAX, CloseServiceDialog
from bot.teams.professions import SERVICES, profession_label
from handlers.slack.actors import actor_of
from handlers.slack.markup import display_segments
from handlers.slack.render import reply_payload
from handlers.slack.services import SlackServices
from handlers.slack.work import after_ack, after_answer

CALLBACK_ID = action_ids.CLOSE_SERVICE_FORM


def close_service_modal(
    t: Catalog, dialog: CloseServiceDialog, *, channel_id: str, response_url: str
) -> dict[str, Any]:
    """The form; its metadata carries where the choice was made, to answer there."""
    options = [Option(value=key, text=profession_label(key, t.lang) or key) for key in SERVICES]
    metadata = {"channel": channel_id, "key": dialog.key, "response_url": response_url}
    view = View(
        type="modal",
        callback_id=CALLBACK_ID,
        private_metadata=json.dumps(metadata),
        title=PlainTextObject(text=t.plain("form_close_service_title")[:24]),
        submit=PlainTextObject(text=t.plain("form_close_submit")),
        close=PlainTextObject(text=t.plain("modal_cancel")),
        blocks=[
            InputBlock(
                block_id="profession",
                label=PlainTextObject(text=t.plain("form_close_service_profession")),
                element=StaticSelectElement(action_id="profession", options=options[:100]),
                optional=True,
            ),
            InputBlock(
                block_id="service",
                label=PlainTextObject(text=t.plain("form_close_service_text")),
                element=PlainTextInputElement(action_id="service", max_length=SERVICE_MAX),
                hint=PlainTextObject(text=t.plain("form_close_service_hint")),
                optional=True,
            ),
        ],
    )
    return view.to_dict()


def _field(view: dict[str, Any], block: str) -> dict[str, Any]:
    values = view.get("state", {}).get("values", {})
    return dict(values.get(block, {}).get(block) or {})


async def handle_close_service(
    ack: AsyncAck,
    view: dict[str, Any],
    context: AsyncBoltContext,
    services: SlackServices,
    responder: Callable[[str], AsyncRespond],
) -> None:
    """Check the form and answer it, then close; the answer replaces the reason buttons."""
    actor = await actor_of(context, services)
    try:
        service = services.tiimi.check_close_service(
            actor=actor,
            profession=(_field(view, "profession").get("selected_option") or {}).get("value"),
            text=_field(view, "service").get("value"),
            display=display_segments,
        )
    except FormErrors as errors:
        await ack(response_action="errors", errors=errors.errors)
        return
    await ack()
    metadata = json.loads(view.get("private_metadata") or "{}")
    then = None
    async with after_ack(context):
        reply = await services.tiimi.close_with_service(
            actor=actor,
            channel_id=str(metadata.get("channel") or ""),
            key=str(metadata.get("key") or ""),
            service=service,
        )
        then = reply.then
        url = str(metadata.get("response_url") or "")
        await responder(url)(**(reply_payload(reply) | {"replace_original": True}))
    await after_answer(context, then)


def register(app: AsyncApp) -> None:
    app.view(CALLBACK_ID)(handle_close_service)
