"""The core's messages as Adaptive Cards and activities, accepted by the fake Bot Connector."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from microsoft_agents.activity import Activity

from bot.replies import (
    Button,
    Buttons,
    Code,
    Divider,
    Header,
    Message,
    Note,
    Person,
    Preformatted,
    SpaceLink,
    Text,
    compose,
    strong,
)
from handlers.teams.cards import (
    ACTIVITY_BUDGET,
    ADAPTIVE_CARD,
    ENVELOPE_BYTES,
    people_in,
    render_activities,
    render_activity,
    render_card,
)
from handlers.teams.markdown import Readers, plain
from tests.fake_teams import FakeTeams
from tests.fake_teams.checks import activity_errors
from tests.fake_teams.connector import MAX_ACTIVITY_BYTES
from tests.teams.card_reading import desktop_reads, text_blocks, verbatim_text
from tests.teams.conftest import ANNA, BERTTA, CASE_CHAT, CECILIA
from tests.teams.http import call
from tests.unit.test_user_text import HOSTILE, _every_builder

NAMES = {ANNA: "Anna", BERTTA: "Bertta Berg"}
TENANT = "tenant-1"
READERS = Readers(NAMES, TENANT)
DAVID = "00000000-0000-4000-8000-000000000004"


def _card(message: Message) -> dict[str, Any]:
    return render_card(message, names=NAMES, tenant_id=TENANT)


def _activities(message: Message, **options: Any) -> list[dict[str, Any]]:
    return render_activities(message, names=NAMES, tenant_id=TENANT, **options)


def test_every_block_becomes_its_element() -> None:
    message = Message(
        compose("Askel 3 lisätty"),
        (
            Header(compose("Askel 3")),
            Text(compose(strong("Soita"), " Kelaan ", Person(ANNA))),
            Divider(),
            Note(compose("Muistutus ", Code("askel lista"))),
            Preformatted("- Anna\n  1. soita *heti*"),
            Divider(),
            Buttons(
                (
                    Button("step_done", "Tehty", "3", "primary"),
                    Button("step_not_done", "Ei tehty", "3"),
                    Button("step_remove", "Poista", "3", "danger"),
                )
            ),
        ),
    )
    card = _card(message)
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.5"
    assert card["$schema"] == "http://adaptivecards.io/schemas/adaptive-card.json"
    assert card["body"] == [
        {"type": "TextBlock", "text": "Askel 3", "wrap": True, "size": "Large", "weight": "Bolder"},
        {"type": "TextBlock", "text": "**Soita** Kelaan <at>Anna</at>", "wrap": True},
        {
            "type": "TextBlock",
            "text": "Muistutus _askel lista_",
            "wrap": True,
            "isSubtle": True,
            "size": "Small",
            "separator": True,
        },
        {
            "type": "RichTextBlock",
            "inlines": [
                {"type": "TextRun", "text": "- Anna\n  1. soita *heti*", "fontType": "Monospace"}
            ],
        },
        {
            "type": "ActionSet",
            "actions": [
                {
                    "type": "Action.Execute",
                    "title": "Tehty",
                    "verb": "step_done",
                    "data": {"value": "3"},
                    "style": "positive",
                },
                {
                    "type": "Action.Execute",
                    "title": "Ei tehty",
                    "verb": "step_not_done",
                    "data": {"value": "3"},
                },
                {
                    "type": "Action.Execute",
                    "title": "Poista",
                    "verb": "step_remove",
                    "data": {"value": "3"},
                    "style": "destructive",
                },
            ],
            "separator": True,
        },
    ]
    assert card["msteams"] == {
        "width": "Full",
        "entities": [
            {"type": "mention", "text": "<at>Anna</at>", "mentioned": {"id": ANNA, "name": "Anna"}}
        ],
    }


def test_a_message_without_blocks_shows_its_fallback() -> None:
    card = _card(Message(compose("Tehty, ", Person(BERTTA))))
    assert card["body"] == [
        {"type": "TextBlock", "text": "Tehty, <at>Bertta Berg</at>", "wrap": True}
    ]


def test_empty_texts_and_a_last_divider_leave_no_element() -> None:
    card = _card(Message(compose("x"), (Text(compose("")), Preformatted("\n \n"), Divider())))
    assert card["body"] == [] and "entities" not in card["msteams"]


def test_preformatted_text_never_holds_a_mention_tag() -> None:
    element = _card(Message(compose("x"), (Preformatted("a <at>Bertta</at> <AT>b"),)))["body"][0]
    assert [run["text"] for run in element["inlines"]] == ["a <", "at>Bertta</at> <", "AT>b"]
    assert verbatim_text(element) == "a <at>Bertta</at> <AT>b"


def test_the_activity_has_the_card_and_a_plain_summary_but_no_text() -> None:
    message = Message(
        compose(strong("Muistutus:"), " ", Person(ANNA), " ", Person(DAVID), "\n", SpaceLink("c")),
        (Text(compose("x")),),
    )
    activity = render_activity(message, names=NAMES, tenant_id=TENANT)
    assert activity["type"] == "message" and "text" not in activity
    assert activity["summary"] == "Muistutus: @Anna @00000000 💬"
    assert activity["attachments"] == [{"contentType": ADAPTIVE_CARD, "content": _card(message)}]
    Activity.model_validate(activity)


def test_a_long_fallback_is_cut_for_the_summary() -> None:
    activity = render_activity(Message(compose("sana " * 500)), names={}, tenant_id=TENANT)
    assert len(activity["summary"]) == 500 and activity["summary"].endswith("…")


def test_people_in_finds_every_person_the_message_names() -> None:
    message = Message(
        compose(Person(ANNA)),
        (
            Header(compose(strong(Person(BERTTA)))),
            Note(compose(Person(CECILIA))),
            Preformatted("@x"),
        ),
    )
    assert people_in(message) == {ANNA, BERTTA, CECILIA}


def _plain_words(activities: list[dict[str, Any]]) -> str:
    """Every word the activities show, in order, without the whitespace between them."""
    words = []
    for activity in activities:
        for element in text_blocks(activity):
            if element["type"] == "TextBlock":
                words += [desktop_reads(p) for p in element["text"].split("\n\n")]
            elif element["type"] == "RichTextBlock":
                words.append(verbatim_text(element))
    return "".join("".join(words).split())


@pytest.mark.parametrize(
    "block",
    [
        Text(compose("\n".join(f"- rivi {n} *{n}* [x](y)" for n in range(3000)))),
        Text(compose(strong("x" * 70_000))),
        Text(compose("sana " * 9_000, Person(ANNA), " ", "ä" * 9_000)),
        Preformatted("\n".join(f"  {n}. askel <at>X</at> – {'y' * 40}" for n in range(2000))),
        Preformatted("z" * 90_000),
    ],
    ids=["many lines", "one strong line", "words and a mention", "an export", "one long line"],
)
def test_a_message_over_the_limit_is_split_without_losing_text(block: Text | Preformatted) -> None:
    message = Message(compose("iso"), (Header(compose("Otsikko")), block))
    activities = _activities(message)
    assert len(activities) > 1
    assert all(len(json.dumps(activity)) <= ACTIVITY_BUDGET for activity in activities)
    shown = block.text if isinstance(block, Preformatted) else plain(block.runs, READERS)
    assert _plain_words(activities) == "".join(f"Otsikko {shown}".split())
    # as few activities as the budget allows, give or take one
    total = sum(len(json.dumps(activity)) for activity in activities)
    assert len(activities) <= total // ACTIVITY_BUDGET + 2


def test_split_activities_keep_the_divider_once_and_each_mention_where_it_is() -> None:
    lines = [f"rivi {n} " + "x" * 200 for n in range(200)]
    message = Message(
        compose("x"),
        (
            Text(compose("alku ", Person(ANNA))),
            Divider(),
            Text(compose("\n".join(lines), " ", Person(BERTTA))),
        ),
    )
    activities = _activities(message)
    separators = [e.get("separator") for a in activities for e in text_blocks(a)]
    assert separators.count(True) == 1 and separators[1] is True
    entities = [a["attachments"][0]["content"]["msteams"].get("entities", []) for a in activities]
    assert [e["mentioned"]["id"] for e in entities[0]] == [ANNA]
    assert [e["mentioned"]["id"] for e in entities[-1]] == [BERTTA]
    assert all(not found for found in entities[1:-1])


def test_buttons_split_between_action_sets_when_they_must() -> None:
    buttons = tuple(Button(f"b{n}", f"Nappi {n}", "v" * 300) for n in range(200))
    activities = _activities(Message(compose("x"), (Buttons(buttons),)))
    actions = [
        action["verb"] for a in activities for e in text_blocks(a) for action in e["actions"]
    ]
    assert actions == [f"b{n}" for n in range(200)] and len(activities) > 1


@given(st.text(min_size=100, max_size=3000), st.integers(min_value=1_500, max_value=5_000))
def test_any_text_split_to_any_budget_keeps_its_words(text: str, budget: int) -> None:
    activities = _activities(Message(compose("x"), (Preformatted(text),)), budget=budget)
    shown = "".join(verbatim_text(e) for a in activities for e in text_blocks(a))
    assert "".join(shown.split()) == "".join(text.split())
    assert all(len(json.dumps(activity)) <= budget for activity in activities)


def _envelope(teams: FakeTeams, activity: dict[str, Any]) -> dict[str, Any]:
    """The activity as the SDK sends it, with a long conversation id and the ids it adds."""
    return {
        **activity,
        "from": {"id": teams.tenant.bot_id, "name": "Tiimi"},
        "recipient": {"id": "29:" + "r" * 120, "name": "Bertta Berg", "aadObjectId": BERTTA},
        "conversation": {"id": CASE_CHAT, "conversationType": "groupChat", "tenantId": TENANT},
        "serviceUrl": teams.service_url,
        "channelId": "msteams",
        "replyToId": "1" * 40,
        "locale": None,
        "channelData": {"tenant": {"id": TENANT}, "notification": {"alert": True}},
    }


async def test_the_fake_connector_accepts_rendered_cards_with_mentions(teams: FakeTeams) -> None:
    names = {user_id: user.display_name for user_id, user in teams.tenant.users.items()}
    message = Message(
        compose("Askel 3: ", Person(ANNA)),
        (
            Header(compose("Askel 3 ", strong("<at>Bertta</at>"))),
            Text(compose(Person(ANNA), " ja ", Person(BERTTA), " – ", SpaceLink(CASE_CHAT))),
            Divider(),
            Preformatted("vienti <at>Cecilia</at>\n- rivi"),
            Buttons((Button("step_done", "Tehty", "3", "primary"),)),
        ),
    )
    lines = "\n".join(f"{n}. <at>Anna</at> *{n}* " + "ö" * 150 for n in range(600))
    big = Message(compose("iso"), (Text(compose(lines, " ", Person(CECILIA))),))
    activities = [render_activity(message, names=names, tenant_id=TENANT)]
    activities += render_activities(big, names=names, tenant_id=TENANT)
    assert len(activities) > 3
    url = f"{teams.service_url}v3/conversations/{CASE_CHAT}/activities"
    token = teams.issuer.connector_token()
    for activity in activities:
        sent = _envelope(teams, activity)
        assert activity_errors(sent, bot_id=teams.tenant.bot_id) == []
        assert len(json.dumps(sent)) <= MAX_ACTIVITY_BYTES
        assert len(json.dumps(sent)) - len(json.dumps(activity)) <= ENVELOPE_BYTES
        answer = await call("POST", url, token=token, body=sent)
        assert answer.status == 201, answer.body
    posted = teams.tenant.conversations[CASE_CHAT].posted
    assert len(posted) == len(activities)


@pytest.mark.parametrize("index", range(7))
def test_the_cores_messages_show_user_text_as_typed(index: int) -> None:
    message = _every_builder()[index]
    [activity] = render_activities(message, names={"UBERT": "Bertta"}, tenant_id=TENANT)
    shown = [
        desktop_reads(paragraph)
        for element in text_blocks(activity)
        if element["type"] == "TextBlock"
        for paragraph in element["text"].split("\n\n")
    ]
    assert any(HOSTILE in line for line in shown), shown
    entities = activity["attachments"][0]["content"]["msteams"].get("entities", [])
    assert {entity["mentioned"]["id"] for entity in entities} <= {"UBERT"}
    envelope = {"from": {"id": "28:app"}, "conversation": {"id": CASE_CHAT}}
    assert activity_errors({**activity, **envelope}, bot_id="28:app") == []
