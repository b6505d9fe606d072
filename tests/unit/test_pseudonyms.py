"""Pseudonymous keys: stable per salt and person, unrelated across salts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.privacy.pseudonyms import KEY_HEX_LENGTH, SALT_HEX_LENGTH, new_salt, pseudonym


def test_a_salt_is_fresh_hex() -> None:
    first, second = new_salt(), new_salt()
    assert len(first) == SALT_HEX_LENGTH and bytes.fromhex(first) and first != second


@given(st.text(min_size=1, max_size=40), st.text(min_size=1, max_size=40))
def test_keys_tell_people_apart_and_hide_them(first: str, second: str) -> None:
    salt = new_salt()
    key = pseudonym(salt, first)
    assert key == pseudonym(salt, first) and len(key) == KEY_HEX_LENGTH
    assert (key == pseudonym(salt, second)) == (first == second)
    assert key != pseudonym(new_salt(), first)  # another round: unrelated


def test_a_salt_that_is_not_hex_is_refused() -> None:
    with pytest.raises(ValueError):
        pseudonym("not hex", "U1")
