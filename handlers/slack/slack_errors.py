"""Slack's Web API errors as the core's typed platform errors."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError

from bot.platform import ActionRestricted, NotInSpace, PlatformError, SpaceUnavailable

UNAVAILABLE = {
    "is_archived",
    "channel_not_found",
    "not_in_channel",
    "channel_is_archived",
    "already_archived",  # e.g. a retry of an archive whose answer was lost
}


class ChannelNameTaken(PlatformError):
    """conversations.create: a channel (of anyone's, archived or not) has the name."""


def slack_error(error: SlackApiError) -> str | None:
    """Slack's error code; None for an answer that is not Slack's JSON (e.g. a proxy's page)."""
    data = getattr(error.response, "data", None)
    code = data.get("error") if isinstance(data, dict) else None
    return code if isinstance(code, str) and code else None


def error_code(error: SlackApiError) -> str:
    return slack_error(error) or "unknown_error"


def translate(error: SlackApiError, *, removing: bool = False) -> PlatformError:
    """The typed error; `removing` a person, not_in_channel means the person is not there."""
    code = error_code(error)
    if code == "name_taken":
        return ChannelNameTaken(code)
    if code == "restricted_action":
        return ActionRestricted(code)
    if removing and code == "not_in_channel":
        return NotInSpace(code)
    if code in UNAVAILABLE:
        return SpaceUnavailable(code)
    return PlatformError(code)
