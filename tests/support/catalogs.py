"""The gettext catalogs' sources (the .po files), read with Babel, for the catalog tests.

A message is keyed by its context and key: the base message's context is None, a dialect's
variant has the dialect's name (`msgctxt "teams"`, bot.i18n)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.catalog import Catalog as PoCatalog
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from bot.i18n import DOMAIN, LANGUAGES, LOCALE_DIR

Forms = tuple[str, ...]  # one template, or the plural forms (for 1, for any other count)
Entries = dict[tuple[str | None, str], Forms]  # (context, key) -> forms


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _by_context_and_key(catalog: PoCatalog) -> Entries:
    found: Entries = {}
    for message in catalog:
        if not message.id:
            continue  # the header
        key = message.id if isinstance(message.id, str) else message.id[0]
        string = message.string
        found[message.context, key] = (string,) if isinstance(string, str) else tuple(string)
    return found


@cache
def entries(lang: str) -> Entries:
    """Every message, base and variant, as the .po file holds it."""
    with po_path(lang).open("rb") as file:
        return _by_context_and_key(read_po(file, locale=lang, domain=DOMAIN))


def compiled(lang: str) -> Entries:
    """The same, as the compiled .mo file holds it."""
    with po_path(lang).with_suffix(".mo").open("rb") as file:
        return _by_context_and_key(read_mo(file))


def messages(lang: str) -> dict[str, Forms]:
    """Each key's base template (or plural forms)."""
    return variants(lang, None)


def variants(lang: str, dialect: str | None) -> dict[str, Forms]:
    """Each key's template (or plural forms) in a dialect (None: the base messages)."""
    return {key: forms for (context, key), forms in entries(lang).items() if context == dialect}


def texts(lang: str) -> list[tuple[str, str]]:
    """(key, template) for every template of a language, base and variants, each plural form
    on its own."""
    return [(key, text) for (_, key), forms in entries(lang).items() for text in forms]


__all__ = ["LANGUAGES", "compiled", "entries", "messages", "texts", "variants"]
