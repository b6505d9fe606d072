"""A Hukkapaja in the sandbox's staff channel, used as people would through the page: the
card, three anonymous notes through the form, grouping, dots and the results."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.browser.test_sandbox_page import be, messages, say, sidebar

ANNA = "Anna Virtanen – sosiaalityöntekijä"
WRITERS = {
    "Mikko Korhonen – sairaanhoitaja": "Lausuntoa odotetaan viikkoja",
    "Leena Mäkinen – Kelan asiantuntija": "Sama tieto kysytään kolmesti",
    "Juha Nieminen – fysioterapeutti": "Kukaan ei tiedä kuka vastaa",
}


def staff_channel(page: Page, person: str) -> Locator:
    """Be the person in #henkilosto; the workshop's card there."""
    be(page, person)
    sidebar(page).get_by_role("link", name="henkilosto").click()
    return messages(page).filter(has_text="Hukkapaja: Tiedonkulku kotiutuksessa")


def test_a_hukkapaja_from_notes_to_results(page: Page) -> None:
    card = staff_channel(page, ANNA)
    say(page, "/paja hukka uusi Tiedonkulku kotiutuksessa")
    expect(card).to_have_count(1)
    expect(card).to_contain_text("Lappuja: 0")

    for person, note in WRITERS.items():
        card = staff_channel(page, person)
        card.get_by_role("button", name="Kirjoita hukka").click()
        form = page.locator("#modal")
        expect(form).to_contain_text("tunnistettavia tietoja")
        form.get_by_label("Mikä haittaa yhteistyötä?").fill(note)
        form.get_by_label("Hukan laji (vapaaehtoinen)").select_option(label="odottaminen")
        form.get_by_role("button", name="Lisää nimettömänä").click()
        expect(form).to_contain_text("Hukka on lisätty nimettömänä")
        form.get_by_role("button", name="Sulje").click()
        expect(page.get_by_role("dialog")).to_have_count(0)
    expect(card).to_contain_text("Lappuja: 3")
    for note in WRITERS.values():
        expect(card).not_to_contain_text(note)

    card = staff_channel(page, ANNA)
    card.get_by_role("button", name="Päätä keruu").click()
    expect(card).to_contain_text("ryhmittelee 3 lappua")
    say(page, "/paja teema Odottaminen: 1, 2")
    say(page, "/paja teema Vastuut: 3")
    expect(card).to_contain_text("Vastuut (1 lappu)")
    card.get_by_role("button", name="Aloita äänestys").click()
    expect(card).to_contain_text("Äänestäneitä: 0")
    for note in WRITERS.values():
        expect(card).to_contain_text(note)

    votes = {
        "Mikko Korhonen – sairaanhoitaja": [1, 1, 2],
        "Leena Mäkinen – Kelan asiantuntija": [2],
        "Juha Nieminen – fysioterapeutti": [1],
    }
    for person, themes in votes.items():
        card = staff_channel(page, person)
        for theme in themes:
            card.get_by_role("button", name=f"Anna piste teemalle {theme}").click()
            expect(messages(page).filter(has_text="Annoit pisteen")).not_to_have_count(0)
    expect(card).to_contain_text("Äänestäneitä: 3")
    expect(card).not_to_contain_text("pistettä ·")

    card = staff_channel(page, ANNA)
    card.get_by_role("button", name="Sulje äänestys").click()
    expect(card).to_contain_text("äänestäneitä oli 3")
    expect(card).to_contain_text(re.compile(r"1\. Odottaminen · 3 pistettä · viedään eteenpäin"))
    expect(card).to_contain_text(re.compile(r"2\. Vastuut · 2 pistettä · viedään eteenpäin"))
    expect(card.get_by_role("button")).to_have_count(0)
