"""Block Kit elements and blocks as the sandbox page's HTML: controls, the data-* contract,
escaping, and anything unknown or broken shown without crashing."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handlers.sandbox.page.blocks_html import render_blocks, render_view
from tests.sandbox.html_tree import parse
from tests.sandbox.rendering import CHANNELS, PEOPLE, blocks, element, option, plain
from tests.sandbox.strategies import BLOCK_LISTS


def test_a_button_with_a_confirm_dialog() -> None:
    confirm = {
        "title": plain("Suljetaanko?"),
        "text": {"type": "mrkdwn", "text": "Tiimi *suljetaan* &amp; kanava arkistoidaan"},
        "confirm": plain("Sulje"),
        "deny": plain("Älä sulje"),
        "style": "danger",
    }
    button = element(
        {
            "type": "button",
            "text": plain("Sulje"),
            "value": 'x"<',
            "style": "danger",
            "confirm": confirm,
        }
    )
    assert button.attrs["data-value"] == 'x"<'
    assert json.loads(button.attrs["data-confirm"] or "") == {
        "title": "Suljetaanko?",
        "text": "Tiimi suljetaan & kanava arkistoidaan",
        "confirm": "Sulje",
        "deny": "Älä sulje",
        "style": "danger",
    }
    plain_button = element({"type": "button", "text": plain("OK"), "url": "javascript:x"})
    assert {"data-confirm", "data-value", "data-url"}.isdisjoint(plain_button.attrs)


@pytest.mark.parametrize(
    ("item", "options", "selected"),
    [
        (
            {
                "type": "static_select",
                "placeholder": plain("Valitse rooli"),
                "options": [option("a", "A")],
            },
            ["Valitse rooli", "A"],
            [""],
        ),
        (
            {
                "type": "static_select",
                "option_groups": [
                    {"label": plain("Ryhmä 1"), "options": [option("a", "A")]},
                    {"label": plain("Ryhmä 2"), "options": [option("b", "B"), option("c", "C")]},
                ],
                "initial_option": option("b", "B"),
            },
            ["Valitse…", "A", "B", "C"],
            ["b"],
        ),
        (
            {"type": "overflow", "options": [option("1", "Muokkaa")]},
            ["Lisää toimintoja", "Muokkaa"],
            [""],
        ),
        (
            {"type": "users_select", "initial_user": "U3"},
            ["Valitse…", "Anna Virta", "Bo <b>", "Cecilia"],
            ["U3"],
        ),
        (
            {"type": "multi_users_select", "initial_users": ["U1", "U3"]},
            ["Anna Virta", "Bo <b>", "Cecilia"],
            ["U1", "U3"],
        ),
        ({"type": "conversations_select"}, ["Valitse…", "#tiimi-1", "#yleinen"], [""]),
        (
            {"type": "channels_select", "initial_channel": "C2"},
            ["Valitse…", "#tiimi-1", "#yleinen"],
            ["C2"],
        ),
        (
            {
                "type": "multi_static_select",
                "options": [option("a", "A"), option("b", "B")],
                "initial_options": [option("b", "B")],
            },
            ["A", "B"],
            ["b"],
        ),
    ],
)
def test_selects(item: dict[str, Any], options: list[str], selected: list[str]) -> None:
    select = element(item)
    assert (select.tag, select.attrs["data-kind"]) == ("select", item["type"])
    assert [o.text() for o in select.find_all("option")] == options
    assert [
        o.attrs["value"] for o in select.find_all("option") if "selected" in o.attrs
    ] == selected
    assert select.attrs["aria-label"]  # named for screen readers outside an input block
    if "option_groups" in item:
        assert [g.attrs["label"] for g in select.find_all("optgroup")] == ["Ryhmä 1", "Ryhmä 2"]


@pytest.mark.parametrize(
    ("item", "tag", "attrs", "content"),
    [
        (
            {"type": "datepicker", "initial_date": "2026-12-08"},
            "input",
            {"type": "date", "value": "2026-12-08"},
            "",
        ),
        (
            {"type": "timepicker", "initial_time": "09:30"},
            "input",
            {"type": "time", "value": "09:30"},
            "",
        ),
        (
            {
                "type": "plain_text_input",
                "initial_value": 'a"b',
                "min_length": 2,
                "max_length": 9,
                "placeholder": plain("Kirjoita"),
            },
            "input",
            {
                "type": "text",
                "value": 'a"b',
                "minlength": "2",
                "maxlength": "9",
                "placeholder": "Kirjoita",
            },
            "",
        ),
        (
            {"type": "plain_text_input", "multiline": True, "initial_value": "<b>\nx"},
            "textarea",
            {"rows": "4"},
            "<b>\nx",
        ),
    ],
)
def test_inputs(item: dict[str, Any], tag: str, attrs: dict[str, str], content: str) -> None:
    control = element(item, label=plain("Kenttä"), optional=True)
    assert control.tag == tag
    assert attrs.items() <= control.attrs.items()
    assert control.text() == content
    assert "aria-required" not in control.attrs


@pytest.mark.parametrize("kind", ["checkboxes", "radio_buttons"])
def test_choices_are_native_inputs_with_labels(kind: str) -> None:
    options = [
        option("a", "Eka"),
        {
            "value": "b",
            "text": {"type": "mrkdwn", "text": "*Toka*"},
            "description": plain("selitys"),
        },
    ]
    initial = (
        {"initial_options": [options[1]]}
        if kind == "checkboxes"
        else {"initial_option": options[1]}
    )
    group = element({"type": kind, "options": options} | initial, label=plain("Valinnat"))
    assert group.find("legend").text() == "Valinnat"
    assert group.attrs.get("role") == (None if kind == "checkboxes" else "radiogroup")
    inputs = group.find_all("input")
    input_type = "checkbox" if kind == "checkboxes" else "radio"
    assert [(i.attrs["type"], i.attrs["value"], "checked" in i.attrs) for i in inputs] == [
        (input_type, "a", False),
        (input_type, "b", True),
    ]
    assert {i.attrs["name"] for i in inputs} == {group.attrs["id"]}
    assert [label.text() for label in group.find_all("label")] == [" Eka", " Toka"]
    assert group.find("strong").text() == "Toka"


def test_other_blocks() -> None:
    page = blocks(
        [
            {
                "type": "section",
                "block_id": "s",
                "text": {"type": "mrkdwn", "text": "*Otsikko*"},
                "fields": [plain("Vasen"), {"type": "mrkdwn", "text": "_Oikea_"}],
                "accessory": {"type": "button", "action_id": "go", "text": plain("Avaa")},
            },
            {
                "type": "context",
                "elements": [
                    {"type": "image", "image_url": "https://x/i.png", "alt_text": "logo"},
                    plain("Päivitetty :bell:"),
                ],
            },
            {
                "type": "image",
                "image_url": "https://x/i.png",
                "alt_text": "kaavio",
                "title": plain("Kuvio"),
            },
            {
                "type": "rich_text",
                "elements": [
                    {
                        "type": "rich_text_section",
                        "elements": [
                            {"type": "text", "text": "Hei ", "style": {"bold": True}},
                            {"type": "user", "user_id": "U1"},
                            {"type": "text", "text": " "},
                            {"type": "channel", "channel_id": "C1"},
                            {"type": "text", "text": " "},
                            {"type": "link", "url": "https://kela.fi", "text": "Kela"},
                            {"type": "link", "url": "javascript:alert(1)", "text": "paha"},
                            {"type": "emoji", "name": "wave", "unicode": "1f44b"},
                        ],
                    },
                    {
                        "type": "rich_text_list",
                        "style": "ordered",
                        "elements": [
                            {
                                "type": "rich_text_section",
                                "elements": [{"type": "text", "text": "yksi"}],
                            }
                        ],
                    },
                ],
            },
        ],
        surface="message",
    )
    assert [f.text() for f in page.find_all(lambda n: n.attrs.get("class") == "field")] == [
        "Vasen",
        "Oikea",
    ]
    assert page.by_data(block_id="s", action_id="go").text() == "Avaa"
    assert page.find("small").text() == "[Kuva: logo] Päivitetty 🔔"
    assert not page.find_all("img")
    assert page.find("figure").text() == "[Kuva: kaavio]Kuvio"
    rich = page.find(lambda n: n.attrs.get("class") == "block block-rich_text")
    assert rich.text() == "Hei @Anna Virta #tiimi-1 Kelapaha👋yksi"
    assert [a.attrs["href"] for a in rich.find_all("a")] == ["https://kela.fi"]
    assert rich.find("ol").text() == "yksi"


@pytest.mark.parametrize(
    "broken",
    [
        {"type": "video", "title": plain("x")},
        {"type": "actions", "elements": [{"type": "workflow_button"}, "x", {"no": "type"}]},
        {"type": "input", "label": plain("L"), "element": {"type": "file_input", "action_id": "f"}},
        {"type": "input"},
        {"type": "section"},
        {"type": "section", "text": {"type": "mrkdwn"}, "fields": "x", "accessory": None},
        {"type": "context", "elements": None},
        {
            "type": "rich_text",
            "elements": [
                {"type": "rich_text_x"},
                {"type": "rich_text_section", "elements": [{"type": "?"}]},
            ],
        },
        {
            "type": "actions",
            "elements": [{"type": "static_select", "options": [None, {"text": 1}]}],
        },
        {"type": "header", "text": "not an object"},
        {"no": "type"},
    ],
)
def test_anything_unknown_or_broken_renders_without_crashing(broken: dict[str, Any]) -> None:
    page = blocks([broken, {"type": "divider"}])
    assert len(page.find_all("hr")) == 1


def test_unknown_types_show_a_visible_placeholder() -> None:
    page = blocks(
        [
            {"type": "video", "title": plain("x")},
            {"type": "actions", "elements": [{"type": "workflow_button", "action_id": "w"}]},
        ]
    )
    assert "[Tuntematon lohko: video]" in page.text()
    assert "[Tuntematon elementti: workflow_button]" in page.text()


def test_ids_and_text_are_escaped() -> None:
    evil = '"><script>alert(1)</script>'
    page = blocks(
        [
            {
                "type": "input",
                "block_id": evil,
                "label": plain(evil),
                "element": {
                    "type": "plain_text_input",
                    "action_id": evil,
                    "placeholder": plain(evil),
                },
            },
            {"type": "header", "text": plain(evil)},
        ],
        errors={evil: evil},
        id_prefix=evil,
    )
    assert not page.find_all("script")
    control = page.by_data(block_id=evil, action_id=evil)
    assert control.attrs["placeholder"] == evil
    assert page.find("h3").text() == evil
    assert page.find(lambda n: n.attrs.get("role") == "alert").text() == evil
    assert page.find("label").attrs["for"] == control.attrs["id"]


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(BLOCK_LISTS, st.text(alphabet='<>"&.a', max_size=4))
def test_any_json_renders_as_well_formed_html_without_scripts(
    items: list[dict[str, Any]], prefix: str
) -> None:
    for markup in (
        render_blocks(items, surface="modal", people=PEOPLE, channels=CHANNELS, id_prefix=prefix),
        render_view({"type": "modal", "blocks": items}, people=PEOPLE, channels=CHANNELS),
    ):
        page = parse(markup)
        assert not page.find_all(lambda n: n.tag in ("script", "img", "iframe", "style"))
        for node in page.walk():
            assert not any(name.startswith("on") for name in node.attrs)
            assert not (node.attrs.get("href") or "https:").lower().startswith("javascript")
