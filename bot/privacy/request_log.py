"""Remembers the keys of requests already handled, so that a replayed or redelivered request
changes nothing: on any instance, after a restart (the unique key is in the database)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError

from bot.context import Core
from storage import queries

# Long past Slack's 5-minute signing window and its redeliveries, which come within minutes.
KEY_MEMORY = timedelta(days=2)
FORGET_EVERY = timedelta(hours=1)


class RequestLog:
    """Request keys such as `command:<trigger_id>`, `action:<trigger_id>`, `view:<trigger_id>`
    and `event:<event_id>`, each recorded once."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self._next_forget: datetime | None = None

    async def first_time(self, key: str) -> bool:
        """True the first time a key is seen (one INSERT; the unique key refuses a repeat)."""
        now = self.core.clock.now()
        try:
            async with self.core.database.session() as session:
                if self._next_forget is None or now >= self._next_forget:
                    await queries.forget_request_keys(session, received_before=now - KEY_MEMORY)
                    self._next_forget = now + FORGET_EVERY
                queries.record_request_key(session, key=key, at=now)
        except IntegrityError:  # seen before, or a concurrent delivery recorded it first
            return False
        return True
