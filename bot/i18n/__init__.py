r"""Message catalogs: Finnish (default and complete), Swedish and English.

A message is a template in the core's own syntax, not any platform's markup:

- `*text*` is strong emphasis; `` `text` `` is inline code, in which `*` is an ordinary
  character; a code span that starts with `/tiimi`, `/askel` or `/paja` (then a space or its
  end) is a command example, `` `/askel lista` ``, which becomes a `Command` run without the
  slash (`askel lista`) that each adapter writes as its users type it;
- `{name}` is a placeholder, filled by the caller with a value: a run (`Person(user_id)`,
  `SpaceLink(channel_id)`, any run of `bot.replies`), a tuple of runs, or anything else, which
  becomes one plain run of its text (`str(value)`);
- `\*`, `` \` ``, `\{`, `\}` and `\\` write the character itself; everything else
  (`<`, `>`, `&`, `@`, `#`) is text as written.

The marks are parsed into runs before the placeholders are filled, so text in a value (what
a user typed) is never read as emphasis, code, a mention or a link: it stays one plain run.
`Catalog.__call__` gives the runs; `Catalog.plain` the same as plain text, for the places
that show no formatting (form labels, field errors, file titles, the export).

The catalogs are gettext catalogs, one per language: `bot/i18n/locale/<lang>/LC_MESSAGES/
tiimi.po` (the source; msgid is the message key, msgstr its template) compiled with Babel to
`tiimi.mo` next to it (`pybabel compile -d bot/i18n/locale -D tiimi`), which is what runs read
(with the standard library's `gettext`, on first use). A message whose text depends on a count
has plural forms (msgid_plural `<key>_plural`, Plural-Forms `nplurals=2; plural=(n != 1);` in
all three languages): `t("key", count=n)` picks the form by the `count` parameter, which such a
message must be given (`PluralWithoutCount` otherwise). A key missing in Swedish or English
falls back to Finnish.

Dialects. The base messages are worded for Slack, the bot's first platform (its channel, its
slash commands). A platform whose users need other words (Teams: the team's group chat, forms
on cards, no slash commands) is a dialect (`DIALECTS`): a message may have a variant for it,
written in the .po as a gettext context entry, `msgctxt "teams"` with the same msgid (and the
same placeholders) as the base message. `Catalog(lang, dialect)` gives the dialect's variant
where there is one and the base message otherwise, in that order: the language's variant, its
base message, then Finnish's variant and base. Any other dialect name (`slack`, "") is the
base wording, so an adapter may pass its platform's name as it is. In plain text
(`Catalog.plain`) the base wording writes a command example as the catalogs do,
`/askel lista`; a dialect writes it bare, `askel lista`.
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
DIALECTS = ("teams",)  # the platforms with wording of their own (msgctxt in the .po files)
BASE_COMMAND_PREFIX = "/"  # how the base wording types a command
PLURAL_SUFFIX = "_plural"  # a plural message's msgid_plural is its key and this


class PluralWithoutCount(TypeError):
    """A message with plural forms was asked for without its `count`."""


_MISSING = "\x00missing"  # what a catalog answers for a message it lacks


class _Missing(gettext.NullTranslations):
    """The fallback: says a key is missing rather than echoing it."""

    def gettext(self, message: str) -> str:
        return _MISSING

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return _MISSING

    def pgettext(self, context: str, message: str) -> str:
        return _MISSING

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return _MISSING


class _Messages(gettext.GNUTranslations):
    """One language's compiled catalog: a template by key and context ("" for the base
    message), a plural form chosen by count."""

    def template(self, key: str, count: object, context: str) -> str | None:
        """The template, or None if this catalog has no such message."""
        if self._plural(key, 1, context) == _MISSING:  # not a plural message
            found = self.pgettext(context, key) if context else self.gettext(key)
            return None if found == _MISSING else found
        if not isinstance(count, int):
            raise PluralWithoutCount(f"{key} has plural forms: give it an int count")
        return self._plural(key, count, context)

    def _plural(self, key: str, count: int, context: str) -> str:
        plural_key = key + PLURAL_SUFFIX
        if context:
            return self.npgettext(context, key, plural_key, count)
        return self.ngettext(key, plural_key, count)


@cache
def _messages(lang: str) -> _Messages:
    """A language's compiled catalog, read on first use (no other language behind it)."""
    with (LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as file:
        messages = _Messages(file)
    messages.add_fallback(_Missing())
    return messages


def language_for_locale(locale: str | None, default: str) -> str:
    """`sv-SE` → sv, `en-US` → en, `fi-FI` → fi; anything else → the default."""
    if locale:
        prefix = locale.split("-")[0].split("_")[0].lower()
        if prefix in LANGUAGES:
            return prefix
    return default


class Catalog:
    """Looks up messages in one language and dialect, falling back to the base wording and
    to Finnish."""

    def __init__(self, lang: str, dialect: str = "") -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        self.dialect = dialect if dialect in DIALECTS else ""

    def template(self, key: str, count: object = None) -> str:
        """The key's template (for `count`, if it has plural forms); KeyError if none has it."""
        for lang in dict.fromkeys((self.lang, DEFAULT_LANGUAGE)):
            for context in dict.fromkeys((self.dialect, "")):
                found = _messages(lang).template(key, count, context)
                if found is not None:
                    return found
        raise KeyError(key)

    def __call__(self, key: str, **params: object) -> Runs:
        return fill(self.template(key, params.get("count")), params)

    def plain(self, key: str, **params: object) -> str:
        prefix = "" if self.dialect else BASE_COMMAND_PREFIX
        return plain_text(self(key, **params), command_prefix=prefix)
