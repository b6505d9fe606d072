"""Tests for the privacy guard (Finnish personal identity code, HETU)."""

from __future__ import annotations

import datetime
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from stdnum.fi import hetu

from bot.privacy import (
    IdentityCodeKind,
    PrivacyViolation,
    check_text,
    contains_identity_code,
    find_identity_codes,
    redact,
)
from bot.privacy.reading import readings

VALID = IdentityCodeKind.VALID
LOOKALIKE = IdentityCodeKind.LOOKALIKE

CHECK_CHARACTERS = "0123456789ABCDEFHJKLMNPRSTUVWXY"
CENTURY_SIGNS = {"+": 1800, "-": 1900, "Y": 1900, "X": 1900, "W": 1900, "V": 1900, "U": 1900}
CENTURY_SIGNS.update(dict.fromkeys("ABCDEF", 2000))

# From docs/domain.md.
VALID_CODES = [
    "131052-308T",
    "010594Y9032",
    "020594X903P",
    "030594W903B",
    "040594V9030",
    "050594U903M",
    "010516B903X",
    "020516C903K",
    "030516D9037",
    "010501E9032",
    "020503F9037",
    "020504B904H",
    "100190-999P",
]

NOT_CODES = [
    "040-1234567",
    "2023-04-01",
    "pe 12.12. klo 14",
    "MT-2026-0042",
    "<@U0123ABCD>",
    "<@U0123ABCD> <#C0123ABCD|tiimi-mt-2026-0042>",
    "1531420618.123456",
    "ts=1531420618.123456 thread_ts=1531420600.000100",
    "12345678901234567890",
    "040 1234567, +358 40 1234567",
    "2.12.2026 klo 14.30",
    "vko 50",
    "",
    "Tavoite: asiakas hakee Kelan tukea pe 11.12.2026 klo 14.00.",
    "310252-308Y",  # 31 February: right shape, no real date
    "290200-308T",  # 29.2.1900 does not exist (1900 was not a leap year)
    "131352-308T",  # month 13
    "131052-30T",  # too short
    "20261206-1430",  # a timestamp: the date part is glued to more digits
    "261206-143000",  # the check "character" runs on into more digits
    "1131052-308U",  # a digit glued before a lookalike: part of a longer number
    "Huone 13.10.52-308U",  # a dotted date and a number: only a right check counts
    "pe 13.10.52-308",  # nor without its check character
    "13.10.52 308T",  # nor without its sign
    "13.1052-308T",  # one dot is no date
]


def make_code(day: int, month: int, year: int, sign: str, individual: int) -> str:
    """Build a code with the right check character (independent of the module under test)."""
    digits = f"{day:02d}{month:02d}{year % 100:02d}{individual:03d}"
    return f"{digits[:6]}{sign}{digits[6:]}{CHECK_CHARACTERS[int(digits) % 31]}"


def with_wrong_check(code: str) -> str:
    wrong = "U" if code[-1] != "U" else "V"
    return code[:-1] + wrong


# --- table tests ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", VALID_CODES)
def test_documented_codes_are_valid_for_stdnum_and_our_helper(code: str) -> None:
    assert hetu.is_valid(code, allow_temporary=True)
    sign = code[6]
    assert make_code(int(code[:2]), int(code[2:4]), int(code[4:6]), sign, int(code[7:10])) == code


@pytest.mark.parametrize("code", VALID_CODES)
@pytest.mark.parametrize(
    "template",
    [
        "{}",
        "Asiakkaan hetu on {}, soita.",
        "x{}z",
        "hetu:{},",
        "({})",
        "Hetu\n{}\n",
        "<@U0123ABCD> katso {} huomenna",
        "*{}*",
        "`{}`",
    ],
)
def test_valid_codes_are_found_anywhere(code: str, template: str) -> None:
    for variant in (code, code.lower(), code.upper()):
        text = template.format(variant)
        assert find_identity_codes(text) == [VALID]
        assert contains_identity_code(text)
        with pytest.raises(PrivacyViolation) as caught:
            check_text(text)
        assert caught.value.kind is VALID
        redacted = redact(text)
        assert redacted == template.format("[HETU]")
        assert code.lower() not in redacted.lower()


@pytest.mark.parametrize(
    "dash",
    ["\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\ufe63", "\uff0d"],
)
def test_unicode_dashes_count_as_century_sign(dash: str) -> None:
    text = f"Asiakkaan hetu on 131052{dash}308T, soita."
    assert find_identity_codes(text) == [VALID]
    assert redact(text) == "Asiakkaan hetu on [HETU], soita."


def test_en_dash_in_a_finnish_sentence() -> None:
    text = "Asiakkaan hetu on 131052–308T, soita."
    with pytest.raises(PrivacyViolation) as caught:
        check_text(text)
    assert caught.value.kind is VALID


def test_fullwidth_characters_are_normalised() -> None:
    text = "hetu １３１０５２－３０８ｔ."
    assert find_identity_codes(text) == [VALID]
    assert redact(text) == "hetu [HETU]."


def test_invisible_format_characters_inside_a_code_are_ignored() -> None:
    for invisible in ("\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad"):
        text = f"hetu 131{invisible}052-308{invisible}T."
        assert find_identity_codes(text) == [VALID]
        assert redact(text) == "hetu [HETU]."


def test_code_followed_by_a_combining_mark_is_found() -> None:
    # NFKC composes T + U+0307 into one letter; the raw text still shows the code.
    text = "hetu 131052-308T\u0307 ok"
    assert unicodedata.normalize("NFKC", text) != text
    assert find_identity_codes(text) == [VALID]
    redacted = redact(text)
    assert "131052" not in redacted
    assert redacted == "hetu [HETU]\u0307 ok"


def test_several_codes_one_entry_each_in_order() -> None:
    text = "131052-308U, 010594Y9032 ja 100190-999P; 131052-308T131052-308T"
    assert find_identity_codes(text) == [LOOKALIKE, VALID, VALID, VALID, VALID]
    assert redact(text) == "[HETU], [HETU] ja [HETU]; [HETU][HETU]"


def test_mixed_raw_and_normalised_occurrences_are_both_counted() -> None:
    text = "131052–308T ja 131052-308T\u0307"
    assert find_identity_codes(text) == [VALID, VALID]
    assert redact(text) == "[HETU] ja [HETU]\u0307"


def test_digit_check_running_on_into_digits_is_a_longer_number() -> None:
    # "...-1503" + "95-234x": the first code's digit check runs on into the second's digits,
    # so the first reads as a longer number; the second is still found. (So two codes can
    # no longer overlap: they could share only digits, which glues the first to the second.)
    second = make_code(15, 3, 1995, "-", 234)
    first = next(
        code
        for month in range(1, 13)
        for day in range(1, 29)
        if (code := make_code(day, month, 1990, "-", 150)).endswith("3")
    )
    text = "x" + first + second[4:] + "y"
    assert find_identity_codes(text) == [VALID]
    assert redact(text) == "x" + first[:7] + "[HETU]y"


def test_wrong_check_character_is_a_lookalike() -> None:
    assert find_identity_codes("131052-308U") == [LOOKALIKE]
    with pytest.raises(PrivacyViolation) as caught:
        check_text("Hetu 131052-308U.")
    assert caught.value.kind is LOOKALIKE
    assert redact("Hetu 131052-308U.") == "Hetu [HETU]."


@pytest.mark.parametrize("check", ["G", "I", "O", "Q", "Z", "g", "z"])
def test_never_used_check_letters_are_lookalikes(check: str) -> None:
    assert find_identity_codes(f"131052-308{check}") == [LOOKALIKE]


def test_valid_wins_over_lookalike() -> None:
    for text in ("131052-308U ja 131052-308T", "131052-308T ja 131052-308U"):
        with pytest.raises(PrivacyViolation) as caught:
            check_text(text)
        assert caught.value.kind is VALID


@pytest.mark.parametrize("text", NOT_CODES)
def test_not_codes(text: str) -> None:
    assert find_identity_codes(text) == []
    assert not contains_identity_code(text)
    check_text(text)
    assert redact(text) == text


@pytest.mark.parametrize("written", ["13.10.52-308T", "13. 10. 52 - 308 T", "Hetu: 13.10.52A308T."])
def test_a_date_written_with_dots_is_found_in_a_whole_right_code(written: str) -> None:
    assert find_identity_codes(written) == [VALID]


def test_date_must_exist_in_the_century_of_the_sign() -> None:
    leap_2000 = make_code(29, 2, 2000, "A", 123)
    assert find_identity_codes(leap_2000) == [VALID]
    not_leap_1900 = leap_2000[:6] + "-" + leap_2000[7:]
    assert find_identity_codes(not_leap_1900) == []


def test_temporary_individual_numbers_are_valid() -> None:
    for individual in (900, 950, 999):
        code = make_code(24, 12, 1975, "-", individual)
        assert find_identity_codes(code) == [VALID]


@pytest.mark.parametrize("individual", [0, 1])
def test_never_issued_individual_numbers_are_refused(individual: int) -> None:
    # 000 and 001 are not issued and stdnum rejects them; the guard refuses them anyway.
    code = make_code(1, 1, 1990, "-", individual)
    assert not hetu.is_valid(code, allow_temporary=True)
    assert find_identity_codes(code) == [VALID]
    assert find_identity_codes(with_wrong_check(code)) == [LOOKALIKE]


def test_digits_of_other_scripts_count_by_value() -> None:
    arabic = "".join(chr(0x0660 + int(c)) if c.isdigit() else c for c in "131052-308T")
    assert find_identity_codes(arabic) == [VALID]
    assert redact(f"hetu {arabic}.") == "hetu [HETU]."


def test_violation_never_contains_the_code() -> None:
    with pytest.raises(PrivacyViolation) as caught:
        check_text("Asiakkaan hetu on 131052-308T.")
    violation = caught.value
    for shown in (str(violation), repr(violation), str(violation.args)):
        assert "131052" not in shown
        assert "308T" not in shown.upper()
    assert "henkilötunnus" in str(violation)


def test_violation_is_frozen_but_accepts_notes() -> None:
    violation = PrivacyViolation(VALID)
    with pytest.raises(AttributeError):
        violation.kind = LOOKALIKE  # type: ignore[misc]
    violation.add_note("lisätieto")
    assert violation.__notes__ == ["lisätieto"]


def test_violation_compares_by_kind() -> None:
    assert PrivacyViolation(VALID) == PrivacyViolation(VALID)
    assert PrivacyViolation(VALID) != PrivacyViolation(LOOKALIKE)
    assert PrivacyViolation(kind=LOOKALIKE).kind is LOOKALIKE


# --- hypothesis properties -----------------------------------------------------------------


@st.composite
def identity_codes(draw: st.DrawFn) -> str:
    sign = draw(st.sampled_from(sorted(CENTURY_SIGNS)))
    base = CENTURY_SIGNS[sign]
    birth = draw(
        st.dates(min_value=datetime.date(base, 1, 1), max_value=datetime.date(base + 99, 12, 31))
    )
    individual = draw(st.integers(min_value=2, max_value=999))
    code = make_code(birth.day, birth.month, birth.year, sign, individual)
    return code.lower() if draw(st.booleans()) else code


FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789ABCDEFHJKLMNPRSTUVWXY"}
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"

# Text that often comes close to a code, mixed with arbitrary characters.
tricky_text = st.text(
    alphabet=st.one_of(
        st.sampled_from("0123456789-+ABCDEFUVWXYTabcfuy .,:\n"),
        st.sampled_from(list(DASHES) + list(FULLWIDTH.values())),
        st.sampled_from(["\u0307", "\u0301", "\u200b", "\u00ad", "\u212a", "\u017f", "\u0130"]),
        st.characters(),
    ),
    max_size=60,
)


def assert_valid_found_and_hidden(text: str, code: str) -> None:
    assert VALID in find_identity_codes(text)
    assert contains_identity_code(text)
    with pytest.raises(PrivacyViolation) as caught:
        check_text(text)
    violation = caught.value
    assert violation.kind is VALID
    for shown in (str(violation), repr(violation)):
        assert code.lower() not in shown.lower()
    redacted = redact(text)
    assert code.lower() not in redacted.lower()
    assert not contains_identity_code(redacted)


def embedded(prefix: str, code: str, suffix: str) -> str:
    """A code with a right check letter is found even with digits glued on; one with a digit
    check character (or a wrong one) must be set apart from other digits, or it reads as part of
    a longer number (a timestamp such as 20261206-1430)."""
    if code[-1].isalpha() and find_identity_codes(code) == [VALID]:
        return prefix + code + suffix
    return prefix + " (" + code + ") " + suffix


@given(code=identity_codes(), prefix=st.text(), suffix=st.text())
@example(code="131052-308T", prefix="", suffix="\u0307")
@example(code="131052-308T", prefix="1", suffix="2")
@example(code="010594y9032", prefix="1", suffix="2")
def test_embedded_valid_code_is_always_found(code: str, prefix: str, suffix: str) -> None:
    assert_valid_found_and_hidden(embedded(prefix, code, suffix), code)


@given(code=identity_codes(), prefix=tricky_text, suffix=tricky_text)
def test_embedded_valid_code_in_tricky_text_is_always_found(
    code: str, prefix: str, suffix: str
) -> None:
    assert_valid_found_and_hidden(embedded(prefix, code, suffix), code)


@given(
    code=identity_codes(),
    prefix=st.text(),
    suffix=st.text(),
    dash=st.sampled_from(DASHES),
    fullwidth=st.booleans(),
)
def test_embedded_disguised_code_is_found(
    code: str, prefix: str, suffix: str, dash: str, fullwidth: bool
) -> None:
    disguised = code.replace("-", dash)
    if fullwidth:
        disguised = "".join(FULLWIDTH.get(c.upper(), c) for c in disguised)
    text = prefix + " (" + disguised + ") " + suffix
    assert_valid_found_and_hidden(text, code)
    assert disguised.lower() not in redact(text).lower()


@given(code=identity_codes(), prefix=st.text(max_size=20), suffix=st.text(max_size=20))
def test_embedded_lookalike_is_found_and_redacted(code: str, prefix: str, suffix: str) -> None:
    lookalike = with_wrong_check(code)
    text = prefix + " (" + lookalike + ") " + suffix
    assert find_identity_codes(text)
    with pytest.raises(PrivacyViolation):
        check_text(text)
    assert lookalike.lower() not in redact(text).lower()


STRENGTH = [IdentityCodeKind.WITHOUT_CHECK, LOOKALIKE, VALID]


@given(st.one_of(st.text(), tricky_text))
def test_guard_raises_nothing_but_privacy_violation(text: str) -> None:
    kinds = find_identity_codes(text)
    assert all(isinstance(kind, IdentityCodeKind) for kind in kinds)
    assert contains_identity_code(text) == bool(kinds)
    try:
        check_text(text)
    except PrivacyViolation as violation:
        assert kinds
        assert violation.kind is max(kinds, key=STRENGTH.index)
    else:
        assert not kinds
    redacted = redact(text)
    assert not contains_identity_code(redacted)
    if not kinds:
        assert redacted == text


@given(st.one_of(st.text(), tricky_text))
def test_text_without_six_digits_in_any_reading_is_never_flagged(text: str) -> None:
    if any(sum(c.isdigit() for c in r.text) >= 6 for r in readings(text)):
        return
    assert find_identity_codes(text) == []
    check_text(text)
    assert redact(text) == text
