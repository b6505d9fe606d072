"""Every catalog is complete, its placeholders and plural forms agree with Finnish, and the
compiled .mo files are up to date with their .po sources."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.i18n import LANGUAGES, Catalog, PluralWithoutCount, language_for_locale
from bot.i18n.templates import fields as _fields
from bot.replies import Plain, SpaceLink, Strong
from tests.support.catalogs import compiled, entries, messages


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_catalog_has_every_finnish_key(lang: str) -> None:
    missing = messages("fi").keys() - messages(lang).keys()
    extra = messages(lang).keys() - messages("fi").keys()
    assert not missing, f"{lang} lacks {sorted(missing)}"
    assert not extra, f"{lang} has unknown keys {sorted(extra)}"


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_placeholders_and_plural_forms_match(lang: str) -> None:
    for key, forms in messages("fi").items():
        theirs = messages(lang)[key]
        assert len(theirs) == len(forms), f"{lang} {key}: plural in one language only"
        assert [_fields(text) for text in theirs] == [_fields(text) for text in forms], key


def test_plural_messages_have_two_forms_and_a_count() -> None:
    for lang in LANGUAGES:
        for key, forms in messages(lang).items():
            assert len(forms) in (1, 2), (lang, key)
            if len(forms) == 2:
                assert all("count" in _fields(text) for text in forms), (lang, key)


def test_no_empty_messages() -> None:
    for lang in LANGUAGES:
        assert all(text.strip() for forms in messages(lang).values() for text in forms), lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_catalog_is_up_to_date(lang: str) -> None:
    assert compiled(lang) == entries(lang), (
        "compile the catalogs: pybabel compile -d bot/i18n/locale -D tiimi"
    )


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("fi", 0, "0 jäsentä"),
        ("fi", 1, "1 jäsen"),
        ("fi", 2, "2 jäsentä"),
        ("fi", 21, "21 jäsentä"),
        ("sv", 0, "0 medlemmar"),
        ("sv", 1, "1 medlem"),
        ("sv", 2, "2 medlemmar"),
        ("sv", 21, "21 medlemmar"),
        ("en", 0, "0 members"),
        ("en", 1, "1 member"),
        ("en", 2, "2 members"),
        ("en", 21, "21 members"),
    ],
)
def test_the_plural_form_follows_the_count(lang: str, count: int, expected: str) -> None:
    assert Catalog(lang).plain("overview_members", count=count) == expected


def test_a_plural_message_without_its_count_is_an_error() -> None:
    with pytest.raises(PluralWithoutCount):
        Catalog("fi")("overview_members")


def test_an_unknown_key_is_an_error() -> None:
    with pytest.raises(KeyError):
        Catalog("sv")("no_such_message")


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


def test_every_call_of_a_plural_message_gives_its_count() -> None:
    """`t("key", count=n)` or `UserError("key", count=n)`; a helper that takes the key as a
    later argument (`Listing.more(t, key)`) passes its own count."""
    plural = {key for key, forms in messages("fi").items() if len(forms) == 2}
    uncounted = []
    for root in ("bot", "handlers"):
        for path in sorted(Path(root).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                first = node.args[0]
                counted = "count" in {keyword.arg for keyword in node.keywords}
                if isinstance(first, ast.Constant) and first.value in plural and not counted:
                    uncounted.append(f"{path}:{node.lineno} {first.value}")
    assert uncounted == []
