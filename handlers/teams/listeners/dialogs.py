"""Dialogs (task modules): `task/fetch` from a form's button answers with the form
(handlers/teams/dialogs/), `task/submit` with the form again showing its errors, or with the
core's answer as a message that closes the dialog. What the form entered reaches the bot only;
an answer for everyone is also posted into the chat, and a team being opened is answered at
once and its outcome sent to the opener's personal chat."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from microsoft_agents.activity import Activity, ActivityTypes, InvokeResponse
from microsoft_agents.hosting.core import AgentApplication, TurnContext, TurnState

from bot.context import Actor
from bot.replies import Reply
from handlers.teams.actors import Origin, actor_of, origin_of
from handlers.teams.delivery import deliver, tell_failure
from handlers.teams.dialogs.forms import FormKey, Later, Submitted, TaskAnswer, Turn, message
from handlers.teams.dialogs.registry import DIALOGS, Dialog
from handlers.teams.services import TeamsServices

log = logging.getLogger("handlers.teams")
FETCH, SUBMIT = "task/fetch", "task/submit"


async def on_fetch(context: TurnContext, services: TeamsServices) -> TaskAnswer:
    found = await _dialog(context, services)
    if not isinstance(found, tuple):
        return found
    dialog, turn, _ = found
    return await dialog.fetch(turn)


async def on_submit(context: TurnContext, services: TeamsServices) -> TaskAnswer:
    found = await _dialog(context, services)
    if not isinstance(found, tuple):
        return found
    dialog, turn, origin = found
    submitted = await dialog.submit(turn, _data(context.activity))
    return await _finish(services, turn, origin, submitted)


async def _dialog(
    context: TurnContext, services: TeamsServices
) -> tuple[Dialog, Turn, Origin] | TaskAnswer:
    """The form the invoke is about and who asks; else the message to answer with."""
    activity = context.activity
    await services.platform.conversations.remember(context)
    actor = actor_of(activity, default_language=services.language)
    if actor is None:
        return message("")
    data = _data(activity)
    verb, value = data.get("verb"), data.get("value")
    dialog = DIALOGS.get(verb) if isinstance(verb, str) else None
    if dialog is None or not isinstance(verb, str):
        return message(actor.t.plain("teams_unknown_button"))
    origin = origin_of(activity)
    opened = data.get("dialog")  # the submission of a form carries its dialog's id
    key = FormKey(
        verb=verb,
        value=str(value) if isinstance(value, str | int) else "",
        dialog=opened if isinstance(opened, str) and opened else activity.id or "",
    )
    turn = Turn(
        tiimi=services.tiimi,
        actor=actor,
        space="" if origin.personal else origin.conversation_id,
        key=key,
        request_key=f"teams:{origin.conversation_id}:{key.dialog}",
    )
    return dialog, turn, origin


def _data(activity: Activity) -> Mapping[str, Any]:
    value = activity.value
    data = value.get("data") if isinstance(value, dict) else None
    return data if isinstance(data, dict) else {}


async def _finish(
    services: TeamsServices, turn: Turn, origin: Origin, submitted: Submitted
) -> TaskAnswer:
    """The dialog's answer; the core's answer for everyone posted, its work started."""
    actor = turn.actor
    if isinstance(submitted, Later):
        services.work.start(lambda: _later(services, actor, origin, submitted))
        return message(submitted.note)
    if not isinstance(submitted, Reply):
        return submitted
    reply = submitted
    if reply.public:
        services.work.start(lambda: _deliver(services, actor, origin, reply))
    elif reply.then is not None:
        services.work.start(reply.then)
    return message(await services.platform.plain(reply.message.fallback))


async def _deliver(services: TeamsServices, actor: Actor, origin: Origin, reply: Reply) -> None:
    try:
        await deliver(services.platform, actor=actor, origin=origin, reply=reply)
    except Exception as error:
        log.error("delivering a dialog's answer failed: %s", type(error).__name__, exc_info=error)


async def _later(services: TeamsServices, actor: Actor, origin: Origin, later: Later) -> None:
    """The work after the dialog was answered; its answer for the asker alone (their
    personal chat), a failure told there in a plain sentence."""
    try:
        reply = await later.work()
        private = Reply(reply.message, then=reply.then)
        await deliver(services.platform, actor=actor, origin=origin, reply=private)
    except Exception as error:
        log.error("a dialog's work failed: %s", type(error).__name__, exc_info=error)
        await tell_failure(services.platform, actor=actor, origin=origin)


async def _answer(context: TurnContext, answer: TaskAnswer) -> None:
    response = InvokeResponse(status=200, body=answer)
    await context.send_activity(Activity(type=ActivityTypes.invoke_response, value=response))


def register(app: AgentApplication[TurnState], services: TeamsServices) -> None:
    async def fetch(context: TurnContext, _: TurnState) -> None:
        await _answer(context, await on_fetch(context, services))

    async def submit(context: TurnContext, _: TurnState) -> None:
        await _answer(context, await on_submit(context, services))

    app.invoke(FETCH)(fetch)
    app.invoke(SUBMIT)(submit)
