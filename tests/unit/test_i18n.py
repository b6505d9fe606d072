"""Every catalog is complete and its placeholders agree with Finnish."""

from __future__ import annotations

import pytest

from bot.i18n import CATALOGS, Catalog, language_for_locale
from bot.i18n.templates import fields as _fields
from bot.replies import Plain, SpaceLink, Strong


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_catalog_has_every_finnish_key(lang: str) -> None:
    missing = set(CATALOGS["fi"]) - set(CATALOGS[lang])
    extra = set(CATALOGS[lang]) - set(CATALOGS["fi"])
    assert not missing, f"{lang} lacks {sorted(missing)}"
    assert not extra, f"{lang} has unknown keys {sorted(extra)}"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_placeholders_match(lang: str) -> None:
    for key, template in CATALOGS["fi"].items():
        assert _fields(CATALOGS[lang][key]) == _fields(template), key


def test_no_empty_messages() -> None:
    for lang, catalog in CATALOGS.items():
        assert all(text.strip() for text in catalog.values()), lang


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("fi-FI", "fi"),
        ("sv-SE", "sv"),
        ("sv_FI", "sv"),
        ("en-US", "en"),
        ("de-DE", "fi"),
        (None, "fi"),
    ],
)
def test_language_for_locale(locale: str | None, expected: str) -> None:
    assert language_for_locale(locale, "fi") == expected


def test_unknown_language_falls_back_to_finnish() -> None:
    assert Catalog("de").plain("modal_submit") == "Avaa tiimi"
    assert Catalog("sv")("team_opened", code="MT-1", channel=SpaceLink("C1")) == (
        Plain("Teamet "),
        Strong((Plain("MT-1"),)),
        Plain(" har öppnats: "),
        SpaceLink("C1"),
    )
