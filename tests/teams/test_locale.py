"""The reader's language from the locale Teams sends."""

from __future__ import annotations

import pytest

from handlers.teams.locale import language_of


@pytest.mark.parametrize(
    ("locale", "language"),
    [
        ("fi-FI", "fi"),
        ("fi", "fi"),
        ("sv-SE", "sv"),
        ("sv-FI", "sv"),
        ("SV-fi", "sv"),
        ("en-US", "en"),
        ("en-GB", "en"),
        ("en_GB", "en"),
        ("de-DE", "fi"),
        ("", "fi"),
        (None, "fi"),
        ("-", "fi"),
    ],
)
def test_the_locale_names_the_language_or_the_default(locale: str | None, language: str) -> None:
    assert language_of(locale, default="fi") == language


def test_the_default_is_the_callers() -> None:
    assert language_of("nb-NO", default="sv") == "sv"
    assert language_of(None, default="en") == "en"
