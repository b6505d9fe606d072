"""Opening a case team on Teams through the real bot: the dialog, the group chat created
through Graph with the app installed, the welcome once, and no orphan when Graph's answer is
lost after it created the chat."""

from __future__ import annotations

from typing import Any

from bot import action_ids
from storage.models import TeamState
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


async def test_a_welcome_refused_leaves_the_chat_marked_abandoned(
    bot: TeamsBot, people: People
) -> None:
    bot.teams.faults.fail_next("connector.reply", status=403)  # the welcome refused
    await open_team(bot, people)
    (team,) = await bot.teams_stored()
    (chat,) = bot.case_chats()
    assert team.state == TeamState.FAILED and team.channel_id == chat.id
    assert chat.topic == f"{team.code} (peruttu)" and not chat.installed_apps
    assert not chat.bot_in_roster and texts(chat) == []
    (told,) = [line for line in texts(bot.personal(people.anna)) if "Tiimiä ei voitu" in line]
    assert "Teams ei vastannut" in told


async def test_a_lost_answer_to_creating_the_chat_leaves_one_chat_and_one_team(
    bot: TeamsBot, people: People
) -> None:
    bot.teams.faults.lose_next_answer("graph.create_chat")
    await open_team(bot, people)
    team = await bot.team()
    (chat,) = bot.case_chats()  # found by its topic under the opener, not made twice
    assert team.state == TeamState.ACTIVE and team.live_channel_id == chat.id
    assert len(texts(chat)) == 1  # one welcome


async def test_an_app_that_cannot_be_installed_leaves_no_orphan(
    bot: TeamsBot, people: People
) -> None:
    bot.teams.faults.fail_next("graph.install_app", status=403)
    await open_team(bot, people)
    (team,) = await bot.teams_stored()
    assert team.state == TeamState.FAILED and team.channel_id is None
    # Graph made the chat, which Tiimi has no permission to delete; without the app installed
    # the chat's rename permission was never granted, so it keeps the code, no bot, no post.
    (chat,) = bot.case_chats()
    assert chat.topic == team.code and not chat.installed_apps and not chat.bot_in_roster
    assert texts(chat) == []  # no welcome into a team that never opened
    (told,) = [line for line in texts(bot.personal(people.anna)) if "Tiimiä ei voitu" in line]
    assert "Mitään ei jäänyt kesken" in told


async def test_too_few_people_is_refused_before_anything_is_made(
    bot: TeamsBot, people: People
) -> None:
    personal = bot.personal(people.anna)
    form = await bot.fetch_form(personal, people.anna, action_ids.OPEN_TEAM_FORM)
    await bot.submit_form(personal, people.anna, form, members=people.bertta.id, consent="true")
    assert bot.case_chats() == []
    assert [op for op, _ in bot.teams.faults.served if op.startswith("graph.create")] == []
    assert any("vähintään 3 hengelle" in line for line in texts(personal))


async def test_opening_by_typing_in_a_group_chat_with_mentions(
    bot: TeamsBot, people: People
) -> None:
    status = await bot.say(
        people.workroom,
        people.anna,
        "tiimi uusi @Bertta Berg @Cecilia Cruz",
        mentions=(people.bertta, people.cecilia),
    )
    assert status == 202  # accepted; the team is opened after the answer
    team = await bot.team()
    (chat,) = bot.case_chats()
    assert team.live_channel_id == chat.id
    assert set(chat.members) == {people.anna.id, people.bertta.id, people.cecilia.id}


async def test_the_consent_must_be_confirmed(bot: TeamsBot, people: People) -> None:
    personal = bot.personal(people.anna)
    form = await bot.fetch_form(personal, people.anna, action_ids.OPEN_TEAM_FORM)
    members = f"{people.bertta.id},{people.cecilia.id}"
    answer = await bot.submit_form(personal, people.anna, form, members=members, consent="false")
    assert answer["task"]["type"] == "continue"  # the form again, with its error
    assert await bot.teams_stored() == [] and bot.case_chats() == []


async def test_a_form_submitted_twice_opens_one_team(bot: TeamsBot, people: People) -> None:
    personal = bot.personal(people.anna)
    form = await bot.fetch_form(personal, people.anna, action_ids.OPEN_TEAM_FORM)
    members = f"{people.bertta.id},{people.cecilia.id}"
    for _ in range(2):  # a double click, or Teams redelivering the submission
        await bot.submit_form(personal, people.anna, form, members=members, consent="true")
    assert len(await bot.teams_stored()) == 1 and len(bot.case_chats()) == 1
