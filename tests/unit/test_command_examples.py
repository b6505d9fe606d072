"""Every command example in the catalogs parses with the real grammars, and the Swedish and
English examples type their own language's subcommands and verbs, not the Finnish ones."""

from __future__ import annotations

from datetime import date

import pytest

from bot.dates.errors import DateParseError
from bot.errors import UserError
from bot.i18n import LANGUAGES
from bot.i18n.templates import Field, Node, Span, parse
from bot.meetings import grammar as meeting_grammar
from bot.plan import commands as plan_grammar
from bot.plan.commands import parse_askel
from bot.teams import commands as team_grammar
from bot.teams.commands import parse_tiimi
from bot.text_norm import fold
from tests.support.catalogs import texts
from tests.unit.test_help import _typed

TODAY = date(2026, 12, 7)
SAMPLE = {"code": "MT-2026-0042"}
# A word both languages spell alike: Swedish `/askel lista`.
SHARED = {"sv": {"lista"}, "en": set()}
# Words that stand for what the user types (`/tiimi lisää @nimi ammattiryhmä`).
PATTERN_WORDS = ("ammattiryhmä", "yrkesgrupp", "profession")


def _codes(nodes: tuple[Node, ...]) -> list[str]:
    found: list[str] = []
    for node in nodes:
        if isinstance(node, Span) and node.kind == "code":
            found.append(
                "".join(
                    SAMPLE.get(n.name, "?") if isinstance(n, Field) else str(n) for n in node.nodes
                )
            )
        elif isinstance(node, Span):
            found += _codes(node.nodes)
    return found


def _examples(lang: str) -> list[tuple[str, str]]:
    """(key, example) for each command example; usage patterns (`<number>`, `[…]`) left out."""
    return [
        (key, code)
        for key, text in texts(lang)
        for code in _codes(parse(text))
        if code.startswith(("/tiimi", "/askel"))
        and not any(mark in code for mark in "<[…?")
        and not any(word in code for word in PATTERN_WORDS)
    ]


def _typed_words(example: str) -> set[str]:
    """The subcommand and verb words as typed (folded)."""
    name, _, rest = example.partition(" ")
    words = _typed(rest).words()
    if name == "/askel":
        verb = fold(words[0].text) if words else ""
        return {verb} if verb in plan_grammar._VERBS else set()
    sub, more = team_grammar._split_subcommand(words)
    typed = {fold(" ".join(word.text for word in words[: len(words) - len(more)]))}
    if sub == "meeting" and more and fold(more[0].text) in meeting_grammar.MEETING_VERBS:
        typed.add(fold(more[0].text))
    return typed - {""}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_command_example_parses(lang: str) -> None:
    examples = _examples(lang)
    assert len(examples) > 50
    refused = []
    for key, example in examples:
        name, _, rest = example.partition(" ")
        try:
            if name == "/tiimi":
                parse_tiimi(_typed(rest))
            else:
                parse_askel(_typed(rest), today=TODAY)
        except (UserError, DateParseError) as error:
            naming_the_command = len(rest.split()) <= 2 and str(error).startswith("usage_")
            if not naming_the_command:  # `/tiimi lisää` names the command, it is not a call
                refused.append((key, example, str(error)))
    assert refused == [], "\n".join(map(str, refused))


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_examples_type_their_own_language_s_subcommands(lang: str) -> None:
    finnish = set().union(*(_typed_words(example) for _, example in _examples("fi")))
    assert {"uusi", "tapaaminen", "siirra", "tavoite"} <= finnish
    found = [
        (key, example)
        for key, example in _examples(lang)
        if _typed_words(example) & (finnish - SHARED[lang])
    ]
    assert found == []
