"""Teams dialogs: the form buttons, each form's Adaptive Card, reading a submission, and the
core's answer to it (a form error shown in the form again, never echoing a refused text)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest

from bot import action_ids
from bot.command_input import CommandInput, PersonRef
from bot.context import Actor
from bot.i18n import Catalog
from bot.plan.commands import StepDialog
from bot.replies import Button, Buttons, Message, Reply, Text, compose, plain_text
from bot.teams.close_service import CloseServiceDialog
from bot.teams.dispatch import TiimiCommands
from handlers.teams.cards import render_card
from handlers.teams.dialogs import (
    add_goal,
    add_member,
    add_step,
    close_service,
    open_team,
    reschedule,
)
from handlers.teams.dialogs.buttons import (
    ADD_GOAL_FORM,
    ADD_MEMBER_FORM,
    FORM_VERBS,
    form_action,
    offers_form,
    open_team_button,
    team_form_buttons,
)
from handlers.teams.dialogs.forms import (
    CARD_TYPE,
    CHAT_MEMBERS,
    TENANT_USERS,
    FormKey,
    Later,
    Turn,
)
from handlers.teams.dialogs.offers import offer_form
from handlers.teams.dialogs.registry import DIALOGS
from handlers.teams.home import HOME_VERB, home_message, with_refresh
from storage import queries
from tests.fake_teams.checks import card_errors
from tests.support.memory_platform import MemoryPlatform

HETU = "131052-308T"
KEY = FormKey(verb="x", value="", dialog="d1")
FI = Catalog("fi", "teams")
ANNA_ID, BERT, CARITA = (f"00000000-0000-4000-8000-0000000000{n}" for n in ("a1", "b1", "c1"))
ANNA = Actor(ANNA_ID, "fi", "teams")


def inputs(card: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in card["body"] if e["type"].startswith("Input.")}


def texts(card: dict[str, Any]) -> list[str]:
    return [e["text"] for e in card["body"] if e["type"] == "TextBlock"]


def shown_card(answer: object) -> dict[str, Any]:
    assert isinstance(answer, dict), answer
    assert answer["task"]["type"] == "continue", answer
    attachment = answer["task"]["value"]["card"]
    assert attachment["contentType"] == CARD_TYPE
    card: dict[str, Any] = attachment["content"]
    assert card_errors(card, set()) == []
    return card


def shown_message(answer: object) -> str:
    assert isinstance(answer, dict), answer
    assert answer["task"]["type"] == "message", answer
    text: str = answer["task"]["value"]
    return text


def reply_text(answer: object) -> str:
    assert isinstance(answer, Reply), answer
    return plain_text(answer.message.fallback)


# the buttons


@pytest.mark.parametrize("verb", sorted(FORM_VERBS))
def test_a_form_button_asks_teams_for_a_dialog(verb: str) -> None:
    action = form_action(Button(verb, "Avaa", "7", style="primary"))
    assert action == {
        "type": "Action.Submit",
        "title": "Avaa",
        "data": {"msteams": {"type": "task/fetch"}, "verb": verb, "value": "7"},
        "style": "positive",
    }
    assert verb in DIALOGS


def test_other_buttons_are_not_forms() -> None:
    assert form_action(Button(action_ids.STEP_DONE, "Tehty", "3")) is None
    assert form_action(Button(action_ids.variant(action_ids.CLOSE_TEAM, "x"), "S", "1")) is None


def test_the_welcome_and_home_buttons_open_forms() -> None:
    welcome = [b.action_id for b in team_form_buttons(FI).buttons]
    assert welcome == [action_ids.ADD_STEP_FORM, ADD_GOAL_FORM, ADD_MEMBER_FORM]
    assert [b.label for b in team_form_buttons(FI).buttons] == [
        "Uusi askel",
        "Uusi tavoite",
        "Lisää jäsen",
    ]
    (home,) = open_team_button(Catalog("sv", "teams")).buttons
    assert (home.action_id, home.label) == (action_ids.OPEN_TEAM_FORM, "Nytt team")


# the cards


def test_the_open_team_form_picks_people_and_asks_for_the_consent() -> None:
    card = open_team.card(FI, KEY)
    assert card_errors(card, set()) == [] and card["version"] == "1.5"
    fields = inputs(card)
    members = fields["members"]
    assert members["choices.data"] == {"type": "Data.Query", "dataset": TENANT_USERS}
    assert members["isMultiSelect"] is True
    consent = fields["consent"]
    assert consent["type"] == "Input.Toggle" and consent["isRequired"] is True
    assert consent["title"] == "Asiakas valitsi jäsenet ja suostumus on kirjattu."
    assert consent["value"] == "false"
    (submit,) = card["actions"]
    assert submit == {
        "type": "Action.Submit",
        "title": "Avaa tiimi",
        "data": {"verb": "x", "value": "", "dialog": "d1"},
    }


def test_the_step_form_offers_the_chats_members_participants_roles_and_goals() -> None:
    dialog = StepDialog(
        goals=((1, "Oma asunto"),), participants=((1, "P1 Asiakas"),), new_roles=("close_person",)
    )
    fields = inputs(add_step.card(Catalog("en", "teams"), KEY, dialog))
    assert list(fields) == ["text", "owner_user", "owner_role", "due", "goal"]
    assert fields["owner_user"]["choices.data"]["dataset"] == CHAT_MEMBERS
    assert fields["owner_role"]["choices"] == [
        {"title": "P1 Asiakas", "value": "1"},
        {"title": "close person", "value": "close_person"},
    ]
    assert fields["goal"]["choices"] == [{"title": "T1. Oma asunto", "value": "1"}]
    assert fields["due"]["type"] == "Input.Date"
    assert fields["text"]["isRequired"] and fields["text"]["maxLength"] == 500
    assert "goal" not in inputs(add_step.card(FI, KEY, StepDialog()))


def test_each_form_is_a_valid_card_in_each_language() -> None:
    for lang in ("fi", "sv", "en"):
        t = Catalog(lang, "teams")
        for card in (
            open_team.card(t, KEY),
            add_step.card(t, KEY, StepDialog()),
            reschedule.card(t, KEY),
            close_service.card(t, KEY),
            add_goal.card(t, KEY),
            add_member.card(t, KEY),
        ):
            assert card_errors(card, set()) == []
            assert all(e.get("label") for e in inputs(card).values())


def test_a_form_shown_again_keeps_what_was_entered_but_not_in_a_field_in_error() -> None:
    values = {"profession": "nurse", "service": f"Kela {HETU}"}
    card = close_service.card(FI, KEY, values=values, errors={"service": "Ei tunnuksia."})
    fields = inputs(card)
    assert fields["profession"]["value"] == "nurse"
    assert "value" not in fields["service"]
    assert "Ei tunnuksia." in texts(card)
    assert HETU not in json.dumps(card)


def test_reading_the_step_form() -> None:
    form = add_step.read(
        {
            "verb": "add_step",
            "text": "  Soita Kelaan ",
            "owner_user": "AAA,bbb",
            "owner_role": "2,close_person",
            "due": "2030-01-31",
            "goal": "1",
        }
    )
    assert form.text == "Soita Kelaan"
    assert form.owner_user_ids == ("aaa", "bbb")
    assert (form.owner_numbers, form.owner_roles) == ((2,), ("close_person",))
    assert (form.due, form.goal_number) == (date(2030, 1, 31), 1)
    empty = add_step.read({"due": "not a date"})
    assert (empty.text, empty.due, empty.goal_number, empty.owner_user_ids) == ("", None, None, ())


# the core behind the forms


async def team_channel(tiimi: TiimiCommands) -> str:
    """A team of Anna and Bert, opened by Anna as on Teams (people by their Entra ids)."""
    text = CommandInput.of("uusi ", PersonRef(BERT))
    await tiimi.run(actor=ANNA, text=text, channel_id="", request_key="k")
    async with tiimi.core.database.session() as session:
        team = await queries.get_team_by_request_key(session, request_key="k")
    assert team is not None
    return team.live_channel_id


def turn(tiimi: TiimiCommands, verb: str, *, space: str = "", value: str = "") -> Turn:
    key = FormKey(verb=verb, value=value, dialog="dialog-1")
    return Turn(tiimi, ANNA, space, key, request_key=f"teams:{space}:dialog-1")


def platform_of(tiimi: TiimiCommands) -> MemoryPlatform:
    platform = tiimi.core.platform
    assert isinstance(platform, MemoryPlatform)
    return platform


async def test_a_step_with_an_identity_code_is_refused_in_the_form_and_never_echoed(
    tiimi: TiimiCommands,
) -> None:
    space = await team_channel(tiimi)
    form = turn(tiimi, action_ids.ADD_STEP_FORM, space=space)
    fetched = shown_card(await add_step.fetch(form))
    assert "owner_role" in inputs(fetched)
    posts = len(platform_of(tiimi).channels[space].messages)

    answer = await add_step.submit(form, {"text": f"Soita Kelaan {HETU}", "due": "2020-01-01"})
    card = shown_card(answer)
    assert HETU not in json.dumps(answer)
    assert FI.plain("privacy_hetu") in texts(card)
    assert "value" not in inputs(card)["text"]
    assert len(platform_of(tiimi).channels[space].messages) == posts  # nothing added


async def test_a_step_is_added_once_however_often_its_form_is_sent(tiimi: TiimiCommands) -> None:
    space = await team_channel(tiimi)
    form = turn(tiimi, action_ids.ADD_STEP_FORM, space=space)
    messages = platform_of(tiimi).channels[space].messages
    posts = len(messages)
    due = (tiimi.askel.plan.today() + timedelta(days=3)).isoformat()
    data = {"text": "Soita Kelaan", "owner_user": ANNA_ID.upper(), "due": due}
    assert (
        shown_message(await add_step.submit(form, data))
        == "Askel on lisätty; sen kortti näkyy keskustelussa."
    )
    await add_step.submit(form, data)
    assert len(messages) == posts + 1
    assert "Soita Kelaan" in messages[-1].text


async def test_a_step_form_outside_a_team_answers_why(tiimi: TiimiCommands) -> None:
    answer = await add_step.fetch(turn(tiimi, action_ids.ADD_STEP_FORM, space="elsewhere"))
    assert shown_message(answer)


async def test_rescheduling_refuses_a_past_date_in_the_form(tiimi: TiimiCommands) -> None:
    space = await team_channel(tiimi)
    await add_step.submit(turn(tiimi, action_ids.ADD_STEP_FORM, space=space), {"text": "Soita"})
    move = turn(tiimi, action_ids.STEP_MOVE, space=space, value="1")
    assert shown_card(await reschedule.fetch(move))
    past = shown_card(await reschedule.submit(move, {"due": "2000-01-01"}))
    assert len(texts(past)) == 1  # the date's error
    missing = shown_card(await reschedule.submit(move, {"due": ""}))
    assert texts(missing) == ["Valitse päivämäärä."]
    later = (tiimi.askel.plan.today() + timedelta(days=7)).isoformat()
    assert shown_message(await reschedule.submit(move, {"due": later})) == (
        "Askeleen 1 määräaika on siirretty."
    )
    unknown = turn(tiimi, action_ids.STEP_MOVE, space=space, value="x")
    assert shown_message(await reschedule.fetch(unknown))


async def test_a_goal_from_its_form_is_added_as_the_command_would(tiimi: TiimiCommands) -> None:
    space = await team_channel(tiimi)
    form = turn(tiimi, ADD_GOAL_FORM, space=space)
    refused = await add_goal.submit(form, {"text": f"Oma asunto {HETU}"})
    assert HETU not in json.dumps(refused)
    assert FI.plain("privacy_hetu") in texts(shown_card(refused))
    command = shown_card(await add_goal.submit(form, {"text": "muokkaa T1 Asunto"}))
    assert "muokkaa T1" in texts(command)[0]
    assert (
        reply_text(await add_goal.submit(form, {"text": "Oma asunto"})) == "Tavoite T1 on lisätty."
    )
    assert texts(shown_card(await add_goal.submit(form, {"text": " "})))[0] == "Kirjoita teksti."


async def test_a_member_from_the_form_is_added_as_the_command_would(tiimi: TiimiCommands) -> None:
    space = await team_channel(tiimi)
    form = turn(tiimi, ADD_MEMBER_FORM, space=space)
    none = shown_card(await add_member.submit(form, {"person": ""}))
    assert texts(none)[0] == "Valitse yksi jäsen."
    org_only = shown_card(await add_member.submit(form, {"person": CARITA, "organisation": "Tays"}))
    assert texts(org_only)[0] == "Valitse ammattiryhmä, kun annat organisaation."
    hetu = {"person": CARITA, "profession": "nurse", "organisation": HETU}
    assert HETU not in json.dumps(await add_member.submit(form, hetu))
    added = await add_member.submit(
        form, {"person": CARITA, "profession": "nurse", "organisation": "Tays"}
    )
    assert reply_text(added).endswith("lisätty tiimiin.")
    assert CARITA in platform_of(tiimi).channels[space].members


async def test_opening_a_team_needs_the_consent_and_runs_after_the_answer(
    tiimi: TiimiCommands,
) -> None:
    form = turn(tiimi, action_ids.OPEN_TEAM_FORM)
    refused = shown_card(await open_team.submit(form, {"members": BERT, "consent": "false"}))
    assert "Vahvista, että asiakas on valinnut jäsenet" in " ".join(texts(refused))
    later = await open_team.submit(form, {"members": f"{BERT},{CARITA}", "consent": "true"})
    assert isinstance(later, Later)
    assert later.note.startswith("Avataan tiimiä")
    opened = reply_text(await later.work())
    assert "MT-" in opened
    again = await open_team.submit(form, {"members": f"{BERT},{CARITA}", "consent": "true"})
    assert isinstance(again, Later)
    assert reply_text(await again.work()) == opened  # the same dialog opens one team


async def test_closing_to_a_service_from_the_form(tiimi: TiimiCommands) -> None:
    space = await team_channel(tiimi)
    form = turn(tiimi, action_ids.CLOSE_SERVICE_FORM, space=space, value="")
    both = shown_card(await close_service.submit(form, {"profession": "nurse", "service": "Kela"}))
    assert "Valitse ammattiryhmä tai kirjoita palvelu, ei molempia." in texts(both)
    hetu = await close_service.submit(form, {"service": f"Kela {HETU}"})
    assert HETU not in json.dumps(hetu)
    closed = await close_service.submit(form, {"profession": "nurse"})
    assert isinstance(closed, Reply) and closed.then is not None
    assert "suljettu" in reply_text(closed)


# the home card


def test_the_home_card_offers_a_new_team_and_is_refreshed_for_its_viewer() -> None:
    core_home = Message(compose("Koti"), (Text(compose("Tiimisi")),))
    message = home_message(FI, core_home)
    assert message.blocks[:-1] == core_home.blocks and message.fallback == core_home.fallback
    assert message.blocks[-1] == open_team_button(FI)
    card = {"type": "AdaptiveCard", "version": "1.5", "body": []}
    activity = {"type": "message", "attachments": [{"contentType": CARD_TYPE, "content": card}]}
    with_refresh(activity, viewer=ANNA_ID)
    assert card["refresh"] == {
        "action": {"type": "Action.Execute", "verb": HOME_VERB, "data": {}},
        "userIds": [ANNA_ID],
    }
    assert card_errors(card, set()) == []


def test_a_message_offering_a_form_is_told_apart() -> None:
    offered = offer_form(ANNA, CloseServiceDialog(key="7"))
    assert offers_form(offered.message)
    (buttons,) = [b for b in offered.message.blocks if isinstance(b, Buttons)]
    action = form_action(buttons.buttons[0])
    assert action is not None and action["data"]["value"] == "7"
    assert not offers_form(Message(compose("Tehty"), (Buttons((Button("step_done", "T", "1"),)),)))


def test_the_cards_render_a_forms_button_as_a_dialogs_button() -> None:
    welcome = Message(compose("Tervetuloa"), (Text(compose("Tervetuloa")), team_form_buttons(FI)))
    card = render_card(welcome, names={}, tenant_id="t")
    assert card_errors(card, set()) == []
    (action_set,) = [e for e in card["body"] if e["type"] == "ActionSet"]
    assert [a["type"] for a in action_set["actions"]] == ["Action.Submit"] * 3
    assert [a["data"]["verb"] for a in action_set["actions"]] == [
        action_ids.ADD_STEP_FORM,
        ADD_GOAL_FORM,
        ADD_MEMBER_FORM,
    ]
    assert all(a["data"]["msteams"] == {"type": "task/fetch"} for a in action_set["actions"])
