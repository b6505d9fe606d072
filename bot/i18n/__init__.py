r"""Message catalogs: Finnish (default and complete), Swedish and English.

A message is a template in the core's own syntax, not any platform's markup:

- `*text*` is strong emphasis; `` `text` `` is inline code (a command example such as
  `` `/askel lista` ``), in which `*` is an ordinary character;
- `{name}` is a placeholder, filled by the caller with a value: a run (`Person(user_id)`,
  `SpaceLink(channel_id)`, any run of `bot.replies`), a tuple of runs, or anything else, which
  becomes one plain run of its text (`str(value)`);
- `\*`, `` \` ``, `\{`, `\}` and `\\` write the character itself; everything else
  (`<`, `>`, `&`, `@`, `#`) is text as written.

The marks are parsed into runs before the placeholders are filled, so text in a value (what
a user typed) is never read as emphasis, code, a mention or a link: it stays one plain run.
`Catalog.__call__` gives the runs; `Catalog.plain` the same as plain text, for the places
that show no formatting (form labels, field errors, file titles).
"""

from __future__ import annotations

from bot.i18n import en, fi, sv
from bot.i18n.templates import fill
from bot.replies.runs import Runs, plain_text

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

    def template(self, key: str) -> str:
        return CATALOGS[self.lang].get(key) or CATALOGS[DEFAULT_LANGUAGE][key]

    def __call__(self, key: str, **params: object) -> Runs:
        return fill(self.template(key), params)

    def plain(self, key: str, **params: object) -> str:
        return plain_text(self(key, **params))
