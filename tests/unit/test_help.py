"""`/tiimi ohje` lists every command the user may use, in every language and dialect: each
example in the help is parsed with the real grammars, and the commands reached are compared
with the commands the grammars know (their subcommand tables and command types)."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from functools import partial
from typing import get_args

import pytest

from bot.command_input import CommandInput, Part, PersonRef
from bot.coordinators.commands import ListOpenTeams
from bot.i18n import LANGUAGES, Catalog
from bot.meetings import grammar as meeting_grammar
from bot.plan import commands as plan_grammar
from bot.plan.commands import AskelCommand, ListSteps, parse_askel
from bot.privacy.access import RULES, Action, Role
from bot.replies import Command
from bot.teams import commands as team_grammar
from bot.teams.commands import TiimiCommand, parse_tiimi
from bot.teams.messages import help_message
from bot.text_norm import fold

TODAY = date(2026, 12, 7)
DIALECTS = ("", "teams")
_PERSON = re.compile(r"(@\w+)")

# The commands only coordinators may use, by the action the access rules check for them.
COORDINATORS_ONLY = {
    "tiimi statistics": Action.STATISTICS,
    "ShowStatistics": Action.STATISTICS,
    "HandOver by code": Action.HAND_OVER_BY_CODE,
    "CloseTeam by code": Action.CLOSE_BY_CODE,
}


def _typed(text: str) -> CommandInput:
    """`lisää @Anna` as typed: `@Anna` picked from the list of people."""
    parts: list[Part] = [
        PersonRef(piece[1:], piece[1:]) if _PERSON.fullmatch(piece) else piece
        for piece in _PERSON.split(text)
    ]
    return CommandInput.of(*parts)


def _form(command: object) -> str:
    """A command's kind: its type, by code or not, all steps or the open ones."""
    name = type(command).__name__
    if getattr(command, "code", None):
        name += " by code"
    if isinstance(command, ListSteps) and command.include_finished:
        name += " all"
    return name


def _grammar_forms() -> set[str]:
    """Every command the grammars know: each subcommand and verb, each command type."""
    forms = {f"tiimi {sub}" for sub in team_grammar._SUBCOMMANDS.values()}
    forms |= {f"meeting {verb}" for verb in meeting_grammar.MEETING_VERBS.values()}
    forms |= {f"askel {verb}" for verb in plan_grammar._VERBS.values()} | {"askel step"}
    forms |= {f"goal {verb}" for verb in plan_grammar._GOAL_VERBS.values()}
    for kind in (*get_args(TiimiCommand), *get_args(AskelCommand)):
        forms.add(kind.__name__)
        if "code" in {field.name for field in dataclasses.fields(kind)}:
            forms.add(f"{kind.__name__} by code")
    return forms | {"ListSteps all"}


def _examples(lang: str, *, coordinator: bool, dialect: str = "") -> list[str]:
    message = help_message(Catalog(lang, dialect), coordinator=coordinator)
    return [
        run.text
        for block in message.blocks
        for run in getattr(block, "runs", ())
        if isinstance(run, Command)
    ]


def _help_forms(
    lang: str, *, coordinator: bool, dialect: str = ""
) -> tuple[set[str], dict[str, str]]:
    """The commands reached by the help's examples, and the word typed for each verb."""
    forms: set[str] = set()
    words: dict[str, str] = {}
    for example in _examples(lang, coordinator=coordinator, dialect=dialect):
        name, _, rest = example.partition(" ")
        assert name in ("tiimi", "askel"), example
        typed = _typed(rest)
        if name == "tiimi":
            command: object = parse_tiimi(typed)
            typed_words = typed.words()
            sub, more = team_grammar._split_subcommand(typed_words)
            forms.add(f"tiimi {sub}")
            used = typed_words[: len(typed_words) - len(more)]
            words[f"tiimi {sub}"] = fold(" ".join(word.text for word in used))
            if sub == "meeting" and more:
                verb = meeting_grammar.MEETING_VERBS.get(fold(more[0].text))
                if verb:
                    forms.add(f"meeting {verb}")
                    words[f"meeting {verb}"] = fold(more[0].text)
        else:
            command = parse_askel(typed, today=TODAY)
            first = typed.words()[0].text if typed.words() else ""
            verb = plan_grammar._VERBS.get(fold(first))
            forms.add(f"askel {verb or 'step'}")
            if verb:
                words[f"askel {verb}"] = fold(first)
            goal_words = typed.words()[1:] if verb == "goal" else []
            if goal_verb := plan_grammar._GOAL_VERBS.get(
                fold(goal_words[0].text) if goal_words else ""
            ):
                forms.add(f"goal {goal_verb}")
                words[f"goal {goal_verb}"] = fold(goal_words[0].text)
        forms.add(_form(command))
    return forms, words


def test_the_coordinators_commands_are_for_coordinators_only() -> None:
    for action in COORDINATORS_ONLY.values():
        assert RULES[action] == {Role.COORDINATOR}


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_help_lists_every_command_of_the_grammars(lang: str, dialect: str) -> None:
    everything = _grammar_forms()
    for_coordinators, _ = _help_forms(lang, coordinator=True, dialect=dialect)
    assert everything - for_coordinators == set()
    for_users, _ = _help_forms(lang, coordinator=False, dialect=dialect)
    assert everything - for_users == set(COORDINATORS_ONLY)
    assert for_users <= everything and for_coordinators <= everything


@pytest.mark.parametrize("dialect", DIALECTS)
def test_the_swedish_help_shows_swedish_subcommands(dialect: str) -> None:
    _, finnish = _help_forms("fi", coordinator=True, dialect=dialect)
    _, swedish = _help_forms("sv", coordinator=True, dialect=dialect)
    assert finnish.keys() == swedish.keys()
    same = {key for key in finnish if finnish[key] == swedish[key]}
    assert same == {"askel list"}  # `lista` is both Finnish and Swedish
    assert swedish["tiimi open"] == "ny" and swedish["askel goal"] == "mal"


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_tab_names_commands_that_list_what_it_leaves_out(lang: str, dialect: str) -> None:
    t = Catalog(lang, dialect)
    for key, expected in [
        ("home_more_teams", ListOpenTeams()),
        ("home_more_steps", ListSteps(include_finished=False)),
    ]:
        for count in (1, 2):
            [command] = [run.text for run in t(key, count=count) if isinstance(run, Command)]
            name, _, rest = command.partition(" ")
            parse = parse_tiimi if name == "tiimi" else partial(parse_askel, today=TODAY)
            assert parse(_typed(rest)) == expected, (key, count, command)
