"""The one error handler: log the failure, tell the user in their language, never a trace."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncBoltContext

from bot.i18n import Catalog

log = logging.getLogger("handlers.slack")
Listener = Callable[..., Awaitable[None]]


async def report_failure(error: Exception, context: AsyncBoltContext) -> None:
    log.error("listener failed: %s", type(error).__name__, exc_info=error)
    respond = context.respond
    if respond is None or not context.response_url:  # e.g. a modal submission or an event
        return
    locales = context.get("locales")
    lang = locales.cached(context.user_id) if locales else "fi"
    await respond(text=Catalog(lang)("generic_error"), response_type="ephemeral")


def answers_failures(listener: Listener) -> Listener:
    """Route a listener's failures after ack() to report_failure.

    Bolt resets its acknowledgement when a listener raises right after ack(), which can turn
    the HTTP answer into a 404; catching here keeps the answer and the user's message.
    """

    @functools.wraps(listener)
    async def wrapper(**kwargs: Any) -> None:
        slots: asyncio.Semaphore = kwargs["context"]["work_slots"]
        holding = False
        if (ack := kwargs.get("ack")) is not None:

            async def ack_then_wait_for_a_slot(*args: Any, **options: Any) -> None:
                """Answer Slack at once; the work after it waits for one of a few slots, so
                that new acknowledgements never queue behind many requests' work."""
                nonlocal holding
                await ack(*args, **options)
                await slots.acquire()
                holding = True

            kwargs["ack"] = ack_then_wait_for_a_slot
        else:  # an event: Bolt has acknowledged already; let the answer go out first
            await asyncio.sleep(0)
            await slots.acquire()
            holding = True
        try:
            await listener(**kwargs)
        except Exception as error:
            await report_failure(error, kwargs["context"])
        finally:
            if holding:
                slots.release()

    return wrapper
