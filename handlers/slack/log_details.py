"""What the logs know of Slack (bot.logging_setup's extensions): Bolt and slack_sdk are held
at WARNING, tokens are redacted, identity codes are also looked for as Slack shows a line,
and a Web API error shows its error code."""

from __future__ import annotations

import re

from slack_sdk.errors import SlackApiError

from bot.logging_setup import (
    quiet_also,
    read_codes_as_displayed,
    redact_also,
    show_error_detail,
)
from handlers.slack.markup import display_segments
from handlers.slack.slack_errors import slack_error

TOKENS = re.compile(r"\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+")
_CODE = re.compile(r"[a-z0-9_]{1,64}")


def slack_error_code(error: BaseException) -> tuple[str, str] | None:
    if not isinstance(error, SlackApiError):
        return None
    code = slack_error(error)
    return ("slack_error", code) if code and _CODE.fullmatch(code) else None


def show_slack_details() -> None:
    """Register them with the logging set-up (idempotent)."""
    quiet_also("slack_bolt", "slack_sdk")
    redact_also("slack_tokens", TOKENS, "[TOKEN]")
    show_error_detail("slack", slack_error_code)
    read_codes_as_displayed(display_segments)
