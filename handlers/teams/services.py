"""What the Teams listeners work with: the core's services and the adapter's own helpers,
handed to each listener typed when the routes are registered (handlers/teams/app.py)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.home.service import HomeService
from bot.plan.dispatch import AskelCommands
from bot.teams.channel_guard import ChannelGuard
from bot.teams.dispatch import TiimiCommands
from handlers.teams.platform import TeamsPlatform
from handlers.work_slots import WorkSlots


@dataclass(frozen=True)
class TeamsServices:
    tiimi: TiimiCommands
    home: HomeService
    channel_guard: ChannelGuard
    platform: TeamsPlatform
    work: WorkSlots
    language: str  # the organisation's default, for people whose Teams locale is not ours

    @property
    def askel(self) -> AskelCommands:
        return self.tiimi.askel
