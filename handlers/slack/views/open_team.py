"""The "new team" modal: members picker and the client's-choice confirmation."""

from __future__ import annotations

from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.models.blocks import (
    CheckboxesElement,
    InputBlock,
    MarkdownTextObject,
    Option,
    PlainTextObject,
    SectionBlock,
    UserMultiSelectElement,
)
from slack_sdk.models.views import View

from bot import action_ids
from bot.i18n import Catalog
from handlers.slack.actors import actor_of
from handlers.slack.render import markup
from handlers.slack.services import SlackServices
from handlers.slack.work import after_ack

CALLBACK_ID = action_ids.OPEN_TEAM_FORM
MEMBERS_BLOCK, MEMBERS_ACTION = "members", "members"
CONSENT_BLOCK, CONSENT_ACTION, CONSENT_VALUE = "consent", "consent", "client_chose_members"


def open_team_modal(t: Catalog, *, origin_channel: str) -> dict[str, Any]:
    view = View(
        type="modal",
        callback_id=CALLBACK_ID,
        private_metadata=origin_channel,
        title=PlainTextObject(text=t.plain("modal_title")),
        submit=PlainTextObject(text=t.plain("modal_submit")),
        close=PlainTextObject(text=t.plain("modal_cancel")),
        blocks=[
            SectionBlock(text=MarkdownTextObject(text=markup(t("modal_intro")))),
            InputBlock(
                block_id=MEMBERS_BLOCK,
                label=PlainTextObject(text=t.plain("modal_members_label")),
                element=UserMultiSelectElement(action_id=MEMBERS_ACTION, max_selected_items=99),
                optional=True,
            ),
            InputBlock(
                block_id=CONSENT_BLOCK,
                label=PlainTextObject(text=t.plain("modal_consent_label")),
                hint=PlainTextObject(text=t.plain("modal_consent_hint")),
                element=CheckboxesElement(
                    action_id=CONSENT_ACTION,
                    options=[
                        Option(
                            value=CONSENT_VALUE,
                            text=PlainTextObject(text=t.plain("modal_consent_option")),
                        )
                    ],
                ),
            ),
        ],
    )
    return view.to_dict()


def read_submission(view: dict[str, Any]) -> tuple[list[str], bool]:
    """The selected members and whether the client's choice was confirmed."""
    values = view.get("state", {}).get("values", {})
    members = values.get(MEMBERS_BLOCK, {}).get(MEMBERS_ACTION, {}).get("selected_users") or []
    chosen = values.get(CONSENT_BLOCK, {}).get(CONSENT_ACTION, {}).get("selected_options") or []
    confirmed = any(option.get("value") == CONSENT_VALUE for option in chosen)
    return [str(m) for m in members], confirmed


async def handle_open_team_submission(
    ack: AsyncAck,
    body: dict[str, Any],
    view: dict[str, Any],
    context: AsyncBoltContext,
    services: SlackServices,
) -> None:
    actor = await actor_of(context, services)
    members, confirmed = read_submission(view)
    if not confirmed:
        await ack(
            response_action="errors",
            errors={CONSENT_BLOCK: actor.t.plain("modal_consent_required")},
        )
        return
    await ack()
    async with after_ack(context):
        reply = await services.tiimi.open_from_dialog(
            actor=actor, member_ids=members, request_key=f"view:{view['id']}"
        )
        await services.platform.send_direct(actor.user_id, reply.message)


def register(app: AsyncApp) -> None:
    app.view(CALLBACK_ID)(handle_open_team_submission)
