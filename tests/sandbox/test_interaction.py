"""The browser's input as Slack's payloads, read back by the bot's own view handlers."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.plan.commands import MAX_TEXT
from handlers.sandbox.page.blocks_html import render_blocks
from handlers.sandbox.page.interaction import (
    REQUIRED,
    Raw,
    action_payload,
    client_side_errors,
    find_element,
    state_values,
    with_block_ids,
)
from handlers.slack.listeners.buttons import BUTTONS
from handlers.slack.views.open_team import read_submission
from handlers.slack.views.step_form import read_step_form
from tests.sandbox import bot_blocks
from tests.sandbox.html_tree import parse
from tests.sandbox.strategies import BLOCK_LISTS

TS = "1765000000.000100"


def plain(text: str, **extra: Any) -> dict[str, Any]:
    return {"type": "plain_text", "text": text} | extra


def option(value: str, text: str) -> dict[str, Any]:
    return {"value": value, "text": plain(text)}


def echoed(value: str, text: str) -> dict[str, Any]:
    """An option as Slack sends it back."""
    return {"value": value, "text": plain(text, emoji=True)}


def submitted(view: dict[str, Any], raw: dict[tuple[str, str], Raw]) -> dict[str, Any]:
    return view | {"id": "V1", "state": {"values": state_values(view["blocks"], raw)}}


# -- read back by the bot -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({}, ([], False)),
        ({("members", "members"): [], ("consent", "consent"): []}, ([], False)),
        (
            {
                ("members", "members"): ["U1", "U2"],
                ("consent", "consent"): ["client_chose_members"],
            },
            (["U1", "U2"], True),
        ),
        ({("consent", "consent"): "client_chose_members"}, ([], True)),
        ({("consent", "consent"): ["not an option"]}, ([], False)),
    ],
)
def test_the_new_team_form_reads_as_submitted(
    raw: dict[tuple[str, str], Raw], expected: tuple[list[str], bool]
) -> None:
    assert read_submission(submitted(bot_blocks.open_team(), raw)) == expected


def test_the_step_form_reads_as_submitted() -> None:
    view = bot_blocks.step_form()
    empty = read_step_form(submitted(view, {}))
    assert (empty.text, empty.owner_user_ids, empty.owner_roles, empty.due, empty.goal_number) == (
        "",
        (),
        (),
        None,
        None,
    )
    raw: dict[tuple[str, str], Raw] = {
        ("text", "text"): "Hae asumistukea",
        ("owner_user", "owner_user"): ["U2", "U3"],
        ("owner_role", "owner_role"): ["3", "close_person"],
        ("due", "due"): "2026-12-08",
        ("goal", "goal"): "2",
    }
    form = read_step_form(submitted(view, raw))
    assert (form.text, form.owner_user_ids, form.owner_roles, form.due, form.goal_number) == (
        "Hae asumistukea",
        ("U2", "U3"),
        ("close_person",),
        date(2026, 12, 8),
        2,
    )
    assert form.owner_numbers == (3,)


def test_the_reschedule_form_reads_as_submitted() -> None:
    view = bot_blocks.reschedule()
    values = submitted(view, {("due", "due"): "2026-12-11"})["state"]["values"]
    assert values == {"due": {"due": {"type": "datepicker", "selected_date": "2026-12-11"}}}
    assert submitted(view, {("due", "due"): ""})["state"]["values"]["due"]["due"] == {
        "type": "datepicker",
        "selected_date": None,
    }


def test_every_button_on_a_message_is_found_by_its_rendered_ids() -> None:
    """The ids the page renders find the element, and its payload is what the bot routes."""
    blocks = bot_blocks.message_blocks()
    page = parse(render_blocks(blocks, surface="message", people={}, channels={}))
    buttons = page.find_all("button")
    assert len(buttons) == 3
    for button in buttons:
        block_id, action_id = button.attrs["data-block-id"] or "", button.attrs["data-action-id"]
        element = find_element(blocks, block_id, action_id or "")
        assert element is not None and element["text"]["text"] == button.text()
        action = action_payload(element, block_id, "", TS)
        assert action["value"] == button.attrs["data-value"] == "3"
        routed = [b for b in BUTTONS if b.matches(action["action_id"])]
        assert len(routed) == (0 if action_id == "step_move" else 1)  # Siirrä has its own


def test_generated_block_ids_avoid_given_ones() -> None:
    blocks = [{"type": "divider", "block_id": "b1"}, {"type": "divider"}, {"type": "divider"}]
    assert [b["block_id"] for b in with_block_ids(blocks)] == ["b1", "b1_", "b2"]
    assert find_element([{"type": "actions", "elements": [{"type": "button"}]}], "b0", "a0")


def test_find_element() -> None:
    view = bot_blocks.step_form()
    found = find_element(view["blocks"], "due", "due")
    assert found is not None and found["type"] == "datepicker"
    assert find_element(view["blocks"], "due", "goal") is None
    assert find_element(view["blocks"], "nope", "due") is None
    section = [
        {
            "type": "section",
            "block_id": "s",
            "text": plain("x"),
            "accessory": option("v", "o") | {"type": "overflow", "action_id": "o"},
        }
    ]
    assert find_element(section, "s", "o") == section[0]["accessory"]


# -- Slack's shapes -----------------------------------------------------------------------

OPTIONS = [option("a", "A"), option("b", "B")]
ELEMENTS: dict[str, dict[str, Any]] = {
    "text": {"type": "plain_text_input"},
    "date": {"type": "datepicker", "initial_date": "2026-12-01"},
    "time": {"type": "timepicker"},
    "select": {
        "type": "static_select",
        "placeholder": plain("Valitse"),
        "option_groups": [{"label": plain("G"), "options": OPTIONS}],
    },
    "radio": {"type": "radio_buttons", "options": OPTIONS},
    "boxes": {"type": "checkboxes", "options": OPTIONS},
    "user": {"type": "users_select"},
    "users": {"type": "multi_users_select"},
    "conversation": {"type": "conversations_select"},
    "channel": {"type": "channels_select"},
    "many": {"type": "multi_static_select", "options": OPTIONS},
    "overflow": {"type": "overflow", "options": OPTIONS},
}


@pytest.mark.parametrize(
    ("name", "raw", "state"),
    [
        ("text", "", {"value": None}),
        ("text", "moi", {"value": "moi"}),
        ("date", "", {"selected_date": None}),
        ("date", "2026-12-08", {"selected_date": "2026-12-08"}),
        ("time", "", {"selected_time": None}),
        ("time", "09:30", {"selected_time": "09:30"}),
        ("select", "", {"selected_option": None}),
        ("select", "b", {"selected_option": echoed("b", "B")}),
        ("select", "zz", {"selected_option": None}),
        ("radio", "", {"selected_option": None}),
        ("radio", "a", {"selected_option": echoed("a", "A")}),
        ("boxes", [], {"selected_options": []}),
        ("boxes", ["b", "a"], {"selected_options": [echoed("a", "A"), echoed("b", "B")]}),
        ("user", "", {"selected_user": None}),
        ("user", "U1", {"selected_user": "U1"}),
        ("users", [], {"selected_users": []}),
        ("users", ["U2", "U1"], {"selected_users": ["U2", "U1"]}),
        ("conversation", "C1", {"selected_conversation": "C1"}),
        ("channel", "", {"selected_channel": None}),
        ("many", ["a"], {"selected_options": [echoed("a", "A")]}),
    ],
)
def test_state_values_in_slacks_shape(name: str, raw: Raw, state: dict[str, Any]) -> None:
    element = ELEMENTS[name] | {"action_id": "x"}
    blocks = [{"type": "input", "block_id": "k", "label": plain("L"), "element": element}]
    assert state_values(blocks, {("k", "x"): raw}) == {
        "k": {"x": {"type": element["type"]} | state}
    }


def test_state_values_cover_actions_and_sections_but_not_buttons() -> None:
    blocks: list[dict[str, Any]] = [
        {
            "type": "actions",
            "block_id": "act",
            "elements": [
                {"type": "button", "action_id": "go", "text": plain("Go")},
                ELEMENTS["date"] | {"action_id": "d"},
                ELEMENTS["overflow"] | {"action_id": "o"},
            ],
        },
        {
            "type": "section",
            "block_id": "sec",
            "text": plain("x"),
            "accessory": ELEMENTS["user"] | {"action_id": "u", "initial_user": "U3"},
        },
        {"type": "divider", "block_id": "div"},
    ]
    assert state_values(blocks, {}) == {  # what was not sent keeps its initial value
        "act": {"d": {"type": "datepicker", "selected_date": "2026-12-01"}},
        "sec": {"u": {"type": "users_select", "selected_user": "U3"}},
    }


BASE = {"block_id": "k", "action_id": "x", "action_ts": TS}


@pytest.mark.parametrize(
    ("element", "raw", "expected"),
    [
        (
            {"type": "button", "text": plain("Tehty"), "value": "3", "style": "primary"},
            "",
            {
                "type": "button",
                "text": plain("Tehty", emoji=True),
                "value": "3",
                "style": "primary",
            },
        ),
        (
            {"type": "button", "text": plain("x", emoji=False)},
            "",
            {"type": "button", "text": plain("x", emoji=False)},
        ),
        (
            ELEMENTS["select"],
            "a",
            {
                "type": "static_select",
                "selected_option": echoed("a", "A"),
                "placeholder": plain("Valitse", emoji=True),
            },
        ),
        (ELEMENTS["overflow"], "b", {"type": "overflow", "selected_option": echoed("b", "B")}),
        (
            ELEMENTS["date"],
            "2026-12-08",
            {"type": "datepicker", "selected_date": "2026-12-08", "initial_date": "2026-12-01"},
        ),
        (ELEMENTS["time"], "10:00", {"type": "timepicker", "selected_time": "10:00"}),
        (ELEMENTS["user"], "U1", {"type": "users_select", "selected_user": "U1"}),
        (ELEMENTS["users"], ["U1"], {"type": "multi_users_select", "selected_users": ["U1"]}),
        (ELEMENTS["boxes"], ["b"], {"type": "checkboxes", "selected_options": [echoed("b", "B")]}),
        (ELEMENTS["radio"], "a", {"type": "radio_buttons", "selected_option": echoed("a", "A")}),
        (ELEMENTS["text"], "moi", {"type": "plain_text_input", "value": "moi"}),
    ],
)
def test_block_actions_in_slacks_shape(
    element: dict[str, Any], raw: Raw, expected: dict[str, Any]
) -> None:
    assert action_payload(element | {"action_id": "x"}, "k", raw, TS) == BASE | expected


# -- what Slack's client refuses ------------------------------------------------------------


@pytest.mark.parametrize(
    ("element", "optional", "raw", "error"),
    [
        (ELEMENTS["text"], False, "", REQUIRED),
        (ELEMENTS["text"], True, "", None),
        (ELEMENTS["text"] | {"min_length": 3}, True, "ab", "Kirjoita vähintään 3 merkkiä."),
        (ELEMENTS["text"] | {"min_length": 3}, True, "abc", None),
        (ELEMENTS["text"] | {"max_length": 3}, False, "abcd", "Kirjoita enintään 3 merkkiä."),
        (ELEMENTS["date"], False, "", REQUIRED),
        (ELEMENTS["select"], False, "not an option", REQUIRED),
        (ELEMENTS["boxes"], False, [], REQUIRED),
        (ELEMENTS["boxes"], False, ["a"], None),
        (ELEMENTS["users"] | {"max_selected_items": 1}, False, ["U1", "U2"], "Valitse enintään 1."),
        (ELEMENTS["radio"], False, "b", None),
    ],
)
def test_client_side_errors(
    element: dict[str, Any], optional: bool, raw: Raw, error: str | None
) -> None:
    blocks = [
        {
            "type": "input",
            "block_id": "k",
            "optional": optional,
            "label": plain("L"),
            "element": element | {"action_id": "x"},
        }
    ]
    assert client_side_errors(blocks, {("k", "x"): raw}) == ({"k": error} if error else {})


def test_the_bots_forms_refuse_what_slack_refuses() -> None:
    assert client_side_errors(bot_blocks.open_team()["blocks"], {}) == {"consent": REQUIRED}
    step = bot_blocks.step_form()["blocks"]
    assert client_side_errors(step, {}) == {"text": REQUIRED}
    assert client_side_errors(step, {("text", "text"): "x" * (MAX_TEXT + 1)}) == {
        "text": f"Kirjoita enintään {MAX_TEXT} merkkiä."
    }
    assert client_side_errors(step, {("text", "text"): "Soita Kelaan"}) == {}
    assert client_side_errors(bot_blocks.reschedule()["blocks"], {("due", "due"): ""}) == {
        "due": REQUIRED
    }


@settings(max_examples=200)
@given(
    BLOCK_LISTS,
    st.dictionaries(
        st.tuples(st.text(max_size=3), st.text(max_size=3)),
        st.text(max_size=3) | st.lists(st.text(max_size=3)),
    ),
)
def test_any_json_and_any_input_give_payloads_without_crashing(
    blocks: list[dict[str, Any]], raw: dict[tuple[str, str], Raw]
) -> None:
    values = state_values(blocks, raw)
    errors = client_side_errors(blocks, raw)
    assert set(errors) <= {b["block_id"] for b in with_block_ids(blocks)}
    for block_id, actions in values.items():
        for action_id, state in actions.items():
            element = find_element(blocks, block_id, action_id)
            assert element is not None and state["type"] == element["type"]
            action = action_payload(element, block_id, raw.get((block_id, action_id), ""), TS)
            assert set(state) <= set(action)
