"""The step form (`/askel` with no text): what, who, by when, for which goal."""

from __future__ import annotations

from datetime import date
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext
from slack_sdk.models.blocks import (
    DatePickerElement,
    InputBlock,
    Option,
    OptionGroup,
    PlainTextInputElement,
    PlainTextObject,
    StaticMultiSelectElement,
    StaticSelectElement,
    UserMultiSelectElement,
)
from slack_sdk.models.views import View

from bot import action_ids
from bot.i18n import Catalog
from bot.plan.commands import MAX_TEXT, StepDialog
from bot.plan.dispatch import FormErrors, StepForm
from bot.teams.professions import profession_label
from handlers.slack.actors import actor_of
from handlers.slack.markup import display_segments
from handlers.slack.services import SlackServices
from handlers.slack.work import after_ack

CALLBACK_ID = action_ids.ADD_STEP_FORM


def step_form_modal(t: Catalog, dialog: StepDialog, *, channel_id: str) -> dict[str, Any]:
    blocks: list[Any] = [
        _input(
            "text",
            t.plain("form_step_text"),
            PlainTextInputElement(action_id="text", multiline=True, max_length=MAX_TEXT),
        ),
        _input(
            "owner_user",
            t.plain("form_owner_member"),
            UserMultiSelectElement(action_id="owner_user"),
            optional=True,
        ),
        _input(
            "owner_role",
            t.plain("form_owner_role"),
            StaticMultiSelectElement(
                action_id="owner_role", option_groups=_owner_groups(t, dialog)
            ),
            optional=True,
        ),
        _input("due", t.plain("form_due"), DatePickerElement(action_id="due"), optional=True),
    ]
    if goals := dialog.goals:
        options = [Option(value=str(n), text=_cut(f"T{n}. {text}")) for n, text in goals[:100]]
        blocks.append(
            _input(
                "goal",
                t.plain("form_goal"),
                StaticSelectElement(action_id="goal", options=options),
                optional=True,
            )
        )
    view = View(
        type="modal",
        callback_id=CALLBACK_ID,
        private_metadata=channel_id,
        title=PlainTextObject(text=t.plain("form_step_title")),
        submit=PlainTextObject(text=t.plain("form_save")),
        close=PlainTextObject(text=t.plain("modal_cancel")),
        blocks=blocks,
    )
    return view.to_dict()


def _owner_groups(t: Catalog, dialog: StepDialog) -> list[OptionGroup]:
    """The team's participants by number (their value), then the roles of none of them by
    key (choosing one adds a participant of that role), at most 100 options in all."""
    team = [Option(value=str(n), text=_cut(line)) for n, line in dialog.participants]
    new = [Option(value=key, text=profession_label(key, t.lang) or key) for key in dialog.new_roles]
    groups = [
        OptionGroup(label=t.plain("form_owner_participants"), options=team[:100]),
        OptionGroup(label=t.plain("form_owner_new_role"), options=new[: max(0, 100 - len(team))]),
    ]
    return [group for group in groups if group.options]


def _cut(text: str) -> str:
    """An option's text within Slack's 75 characters (plain text: shown as typed)."""
    return text if len(text) <= 75 else text[:74] + "…"


def _input(block_id: str, label: str, element: Any, *, optional: bool = False) -> InputBlock:
    return InputBlock(
        block_id=block_id, label=PlainTextObject(text=label), element=element, optional=optional
    )


def read_step_form(view: dict[str, Any]) -> StepForm:
    values = view.get("state", {}).get("values", {})

    def field(block: str) -> dict[str, Any]:
        return dict(values.get(block, {}).get(block) or {})

    due = field("due").get("selected_date")
    goal = (field("goal").get("selected_option") or {}).get("value")
    users = field("owner_user")
    roles = field("owner_role")
    options = roles.get("selected_options") or [roles.get("selected_option") or {}]
    chosen = [str(o["value"]) for o in options if o.get("value")]
    return StepForm(
        text=str(field("text").get("value") or ""),
        owner_user_ids=tuple(
            users.get("selected_users") or filter(None, [users.get("selected_user")])
        ),
        owner_roles=tuple(v for v in chosen if not _number(v)),  # a role ("client"…)
        owner_numbers=tuple(int(v) for v in chosen if _number(v)),  # a participant's number
        due=date.fromisoformat(due) if due else None,
        goal_number=int(goal) if goal else None,
        display=display_segments,  # read as Slack could show it, like a command's text
    )


def _number(value: str) -> bool:
    """A participant's number (the form's old values are role keys, still read as roles)."""
    return value.isascii() and value.isdecimal() and len(value) <= 4


async def handle_step_form(
    ack: AsyncAck, view: dict[str, Any], context: AsyncBoltContext, services: SlackServices
) -> None:
    """Check the form, answer it, then add the step: a slow step no longer shows Slack's
    error and tempts a second submission (which, sent with the same view id, adds nothing)."""
    actor = await actor_of(context, services)
    askel = services.askel
    try:
        step = askel.check_form(actor=actor, form=read_step_form(view))
    except FormErrors as errors:
        await ack(response_action="errors", errors=errors.errors)
        return
    await ack()
    async with after_ack(context):
        refusal = await askel.submit_form(
            actor=actor,
            channel_id=view.get("private_metadata") or "",
            step=step,
            form_id=str(view["id"]),
        )
        if refusal is not None:  # a form has no response_url: the refusal comes as a message
            await services.platform.send_direct(actor.user_id, refusal.message)


def register(app: AsyncApp) -> None:
    app.view(CALLBACK_ID)(handle_step_form)
