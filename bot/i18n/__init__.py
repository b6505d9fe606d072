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

The catalogs are gettext catalogs, one per language: `bot/i18n/locale/<lang>/LC_MESSAGES/
tiimi.po` (the source; msgid is the message key, msgstr its template) compiled with Babel to
`tiimi.mo` next to it (`pybabel compile -d bot/i18n/locale -D tiimi`), which is what runs read
(with the standard library's `gettext`, on first use). A message whose text depends on a count
has plural forms (msgid_plural `<key>_plural`, Plural-Forms `nplurals=2; plural=(n != 1);` in
all three languages): `t("key", count=n)` picks the form by the `count` parameter, which such a
message must be given (`PluralWithoutCount` otherwise). A key missing in Swedish or English
falls back to Finnish.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from bot.i18n.templates import fill
from bot.replies.runs import Runs, plain_text

LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "tiimi"
PLURAL_SUFFIX = "_plural"  # a plural message's msgid_plural is its key and this


class PluralWithoutCount(TypeError):
    """A message with plural forms was asked for without its `count`."""


_MISSING = "\x00missing"  # what a catalog answers for a key no catalog has


class _Missing(gettext.NullTranslations):
    """The last fallback: says a key is missing rather than echoing it."""

    def gettext(self, message: str) -> str:
        return _MISSING

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return _MISSING


class _Messages(gettext.GNUTranslations):
    """One compiled catalog: a template by key, a plural form chosen by count."""

    def template(self, key: str, count: object) -> str:
        plural_key = key + PLURAL_SUFFIX
        if self.ngettext(key, plural_key, 1) == _MISSING:  # not a plural message
            found = self.gettext(key)
            if found == _MISSING:
                raise KeyError(key)
            return found
        if not isinstance(count, int):
            raise PluralWithoutCount(f"{key} has plural forms: give it an int count")
        return self.ngettext(key, plural_key, count)


@cache
def _messages(lang: str) -> _Messages:
    """A language's compiled catalog, read on first use; Finnish is its fallback."""
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as file:
        messages = _Messages(file)
    messages.add_fallback(_messages(DEFAULT_LANGUAGE) if lang != DEFAULT_LANGUAGE else _Missing())
    return messages


def language_for_locale(locale: str | None, default: str) -> str:
    """`sv-SE` → sv, `en-US` → en, `fi-FI` → fi; anything else → the default."""
    if locale:
        prefix = locale.split("-")[0].split("_")[0].lower()
        if prefix in LANGUAGES:
            return prefix
    return default


class Catalog:
    """Looks up messages in one language, falling back to Finnish."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE

    def template(self, key: str, count: object = None) -> str:
        """The key's template (for `count`, if it has plural forms); KeyError if none has it."""
        return _messages(self.lang).template(key, count)

    def __call__(self, key: str, **params: object) -> Runs:
        return fill(self.template(key, params.get("count")), params)

    def plain(self, key: str, **params: object) -> str:
        return plain_text(self(key, **params))
