"""The Slack adapter's settings, validated from the variables bot.config read."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.config import ConfigError

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
_USER_ID = re.compile(r"[UW][A-Z0-9]{2,}")
_USERGROUP_ID = re.compile(r"S[A-Z0-9]{2,}")
# The values .env.example ships with; a copy of it not yet filled in is refused
EXAMPLE_PLACEHOLDERS = {
    "SLACK_BOT_TOKEN": "xoxb-your-bot-token",
    "SLACK_SIGNING_SECRET": "your-signing-secret",
    "SLACK_APP_TOKEN": "xapp-your-app-token",
}


@dataclass(frozen=True)
class SlackSettings:
    bot_token: str
    signing_secret: str | None
    app_token: str | None
    api_url: str

    @property
    def socket_mode(self) -> bool:
        return self.app_token is not None


def slack_settings(env: Mapping[str, str]) -> SlackSettings:
    """Validate the SLACK_* variables; one ConfigError names each bad one."""
    problems: list[str] = []

    def get(name: str) -> str | None:
        value = env.get(name, "").strip()
        return value or None

    bot_token = get("SLACK_BOT_TOKEN")
    if bot_token is None:
        problems.append("SLACK_BOT_TOKEN is required (the bot token, xoxb-…)")
    elif not bot_token.startswith("xoxb-"):
        problems.append("SLACK_BOT_TOKEN must be a bot token starting with xoxb-")

    app_token = get("SLACK_APP_TOKEN")
    if app_token is not None and not app_token.startswith("xapp-"):
        problems.append("SLACK_APP_TOKEN must be an app-level token starting with xapp-")

    secret = get("SLACK_SIGNING_SECRET")
    if secret is None and app_token is None:
        problems.append("SLACK_SIGNING_SECRET is required in HTTP mode (no SLACK_APP_TOKEN set)")
    elif secret is not None and (len(secret) < 16 or any(c.isspace() for c in secret)):
        problems.append("SLACK_SIGNING_SECRET looks malformed (expected Slack's signing secret)")

    problems += [
        f"{name} still holds the example's placeholder ({example}); set your Slack app's value"
        for name, example in EXAMPLE_PLACEHOLDERS.items()
        if get(name) == example
    ]

    api_url = get("SLACK_API_URL") or DEFAULT_SLACK_API_URL
    parts = urlsplit(api_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        problems.append("SLACK_API_URL must be an http(s) URL such as https://slack.com/api/")
    if not api_url.endswith("/"):
        api_url += "/"

    coordinators = [u.strip() for u in (get("COORDINATORS") or "").split(",") if u.strip()]
    if any(not _USER_ID.fullmatch(u) for u in coordinators):
        problems.append("COORDINATORS must be comma-separated Slack user ids (U…)")
    usergroup = get("COORDINATOR_USERGROUP")
    if usergroup is not None and not _USERGROUP_ID.fullmatch(usergroup):
        problems.append("COORDINATOR_USERGROUP must be a Slack user group id (S…)")

    if problems:
        raise ConfigError(problems)
    assert bot_token is not None
    return SlackSettings(
        bot_token=bot_token, signing_secret=secret, app_token=app_token, api_url=api_url
    )
