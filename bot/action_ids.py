"""Ids of the buttons and forms the core offers: the core puts them on its buttons, and each
adapter routes presses and submissions by them (Slack's action and callback ids, Teams' verbs).

A button that comes in variants carries `<id>:<variant>` (`plan_page:next`, `nudge_snooze:7`,
`close_team:goals_reached`).
"""

from __future__ import annotations

import re

from bot.errors import UserError

STEP_DONE = "step_done"
STEP_NOT_DONE = "step_not_done"
STEP_MOVE = "step_move"
HOME_STEP_DONE = "home_step_done"
GOAL_STATUS = "goal_status"  # variants: reached, not_relevant, open (GoalStatus)
PLAN_PAGE = "plan_page"  # variants: prev, next
TEAMS_PAGE = "teams_page"  # variants: prev, next
NUDGE_SNOOZE = "nudge_snooze"  # variants: days, 1 or 7
CLOSE_TEAM = "close_team"  # variants: the closing reason
MEETING_OUTCOME = "meeting_outcome"  # variants: held, not_held (MeetingStatus)
CLIENT_FEEDBACK = "client_feedback"  # variants: the client's answer (FeedbackAnswer)
RATING = "rating"  # the self-rating's answer; variants: the score, 1–5 (value: the round id)
# a staff workshop's card (bot/workshops); each button's value is the workshop's id, a dot's
# the theme's
WORKSHOP_PHASE = "workshop_phase"  # variants: the phase to move to (WorkshopPhase)
WORKSHOP_DOT = "workshop_dot"
WORKSHOP_MY_DOTS = "workshop_my_dots"
WORKSHOP_NOTES = "workshop_notes"  # the notes and themes, to the facilitator alone

ADD_STEP_FORM = "add_step"
RESCHEDULE_FORM = "reschedule_step"
OPEN_TEAM_FORM = "open_team"
CLOSE_SERVICE_FORM = "close_service"  # the service a team closed as moved to one service
WORKSHOP_NOTE_FORM = "workshop_note"  # Kirjoita hukka: an anonymous note
# a Ratkaisupaja's forms (bot/workshops/solution_dispatch.py): a case's and an experiment's
# button on its card (values: the workshop's id; `workshop:theme`), a review's on the card and
# on the review reminder (value: the experiment's id)
SOLUTION_CASE_FORM = "solution_case"
SOLUTION_EXPERIMENT_FORM = "solution_experiment"
SOLUTION_REVIEW_FORM = "solution_review"


def variant(action_id: str, which: object) -> str:
    """The id of one variant of a button: `variant(PLAN_PAGE, "next")` → `plan_page:next`."""
    return f"{action_id}:{which}"


def any_variant(action_id: str) -> re.Pattern[str]:
    """Matches every variant of a button's id."""
    return re.compile(rf"^{re.escape(action_id)}:")


def number_value(value: str) -> int:
    """The number a button carries (a step's, a goal's, a team's); a UserError for any other
    value, which no button of Tiimi's carries (a forged press)."""
    if value.isascii() and value.isdigit() and len(value) <= 9:
        return int(value)
    raise UserError("teams_unknown_button")
