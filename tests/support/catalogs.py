"""The gettext catalogs' sources (the .po files), read with Babel, for the catalog tests."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog as PoCatalog
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from bot.i18n import DOMAIN, LANGUAGES, LOCALE_DIR

Forms = tuple[str, ...]  # one template, or the plural forms (for 1, for any other count)


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _by_key(catalog: PoCatalog) -> dict[str, Forms]:
    found: dict[str, Forms] = {}
    for message in catalog:
        if not message.id:
            continue  # the header
        key = message.id if isinstance(message.id, str) else message.id[0]
        string = message.string
        found[key] = (string,) if isinstance(string, str) else tuple(string)
    return found


@cache
def messages(lang: str) -> dict[str, Forms]:
    """Each key's template (or plural forms) as the .po file holds it."""
    with po_path(lang).open("rb") as file:
        return _by_key(read_po(file, locale=lang, domain=DOMAIN))


def compiled(lang: str) -> dict[str, Forms]:
    """The same, as the compiled .mo file holds it."""
    with po_path(lang).with_suffix(".mo").open("rb") as file:
        return _by_key(read_mo(file))


def texts(lang: str) -> list[tuple[str, str]]:
    """(key, template) for every template of a language, each plural form on its own."""
    return [(key, text) for key, forms in messages(lang).items() for text in forms]


__all__ = ["LANGUAGES", "compiled", "messages", "texts"]
