"""Opening a case team on Teams through the real bot: the dialog, the group chat created
through Graph with the app installed, the welcome once, and no orphan when Graph's answer is
lost after it created the chat."""

from __future__ import annotations

from typing import Any

from bot import action_ids
from tests.teams_e2e.conftest import People
from tests.teams_e2e.harness import TeamsBot, texts


async def open_team(bot: TeamsBot, people: People) -> Any:
    personal = bot.personal(people.anna)
    form = await bot.fetch_form(personal, people.anna, action_ids.OPEN_TEAM_FORM)
    members = f"{people.bertta.id},{people.cecilia.id}"
    return await bot.submit_form(personal, people.anna, form, members=members, consent="true")


async def test_a_team_opened_by_dialog_gets_its_own_group_chat(
    bot: TeamsBot, people: People
) -> None:
    answer = await open_team(bot, people)
    assert answer["task"]["type"] == "message"
    team = await bot.team()
    (chat,) = bot.case_chats()
    assert team.live_channel_id == chat.id and chat.topic == team.code
    assert set(chat.members) == {people.anna.id, people.bertta.id, people.cecilia.id}
    assert chat.bot_in_roster and bot.teams.tenant.catalog_app_id in chat.installed_apps
    (welcome,) = texts(chat)
    assert team.code in welcome
    said = texts(bot.personal(people.anna))
    assert any(team.code in line for line in said), said
