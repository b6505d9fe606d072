"""Finding the chat platform's adapter: the `tiimi.platforms` entry-point group.

A platform package declares one entry point in its pyproject.toml, named as the PLATFORM
setting names it, e.g. for Slack:

    [project.entry-points."tiimi.platforms"]
    slack = "handlers.slack.serving:configure"

The object it names is a `Configure`: given the variables bot.config read, it validates the
platform's own settings (a ConfigError names each bad one) and returns the function that builds
the PlatformAdapter from the core's settings. Entry points are registered when the project is
installed (`pip install -e .`), so the core imports no platform package by name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Protocol, cast

from bot.config import ConfigError, Settings, load_settings, platform_name
from bot.platform import ChatPlatform
from storage.db import Database

if TYPE_CHECKING:
    from bot.context import Core
    from bot.teams.dispatch import TiimiCommands

GROUP = "tiimi.platforms"
COMMANDS_GROUP = "tiimi.commands"  # extra `python -m bot <name>` commands, e.g. the sandbox


class PlatformRefused(Exception):
    """At start, the chat platform refused the bot's credentials: its configuration is wrong.
    The message names the setting and the platform's reason, never the credential."""


class PlatformUnreachable(Exception):
    """At start, the chat platform could not be reached or could not answer: a connection or
    an outage, not the credentials. The message says which."""


class PlatformAdapter(Protocol):
    """A chat platform's side of the running bot, in the order the runtime calls it."""

    async def connect(self, database: Database) -> ChatPlatform:
        """Open the platform's clients and check the bot's credentials with the platform; the
        core talks to the platform through the result. `database` is the bot's (not yet
        migrated), for an adapter that keeps records of its own (Teams' conversation
        references); it is used only once `start` is called. Raises PlatformRefused or
        PlatformUnreachable (having closed what it opened) when the bot cannot work."""
        ...

    async def start(self, core: Core, tiimi: TiimiCommands) -> int:
        """Take the platform's requests from now on; returns the HTTP port (health check)."""
        ...

    def describe(self) -> str:
        """How it is connected, for the start-up log line (e.g. "HTTP mode")."""
        ...

    async def stop_taking(self) -> None:
        """Take no new requests; answers under way are still sent."""
        ...

    async def drain(self, *, grace_seconds: float) -> None:
        """Wait up to the grace for the work of requests already taken."""
        ...

    async def close(self) -> None:
        """Release the platform's connections."""
        ...


Configure = Callable[[Mapping[str, str]], Callable[[Settings], PlatformAdapter]]


def installed_platforms() -> list[str]:
    return sorted(point.name for point in entry_points(group=GROUP))


def find_platform(name: str) -> Configure:
    """The named platform's `Configure`; a ConfigError when no such platform is installed."""
    found = entry_points(group=GROUP, name=name)
    if not found:
        known = ", ".join(installed_platforms()) or "none; reinstall with pip install -e ."
        raise ConfigError([f"PLATFORM must name an installed chat platform ({known})"])
    (point, *_) = found
    return cast(Configure, point.load())


Command = Callable[[list[str]], int]


def find_command(name: str) -> Command | None:
    """The installed extra command of this name (its arguments in, exit status out)."""
    found = entry_points(group=COMMANDS_GROUP, name=name)
    return cast(Command, next(iter(found)).load()) if found else None


def configure(env: Mapping[str, str]) -> tuple[Settings, PlatformAdapter]:
    """The core's settings and the chosen platform's adapter; one ConfigError names every bad
    variable of both."""
    problems: list[str] = []
    settings = build = None
    try:
        settings = load_settings(env)
    except ConfigError as error:
        problems += error.problems
    try:
        build = find_platform(platform_name(env))(env)
    except ConfigError as error:
        problems += error.problems
    if problems:
        raise ConfigError(problems)
    assert settings is not None and build is not None
    return settings, build(settings)
