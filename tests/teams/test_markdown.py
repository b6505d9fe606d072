"""Card Markdown for the core's runs: what people typed is shown as typed on every client."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.replies import Code, Person, Plain, SpaceLink, Strong, When, compose, strong
from handlers.teams.markdown import (
    Mention,
    Readers,
    cut_line,
    cut_text,
    escape,
    lines_of,
    plain,
    render,
)
from tests.teams.card_reading import desktop_shows, mobile_shows

ANNA = "00000000-0000-4000-8000-000000000001"
READERS = Readers({ANNA: "Anna Virtanen"}, "tenant-1")
MARKUP = [*"*_[]()`<>&#;!/?\\{}-+.~=|:@ \t", "{{DATE(", "{{TIME(", "<at>", "</at>", "&amp;"]
LINES = st.lists(
    st.sampled_from(MARKUP) | st.characters(exclude_characters="\r\n"), max_size=30
).map("".join)
_DESKTOP_ONLY = re.compile(r"[\\`<&{]|\A[ \t]*(?:[#>]|[-+](?:[ \t]|\Z)|-[ \t-]*\Z|[0-9]+[.)]|~~~)")


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("Soita Kelaan pe", "Soita Kelaan pe"),
        ("*tärkeä* _ehkä_", "\\*tärkeä\\* \\_ehkä\\_"),
        ("[kela.fi](https://evil.example)", "\\[kela.fi\\](https://evil.example\\)"),
        ("![kuva](x)", "!\\[kuva\\](x\\)"),
        ("- soita", "\\- soita"),
        ("+ soita", "\\+ soita"),
        ("* soita", "\\* soita"),
        ("---", "\\---"),
        ("- - -", "\\- - -"),
        ("1. soita", "1\\. soita"),
        ("2026. vuonna", "2026\\. vuonna"),
        ("1) soita", "1\\) soita"),
        ("1.5 tuntia", "1.5 tuntia"),
        ("    koodia", "koodia"),
        ("# otsikko", "\\# otsikko"),
        ("#tunniste", "#tunniste"),
        ("> lainaus", "\\> lainaus"),
        ("~~~", "\\~~~"),
        ("`koodi`", "\\`koodi\\`"),
        ("a < b ja c > d", "a < b ja c > d"),
        ("<b>lihava</b>", "&lt;b>lihava&lt;/b>"),
        ("<at>Bertta</at>", "&lt;at>Bertta&lt;/at>"),
        ("<https://evil.example>", "&lt;https://evil.example>"),
        ("Tays & Kela", "Tays & Kela"),
        ("&amp; &#45; &#x2D;", "\\&amp; \\&#45; \\&#x2D;"),
        ("{{DATE(2026-12-01T10:00:00Z, SHORT)}}", "{\\{DATE(2026-12-01T10:00:00Z, SHORT\\)}}"),
        ("C:\\temp", "C:\\temp"),
        ("C:\\temp\\", "C:\\temp\\\\"),
        ("a\\*b", "a\\\\\\*b"),
        ("kohta - toinen", "kohta - toinen"),
        ("010101-123N", "010101-123N"),
    ],
)
def test_plain_text_is_escaped_where_card_markdown_would_read_it(text: str, markdown: str) -> None:
    assert escape(text) == markdown
    assert desktop_shows(markdown) == text.strip(" \t")


@given(LINES)
def test_any_line_shows_on_desktop_exactly_as_typed(line: str) -> None:
    assert desktop_shows(escape(line)) == line.strip(" \t")


@given(st.lists(LINES, min_size=1, max_size=4))
def test_a_line_of_several_texts_shows_as_typed(texts: list[str]) -> None:
    markdown = render(tuple(Plain(text) for text in texts), READERS).text
    assert desktop_shows(markdown) == "".join(texts).strip(" \t")


@given(LINES)
def test_a_line_without_desktop_only_markup_shows_on_mobile_as_typed(line: str) -> None:
    assume(not _DESKTOP_ONLY.search(line))
    assert mobile_shows(escape(line)) == line.strip(" \t")


@pytest.mark.parametrize(
    ("text", "mobile"),
    [
        ("- soita", "\\- soita"),
        ("1. soita", "1\\. soita"),
        ("`koodi`", "\\`koodi\\`"),
        ("<at>Bertta</at>", "&lt;at>Bertta&lt;/at>"),
        ("&amp;", "\\&amp;"),
        ("a\\*b", "a\\\\*b"),
    ],
)
def test_mobile_shows_a_backslash_or_entity_where_only_desktop_reads_markdown(
    text: str, mobile: str
) -> None:
    """The documented cost of escaping for desktop: a visible mark, never lost or live text."""
    assert mobile_shows(escape(text)) == mobile


@pytest.mark.parametrize(
    ("runs", "markdown"),
    [
        (compose("Askel ", strong("3"), " on valmis"), "Askel **3** on valmis"),
        (compose(strong(" Tavoite 1 "), "kesken"), "**Tavoite 1** kesken"),
        (compose(strong("- ei lista")), "**- ei lista**"),
        (compose(strong("")), ""),
        (compose("Kirjoita ", Code("askel lista")), "Kirjoita _askel lista_"),
        (compose(Code("a_b")), "_a\\_b_"),
        (
            compose(Person(ANNA), " ja ", Person(ANNA)),
            "<at>Anna Virtanen</at> ja <at>Anna Virtanen</at>",
        ),
        (compose(Person("1234567890-x"), " *"), "@12345678 \\*"),
        (
            compose("Kanava: ", SpaceLink("19:case-1@thread.v2")),
            "Kanava: [💬](https://teams.microsoft.com/l/chat/19%3Acase-1%40thread.v2/0"
            "?tenantId=tenant-1)",
        ),
        (compose(When(date(2026, 12, 4), "pe 4.12.2026")), "pe 4.12.2026"),
        (
            compose("eka\n- toka\r\n", strong("kolmas\nneljäs")),
            "eka\n\n\\- toka\n\n**kolmas**\n\n**neljäs**",
        ),
        (compose("  ", "- lista"), "\\- lista"),
        (compose("\n\n  \nrivi\n"), "rivi"),
    ],
)
def test_runs_render_as_card_markdown(runs: tuple[Plain, ...], markdown: str) -> None:
    assert render(runs, READERS).text == markdown


def test_a_person_with_a_name_is_one_mention_however_often_named() -> None:
    rendered = render(compose(Person(ANNA), " ja ", strong(Person(ANNA))), READERS)
    assert rendered.mentions == (Mention(ANNA, "Anna Virtanen"),)
    assert rendered.mentions[0].entity() == {
        "type": "mention",
        "text": "<at>Anna Virtanen</at>",
        "mentioned": {"id": ANNA, "name": "Anna Virtanen"},
    }


def test_a_name_never_breaks_its_mention_tag() -> None:
    readers = Readers({ANNA: "Anna <b>\nVirtanen</at>"}, "t")
    assert render(compose(Person(ANNA)), readers).text == "<at>Anna b Virtanen /at</at>"
    assert render(compose(Person(ANNA)), Readers({ANNA: " <> "}, "t")).text == "@00000000"


@given(st.lists(LINES, max_size=6))
def test_every_line_of_a_text_shows_as_typed(lines: list[str]) -> None:
    markdown = render(compose("\n".join(lines)), READERS).text
    shown = [desktop_shows(paragraph) for paragraph in markdown.split("\n\n")] if markdown else []
    assert shown == [line.strip(" \t") for line in lines if line.strip(" \t")]


def test_lines_of_cuts_strong_text_at_line_breaks() -> None:
    runs = compose("a", strong("b\nc", Person(ANNA)), "\n", Code("d\re"))
    assert lines_of(runs) == [
        (Plain("a"), Strong((Plain("b"),))),
        (Strong((Plain("c"), Person(ANNA))),),
        (Code("d"),),
        (Code("e"),),
    ]


def test_plain_text_names_people_and_spaces() -> None:
    runs = compose(strong("Askel"), " ", Person(ANNA), " ", Person("abcdefghijk"), SpaceLink("x"))
    assert plain(runs, READERS) == "Askel @Anna Virtanen @abcdefgh💬"


def test_cut_line_keeps_every_character_in_pieces_of_the_size() -> None:
    line = compose("sana " * 50, strong("x" * 120), Person(ANNA))
    pieces = cut_line(line, 40)
    assert "".join(plain(piece, READERS) for piece in pieces) == plain(line, READERS)
    assert all(len(plain(piece, READERS)) <= 40 for piece in pieces[:-1])
    assert plain(pieces[0], READERS).endswith("sana ")  # cut between words


@given(st.text(max_size=300), st.integers(1, 50))
def test_cut_text_keeps_every_character(text: str, size: int) -> None:
    pieces = cut_text(text, size)
    assert "".join(pieces) == text
    assert all(0 < len(piece) <= size for piece in pieces) or pieces == [text]
