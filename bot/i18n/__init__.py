"""Message catalogs: Finnish (default and complete), Swedish and English."""

from __future__ import annotations

from bot.i18n import en, fi, sv

CATALOGS: dict[str, dict[str, str]] = {"fi": fi.MESSAGES, "sv": sv.MESSAGES, "en": en.MESSAGES}
DEFAULT_LANGUAGE = "fi"


def language_for_locale(locale: str | None, default: str) -> str:
    """`sv-SE` → sv, `en-US` → en, `fi-FI` → fi; anything else → the default."""
    if locale:
        prefix = locale.split("-")[0].split("_")[0].lower()
        if prefix in CATALOGS:
            return prefix
    return default


class Catalog:
    """Looks up messages in one language, falling back to Finnish."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in CATALOGS else DEFAULT_LANGUAGE

    def __call__(self, key: str, **params: object) -> str:
        template = CATALOGS[self.lang].get(key) or CATALOGS[DEFAULT_LANGUAGE][key]
        return template.format(**params) if params else template
