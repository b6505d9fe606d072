"""Builds the Bolt AsyncApp: its middleware, listeners and the one error handler."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable

from slack_bolt.async_app import AsyncApp, AsyncRespond
from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.web.async_client import AsyncWebClient

from handlers.slack.errors import report_failure
from handlers.slack.listeners import (
    account_changes,
    app_home,
    arvio_command,
    askel_command,
    buttons,
    channel_members,
    close_team_action,
    home_step_done_action,
    paja_command,
    step_move_action,
    tiimi_command,
    workshop_form_buttons,
)
from handlers.slack.request_keys import HandleOnce, RequestKeys
from handlers.slack.services import SlackServices
from handlers.slack.views import (
    close_service_form,
    open_team,
    reschedule_form,
    solution_forms,
    step_form,
    workshop_note_form,
)
from handlers.work_slots import WorkSlots

LISTENER_MODULES = (
    app_home,
    home_step_done_action,
    channel_members,
    account_changes,
    tiimi_command,
    askel_command,
    arvio_command,
    buttons,
    step_move_action,
    close_team_action,
    step_form,
    open_team,
    reschedule_form,
    close_service_form,
    paja_command,
    workshop_note_form,
    workshop_form_buttons,
    solution_forms,
)


def build_app(
    *,
    client: AsyncWebClient,
    signing_secret: str,
    services: SlackServices,
    work: WorkSlots,
    request_log: RequestKeys,
    responder: Callable[[str], AsyncRespond] | None = None,
) -> AsyncApp:
    """`request_log` remembers the requests handled (bot.privacy.request_log.RequestLog);
    `responder` builds respond() for a response_url (Bolt's own when None)."""
    app = AsyncApp(
        client=client,  # carries the token, base URL and retry handlers
        signing_secret=signing_secret,
        # Bolt answers Slack as soon as a listener calls ack(); the listener's task goes on
        # with the work (see work.WorkSlots). Not lazy listeners: Bolt hands those a deep copy
        # of the request, and the shared-session client in its context cannot be copied.
        process_before_response=False,
    )
    app.middleware(HandleOnce(request_log))  # after Bolt's signature check: see request_keys
    app.middleware(ProvideServices(services, work, responder))
    for module in LISTENER_MODULES:
        module.register(app)
    app.event(ANY_EVENT)(acknowledge_other_events)  # last: only events no listener took
    app.error(report_failure)
    return app


ANY_EVENT = re.compile(".*")


async def acknowledge_other_events() -> None:
    """An event the bot has no listener for still gets a 200 (Bolt acknowledges events itself):
    Slack counts any other answer as a failed delivery, retries it, and disables the event
    subscriptions of an app that fails too many."""


class ProvideServices(AsyncMiddleware):
    """Puts the services, the work slots and respond() into each request's context.

    A class rather than a function: Bolt builds all listener arguments for a function
    middleware on every request, before the acknowledgement.
    """

    def __init__(
        self,
        services: SlackServices,
        work: WorkSlots,
        responder: Callable[[str], AsyncRespond] | None,
    ) -> None:
        self._services = services
        self._work = work
        self._responder = responder

    async def async_process(
        self,
        *,
        req: AsyncBoltRequest,
        resp: BoltResponse,
        next: Callable[[], Awaitable[BoltResponse]],
    ) -> BoltResponse | None:
        context = req.context
        context["services"] = self._services
        context["work"] = self._work
        # respond() for another response_url, e.g. a form that answers the button that opened it
        context["responder"] = self._responder or _bolt_respond
        if self._responder is not None and context.response_url:
            context["respond"] = self._responder(context.response_url)
        return await next()


def _bolt_respond(response_url: str) -> AsyncRespond:
    return AsyncRespond(response_url=response_url)
