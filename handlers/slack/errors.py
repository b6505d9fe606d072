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
from handlers.slack.work import BackgroundWork, until_answered

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
    """Answer Slack at ack() and run the listener's work in the background.

    The app runs with process_before_response=True, so Bolt answers Slack when the returned
    wrapper returns (Bolt's other mode polls for ack() every 10 ms). A listener without an
    `ack` parameter (commands, buttons, events) is acknowledged before it runs: the shortest
    path to the answer. A listener that chooses its answer (a modal submission that may answer
    with errors) takes `ack` and runs until it has called it. Either way its work waits until
    the answer has been written, then for one of a few slots, so that new acknowledgements
    never queue behind many requests' work.
    """
    wanted = inspect.signature(listener).parameters
    chooses_answer = "ack" in wanted

    async def acknowledge_first(**kwargs: Any) -> None:
        await kwargs["ack"]()
        context: AsyncBoltContext = kwargs["context"]
        arguments = {name: kwargs[name] for name in wanted}
        context["work"].start(_after_the_answer(context, lambda: listener(**arguments)))

    wrapper: Listener = _until_acknowledged(listener) if chooses_answer else acknowledge_first
    # Bolt injects the arguments it reads from the signature: the listener's, ack and context.
    names = dict.fromkeys([*wanted, "ack", "context"])
    wrapper.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD) for name in names]
    )
    wrapper.__name__ = wrapper.__qualname__ = listener.__name__  # Bolt's logs name it
    wrapper.__doc__ = listener.__doc__
    return wrapper


async def _after_the_answer(
    context: AsyncBoltContext, work_of: Callable[[], Awaitable[None]]
) -> None:
    work: BackgroundWork = context["work"]
    await until_answered(context)
    async with work.slots:
        try:
            await work_of()
        except Exception as error:
            await report_failure(error, context)


def _until_acknowledged(listener: Listener) -> Listener:
    """Run `listener` in the background, returning to Bolt once it has called ack()."""
    wanted = inspect.signature(listener).parameters

    async def wrapper(**kwargs: Any) -> None:
        context: AsyncBoltContext = kwargs["context"]
        work: BackgroundWork = context["work"]
        ack = kwargs["ack"]
        acknowledged = asyncio.Event()
        holding = False

        async def acknowledge_then_wait_for_a_slot(*args: Any, **options: Any) -> None:
            nonlocal holding
            try:
                await ack(*args, **options)
            finally:
                acknowledged.set()
            await until_answered(context)  # the answer goes out before any of the work is done
            if not holding:  # ack() may be called more than once
                await work.slots.acquire()
                holding = True

        async def run() -> None:
            try:
                await listener(**{name: kwargs[name] for name in wanted})
            except Exception as error:
                if not acknowledged.is_set() and context.response_url:
                    await acknowledge_then_wait_for_a_slot()  # the error follows via respond
                await report_failure(error, context)
            finally:
                if holding:
                    work.slots.release()
                acknowledged.set()

        kwargs["ack"] = acknowledge_then_wait_for_a_slot
        work.start(run())
        await acknowledged.wait()

    return wrapper
