"""Typed settings: the only place that reads the process environment."""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import dotenv_values

from bot.reminders.timing import (
    QuietHours,
    TimingError,
    parse_clock_time,
    parse_duration,
    parse_durations,
)

LANGUAGES = ("fi", "sv", "en")
DEFAULT_PLATFORM = "slack"
SHUTDOWN_GRACE_SECONDS = 10.0  # for requests' work under way when the bot is stopped
_ID = re.compile(r"[^\s,]{1,255}")  # a platform's id of a person or a group: opaque here


class ConfigError(Exception):
    """Raised with one line per bad or missing variable."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class ReminderSettings:
    poll_seconds: float = 30.0
    meeting_offsets: tuple[timedelta, ...] = (timedelta(hours=24), timedelta(hours=1))
    meeting_length: timedelta = timedelta(hours=1)
    step_time: time = time(9, 0)
    nudge_days: int = 14
    quiet_hours: str = "20-7"  # validated; "off" disables


@dataclass(frozen=True)
class Settings:
    port: int
    database_url: str
    timezone: ZoneInfo
    language: str
    coordinators: frozenset[str]
    log_level: str
    coordinator_usergroup: str | None = None
    retention_days: int = 365
    reminders: ReminderSettings = field(default_factory=ReminderSettings)
    platform: str = DEFAULT_PLATFORM  # the chat platform's plugin (bot.plugins)


def read_environment(env_file: Path | None = Path(".env")) -> dict[str, str]:
    """The process environment over the values of `.env` (the real environment wins)."""
    merged: dict[str, str] = {}
    if env_file is not None and env_file.is_file():
        merged.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    merged.update(os.environ)
    return merged


def platform_name(env: Mapping[str, str]) -> str:
    """The PLATFORM variable: which chat platform's plugin runs the bot (default slack)."""
    return env.get("PLATFORM", "").strip().lower() or DEFAULT_PLATFORM


def load_settings(env: Mapping[str, str]) -> Settings:
    """Validate every variable and raise one ConfigError naming each bad one."""
    problems: list[str] = []

    def get(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    port = _parse_port(get("PORT"), problems)
    database_url = _database_url(env, problems)

    tz = _parse_timezone(get("TIMEZONE") or "Europe/Helsinki", problems)
    language = (get("LANGUAGE") or "fi").lower()
    if language not in LANGUAGES:
        problems.append(f"LANGUAGE must be one of {', '.join(LANGUAGES)}")

    coordinators = frozenset(u.strip() for u in (get("COORDINATORS") or "").split(",") if u.strip())
    if any(not _ID.fullmatch(u) for u in coordinators):
        problems.append("COORDINATORS must be comma-separated user ids")

    log_level = _log_level(env, problems)
    usergroup = get("COORDINATOR_USERGROUP")
    if usergroup is not None and not _ID.fullmatch(usergroup):
        problems.append("COORDINATOR_USERGROUP must be one user group id")
    retention = _retention_days(env, problems)
    reminders = _reminder_settings(env, tz, problems)

    if problems:
        raise ConfigError(problems)
    assert tz is not None and port is not None
    return Settings(
        port=port,
        database_url=database_url,
        timezone=tz,
        language=language,
        coordinators=coordinators,
        log_level=log_level,
        coordinator_usergroup=usergroup,
        retention_days=retention,
        reminders=reminders,
        platform=platform_name(env),
    )


def _reminder_settings(
    env: Mapping[str, str], tz: ZoneInfo | None, problems: list[str]
) -> ReminderSettings:
    defaults = ReminderSettings()
    values: dict[str, object] = {}

    def read(name: str, field_name: str, parse: Callable[[str], object], hint: str) -> None:
        raw = env.get(name, "").strip()
        if not raw:
            return
        try:
            values[field_name] = parse(raw)
        except (TimingError, ValueError):
            problems.append(f"{name} {hint}")

    read("REMINDER_POLL_SECONDS", "poll_seconds", _positive_float, "must be a positive number")
    read("MEETING_REMINDERS", "meeting_offsets", parse_durations, "must be like 24h,1h or 30m")
    read("MEETING_LENGTH", "meeting_length", parse_duration, "must be a duration such as 1h")
    read("STEP_REMINDER_TIME", "step_time", parse_clock_time, "must be a time such as 09:00")
    read("NO_MEETING_NUDGE_DAYS", "nudge_days", _positive_int, "must be a whole number of days")
    quiet = env.get("QUIET_HOURS", "").strip() or defaults.quiet_hours
    try:
        QuietHours.parse(quiet, tz or ZoneInfo("UTC"))
        values["quiet_hours"] = quiet
    except TimingError:
        problems.append("QUIET_HOURS must be like 20-7 (hours) or off")
    return replace(defaults, **values)  # type: ignore[arg-type]


def _positive_float(raw: str) -> float:
    value = float(raw)
    if not value > 0:
        raise ValueError(raw)
    return value


def _positive_int(raw: str) -> int:
    value = int(raw)
    if value < 1:
        raise ValueError(raw)
    return value


@dataclass(frozen=True)
class MaintenanceSettings:
    """What `migrate`, `audit` and `purge` need: no Slack tokens."""

    database_url: str
    log_level: str
    timezone: ZoneInfo
    retention_days: int


def maintenance_settings(env: Mapping[str, str]) -> MaintenanceSettings:
    problems: list[str] = []
    url, level = _database_url(env, problems), _log_level(env, problems)
    tz = _parse_timezone(env.get("TIMEZONE", "").strip() or "Europe/Helsinki", problems)
    retention = _retention_days(env, problems)
    if problems:
        raise ConfigError(problems)
    assert tz is not None
    return MaintenanceSettings(url, level, tz, retention)


def _retention_days(env: Mapping[str, str], problems: list[str]) -> int:
    raw = env.get("RETENTION_DAYS", "").strip() or "365"
    if not raw.isdigit() or int(raw) < 1:
        problems.append("RETENTION_DAYS must be a whole number of days (at least 1)")
        return 365
    return int(raw)


def _database_url(env: Mapping[str, str], problems: list[str]) -> str:
    url = env.get("DATABASE_URL", "").strip() or "sqlite:///tiimi.db"
    if not url.startswith(("sqlite:", "sqlite+", "postgresql", "postgres:")):
        problems.append("DATABASE_URL must be sqlite:///path or postgresql://user@host/db")
    return url


def _log_level(env: Mapping[str, str], problems: list[str]) -> str:
    level = env.get("LOG_LEVEL", "").strip().upper() or "INFO"
    if not isinstance(logging.getLevelName(level), int):
        problems.append("LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL")
    return level


def _parse_port(raw: str | None, problems: list[str]) -> int | None:
    if raw is None:
        return 3000
    if raw.isdigit() and 0 <= int(raw) < 65536:  # 0 picks a free port
        return int(raw)
    problems.append("PORT must be a number between 0 and 65535")
    return None


def _parse_timezone(name: str, problems: list[str]) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append("TIMEZONE must be an IANA time zone such as Europe/Helsinki")
        return None
