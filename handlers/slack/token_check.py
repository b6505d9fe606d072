"""At start, the bot token is checked with auth.test: Slack refusing it, or Slack out of reach,
stops the bot with the core's typed errors (bot.plugins) instead of a bot nothing can reach."""

from __future__ import annotations

from urllib.parse import urlsplit

import aiohttp

from bot.platform import PlatformError
from bot.plugins import PlatformRefused, PlatformUnreachable
from handlers.slack.platform import SlackPlatform

# auth.test's errors that are Slack's own trouble, not the token's (methods/auth/auth.test)
SLACK_SIDE = {
    "fatal_error",
    "internal_error",
    "org_login_required",
    "ratelimited",
    "request_timeout",
    "service_unavailable",
    "team_added_to_org",
}
NOT_SLACKS_ANSWER = "unknown_error"  # an answer without Slack's error code: not Slack's API


async def check_token(platform: SlackPlatform, *, api_url: str) -> None:
    """Raise PlatformRefused when Slack refuses the token, PlatformUnreachable when Slack
    cannot be reached or cannot answer; the messages never hold the token."""
    host = urlsplit(api_url).netloc
    try:
        await platform.check_identity()
    except PlatformError as error:
        if error.code == NOT_SLACKS_ANSWER:
            raise PlatformUnreachable(
                f"the server at {host} did not answer auth.test as Slack does; check SLACK_API_URL"
            ) from None
        if error.code in SLACK_SIDE:
            raise PlatformUnreachable(
                f"Slack at {host} could not answer auth.test ({error.code}), a problem on "
                "Slack's side, not the token's; try again later"
            ) from None
        raise PlatformRefused(
            f"Slack refused the bot token in SLACK_BOT_TOKEN ({error.code}); copy the Bot User "
            "OAuth Token of your Slack app again"
        ) from None
    except (aiohttp.ClientError, OSError) as error:  # OSError: timeouts and sockets too
        reason = error.strerror if isinstance(error, OSError) and error.strerror else ""
        detail = f"{type(error).__name__}{f': {reason}' if reason else ''}"
        raise PlatformUnreachable(
            f"Slack cannot be reached at {host} ({detail}), a connection problem, not the "
            "token; check the network and SLACK_API_URL"
        ) from None
