"""A case team's plan on Teams through the real bot: a goal and a step added by their forms,
the step's card and its Tehty button (one update, a second press refused), the typed step list
and help, and a press by someone outside the team."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import select

from bot import action_ids
from bot.i18n import Catalog
from handlers.teams.dialogs.buttons import ADD_GOAL_FORM
from storage.models import Goal, Step, StepOwner, StepStatus
from tests.fake_teams.state import Conversation, User
from tests.teams_e2e.conftest import People
from tests.teams_e2e.harness import TeamsBot, buttons, texts
from tests.teams_e2e.test_opening import open_team

FI = Catalog("fi", "teams")
CARD = "application/vnd.microsoft.card.adaptive"
MESSAGE = "application/vnd.microsoft.activity.message"
GOAL_TEXT = "Arki sujuu omin voimin"
STEP_TEXT = "Soita Kelaan asumistuesta"


@dataclass
class Case:
    chat: Conversation  # the team's group chat
    card: dict[str, Any]  # the step's card as posted


async def add_goal_and_step(bot: TeamsBot, people: People) -> Case:
    """Open a team, then add goal T1 and step 1 (Bertta's, under T1) through their forms."""
    await open_team(bot, people)
    (chat,) = bot.case_chats()
    anna = people.anna
    goal_form = await bot.fetch_form(chat, anna, ADD_GOAL_FORM)
    added = await bot.submit_form(chat, anna, goal_form, text=GOAL_TEXT)
    assert added == {"task": {"type": "message", "value": FI.plain("goal_added", number=1)}}
    step_form = await bot.fetch_form(chat, anna, action_ids.ADD_STEP_FORM)
    saved = await bot.submit_form(
        chat, anna, step_form, text=STEP_TEXT, owner_user=people.bertta.id, goal="1"
    )
    assert saved == {"task": {"type": "message", "value": FI.plain("teams_form_step_saved")}}
    card = chat.posted[-1]
    assert STEP_TEXT in texts(chat)[-1]
    return Case(chat, card)


def button(card: dict[str, Any], title: str) -> dict[str, Any]:
    """The card's one button with this title."""
    (found,) = [b for b in buttons(card) if b.get("title") == title]
    return found


async def press_button(
    bot: TeamsBot, chat: Conversation, user: User, card: dict[str, Any], title: str
) -> tuple[int, Any]:
    """Press the card's own Action.Execute button: its verb and value as the card has them."""
    pressed = button(card, title)
    assert pressed["type"] == "Action.Execute", pressed
    return await bot.press(chat, user, card["id"], pressed["verb"], pressed["data"]["value"])


async def stored_step(bot: TeamsBot) -> tuple[Step, list[str], Goal | None]:
    """The one step, its owners' user ids and its goal."""
    async with bot.database.session() as session:
        (step,) = (await session.exec(select(Step))).all()
        owners = select(StepOwner.user_id).where(StepOwner.step_id == step.pk)
        users = [u for u in (await session.exec(owners)).all() if u is not None]
        goal = await session.get(Goal, step.goal_id) if step.goal_id is not None else None
        return step, users, goal


def refusal(answer: tuple[int, Any]) -> str:
    """The text of an invoke answer that is a message (not a card)."""
    status, body = answer
    assert status == 200 and body["statusCode"] == 200, answer
    assert body["type"] == MESSAGE, body
    return str(body["value"])


async def test_a_step_added_by_its_form_posts_its_card_into_the_case_chat(
    bot: TeamsBot, people: People
) -> None:
    case = await add_goal_and_step(bot, people)
    (attachment,) = case.card["attachments"]
    assert attachment["contentType"] == CARD
    done, not_done = button(case.card, "Tehty"), button(case.card, "Ei toteutunut")
    assert (done["type"], done["verb"], done["data"]) == (
        "Action.Execute",
        action_ids.STEP_DONE,
        {"value": "1"},
    )
    assert (not_done["type"], not_done["verb"]) == ("Action.Execute", action_ids.STEP_NOT_DONE)
    move = button(case.card, "Siirrä")  # a form's button: Teams fetches the dialog
    assert move["type"] == "Action.Submit"
    assert move["data"]["msteams"] == {"type": "task/fetch"}
    assert move["data"]["verb"] == action_ids.STEP_MOVE and move["data"]["value"] == "1"
    step, owners, goal = await stored_step(bot)
    team = await bot.team()
    assert (step.team_id, step.number, step.text) == (team.id, 1, STEP_TEXT)
    assert step.status == StepStatus.OPEN and step.message_ts == case.card["id"]
    assert owners == [people.bertta.id]
    assert goal is not None and (goal.number, goal.text) == (1, GOAL_TEXT)
    assert case.chat.updated == []


async def test_tehty_updates_the_card_once_and_a_second_press_is_refused(
    bot: TeamsBot, people: People
) -> None:
    case = await add_goal_and_step(bot, people)
    posted = len(case.chat.posted)
    status, body = await press_button(bot, case.chat, people.anna, case.card, "Tehty")
    assert status == 200 and body["statusCode"] == 200 and body["type"] == CARD, body
    (update,) = case.chat.updated
    assert update["id"] == case.card["id"]
    (attachment,) = update["attachments"]
    assert body["value"] == attachment["content"]  # the presser sees what everyone sees
    assert "Tehty" not in {b.get("title") for b in buttons(update)}
    step, _, _ = await stored_step(bot)
    assert step.status == StepStatus.DONE and step.updated_by == people.anna.id
    # Bertta presses Tehty on the same card before her Teams shows the update
    again = await press_button(bot, case.chat, people.bertta, case.card, "Tehty")
    assert refusal(again) == FI.plain("step_already_done", number=1)
    assert len(case.chat.updated) == 1 and len(case.chat.posted) == posted
    step, _, _ = await stored_step(bot)
    assert step.status == StepStatus.DONE and step.updated_by == people.anna.id


async def test_step_list_and_help_are_answered_in_the_askers_personal_chat(
    bot: TeamsBot, people: People
) -> None:
    case = await add_goal_and_step(bot, people)
    personal = bot.personal(people.anna)
    posted, before = len(case.chat.posted), len(personal.posted)
    assert await bot.say(case.chat, people.anna, "askel lista") < 300
    (listed,) = texts(personal)[before:]
    code = (await bot.team()).code
    assert FI.plain("steps_header_open", code=code) in listed
    assert STEP_TEXT in listed
    assert await bot.say(case.chat, people.anna, "tiimi ohje") < 300
    (_, helped) = texts(personal)[before:]
    forms = FI.plain("help_body").split(":", 1)[0]  # the Teams help's forms line
    assert forms.startswith("Lisää askeleet, tavoitteet ja jäsenet lomakkeilla")
    assert forms in helped and "Uusi askel" in helped and "Uusi tavoite" in helped
    assert "Slack" not in helped
    # an answer for the asker alone never goes into the team's chat, which every member reads
    assert len(case.chat.posted) == posted


async def test_someone_outside_the_team_cannot_press_its_cards_buttons(
    bot: TeamsBot, people: People
) -> None:
    case = await add_goal_and_step(bot, people)
    posted, david = len(case.chat.posted), people.david
    from_personal = await press_button(bot, bot.personal(david), david, case.card, "Tehty")
    assert refusal(from_personal) == FI.plain("not_team_channel")
    # an invoke from the case chat itself in David's name: the team's membership decides
    from_case_chat = await press_button(bot, case.chat, david, case.card, "Tehty")
    code = (await bot.team()).code
    assert refusal(from_case_chat) == FI.plain("not_a_member", code=code)
    assert case.chat.updated == [] and len(case.chat.posted) == posted
    assert bot.personal(david).posted == []
    step, _, _ = await stored_step(bot)
    assert step.status == StepStatus.OPEN and step.updated_by is None
