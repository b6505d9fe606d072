"""What the logs know of Teams (bot.logging_setup's extensions): the Agents SDK and MSAL are held
at WARNING, and of the SDK's own lines only their fixed words are kept, since it writes an
exception's text ("An error occurred in the AgentApplication: …") or a validation error with
the activity's values ("Validation error for Activity: …") into the line itself."""

from __future__ import annotations

from bot.logging_setup import quiet_also, withhold_data_of

SDK_LOGGERS = ("microsoft_agents", "msal")


def show_teams_details() -> None:
    """Register them with the logging set-up (idempotent)."""
    quiet_also(*SDK_LOGGERS)
    withhold_data_of(*SDK_LOGGERS)
