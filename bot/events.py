"""Remembers delivered platform events so that redeliveries are handled once."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.exc import IntegrityError

from bot.context import Core
from storage import queries

EVENT_MEMORY = timedelta(days=2)


class EventLog:
    def __init__(self, core: Core) -> None:
        self.core = core

    async def first_delivery(self, event_id: str) -> bool:
        """True the first time an event id is seen."""
        now = self.core.clock.now()
        try:
            async with self.core.database.session() as session:
                await queries.forget_events(session, received_before=now - EVENT_MEMORY)
                return await queries.record_event(session, event_id=event_id, at=now)
        except IntegrityError:  # a concurrent delivery recorded it first
            return False
