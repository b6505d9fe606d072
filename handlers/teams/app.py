"""The Agents SDK application: its options, the one error handler, and Tiimi's routes.

The SDK's defaults are changed where they would harm: its turn-error handler would post the
exception's text into the conversation, so ours logs the error's type and tells the person a
plain sentence; typing indicators are off (needless connector calls); SDK turn state is kept
in memory only (Tiimi's state is its own database)."""

from __future__ import annotations

import logging

from microsoft_agents.hosting.aiohttp import CloudAdapter
from microsoft_agents.hosting.core import (
    AgentApplication,
    ApplicationOptions,
    Connections,
    MemoryStorage,
    TurnContext,
    TurnState,
)

from handlers.teams.actors import actor_of, origin_of
from handlers.teams.delivery import tell_failure
from handlers.teams.listeners import card_actions, commands, dialogs, installation, unrouted
from handlers.teams.services import TeamsServices

log = logging.getLogger("handlers.teams")


def build_agent_app(
    *, adapter: CloudAdapter, connections: Connections, services: TeamsServices
) -> AgentApplication[TurnState]:
    app = AgentApplication[TurnState](
        options=ApplicationOptions(
            adapter=adapter,
            storage=MemoryStorage(),
            start_typing_timer=False,
            remove_recipient_mention=True,
        ),
        connection_manager=connections,
    )

    async def on_error(context: TurnContext, error: Exception) -> None:
        await report_failure(context, error, services)

    app.error(on_error)
    adapter.on_turn_error = on_error
    commands.register(app, services)
    card_actions.register(app, services)
    dialogs.register(app, services)
    installation.register(app, services)
    unrouted.register(app)
    return app


async def report_failure(context: TurnContext, error: Exception, services: TeamsServices) -> None:
    """The one error handler: the error's type into the log (never its text, which may hold
    what a person typed), a clear sentence to the person privately."""
    log.error("turn failed: %s", type(error).__name__, exc_info=error)
    activity = context.activity
    actor = actor_of(activity, default_language=services.language)
    if actor is None or activity.type != "message":
        return  # an invoke's failure: the SDK answers it 500, which Teams shows as an error
    await tell_failure(services.platform, actor=actor, origin=origin_of(activity))
