"""The one error handler, and the wrapper every listener runs in: acknowledge at once, work in
the background, log a failure and tell the user in their language, never a trace."""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncBoltContext

from bot.i18n import Catalog
from handlers.slack.work import BackgroundWork

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


def background_listener(listener: Listener) -> Listener:
    """Run `listener` in the background and return to Bolt as soon as it has called ack().

    The app runs with process_before_response=True, so Bolt answers Slack when this wrapper
    returns, with what was passed to ack() (Bolt's other mode polls for ack() every 10 ms).
    After ack() the work waits for one of a few slots, so that new acknowledgements never
    queue behind many requests' work. Listeners that answer take `ack`; events (without it)
    are acknowledged by Bolt when this returns.
    """
    wanted = inspect.signature(listener).parameters
    answers = "ack" in wanted

    async def wrapper(**kwargs: Any) -> None:
        context: AsyncBoltContext = kwargs["context"]
        work: BackgroundWork = context["work"]
        ack = kwargs["ack"] if answers else None
        acknowledged = asyncio.Event()
        holding = False

        async def acknowledge_then_wait_for_a_slot(*args: Any, **options: Any) -> None:
            nonlocal holding
            try:
                await ack(*args, **options)  # type: ignore[misc]
            finally:
                acknowledged.set()
            await asyncio.sleep(0)  # the answer goes out before any of the work is done
            if not holding:  # ack() may be called more than once
                await work.slots.acquire()
                holding = True

        async def run() -> None:
            nonlocal holding
            try:
                if ack is None:
                    await work.slots.acquire()
                    holding = True
                await listener(**{name: kwargs[name] for name in wanted})
            except Exception as error:
                if ack is not None and not acknowledged.is_set() and context.response_url:
                    await acknowledge_then_wait_for_a_slot()  # the error follows via respond
                await report_failure(error, context)
            finally:
                if holding:
                    work.slots.release()
                acknowledged.set()

        if answers:
            kwargs["ack"] = acknowledge_then_wait_for_a_slot
        work.start(run())
        if answers:
            await acknowledged.wait()

    # Bolt injects the arguments it reads from the signature: the listener's and the context.
    names = dict.fromkeys([*wanted, "context"])
    wrapper.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD) for name in names]
    )
    wrapper.__name__ = wrapper.__qualname__ = listener.__name__  # Bolt's logs name it
    wrapper.__doc__ = listener.__doc__
    return wrapper
