"""A card with the button that opens a form, where Slack would open the form at once: on Teams a
form opens only from a button press (a dialog needs the press's invoke)."""

from __future__ import annotations

from bot import action_ids
from bot.context import Actor
from bot.plan.commands import StepDialog
from bot.replies import Button, Buttons, Message, Reply, Text
from bot.teams.close_service import CloseServiceDialog
from bot.teams.commands import OpenTeamDialog


def offer_form(actor: Actor, dialog: OpenTeamDialog | StepDialog | CloseServiceDialog) -> Reply:
    """The form's button carries the form's id; its value, what the form is about."""
    if isinstance(dialog, OpenTeamDialog):
        key, form_id, value = "teams_form_open_team", action_ids.OPEN_TEAM_FORM, ""
    elif isinstance(dialog, StepDialog):
        key, form_id, value = "teams_form_add_step", action_ids.ADD_STEP_FORM, ""
    else:
        key, form_id, value = "teams_form_close_service", action_ids.CLOSE_SERVICE_FORM, dialog.key
    runs = actor.t(key)
    label = actor.t.plain(f"{key}_button")
    button = Button(action_id=form_id, label=label, value=value, style="primary")
    return Reply(Message(runs, (Text(runs), Buttons((button,)))))
