"""Block Kit as the sandbox page's HTML: the bot's own views and messages, every element the
page supports, escaping, ids and the data-* contract."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.plan.commands import MAX_TEXT
from bot.teams.professions import PROFESSIONS
from handlers.sandbox.page.blocks_html import BLOCKS, render_blocks, render_view
from handlers.sandbox.page.elements_html import ELEMENTS
from tests.sandbox import bot_blocks
from tests.sandbox.html_tree import Node, parse
from tests.sandbox.strategies import BLOCK_LISTS

PEOPLE = {"U1": "Anna Virta", "U2": "Bo <b>", "U3": "Cecilia"}
CHANNELS = {"C1": "tiimi-1", "C2": "yleinen"}


def blocks(items: list[dict[str, Any]], **options: Any) -> Node:
    surface = options.pop("surface", "modal")
    markup = render_blocks(items, surface=surface, people=PEOPLE, channels=CHANNELS, **options)
    return parse(markup)


def view(data: dict[str, Any], **options: Any) -> Node:
    return parse(render_view(data, people=PEOPLE, channels=CHANNELS, **options))


def element(item: dict[str, Any], block_id: str = "b", **input_block: Any) -> Node:
    """The one control of an input block (or an actions block when no label is given)."""
    item = {"action_id": "a"} | item
    if "label" in input_block:
        block = {"type": "input", "block_id": block_id, "element": item} | input_block
    else:
        block = {"type": "actions", "block_id": block_id, "elements": [item]}
    return blocks([block]).by_data(block_id=block_id, action_id=item["action_id"])


def plain(text: str) -> dict[str, Any]:
    return {"type": "plain_text", "text": text}


def option(value: str, text: str) -> dict[str, Any]:
    return {"value": value, "text": plain(text)}


# -- the bot's own Block Kit --------------------------------------------------------------


def collect_types(blocks: list[dict[str, Any]], found: Counter[str]) -> None:
    """Count every block type and interactive element type in a list of blocks."""
    for block in blocks:
        found["block:" + block["type"]] += 1
        elements = [block[key] for key in ("accessory", "element") if key in block]
        elements += block["elements"] if block["type"] == "actions" else []
        for item in elements:
            found["element:" + item["type"]] += 1


def test_the_examples_hold_every_kind_of_block_the_core_has() -> None:
    assert bot_blocks.kinds_missing() == set()


def test_every_block_and_element_the_bot_emits_is_supported() -> None:
    found: Counter[str] = Counter()
    for data in [*bot_blocks.every_view(), {"blocks": bot_blocks.message_blocks()}]:
        collect_types(data["blocks"], found)
    supported = {"block:" + b for b in BLOCKS} | {"element:" + e for e in ELEMENTS}
    assert set(found) <= supported, set(found) - supported
    assert found["element:button"] and found["element:checkboxes"]  # the walk saw elements
    for data in bot_blocks.every_view():
        assert "Tuntematon" not in view(data, errors={"due": "x"}).text()
    assert "Tuntematon" not in blocks(bot_blocks.message_blocks(), surface="message").text()


def test_a_message_with_every_core_block() -> None:
    page = blocks(bot_blocks.message_blocks(), surface="message")
    assert page.find("h3").text() == "Tiimi MT-2026-0001"
    assert page.find("strong").text() == "Askel 1:"
    [section, *_] = page.find_all(lambda n: n.attrs.get("class") == "text")
    assert section.text() == "Askel 1: Soita <Kelaan> & @Anna Virta "
    assert page.find("small").text() == "Kanava #tiimi-1"
    assert page.find("pre").text() == "1. Soita Kelaan\n2. Varaa *aika*"
    assert len(page.find_all("hr")) == 1
    buttons = page.find_all("button")
    assert [(b.text(), b.attrs["class"], b.attrs["data-value"]) for b in buttons] == [
        ("Tehty", "button primary", "3"),
        ("Ei toteutunut", "button danger", "3"),
        ("Siirrä", "button", "3"),
    ]
    assert [b.attrs["data-action-id"] for b in buttons] == [
        "step_done",
        "step_not_done",
        "step_move",
    ]
    assert {b.attrs["data-kind"] for b in buttons} == {"button"}
    assert len({b.attrs["data-block-id"] for b in buttons}) == 1  # generated: Slack names it


def test_the_new_team_modal() -> None:
    data = bot_blocks.open_team()
    page = view(data, id_prefix="m1-", errors={"consent": "Vahvista <valinta>"})
    dialog = page.find("section")
    assert dialog.attrs["role"] == "dialog"
    assert page.find("h2").text() == data["title"]["text"]
    members = page.by_data(block_id="members", action_id="members")
    assert (members.tag, members.attrs["data-kind"], "multiple" in members.attrs) == (
        "select",
        "multi_users_select",
        True,
    )
    assert [o.text() for o in members.find_all("option")] == ["Anna Virta", "Bo <b>", "Cecilia"]
    label = page.find(lambda n: n.tag == "label" and n.attrs.get("for") == members.attrs["id"])
    assert label.text() == data["blocks"][1]["label"]["text"] + " (valinnainen)"
    consent = page.by_data(block_id="consent", action_id="consent")
    assert consent.tag == "fieldset" and "aria-required" not in consent.attrs
    assert "(valinnainen)" not in consent.find("legend").text()
    [box] = consent.find_all("input")
    assert (box.attrs["type"], box.attrs["value"], "checked" in box.attrs) == (
        "checkbox",
        "client_chose_members",
        False,
    )
    alert = page.find(lambda n: n.attrs.get("role") == "alert")
    assert alert.text() == "Vahvista <valinta>"
    assert alert.attrs["id"] in (consent.attrs["aria-describedby"] or "").split()
    assert consent.attrs["aria-invalid"] == "true"
    hint = page.find(lambda n: n.attrs.get("class") == "hint")
    assert hint.text() == data["blocks"][2]["hint"]["text"]
    assert [(b.attrs["data-kind"], b.text()) for b in page.find_all("button")] == [
        ("view-close", data["close"]["text"]),
        ("view-submit", data["submit"]["text"]),
    ]


def test_the_step_form() -> None:
    page = view(bot_blocks.step_form())
    text = page.by_data(kind="plain_text_input")
    assert (text.tag, text.attrs["maxlength"]) == ("textarea", str(MAX_TEXT))
    assert text.attrs["aria-required"] == "true"
    roles = page.by_data(block_id="owner_role", action_id="owner_role").find_all("option")
    assert len(roles) == len(PROFESSIONS) + 1 and roles[0].attrs == {
        "value": "",
        "selected": "selected",
    }
    assert roles[0].text() == "Valitse…"
    goals = page.by_data(block_id="goal", action_id="goal").find_all("option")
    assert [o.text() for o in goals] == ["Valitse…", "T1. Oma asunto", "T2. Työ & <opinnot>"]
    owner = page.by_data(kind="users_select")
    assert [o.attrs["value"] for o in owner.find_all("option")] == ["", "U1", "U2", "U3"]
    due = page.by_data(kind="datepicker")
    assert (due.tag, due.attrs["type"], "value" in due.attrs) == ("input", "date", False)
    assert not page.find_all(lambda n: n.attrs.get("role") == "alert")


def test_the_home_tab_holds_only_its_blocks() -> None:
    page = view(bot_blocks.home())
    assert page.find("section").attrs == {"class": "view view-home"}
    assert not page.find_all(lambda n: (n.attrs.get("data-kind") or "").startswith("view-"))
    assert page.find("h3").text() == "Tiimi MT-2026-0001"


def test_ids_are_unique_and_labels_point_at_them() -> None:
    markup = "".join(
        render_view(data, people=PEOPLE, channels=CHANNELS, id_prefix=f"v{i}-")
        for i, data in enumerate(bot_blocks.every_view() * 2)
    )
    page = parse(markup)
    ids = [n.attrs["id"] for n in page.walk() if "id" in n.attrs]
    assert len(ids) == len(set(ids)) > 20
    for label in page.find_all(lambda n: n.tag == "label" and "for" in n.attrs):
        assert label.attrs["for"] in ids


# -- elements -------------------------------------------------------------------------------


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
