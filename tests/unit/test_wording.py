"""The glossary's wording rules hold in the catalogs (docs/glossary.md)."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest

from tests.support.catalogs import texts

# *kirjata* means the official entry in the client record system; chat notes are *merkitä*
# or *lisätä*. A key may use a form of *kirjata* only when it speaks of that record.
CLIENT_RECORD_KEYS: dict[str, set[str]] = {
    "welcome_dont": {"kirjaukset"},
    "modal_consent_option": {"kirjattu"},
    "modal_consent_hint": {"kirjattu"},
    "modal_consent_required": {"kirjattu"},
    "consent_recorded_command": {"kirjattu"},
    "consent_recorded_form": {"kirjattu"},
    "closed_record_reminder": {"kirjata"},
    "help_body": {"kirjaamista"},
    "help_privacy": {"kirjaukset"},
    "askel_help_body": {"kirjaamista"},
    "export_header": {"kirjaamista"},
    "reminder_after_held": {"kirjata"},
}
KIRJATA = re.compile(r"\bkirja(?!sto)\w*", re.IGNORECASE)  # not *kirjasto*, a library
# Swedish calls the bot *boten*; *botten* is "the bottom".
NOT_BOTEN = re.compile(r"\b(?:botten|bottens|bot)\b", re.IGNORECASE)
# The convenor and a step's owner are told apart: step and owner texts never say convenor.
CONVENOR = {"fi": "vastuuhenkilö", "sv": "ansvarsperson", "en": "convenor"}


def kirjata_misuses(catalog: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(key, word) for each form of *kirjata* outside the client-record keys."""
    return [
        (key, word)
        for key, text in catalog
        for word in KIRJATA.findall(text)
        if word.lower() not in CLIENT_RECORD_KEYS.get(key, set())
    ]


def not_boten(catalog: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(key, word) for each Swedish name of the bot that is not *boten*."""
    return [(key, word) for key, text in catalog for word in NOT_BOTEN.findall(text)]


def is_about_step_owner(key: str) -> bool:
    return "owner" in key or "orphan" in key or key.startswith("step")


def test_kirjata_only_for_the_client_record() -> None:
    assert kirjata_misuses(texts("fi")) == [], (
        "use merkitä/lisätä for notes in the chat, or add the key to CLIENT_RECORD_KEYS "
        "if it speaks of the official client record"
    )


def test_swedish_says_boten() -> None:
    assert not_boten(texts("sv")) == []


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_step_owner_is_not_called_convenor(lang: str) -> None:
    owner_texts = {k: v for k, v in texts(lang) if is_about_step_owner(k)}
    assert "needs_new_owner_mark" in owner_texts and "home_orphans" in owner_texts
    assert [k for k, v in owner_texts.items() if CONVENOR[lang] in v.lower()] == []


@pytest.mark.parametrize(
    ("key", "text", "found"),
    [
        ("step_added", "Askel 1 on kirjattu.", [("step_added", "kirjattu")]),
        ("goals_none", "Kirjaa asiakkaan tavoite.", [("goals_none", "Kirjaa")]),
        ("help_body", "`/tiimi vie` – kirjaa tämä", [("help_body", "kirjaa")]),
        ("reminder_after_held", "Muistakaa kirjata se.", []),
        ("help_body", "`/tiimi tapaaminen pe klo 14 Kirjasto`", []),
    ],
)
def test_kirjata_scan(key: str, text: str, found: list[tuple[str, str]]) -> None:
    assert kirjata_misuses([(key, text)]) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("eftersom botten inte var igång", ["botten"]),
        ("Bottens meddelanden", ["Bottens"]),
        ("en bot skickar", ["bot"]),
        ("Boten har tagit bort", []),
        ("botens meddelanden", []),
    ],
)
def test_boten_scan(text: str, found: list[str]) -> None:
    assert [word for _, word in not_boten([("k", text)])] == found
