"""The buttons that open a form: on Teams an `Action.Submit` of type `task/fetch`, from which
Teams asks the bot for the dialog (handlers/teams/listeners/dialogs.py), carrying the form's
id as its verb and the button's value."""

from __future__ import annotations

from typing import Any

from bot import action_ids
from bot.i18n import Catalog
from bot.replies import Button, Buttons, Message

# Teams' own forms, for what Slack's commands take as typed text
ADD_GOAL_FORM = "add_goal"
ADD_MEMBER_FORM = "add_member"

FORM_VERBS = frozenset(
    {
        action_ids.OPEN_TEAM_FORM,
        action_ids.ADD_STEP_FORM,
        action_ids.STEP_MOVE,
        action_ids.CLOSE_SERVICE_FORM,
        ADD_GOAL_FORM,
        ADD_MEMBER_FORM,
        action_ids.WORKSHOP_NOTE_FORM,  # Kirjoita hukka, on a Hukkapaja's card
        action_ids.SOLUTION_CASE_FORM,  # a Ratkaisupaja's card: a case, an experiment
        action_ids.SOLUTION_EXPERIMENT_FORM,
        action_ids.SOLUTION_REVIEW_FORM,  # the card and the review reminder
    }
)


def form_action(button: Button) -> dict[str, Any] | None:
    """The card action of a button that opens a form; None for any other button."""
    if button.action_id not in FORM_VERBS:
        return None
    action: dict[str, Any] = {
        "type": "Action.Submit",
        "title": button.label,
        "data": {
            "msteams": {"type": "task/fetch"},
            "verb": button.action_id,
            "value": button.value,
        },
    }
    if button.style == "primary":
        action["style"] = "positive"
    elif button.style == "danger":
        action["style"] = "destructive"
    return action


def offers_form(message: Message) -> bool:
    """Whether the message carries a button that opens a form."""
    buttons = (b for block in message.blocks if isinstance(block, Buttons) for b in block.buttons)
    return any(button.action_id in FORM_VERBS for button in buttons)


def team_form_buttons(t: Catalog) -> Buttons:
    """Uusi askel, Uusi tavoite, Lisää jäsen: under a new team's welcome."""
    return Buttons(
        (
            Button(action_ids.ADD_STEP_FORM, t.plain("teams_form_add_step_button"), ""),
            Button(ADD_GOAL_FORM, t.plain("teams_form_add_goal_button"), ""),
            Button(ADD_MEMBER_FORM, t.plain("teams_form_add_member_button"), ""),
        )
    )


def open_team_button(t: Catalog) -> Buttons:
    """Uusi tiimi: on the home card."""
    label = t.plain("teams_form_open_team_button")
    return Buttons((Button(action_ids.OPEN_TEAM_FORM, label, "", style="primary"),))
