"""The `/paja` grammar, table by table; any free text either parses or is refused with a
usage message, and every `/paja` example in the catalogs parses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import UserError
from bot.i18n import LANGUAGES
from bot.i18n.templates import Field, Node, Span, parse
from bot.workshops.commands import (
    MAX_THEME_NAME,
    MAX_TOPIC,
    GroupNotes,
    OpenSolution,
    OpenWorkshop,
    OrderPractices,
    RemoveTheme,
    ShowMyDots,
    ShowSummary,
    ShowThemes,
    WorkshopHelp,
    note_numbers,
    parse_paja,
)
from storage.workshops import WorkshopKind
from tests.support.catalogs import texts
from tests.support.said import said

HUKKA = WorkshopKind.HUKKA

PARSED = [
    ("", WorkshopHelp()),
    ("ohje", WorkshopHelp()),
    ("hjälp", WorkshopHelp()),
    ("help", WorkshopHelp()),
    ("mitä tämä on", WorkshopHelp(unknown=True)),
    ("hukka uusi Tiedonkulku kotiutuksessa", OpenWorkshop(HUKKA, "Tiedonkulku kotiutuksessa")),
    ("Hukka UUSI  Lähetteet  ", OpenWorkshop(HUKKA, "Lähetteet")),
    ("hukka uusi Lähetteet pisteet 5", OpenWorkshop(HUKKA, "Lähetteet", 5)),
    ("hukka uusi Lähetteet pisteet: 1", OpenWorkshop(HUKKA, "Lähetteet", 1)),
    ("hukka uusi Kolme pistettä", OpenWorkshop(HUKKA, "Kolme pistettä")),
    ("hukka uusi 5 pisteet", OpenWorkshop(HUKKA, "5 pisteet")),
    ("slöseri ny Remisser poäng 4", OpenWorkshop(HUKKA, "Remisser", 4)),
    ("waste new Referrals dots 2", OpenWorkshop(HUKKA, "Referrals", 2)),
    ("hukkapaja uusi Aihe", OpenWorkshop(HUKKA, "Aihe")),
    ("teema Odottaminen: 1, 4, 7", GroupNotes("Odottaminen", (1, 4, 7))),
    ("teema Odottaminen:1 4 7", GroupNotes("Odottaminen", (1, 4, 7))),
    ("teema Tieto: ei kulje: 2-4, 3 ja 9", GroupNotes("Tieto: ei kulje", (2, 3, 4, 9))),
    ("tema Väntan: 1 och 2", GroupNotes("Väntan", (1, 2))),
    ("theme Waiting: 1–3", GroupNotes("Waiting", (1, 2, 3))),
    ("teema poista 2", RemoveTheme(2)),
    ("teema poista T2", RemoveTheme(2)),
    ("tema radera 3", RemoveTheme(3)),
    ("theme remove 1", RemoveTheme(1)),
    ("teema poista: 2", GroupNotes("poista", (2,))),  # a theme named "poista"
    ("teemat", ShowThemes()),
    ("teman", ShowThemes()),
    ("pisteet", ShowMyDots()),
    ("poäng", ShowMyDots()),
    ("dots", ShowMyDots()),
    ("ratkaisu uusi", OpenSolution()),
    ("Ratkaisupaja UUSI", OpenSolution()),
    ("lösning ny", OpenSolution()),
    ("solution new", OpenSolution()),
    ("käytännöt 3, 1, 2", OrderPractices((3, 1, 2))),
    ("kaytannot 2 ja 1", OrderPractices((2, 1))),
    ("praxis 1-3", OrderPractices((1, 2, 3))),
    ("practices 2, 2, 1", OrderPractices((2, 1))),
    ("yhteenveto", ShowSummary()),
    ("sammanfattning", ShowSummary()),
    ("summary", ShowSummary()),
]

REFUSED = [
    ("hukka", "workshop_usage_open"),
    ("hukka uusi", "workshop_usage_open"),
    ("hukka Aihe", "workshop_usage_open"),
    ("hukka uusi pisteet 3", "workshop_usage_open"),
    ("hukka uusi Aihe pisteet 0", "workshop_dots_range"),
    ("hukka uusi Aihe pisteet 11", "workshop_dots_range"),
    ("hukka uusi " + "x" * (MAX_TOPIC + 1), "text_too_long"),
    ("teema Odottaminen", "workshop_usage_theme"),
    ("teema Odottaminen:", "workshop_usage_theme"),
    ("teema : 1, 2", "workshop_usage_theme"),
    ("teema Odottaminen: yksi", "workshop_usage_theme"),
    ("teema Odottaminen: 0", "workshop_usage_theme"),
    ("teema Odottaminen: 4-2", "workshop_usage_theme"),
    ("teema " + "x" * (MAX_THEME_NAME + 1) + ": 1", "text_too_long"),
    ("teemat kaikki", "workshop_usage_themes"),
    ("pisteet 3", "workshop_usage_dots"),
    ("ratkaisu", "solution_usage_open"),
    ("ratkaisu uusi Aihe", "solution_usage_open"),
    ("käytännöt", "solution_usage_practices"),
    ("käytännöt ensin 2", "solution_usage_practices"),
    ("yhteenveto kaikille", "solution_usage_summary"),
]


@pytest.mark.parametrize(("typed", "expected"), PARSED)
def test_parses(typed: str, expected: object) -> None:
    assert parse_paja(said(typed)) == expected


@pytest.mark.parametrize(("typed", "key"), REFUSED)
def test_refuses_with_the_usage(typed: str, key: str) -> None:
    with pytest.raises(UserError) as raised:
        parse_paja(said(typed))
    assert raised.value.key == key


def test_a_mention_in_a_topic_is_its_plain_text() -> None:
    assert parse_paja(said("hukka uusi Kysy <@UANNA|anna>")) == OpenWorkshop(HUKKA, "Kysy @anna")


def test_note_numbers_are_each_once_in_the_order_given() -> None:
    assert note_numbers("7, 1-3, 2") == (7, 1, 2, 3)


@given(st.text(max_size=300))
def test_any_text_parses_or_is_refused_with_a_message(typed: str) -> None:
    try:
        command = parse_paja(said(typed))
    except UserError as error:
        assert error.key.startswith(("workshop_", "text_too_long"))
        return
    if isinstance(command, OpenWorkshop):
        assert command.topic and command.topic == command.topic.strip()
        assert "\x00" not in command.topic and len(command.topic) <= MAX_TOPIC
        assert 1 <= command.dots <= 10
    if isinstance(command, GroupNotes):
        assert command.name and len(command.name) <= MAX_THEME_NAME and command.numbers


@given(st.text(max_size=100), st.lists(st.integers(1, 999), min_size=1, max_size=20))
def test_a_theme_of_any_name_gets_its_numbers(name: str, numbers: list[int]) -> None:
    typed = f"teema {name}: {', '.join(map(str, numbers))}"
    try:
        command = parse_paja(said(typed))
    except UserError as error:
        assert error.key in ("workshop_usage_theme", "text_too_long")
        return
    assert isinstance(command, GroupNotes | RemoveTheme)
    if isinstance(command, GroupNotes):
        assert command.numbers == tuple(dict.fromkeys(numbers))


def _codes(nodes: tuple[Node, ...]) -> list[str]:
    found: list[str] = []
    for node in nodes:
        if isinstance(node, Span) and node.kind == "code":
            found.append("".join("?" if isinstance(n, Field) else str(n) for n in node.nodes))
        elif isinstance(node, Span):
            found += _codes(node.nodes)
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_paja_example_in_the_catalogs_parses(lang: str) -> None:
    examples = [
        (key, code)
        for key, template in texts(lang)
        for code in _codes(parse(template))
        if code.startswith("/paja ") and "<" not in code
    ]
    assert len(examples) >= 6, examples
    for key, example in examples:
        parsed = parse_paja(said(example.removeprefix("/paja ")))
        assert not isinstance(parsed, WorkshopHelp), (key, example)
