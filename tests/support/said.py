"""Commands for core tests, written as a person types them in Slack (`<@UBERT>` names Bert)."""

from __future__ import annotations

from bot.command_input import CommandInput
from handlers.slack.command_input import command_input


def said(text: str) -> CommandInput:
    """The command as the Slack adapter hands it to the core."""
    return command_input(text)
