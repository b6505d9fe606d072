"""Each form's dialog by the verb of the button that opens it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from bot import action_ids
from handlers.teams.dialogs import (
    add_goal,
    add_member,
    add_step,
    close_service,
    open_team,
    reschedule,
    solution_forms,
    workshop_note,
)
from handlers.teams.dialogs.buttons import ADD_GOAL_FORM, ADD_MEMBER_FORM
from handlers.teams.dialogs.forms import Submitted, TaskAnswer, Turn


@dataclass(frozen=True)
class Dialog:
    fetch: Callable[[Turn], Awaitable[TaskAnswer]]  # the form to show
    submit: Callable[[Turn, Mapping[str, Any]], Awaitable[Submitted]]  # its submission


DIALOGS: Mapping[str, Dialog] = {
    action_ids.OPEN_TEAM_FORM: Dialog(open_team.fetch, open_team.submit),
    action_ids.ADD_STEP_FORM: Dialog(add_step.fetch, add_step.submit),
    action_ids.STEP_MOVE: Dialog(reschedule.fetch, reschedule.submit),
    action_ids.CLOSE_SERVICE_FORM: Dialog(close_service.fetch, close_service.submit),
    ADD_GOAL_FORM: Dialog(add_goal.fetch, add_goal.submit),
    ADD_MEMBER_FORM: Dialog(add_member.fetch, add_member.submit),
    action_ids.WORKSHOP_NOTE_FORM: Dialog(workshop_note.fetch, workshop_note.submit),
    action_ids.SOLUTION_CASE_FORM: Dialog(solution_forms.fetch_case, solution_forms.submit_case),
    action_ids.SOLUTION_EXPERIMENT_FORM: Dialog(
        solution_forms.fetch_experiment, solution_forms.submit_experiment
    ),
    action_ids.SOLUTION_REVIEW_FORM: Dialog(
        solution_forms.fetch_review, solution_forms.submit_review
    ),
}
