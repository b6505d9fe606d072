"""The one error handler: a listener's failure, before or after its ack(), is logged and the
user is told in their language, never with a trace."""

from __future__ import annotations

import logging

from slack_bolt.async_app import AsyncBoltContext

from bot.i18n import Catalog
from handlers.slack.render import markup
from handlers.slack.services import SlackServices

log = logging.getLogger("handlers.slack")


async def report_failure(error: Exception, context: AsyncBoltContext) -> None:
    log.error("listener failed: %s", type(error).__name__, exc_info=error)
    respond = context.respond
    if respond is None or not context.response_url:  # e.g. a modal submission or an event
        return
    services = context.get("services")  # absent only if the failure came before the middleware
    lang = services.locales.cached(context.user_id) if isinstance(services, SlackServices) else "fi"
    await respond(text=markup(Catalog(lang)("generic_error")), response_type="ephemeral")
