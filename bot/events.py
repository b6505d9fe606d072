"""Remembers delivered platform events so that redeliveries are handled once."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError

from bot.context import Core
from storage import queries

EVENT_MEMORY = timedelta(days=2)  # Slack redelivers for minutes, not days
FORGET_EVERY = timedelta(hours=1)


class EventLog:
    def __init__(self, core: Core) -> None:
        self.core = core
        self._next_forget: datetime | None = None

    async def first_delivery(self, event_id: str) -> bool:
        """True the first time an event id is seen (one INSERT; the key refuses a repeat)."""
        now = self.core.clock.now()
        try:
            async with self.core.database.session() as session:
                if self._next_forget is None or now >= self._next_forget:
                    await queries.forget_events(session, received_before=now - EVENT_MEMORY)
                    self._next_forget = now + FORGET_EVERY
                queries.record_event(session, event_id=event_id, at=now)
        except IntegrityError:  # delivered before, or a concurrent delivery recorded it first
            return False
        return True
