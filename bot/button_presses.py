"""The buttons whose press the core answers with a message to the presser: Tehty and Ei
toteutunut on a step, Saavutettu, Ei enää ajankohtainen and Avaa uudelleen on a goal, the
plan's and the overview's page buttons, the nudge's snooze buttons, Pidettiin / Ei pidetty
after a meeting, the client's answer asked of whoever closed a team (1–5, Ei kysytty), the
self-rating's 1–5, and a staff workshop's phase, dot and listing buttons. Every adapter routes
a press by its button's id (bot/action_ids.py) through the table below; the buttons that open
a form (Siirrä, a close reason that asks for a service, Kirjoita hukka) and the Home tab's
Tehty are each adapter's own."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot import action_ids
from bot.context import Actor
from bot.replies import Reply
from bot.teams.dispatch import TiimiCommands


@dataclass(frozen=True)
class Press:
    """What a press is about: who pressed which button (id and value) in which space."""

    actor: Actor
    space: str  # the space the button was pressed in ("" outside a team's space)
    action_id: str
    value: str


Answer = Callable[[TiimiCommands, Press], Awaitable[Reply]]


@dataclass(frozen=True)
class Button:
    key: str | re.Pattern[str]  # the button's id, or a pattern of its variants
    answer: Answer
    replaces: bool = False  # the answer takes the place of the message (a page turned)

    def matches(self, action_id: str) -> bool:
        if isinstance(self.key, str):
            return self.key == action_id
        return bool(self.key.match(action_id))


def _step_status(tiimi: TiimiCommands, p: Press) -> Awaitable[Reply]:
    return tiimi.askel.press(
        actor=p.actor, channel_id=p.space, action_id=p.action_id, value=p.value
    )


def _goal_status(tiimi: TiimiCommands, p: Press) -> Awaitable[Reply]:
    return tiimi.askel.press_goal(
        actor=p.actor, channel_id=p.space, action_id=p.action_id, value=p.value
    )


def _plan_page(tiimi: TiimiCommands, p: Press) -> Awaitable[Reply]:
    ok = p.value.isascii() and p.value.isdigit() and len(p.value) <= 9
    page = int(p.value) if ok else 1
    return tiimi.askel.show_plan(actor=p.actor, channel_id=p.space, page=page)


def _teams_page(tiimi: TiimiCommands, p: Press) -> Awaitable[Reply]:
    return tiimi.teams_page(actor=p.actor, value=p.value or "1|")


def _snooze(tiimi: TiimiCommands, p: Press) -> Awaitable[Reply]:
    days = int(p.action_id.split(":", 1)[1])
    return tiimi.snooze_from_button(actor=p.actor, channel_id=p.space, days=days)


def _meeting_outcome(tiimi: TiimiCommands, p: Press) -> Awaitable[Reply]:
    held = p.action_id.split(":", 1)[1] == "held"
    return tiimi.meeting_outcome_from_button(
        actor=p.actor, channel_id=p.space, value=p.value, held=held
    )


def _client_feedback(tiimi: TiimiCommands, p: Press) -> Awaitable[Reply]:
    return tiimi.feedback.press(actor=p.actor, action_id=p.action_id, value=p.value)


def _rating(tiimi: TiimiCommands, p: Press) -> Awaitable[Reply]:
    return tiimi.ratings.press(actor=p.actor, action_id=p.action_id, value=p.value)


def _workshop_phase(tiimi: TiimiCommands, p: Press) -> Awaitable[Reply]:
    return tiimi.paja.press_phase(actor=p.actor, action_id=p.action_id, value=p.value)


def _workshop_dot(tiimi: TiimiCommands, p: Press) -> Awaitable[Reply]:
    return tiimi.paja.press_dot(actor=p.actor, value=p.value)


def _workshop_my_dots(tiimi: TiimiCommands, p: Press) -> Awaitable[Reply]:
    return tiimi.paja.press_my_dots(actor=p.actor, value=p.value)


def _workshop_notes(tiimi: TiimiCommands, p: Press) -> Awaitable[Reply]:
    return tiimi.paja.press_notes(actor=p.actor, value=p.value)


BUTTONS = (
    Button(action_ids.STEP_DONE, _step_status),
    Button(action_ids.STEP_NOT_DONE, _step_status),
    Button(re.compile(rf"^{action_ids.GOAL_STATUS}:(reached|not_relevant|open)$"), _goal_status),
    Button(action_ids.any_variant(action_ids.PLAN_PAGE), _plan_page, replaces=True),
    Button(action_ids.any_variant(action_ids.TEAMS_PAGE), _teams_page, replaces=True),
    Button(re.compile(rf"^{action_ids.NUDGE_SNOOZE}:(1|7)$"), _snooze),  # a day or a week
    Button(re.compile(rf"^{action_ids.MEETING_OUTCOME}:(held|not_held)$"), _meeting_outcome),
    Button(action_ids.any_variant(action_ids.CLIENT_FEEDBACK), _client_feedback, replaces=True),
    Button(re.compile(rf"^{action_ids.RATING}:[1-5]$"), _rating),  # the self-rating's answer
    # a staff workshop's card (bot/workshops)
    Button(
        re.compile(rf"^{action_ids.WORKSHOP_PHASE}:(grouping|voting|results)$"), _workshop_phase
    ),
    Button(action_ids.WORKSHOP_DOT, _workshop_dot),
    Button(action_ids.WORKSHOP_MY_DOTS, _workshop_my_dots),
    Button(action_ids.WORKSHOP_NOTES, _workshop_notes),
)


def button_for(action_id: str) -> Button | None:
    return next((b for b in BUTTONS if b.matches(action_id)), None)
