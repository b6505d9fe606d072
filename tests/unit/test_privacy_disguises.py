"""Identity codes in disguise are refused by the guard every free-text field uses.

The guard reads a text as sent and as its platform shows it; the disguises in Slack's markup
are read with the Slack adapter's reader (what Slack sends is checked with it), the others
also by the core alone."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot.answers import guard
from bot.errors import UserError
from bot.privacy import Display, IdentityCodeKind, check_text, contains_identity_code, redact
from handlers.slack.markup import display_segments
from tests.unit.test_privacy import CENTURY_SIGNS, make_code

CODE = "131052-308T"  # check letter T
DIGIT_CODE = "010594Y9032"  # check digit 2, a 2023 century letter
TEMPORARY_CODE = "241203A9010"  # individual number 901 (temporary), check digit 0

CYRILLIC = dict(zip("ABCEHKMPTXYJS", "АВСЕНКМРТХУЈЅ", strict=True))
GREEK = dict(zip("ABEHKMNPTXYF", "ΑΒΕΗΚΜΝΡΤΧΥϜ", strict=True))


def look_alike(letter: str, table: dict[str, str]) -> str:
    return table.get(letter.upper(), letter)


def other_digits(zero: int) -> Callable[[str], str]:
    return lambda code: "".join(chr(zero + int(c)) if c.isdigit() else c for c in code)


def between(separator: str) -> Callable[[str], str]:
    return lambda code: separator.join(code)


# name -> how the disguise turns a code into text
DISGUISES: dict[str, Callable[[str], str]] = {
    "space for the sign": lambda c: c[:6] + " " + c[7:],
    "space after the sign": lambda c: c[:7] + " " + c[7:],
    "spaces in the date": lambda c: f"{c[:2]} {c[2:4]} {c[4:]}",
    "tab inside": lambda c: c[:7] + "\t" + c[7:],
    "line break in the step form": lambda c: c[:7] + "\n" + c[7:],
    "line break for the sign": lambda c: c[:6] + "\r\n" + c[7:],
    "no separator": lambda c: c[:6] + c[7:],
    "no check character": lambda c: c[:10],
    "combining grapheme joiner": between("\u034f"),
    "variation selectors": between("\ufe0f"),
    "variation selector supplement": between("\U000e0100"),
    "hangul filler": lambda c: c[:6] + "\u3164" + c[6:],
    "half-width hangul filler": between("\uffa0"),
    "bidi marks and isolates": lambda c: "\u2066" + c[:7] + "\u200e" + c[7:] + "\u2069",
    "written backwards after RLO": lambda c: "\u202e" + c[::-1] + "\u202c",
    "cyrillic sign and check": lambda c: (
        c[:6] + look_alike(c[6], CYRILLIC) + c[7:10] + look_alike(c[10], CYRILLIC)
    ),
    "greek sign and check": lambda c: (
        c[:6] + look_alike(c[6], GREEK) + c[7:10] + look_alike(c[10], GREEK)
    ),
    "arabic-indic digits": other_digits(0x0660),
    "devanagari digits": other_digits(0x0966),
    "full-width digits": other_digits(0xFF10),
    "mathematical bold digits": other_digits(0x1D7CE),
    "split by a slack link": lambda c: c[:5] + "<https://x.fi|" + c[5:10] + ">" + c[10:],
    "split by a link without label": lambda c: c[:3] + "<" + c[3:6] + ">" + c[6:],
    "numeric entities": lambda c: "".join(f"&#{ord(ch)};" for ch in c),
    "entity for the sign": lambda c: c[:6] + f"&#x{ord(c[6]):x};" + c[7:],
    "double-escaped entity": lambda c: c[:6] + f"&amp;#{ord(c[6])};" + c[7:],
    "named entity dash": lambda c: c[:6] + ("&minus;" if c[6] == "-" else c[6]) + c[7:],
    "all at once": lambda c: (
        "\u2067"
        + " ".join(other_digits(0xFF10)(c[:6]))
        + "\u034f"
        + look_alike(c[6], CYRILLIC)
        + "\n"
        + other_digits(0x0660)(c[7:10])
        + "\ufe0f"
        + look_alike(c[10], GREEK)
    ),
}

SLACK_MARKUP = {"split by a slack link", "split by a link without label"}


def readers(name: str) -> list[Display | None]:
    """The Slack adapter's reader, and the core's own unless the disguise is Slack's markup."""
    return [display_segments] if name in SLACK_MARKUP else [display_segments, None]


FINNISH_TEXTS = [
    "{}",
    "Asiakkaan hetu {} pitää tarkistaa Kelasta pe 11.12. klo 14.",
    "Soita äidille, hetu on {}\nja puhelin 040 123 4567.",
    "Tapaaminen kirjastolla; tunnus: {}.",
    "Ring Kela, personbeteckning {} före fredag.",
]


def codes_in_disguise() -> list[tuple[str, str]]:
    return [
        (name, disguise(code))
        for name, disguise in DISGUISES.items()
        for code in (CODE, DIGIT_CODE, TEMPORARY_CODE)
    ]


def test_the_documented_gap_is_what_it_says() -> None:
    """Without its sign, ten digits starting with 0 and ending in a digit read as a phone number
    (every Finnish phone number starts with 0): such a code passes, by decision (see
    docs/privacy.md)."""
    for name, disguise in DISGUISES.items():
        if is_documented_gap(name, DIGIT_CODE):
            for display in readers(name):
                assert not contains_identity_code(disguise(DIGIT_CODE), display=display), name
                assert contains_identity_code(disguise(CODE), display=display), name


def is_documented_gap(name: str, code: str) -> bool:
    """Ten digits starting with 0 are let through: every Finnish phone number starts so."""
    without_sign = ("no separator", "space for the sign", "line break for the sign")
    return name in without_sign and code[-1].isdigit() and code[0] == "0"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (n, t)
        for n, t in codes_in_disguise()
        if not (is_documented_gap(n, DIGIT_CODE) and t.startswith("0105"))
    ],
)
def test_each_disguise_is_refused_by_the_guard(name: str, text: str) -> None:
    for template, display in ((t, d) for t in FINNISH_TEXTS for d in readers(name)):
        wrapped = template.format(text)
        with pytest.raises(UserError) as refused:
            guard("Oma asunto", wrapped, display=display)
        assert refused.value.key in ("privacy_hetu", "privacy_hetu_like")
        redacted = redact(wrapped, display=display)
        assert not contains_identity_code(redacted, display=display), (name, redacted)
        assert "[HETU]" in redacted


@pytest.mark.parametrize("name", sorted(SLACK_MARKUP))
def test_slack_markup_disguises_need_the_slack_reader(name: str) -> None:
    """Without Slack's reader the markup is just text: the core cannot know how Slack shows it."""
    assert not contains_identity_code(DISGUISES[name](CODE))
    assert contains_identity_code(DISGUISES[name](CODE), display=display_segments)


@pytest.mark.parametrize("name", ["no check character"])
def test_a_code_without_check_character_is_refused_as_looking_like_a_code(name: str) -> None:
    with pytest.raises(UserError) as refused:
        guard(DISGUISES[name](CODE))
    assert refused.value.key == "privacy_hetu_like"


def test_a_right_check_character_behind_look_alikes_is_still_a_valid_code() -> None:
    for name in ("cyrillic sign and check", "greek sign and check", "all at once"):
        with pytest.raises(Exception) as caught:
            check_text(DISGUISES[name](CODE))
        assert getattr(caught.value, "kind", None) is IdentityCodeKind.VALID, name


def test_redaction_covers_the_markup_between_the_parts() -> None:
    text = "hetu 13105<https://x.fi|2-308>T, soita"
    assert redact(text, display=display_segments) == "hetu [HETU], soita"
    assert redact("a &#49;31052&#45;308T b") == "a [HETU] b"
    assert redact("x \u202eT803-250131\u202c y") == "x \u202e[HETU]\u202c y"


ORDINARY = [
    "Tapaaminen 2.12.2026 klo 14.30, soita 040 123 4567 tai +358 40 1234567.",
    "Postiosoite Hämeenkatu 10 B 12, 33100 Tampere.",
    "Kelan asia KELA/1234/2026, Dnro PIRHA/123/05.01.00/2026.",
    "Aikaleima 20261206-1430 ja 20261206-143000, ISO 2026-12-06T14:30:00+02:00.",
    "Vuokra 650,00 €, takuuvuokra 1 300 €, tuki 120 500 - 130 000 € vuodessa.",
    "puh. 03 123 4567 ja 09 1234 5678, vko 50",
    "Möte fredag 11.12. kl. 14.30, tel. 050 765 4321.",
    "Laskun viite 12345 67890 12344, tili FI21 1234 5600 0007 85.",
    "klo 20261206-0930 kirjattu",
    "Ajat 14:30-15:45, 8.00–16.00",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_numbers_pass(text: str) -> None:
    for display in (None, display_segments):
        guard(text, display=display)
        assert redact(text, display=display) == text


# --- every valid code, in every disguise, inside Finnish text ------------------------------


@st.composite
def valid_codes(draw: st.DrawFn) -> str:
    """Every century sign (2023 letters too), ordinary and temporary numbers 002-999."""
    sign = draw(st.sampled_from(sorted(CENTURY_SIGNS)))
    base = CENTURY_SIGNS[sign]
    birth = draw(
        st.dates(min_value=datetime.date(base, 1, 1), max_value=datetime.date(base + 99, 12, 31))
    )
    individual = draw(st.one_of(st.integers(2, 899), st.integers(900, 999)))
    code = make_code(birth.day, birth.month, birth.year, sign, individual)
    return code.lower() if draw(st.booleans()) else code


@settings(max_examples=400)
@given(
    code=valid_codes(),
    name=st.sampled_from(sorted(DISGUISES)),
    template=st.sampled_from(FINNISH_TEXTS),
)
def test_every_valid_code_in_every_disguise_is_refused(code: str, name: str, template: str) -> None:
    assume(not is_documented_gap(name, code))
    text = template.format(DISGUISES[name](code))
    for display in readers(name):
        with pytest.raises(UserError):
            guard(text, display=display)
        assert not contains_identity_code(redact(text, display=display), display=display)
