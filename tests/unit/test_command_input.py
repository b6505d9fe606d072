"""The core's command input: words, people and cuts over plain text and person references."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.command_input import CommandInput, PersonRef, Word

PEOPLE = st.from_regex(r"[A-Z][A-Z0-9]{0,6}", fullmatch=True).map(PersonRef)
PARTS = st.lists(st.one_of(st.text(), PEOPLE), max_size=8)


def test_of_joins_neighbouring_texts_and_drops_empty_ones() -> None:
    anna = PersonRef("U1", "anna")
    assert CommandInput.of("a", "", "b", anna, "", "c").parts == ("ab", anna, "c")
    assert CommandInput.of("", "").parts == ()


@pytest.mark.parametrize(
    ("parts", "words"),
    [
        (("uusi ", PersonRef("U1")), [Word("uusi", 0, 4), Word("@U1", 5, 8, PersonRef("U1"))]),
        (("(", PersonRef("U1"), ")"), [Word("(@U1)", 0, 5)]),
        ((PersonRef("U1", "anna b"),), [Word("@anna b", 0, 7, PersonRef("U1", "anna b"))]),
        ((" a\n\tb ",), [Word("a", 1, 2), Word("b", 4, 5)]),
    ],
)
def test_words(parts: tuple[str | PersonRef, ...], words: list[Word]) -> None:
    assert CommandInput.of(*parts).words() == words


def test_a_cut_through_a_person_leaves_text() -> None:
    read = CommandInput.of("Soita ", PersonRef("U1", "anna"), " nyt")
    assert read.cut(0, 11).parts == ("Soita ", PersonRef("U1", "anna"))
    assert read.cut(0, 9).parts == ("Soita @an",)
    assert read.strip() == read
    assert CommandInput.of("  a ").strip().parts == ("a",)


@given(PARTS)
def test_words_are_the_text_split_and_people_stay_whole(parts: list[str | PersonRef]) -> None:
    read = CommandInput.of(*parts)
    words = read.words()
    assert [word.text for word in words] == read.text.split()
    for word in words:
        assert read.text[word.start : word.end] == word.text
        assert word.person is None or word.person.text == word.text
    alone = [
        part
        for index, part in enumerate(read.parts)
        if isinstance(part, PersonRef) and _spaced(read.parts, index)
    ]
    assert [word.person for word in words if word.person] == alone


@given(PARTS, st.data())
def test_a_cut_is_the_text_between_and_keeps_whole_people(
    parts: list[str | PersonRef], data: st.DataObject
) -> None:
    read = CommandInput.of(*parts)
    start = data.draw(st.integers(0, len(read.text)))
    end = data.draw(st.integers(start, len(read.text)))
    cut = read.cut(start, end)
    assert cut.text == read.text[start:end]
    people = [part for part in read.parts if isinstance(part, PersonRef)]
    assert all(part in people for part in cut.parts if isinstance(part, PersonRef))


def _spaced(parts: tuple[str | PersonRef, ...], index: int) -> bool:
    """Whether whitespace (or the start or end) is on both sides of ``parts[index]``."""
    before = parts[index - 1] if index else " "
    after = parts[index + 1] if index + 1 < len(parts) else " "
    return (
        isinstance(before, str)
        and before[-1:].isspace()
        and isinstance(after, str)
        and after[:1].isspace()
    )
