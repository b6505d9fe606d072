"""What the Slack listeners work with: the core's services and the adapter's own helpers."""

from __future__ import annotations

from dataclasses import dataclass

from bot.home.service import HomeService
from bot.plan.dispatch import AskelCommands
from bot.teams.channel_guard import ChannelGuard
from bot.teams.dispatch import TiimiCommands
from handlers.slack.locale import LocaleResolver
from handlers.slack.platform import SlackPlatform


@dataclass(frozen=True)
class SlackServices:
    """Put into every request's context as `services`: a listener asks for it with a parameter
    of that name (Bolt passes context values by name), typed, instead of looking it up."""

    tiimi: TiimiCommands
    askel: AskelCommands
    home: HomeService
    channel_guard: ChannelGuard
    locales: LocaleResolver
    platform: SlackPlatform
