"""What every core service needs: storage, the chat platform, the clock and settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.config import ReminderSettings
from bot.i18n import Catalog
from bot.platform import ChatPlatform
from storage.db import Database


@dataclass(frozen=True)
class Actor:
    """The user on whose behalf the core acts, with the language to answer in."""

    user_id: str
    lang: str

    @property
    def t(self) -> Catalog:
        return Catalog(self.lang)


@dataclass(frozen=True)
class Core:
    database: Database
    platform: ChatPlatform
    clock: Clock
    timezone: ZoneInfo
    language: str  # the workspace default, for channel messages
    coordinators: frozenset[str]
    coordinator_usergroup: str | None = None
    retention_days: int = 365
    reminders: ReminderSettings = field(default_factory=ReminderSettings)

    @property
    def t(self) -> Catalog:
        """The catalog for messages posted to a channel (the workspace language)."""
        return Catalog(self.language)
