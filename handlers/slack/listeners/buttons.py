"""The buttons whose press the core answers with a message to the presser: Tehty and Ei
toteutunut on a step, Saavutettu, Ei enää ajankohtainen and Avaa uudelleen on a goal, the
plan's and the overview's page buttons, the nudge's snooze buttons, and Pidettiin / Ei pidetty
after a meeting. One listener routes them all by the table below."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt.async_app import AsyncAck, AsyncApp, AsyncBoltContext, AsyncRespond

from bot import action_ids
from bot.context import Actor
from bot.replies import Reply
from handlers.slack.actors import actor_of
from handlers.slack.render import reply_payload
from handlers.slack.services import SlackServices
from handlers.slack.work import after_ack

Payload = dict[str, Any]
Press = Callable[[SlackServices, Actor, str, Payload], Awaitable[Reply]]


@dataclass(frozen=True)
class Button:
    key: str | re.Pattern[str]  # the action id, or a pattern of its variants
    press: Press  # (services, actor, channel id, action) → the answer
    replaces: bool = False  # the answer takes the place of the message (a page turned)

    def matches(self, action_id: str) -> bool:
        return (
            self.key == action_id if isinstance(self.key, str) else bool(self.key.match(action_id))
        )


def _step_status(s: SlackServices, actor: Actor, channel: str, action: Payload) -> Awaitable[Reply]:
    return s.askel.press(
        actor=actor, channel_id=channel, action_id=action["action_id"], value=_value(action)
    )


def _goal_status(s: SlackServices, actor: Actor, channel: str, action: Payload) -> Awaitable[Reply]:
    return s.askel.press_goal(
        actor=actor, channel_id=channel, action_id=action["action_id"], value=_value(action)
    )


def _plan_page(s: SlackServices, actor: Actor, channel: str, action: Payload) -> Awaitable[Reply]:
    return s.askel.show_plan(actor=actor, channel_id=channel, page=int(_value(action) or "1"))


def _teams_page(s: SlackServices, actor: Actor, _: str, action: Payload) -> Awaitable[Reply]:
    return s.tiimi.teams_page(actor=actor, value=_value(action) or "1|")


def _snooze(s: SlackServices, actor: Actor, channel: str, action: Payload) -> Awaitable[Reply]:
    days = int(action["action_id"].split(":", 1)[1])
    return s.tiimi.snooze_from_button(actor=actor, channel_id=channel, days=days)


def _meeting_outcome(
    s: SlackServices, actor: Actor, channel: str, action: Payload
) -> Awaitable[Reply]:
    held = action["action_id"].split(":", 1)[1] == "held"
    return s.tiimi.meeting_outcome_from_button(
        actor=actor, channel_id=channel, value=_value(action), held=held
    )


def _value(action: Payload) -> str:
    return str(action.get("value") or "")


BUTTONS = (
    Button(action_ids.STEP_DONE, _step_status),
    Button(action_ids.STEP_NOT_DONE, _step_status),
    Button(re.compile(rf"^{action_ids.GOAL_STATUS}:(reached|not_relevant|open)$"), _goal_status),
    Button(action_ids.any_variant(action_ids.PLAN_PAGE), _plan_page, replaces=True),
    Button(action_ids.any_variant(action_ids.TEAMS_PAGE), _teams_page, replaces=True),
    Button(re.compile(rf"^{action_ids.NUDGE_SNOOZE}:(1|7)$"), _snooze),  # a day or a week
    Button(re.compile(rf"^{action_ids.MEETING_OUTCOME}:(held|not_held)$"), _meeting_outcome),
)


async def handle_button(
    ack: AsyncAck,
    body: dict[str, Any],
    action: dict[str, Any],
    respond: AsyncRespond,
    context: AsyncBoltContext,
    services: SlackServices,
) -> None:
    await ack()
    async with after_ack(context):
        button = next(b for b in BUTTONS if b.matches(action["action_id"]))
        actor = await actor_of(context, services)
        channel_id = str((body.get("channel") or {}).get("id") or "")
        reply = await button.press(services, actor, channel_id, action)
        replace = {"replace_original": True} if button.replaces else {}
        await respond(**(reply_payload(reply) | replace))


def register(app: AsyncApp) -> None:
    for button in BUTTONS:
        app.action(button.key)(handle_button)
