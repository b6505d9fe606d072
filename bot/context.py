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
    """The user on whose behalf the core acts, with the language (and the platform's dialect,
    bot.i18n) to answer in."""

    user_id: str
    lang: str
    dialect: str = ""

    @property
    def t(self) -> Catalog:
        return Catalog(self.lang, self.dialect)


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
    dialect: str = ""  # the platform's wording in the catalogs (bot.i18n): its name, or ""

    @property
    def t(self) -> Catalog:
        """The catalog for messages posted to a channel (the workspace language)."""
        return Catalog(self.language, self.dialect)
