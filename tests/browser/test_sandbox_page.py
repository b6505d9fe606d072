"""The sandbox page used as a person would, through its Finnish labels: open a team, see who
sees its channel, record a step and mark it done, book a meeting, move the clock to the next
reminder, and look at a coordinator's Home tab."""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

TEAM_CHANNEL = re.compile(r"mt-\d{4}-\d{4}")
# The sandbox's clock starts at the real time; a due date a week or two ahead is always ahead.
SOON = date.today() + timedelta(days=7)
LATER = date.today() + timedelta(days=14)
STEP_TEXT = "Soita Kelaan toimeentulotuesta"


def be(page: Page, person: str) -> None:
    page.get_by_label("Käyttäjä").select_option(label=person)


def say(page: Page, text: str) -> None:
    box = page.get_by_label("Viesti")
    box.fill(text)
    box.press("Enter")


def sidebar(page: Page) -> Locator:
    return page.get_by_role("navigation", name="Keskustelut")


def messages(page: Page) -> Locator:
    return page.locator("#conversation .message")


def test_a_case_team_from_opening_to_the_coordinators_view(page: Page, tmp_path: Path) -> None:
    be(page, "Anna Virtanen – sosiaalityöntekijä")
    sidebar(page).get_by_text("Tiimi – Viestit").click()
    say(page, "/tiimi uusi @Mikko @Leena")

    team_link = sidebar(page).get_by_role("link", name=TEAM_CHANNEL)
    expect(team_link).to_be_visible()
    channel = team_link.inner_text().split()[-1]

    # the private channel is there for the members, not for someone outside the team
    be(page, "Mikko Korhonen – sairaanhoitaja")
    expect(sidebar(page).get_by_role("link", name=channel)).to_be_visible()
    be(page, "Pekka Laine – palvelusihteeri")
    expect(sidebar(page).get_by_role("link", name="yleinen")).to_be_visible()
    expect(sidebar(page).get_by_role("link", name=channel)).to_have_count(0)

    be(page, "Anna Virtanen – sosiaalityöntekijä")
    sidebar(page).get_by_role("link", name=channel).click()
    expect(page.get_by_role("heading", level=2, name=channel)).to_be_visible()

    say(page, f"/askel {STEP_TEXT} @Mikko huomenna mennessä")
    done = page.get_by_role("button", name="Tehty")
    step = messages(page).filter(has_text=STEP_TEXT).filter(has=done)
    expect(step).to_have_count(1)
    ts = step.get_attribute("data-ts")
    step.get_by_role("button", name="Tehty").click()
    changed = page.locator(f'#conversation .message[data-ts="{ts}"]')
    expect(changed.get_by_role("button", name="Tehty")).to_have_count(0)
    expect(changed).to_contain_text("tehty", ignore_case=True)

    say(page, "/tiimi tapaaminen huomenna klo 10")
    booked = messages(page).filter(has_text="Tapaaminen on sovittu")
    expect(booked).to_have_count(1)  # booked before the clock moves (the welcome names meetings)
    before = messages(page).filter(has_text=re.compile("muistutus", re.IGNORECASE)).count()
    page.get_by_role("button", name="Seuraava muistutus").click()
    reminders = messages(page).filter(has_text=re.compile("muistutus", re.IGNORECASE))
    expect(reminders).to_have_count(before + 1)

    # the coordinator sees the team in the Home tab, and nothing of its plan
    be(page, "Sari Koskinen – koordinaattori")
    sidebar(page).get_by_text("Tiimi – Koti").click()
    home = page.locator("#conversation .home")
    expect(home).to_contain_text(channel.upper())
    expect(home).not_to_contain_text(STEP_TEXT)
    expect(home).not_to_contain_text("Soita")

    # the README's picture: the team channel with its step, meeting and reminder
    be(page, "Anna Virtanen – sosiaalityöntekijä")
    sidebar(page).get_by_role("link", name=channel).click()
    expect(reminders).to_have_count(before + 1)
    shot = Path(os.environ.get("TIIMI_SCREENSHOT") or tmp_path / "sandbox.png")
    page.screenshot(path=str(shot))
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_forms_open_check_and_submit_as_slack_does(page: Page) -> None:
    """The bot's forms: Slack's own check of a required field, then the bot's answer."""
    be(page, "Anna Virtanen – sosiaalityöntekijä")
    sidebar(page).get_by_text("Tiimi – Viestit").click()
    say(page, "/tiimi uusi")
    form = page.get_by_role("dialog")
    expect(form.get_by_role("heading", name="Uusi tiimi")).to_be_visible()
    form.get_by_label("Asiakkaan valitsemat jäsenet").select_option(
        label=["Mikko Korhonen", "Juha Nieminen"]
    )
    form.get_by_role("button", name="Avaa tiimi").click()
    expect(form.get_by_role("alert")).to_contain_text("pakollinen")  # consent not yet given
    form.get_by_label("Asiakas valitsi jäsenet", exact=False).check()
    form.get_by_role("button", name="Avaa tiimi").click()
    expect(page.get_by_role("dialog")).to_have_count(0)

    team_link = sidebar(page).get_by_role("link", name=TEAM_CHANNEL)
    expect(team_link).to_be_visible()
    channel = team_link.inner_text().split()[-1]
    be(page, "Juha Nieminen – fysioterapeutti")
    expect(sidebar(page).get_by_role("link", name=channel)).to_be_visible()
    sidebar(page).get_by_role("link", name=channel).click()

    say(page, "/askel")
    form = page.get_by_role("dialog")
    form.get_by_label("Mitä tehdään?").fill("Varaa aika fysioterapiaan")
    form.get_by_label("Kuka tiimistä vastaa?").select_option(label="Juha Nieminen")
    form.get_by_label("Mihin mennessä?").fill(SOON.isoformat())
    form.get_by_role("button", name="Tallenna").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    step = (
        messages(page)
        .filter(has_text="Varaa aika fysioterapiaan")
        .filter(has=page.get_by_role("button", name="Siirrä"))
    )
    expect(step).to_contain_text(f"{SOON.day}.{SOON.month}.{SOON.year}")

    step.get_by_role("button", name="Siirrä").click()
    form = page.get_by_role("dialog")
    form.get_by_label("Uusi määräaika").fill(LATER.isoformat())
    form.get_by_role("button", name=re.compile("Siirrä|Tallenna")).click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(step).to_contain_text(f"{LATER.day}.{LATER.month}.{LATER.year}")
