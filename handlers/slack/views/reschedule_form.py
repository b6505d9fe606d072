"""The "Siirrä" form: a new due date for a step."""

from __future__ import annotations

from datetime import date
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.models.blocks import DatePickerElement, InputBlock, PlainTextObject
from slack_sdk.models.views import View

from bot import action_ids
from bot.i18n import Catalog
from bot.plan.dispatch import FormErrors
from handlers.slack.actors import actor_of
from handlers.slack.services import SlackServices

CALLBACK_ID = action_ids.RESCHEDULE_FORM


def reschedule_modal(t: Catalog, *, channel_id: str, number: int) -> dict[str, Any]:
    view = View(
        type="modal",
        callback_id=CALLBACK_ID,
        private_metadata=f"{channel_id}:{number}",
        title=PlainTextObject(text=t.plain("form_move_title", number=number)),
        submit=PlainTextObject(text=t.plain("form_save")),
        close=PlainTextObject(text=t.plain("modal_cancel")),
        blocks=[
            InputBlock(
                block_id="due",
                label=PlainTextObject(text=t.plain("form_new_due")),
                element=DatePickerElement(action_id="due"),
            )
        ],
    )
    return view.to_dict()


async def handle_reschedule(
    ack: AsyncAck,
    body: dict[str, Any],
    view: dict[str, Any],
    context: AsyncBoltContext,
    services: SlackServices,
) -> None:
    actor = await actor_of(context, services)
    channel_id, number = (view.get("private_metadata") or ":0").rsplit(":", 1)
    picked = view["state"]["values"]["due"]["due"].get("selected_date")
    if not picked:
        await ack(response_action="errors", errors={"due": actor.t.plain("form_due_required")})
        return
    try:
        await services.askel.reschedule(
            actor=actor, channel_id=channel_id, number=int(number), due=date.fromisoformat(picked)
        )
    except FormErrors as errors:
        await ack(response_action="errors", errors=errors.errors)
        return
    await ack()


def register(app: AsyncApp) -> None:
    app.view(CALLBACK_ID)(handle_reschedule)
