"""Of the Agents SDK's own log lines only their fixed words reach the log: it writes exception
and validation text, which can hold what a person typed, into the line itself."""

from __future__ import annotations

import logging

import pytest

from bot.logging_setup import RedactingFormatter
from handlers.teams.log_details import show_teams_details

TYPED = "Soita Mikolle, hetu 131052-308T"


def line(logger: str, message: str, *args: object) -> str:
    record = logging.LogRecord(logger, logging.ERROR, __file__, 1, message, args or None, None)
    return RedactingFormatter("%(name)s: %(message)s").format(record)


@pytest.mark.parametrize(
    ("logger", "message", "args", "shown"),
    [
        (
            "microsoft_agents.activity.activity",
            "Validation error for Activity: %s",
            (f"text='{TYPED}'",),
            "Validation error for Activity: …",
        ),
        (
            "microsoft_agents.hosting.core.app.agent_application",
            f"An error occurred in the AgentApplication: {TYPED}",
            (),
            "An error occurred in the AgentApplication: …",
        ),
        ("msal.application", "token for %(who)r at %d%%", ({"who": TYPED},), "token for … at …%"),
        ("microsoft_agents.hosting.core", "Turn started", (), "Turn started"),
    ],
)
def test_the_sdks_lines_keep_only_their_fixed_words(
    logger: str, message: str, args: tuple[object, ...], shown: str
) -> None:
    show_teams_details()
    written = line(logger, message, *args)
    assert written == f"{logger}: {shown}"
    assert "Mikolle" not in written and "131052" not in written


def test_tiimis_own_lines_keep_their_words() -> None:
    show_teams_details()
    assert line("handlers.teams", "command failed: %s", "PlatformError") == (
        "handlers.teams: command failed: PlatformError"
    )


def test_the_sdk_is_held_at_warning() -> None:
    show_teams_details()
    assert logging.getLogger("microsoft_agents").getEffectiveLevel() >= logging.WARNING
