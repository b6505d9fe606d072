"""Builds the Bolt AsyncApp: context middleware, listeners and the one error handler."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp, AsyncBoltContext, AsyncRespond
from slack_sdk.web.async_client import AsyncWebClient

from bot.dispatch import TiimiCommands
from bot.i18n import Catalog
from handlers.slack.listeners import close_team_action, tiimi_command
from handlers.slack.locale import LocaleResolver
from handlers.slack.platform import SlackPlatform
from handlers.slack.views import open_team

log = logging.getLogger(__name__)
LISTENER_MODULES = (tiimi_command, close_team_action, open_team)


def build_app(
    *,
    client: AsyncWebClient,
    token: str,
    signing_secret: str,
    tiimi: TiimiCommands,
    locales: LocaleResolver,
    platform: SlackPlatform,
) -> AsyncApp:
    app = AsyncApp(
        client=client,
        token=token,
        signing_secret=signing_secret,
        logger=logging.getLogger("slack_bolt"),
    )

    async def provide_services(
        context: AsyncBoltContext, next: Callable[[], Awaitable[None]]
    ) -> None:
        context["tiimi"] = tiimi
        context["locales"] = locales
        context["platform"] = platform
        await next()

    app.middleware(provide_services)
    for module in LISTENER_MODULES:
        module.register(app)

    async def on_error(error: Exception, body: dict[str, Any], respond: AsyncRespond) -> None:
        log.error("listener failed: %s", type(error).__name__, exc_info=error)
        user = body.get("user_id") or (body.get("user") or {}).get("id")
        if respond is None:  # no response_url (e.g. a modal submission)
            return
        text = Catalog(locales.cached(user))("generic_error")
        await respond(text=text, response_type="ephemeral", replace_original=False)

    app.error(on_error)
    return app
