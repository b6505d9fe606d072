"""The reader's language from the `locale` Teams sends with every activity (`fi-FI`)."""

from __future__ import annotations

from bot.i18n import language_for_locale


def language_of(locale: str | None, *, default: str) -> str:
    """`fi-FI` → fi, `sv-SE` or `sv-FI` → sv, `en-US` or `en-GB` → en; anything else, or no
    locale, → the default."""
    return language_for_locale(locale, default)
