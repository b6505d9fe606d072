"""The bot's own views and messages as the sandbox page's HTML: every block and element
type the bot emits is supported, and each form shows what its Block Kit says."""

from __future__ import annotations

from collections import Counter
from typing import Any

from bot.plan.commands import MAX_TEXT
from handlers.sandbox.page.blocks_html import BLOCKS, render_view
from handlers.sandbox.page.elements_html import ELEMENTS
from tests.sandbox import bot_blocks
from tests.sandbox.html_tree import parse
from tests.sandbox.rendering import CHANNELS, PEOPLE, blocks, view


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
    roles = page.by_data(block_id="owner_role", action_id="owner_role")
    assert roles.attrs.get("multiple") is not None  # several participants may own a step
    options = roles.find_all("option")
    assert [o.attrs["value"] for o in options] == ["1", "3", "close_person", "doctor"]
    assert [o.text() for o in options[:3]] == [
        "P1 Asiakas",
        "P3 Järjestötyöntekijä (<Sininauha> & *ry*)",  # the organisation as typed
        "läheinen",
    ]
    goals = page.by_data(block_id="goal", action_id="goal").find_all("option")
    assert [o.text() for o in goals] == ["Valitse…", "T1. Oma asunto", "T2. Työ & <opinnot>"]
    owner = page.by_data(kind="multi_users_select")
    assert [o.attrs["value"] for o in owner.find_all("option")] == ["U1", "U2", "U3"]
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
