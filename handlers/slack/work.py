"""Work after the acknowledgement: a listener calls ack(), then does its work in
`after_ack(context)`: in a slot, a few requests at a time, so that new acknowledgements never
queue behind many requests' work.

Bolt runs each listener in a task of its own and answers Slack once it sees that ack() has been
called (AsyncApp with process_before_response=False: it looks every 10 ms; events it
acknowledges before their listener runs); what follows ack() is the work. The slots also
count the work under way (/healthz) and give it the grace at shutdown.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

from slack_bolt.async_app import AsyncBoltContext

from handlers.slack.errors import report_failure
from handlers.work_slots import WorkSlots

log = logging.getLogger(__name__)


@asynccontextmanager
async def after_ack(context: AsyncBoltContext) -> AsyncIterator[None]:
    """A listener's work after its ack(): in one of the request's slots (context["work"]), and
    a failure logged and told to the user by the one error handler.

    Reported here rather than raised to Bolt: when a listener fails after ack() but before
    Bolt's 10 ms poll has seen the acknowledgement, Bolt drops the acknowledgement and answers
    Slack with a 404 after 3 seconds (slack_bolt 1.30, AsyncioListenerRunner).
    """
    work: WorkSlots = context["work"]
    async with work.slot():
        try:
            yield
        except Exception as error:
            await report_failure(error, context)


async def after_answer(
    context: AsyncBoltContext, then: Callable[[], Awaitable[object]] | None
) -> None:
    """Work that follows the user's answer (clearing a closed team's channel: minutes): outside
    the slots, but counted, so that a shutdown gives it the grace like any other work. A
    failure is logged; the maintenance pass finishes what it left (bot/teams/closing.py)."""
    if then is None:
        return
    work: WorkSlots = context["work"]
    async with work.counted():
        try:
            await then()
        except Exception as error:
            log.error("work after the answer failed: %s", type(error).__name__)
