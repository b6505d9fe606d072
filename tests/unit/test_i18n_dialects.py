"""Platform dialects in the catalogs: a message's `msgctxt "teams"` variant is used on Teams,
the base message elsewhere and wherever there is no variant; a variant keeps its base
message's placeholders and plural forms, and the Teams wording never speaks of Slack, its
channels or its slash commands."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast
from zoneinfo import ZoneInfo

import pytest
from babel.messages.catalog import Catalog as PoCatalog
from babel.messages.mofile import write_mo

import bot.i18n
from bot.clock import SystemClock
from bot.context import Actor, Core
from bot.i18n import DIALECTS, DOMAIN, LANGUAGES, Catalog, PluralWithoutCount
from bot.i18n.templates import fields, fill
from bot.replies import Command, Person, Plain, Runs, SpaceLink, Strong, plain_text
from tests.support.catalogs import entries, messages, variants

TEAMS = "teams"
# What the Teams wording must not say, as shown (commands are runs: their prefix is the adapter's)
NOT_ON_TEAMS = {
    "fi": re.compile(r"slack|/tiimi|/askel|/arvio|/paja|kanava", re.IGNORECASE),
    "sv": re.compile(r"slack|/tiimi|/askel|/arvio|/paja|kanal", re.IGNORECASE),
    "en": re.compile(r"slack|/tiimi|/askel|/arvio|/paja|channel", re.IGNORECASE),
}
SAMPLE: dict[str, object] = {
    "user": Person("U1"),
    "users": Person("U2"),
    "inviter": Person("U3"),
    "channel": SpaceLink("C1"),
    "code": "MT-2026-0042",
    "count": 2,
}


def _fill(template: str) -> Runs:
    """The template's runs with a sample value in each placeholder."""
    return fill(template, {name: SAMPLE.get(name, f"<{name}>") for name in fields(template)})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_context_is_a_dialect_and_every_variant_has_a_base_message(lang: str) -> None:
    contexts = {context for context, _ in entries(lang)} - {None}
    assert contexts <= set(DIALECTS)
    for dialect in DIALECTS:
        orphans = variants(lang, dialect).keys() - messages(lang).keys()
        assert not orphans, f"{lang} {dialect} variants without a base message: {sorted(orphans)}"


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_variant_keeps_its_base_placeholders_and_plural_forms(lang: str, dialect: str) -> None:
    base = messages(lang)
    for key, forms in variants(lang, dialect).items():
        assert len(forms) == len(base[key]), f"{lang} {key}: plural in one of them only"
        assert [fields(text) for text in forms] == [fields(text) for text in base[key]], key


@pytest.mark.parametrize("dialect", DIALECTS)
def test_every_language_varies_the_same_messages(dialect: str) -> None:
    finnish = variants("fi", dialect).keys()
    assert len(finnish) >= 30
    for lang in LANGUAGES:
        assert variants(lang, dialect).keys() == finnish, lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_teams_wording_says_nothing_of_slack_channels_or_slash_commands(lang: str) -> None:
    said = []
    for key, forms in variants(lang, TEAMS).items():
        for template in forms:
            runs = _fill(template)
            shown = plain_text(runs)
            said += [(key, found) for found in NOT_ON_TEAMS[lang].findall(shown)]
            commands = [run.text for run in _commands(runs)]
            words = ("tiimi", "askel", "arvio", "paja")
            assert all(text.split(" ")[0] in words for text in commands), key
    assert said == []


def test_the_scan_would_see_what_it_looks_for() -> None:
    shown = plain_text(_fill("Näet sen kanavalla `/askel lista`, Slackissa `/tiimi` tai /askel"))
    assert NOT_ON_TEAMS["fi"].findall(shown) == ["kanava", "Slack", "/askel"]


def _commands(runs: Runs) -> Iterator[Command]:
    for run in runs:
        if isinstance(run, Command):
            yield run
        elif isinstance(run, Strong):
            yield from _commands(run.content)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fi", "Askel 3 on lisätty ja näkyy tiimin keskustelussa."),
        ("sv", "Steg 3 har lagts till och syns i teamets chatt."),
        ("en", "Step 3 has been added and is shown in the team's chat."),
    ],
)
def test_the_dialect_s_variant_is_used(lang: str, expected: str) -> None:
    assert Catalog(lang, TEAMS).plain("step_added", number=3) == expected
    assert Catalog(lang).plain("step_added", number=3) != expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_a_variant_the_base_message_is_used(lang: str) -> None:
    assert "member_added" not in variants(lang, TEAMS)
    teams, base = Catalog(lang, TEAMS), Catalog(lang)
    assert teams("member_added", user=Person("U1")) == base("member_added", user=Person("U1"))


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [
        ("fi", 1, "⚠️ 1 jäsenen käyttäjätili poistettu käytöstä"),
        ("sv", 1, "⚠️ 1 medlems användarkonto inaktiverat"),
        ("sv", 2, "⚠️ 2 medlemmars användarkonton inaktiverade"),
        ("en", 1, "⚠️ 1 member's user account deactivated"),
        ("en", 3, "⚠️ 3 members' user accounts deactivated"),
    ],
)
def test_a_variant_with_plural_forms_follows_the_count(
    lang: str, count: int, expected: str
) -> None:
    assert Catalog(lang, TEAMS).plain("overview_deactivated", count=count) == expected
    with pytest.raises(PluralWithoutCount):
        Catalog(lang, TEAMS)("overview_deactivated")


@pytest.mark.parametrize("dialect", ["", "slack", "matrix"])
def test_a_platform_without_wording_of_its_own_gets_the_base_messages(dialect: str) -> None:
    catalog = Catalog("sv", dialect)
    assert catalog.dialect == ""
    for key, forms in messages("sv").items():
        count = 2 if len(forms) == 2 else None
        assert catalog.template(key, count) == forms[-1]


def test_plain_text_writes_a_command_as_the_wording_types_it() -> None:
    """The base wording (Slack's) keeps the catalogs' slash; a dialect writes commands bare
    and the adapter adds what its platform types before them."""
    assert Catalog("fi").plain("usage_step_done") == (
        "Käyttö: /askel valmis <numero>, esim. /askel valmis 3."
    )
    assert Catalog("fi", TEAMS).plain("usage_step_done") == (
        "Käyttö: askel valmis <numero>, esim. askel valmis 3."
    )
    assert Catalog("fi", TEAMS)("usage_step_done")[-2] == Command("askel valmis 3")


def test_the_actor_and_the_core_answer_in_their_dialect() -> None:
    assert Actor("U1", "sv", TEAMS).t.plain("step_added", number=1) == (
        "Steg 1 har lagts till och syns i teamets chatt."
    )
    assert Actor("U1", "sv").t.dialect == ""
    core = Core(
        database=cast(Any, None),
        platform=cast(Any, None),
        clock=SystemClock(),
        timezone=ZoneInfo("Europe/Helsinki"),
        language="en",
        coordinators=frozenset(),
        dialect=TEAMS,
    )
    assert core.t.plain("uninvited_inviter", inviter=Person("U2")) == (
        "They were added to the chat by @U2."
    )


def _write_catalog(
    directory: Path, lang: str, found: dict[tuple[str | None, str], str | tuple[str, str]]
) -> None:
    catalog = PoCatalog(locale=lang, domain=DOMAIN)
    for (context, key), text in found.items():
        msgid: str | tuple[str, str] = (key, key + "_plural") if isinstance(text, tuple) else key
        catalog.add(msgid, text, context=context)
    target = directory / lang / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / f"{DOMAIN}.mo").open("wb") as file:
        write_mo(file, catalog)


@pytest.fixture
def small_catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Finnish and Swedish catalogs of a few messages, in place of the real ones."""
    _write_catalog(
        tmp_path,
        "fi",
        {
            (None, "both"): "fi perus",
            (TEAMS, "both"): "fi teams",
            (None, "only_fi"): "fi perus",
            (TEAMS, "only_fi"): "fi teams",
            (None, "base_only"): "fi perus",
            (TEAMS, "base_only"): "fi teams",
            (None, "fi_base_only"): "fi perus",
            (None, "counted"): ("{count} fi", "{count} fi monta"),
            (TEAMS, "counted"): ("{count} fi teams", "{count} fi teams monta"),
        },
    )
    _write_catalog(
        tmp_path,
        "sv",
        {
            (None, "both"): "sv bas",
            (TEAMS, "both"): "sv teams",
            (None, "base_only"): "sv bas",
            (None, "counted"): ("{count} sv", "{count} sv många"),
        },
    )
    monkeypatch.setattr(bot.i18n, "LOCALE_DIR", tmp_path)
    bot.i18n._messages.cache_clear()
    yield
    bot.i18n._messages.cache_clear()


@pytest.mark.usefixtures("small_catalogs")
@pytest.mark.parametrize(
    ("lang", "dialect", "key", "count", "expected"),
    [
        ("sv", TEAMS, "both", None, "sv teams"),
        ("sv", "", "both", None, "sv bas"),
        ("sv", TEAMS, "base_only", None, "sv bas"),  # the language's base before Finnish
        ("sv", TEAMS, "only_fi", None, "fi teams"),  # a key Swedish lacks: Finnish's variant
        ("sv", "", "only_fi", None, "fi perus"),
        ("sv", TEAMS, "counted", 1, "{count} sv"),
        ("sv", TEAMS, "counted", 5, "{count} sv många"),
        ("fi", TEAMS, "counted", 5, "{count} fi teams monta"),
        ("fi", "", "counted", 1, "{count} fi"),
        ("fi", TEAMS, "base_only", None, "fi teams"),
        ("sv", TEAMS, "fi_base_only", None, "fi perus"),
    ],
)
def test_the_lookup_order(
    lang: str, dialect: str, key: str, count: int | None, expected: str
) -> None:
    assert Catalog(lang, dialect).template(key, count) == expected


@pytest.mark.usefixtures("small_catalogs")
def test_a_key_no_catalog_has_is_an_error_in_every_dialect() -> None:
    for dialect in ("", TEAMS):
        with pytest.raises(KeyError):
            Catalog("sv", dialect).template("nowhere")


def test_the_teams_help_says_to_use_the_forms() -> None:
    body = Catalog("fi", TEAMS)("help_body")
    assert body[0] == Strong((Plain("Lisää askeleet, tavoitteet ja jäsenet lomakkeilla:"),))
    shown = plain_text(body)
    assert all(button in shown for button in ("Uusi askel", "Uusi tavoite", "Lisää jäsen"))
    assert "näkyy heti jokaiselle jäsenelle ja jää keskusteluun" in shown
