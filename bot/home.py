"""The personal home view: the teams a user belongs to."""

from __future__ import annotations

from bot.context import Actor, Core
from bot.replies import Divider, Header, Message, Note, Text
from storage import queries

HOME_TEAM_LIMIT = 40


class HomeService:
    def __init__(self, core: Core) -> None:
        self.core = core

    async def home(self, actor: Actor) -> Message:
        t = actor.t
        async with self.core.database.session() as session:
            teams = await queries.teams_of_member(
                session, user_id=actor.user_id, limit=HOME_TEAM_LIMIT
            )
        lines = [
            t("home_team_line", code=team.code, channel=team.channel_id)
            + (f" · {t('convenor')}" if team.convenor_id == actor.user_id else "")
            for team in teams
        ]
        body = "\n".join(lines) if lines else t("home_no_teams")
        return Message(
            text=t("home_header"),
            blocks=(Header(t("home_header")), Text(body), Divider(), Note(t("help_privacy"))),
        )
