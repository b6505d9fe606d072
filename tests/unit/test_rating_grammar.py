"""`/arvio`'s grammar, as each platform hands the words over; when rounds repeat; and every
`/arvio` example in the catalogs reads as the command it shows."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.command_input import CommandInput, GroupRef, PersonRef
from bot.errors import UserError
from bot.i18n import LANGUAGES
from bot.i18n.templates import Span, parse
from bot.ratings.grammar import (
    CloseRound,
    Group,
    RatingCommand,
    ShowHelp,
    ShowResults,
    StartRound,
    parse_arvio,
)
from bot.ratings.schedule import months_later
from handlers.slack.command_input import command_input
from tests.support.catalogs import texts

HELSINKI = ZoneInfo("Europe/Helsinki")
STAFF = Group("S0STAFF", "henkilöstö")
ENTRA = "0b4c3c39-6b8e-4a57-9d3e-2f0f5a0e9d11"


@pytest.mark.parametrize(
    ("typed", "command"),
    [
        ("", ShowHelp()),
        ("ohje", ShowHelp()),
        ("hjälp", ShowHelp()),
        ("help", ShowHelp()),
        ("arvioi minut", ShowHelp(unknown=True)),
        ("uusi", StartRound(None, 3)),
        ("Uusi", StartRound(None, 3)),
        ("uusi joka 6 kk", StartRound(None, 6)),
        ("uusi joka 1 kuukausi", StartRound(None, 1)),
        ("uusi joka 24 kk", StartRound(None, 24)),
        ("uusi ei toistoa", StartRound(None, None)),
        ("uusi kerran", StartRound(None, None)),
        ("ny var 6 mån", StartRound(None, 6)),
        ("ny ingen upprepning", StartRound(None, None)),
        ("new every 4 months", StartRound(None, 4)),
        ("new no repeat", StartRound(None, None)),
        ("uusi <!subteam^S0STAFF|@henkilöstö>", StartRound(STAFF, 3)),
        ("uusi <!subteam^S0STAFF|@henkilöstö> joka 2 kk", StartRound(STAFF, 2)),
        ("uusi ryhmä <!subteam^S0STAFF|@henkilöstö>", StartRound(STAFF, 3)),
        (f"uusi ryhmä {ENTRA} ei toistoa", StartRound(Group(ENTRA), None)),
        (f"new group {ENTRA}", StartRound(Group(ENTRA), 3)),
        ("sulje", CloseRound()),
        ("sulje ei toistoa", CloseRound(None, stop_repeating=True)),
        ("close <!subteam^S0STAFF|@henkilöstö> no repeat", CloseRound(STAFF, True)),
        ("stäng <!subteam^S0STAFF|@henkilöstö>", CloseRound(STAFF)),
        (f"close group {ENTRA}", CloseRound(Group(ENTRA))),
        ("tulokset", ShowResults()),
        ("resultat", ShowResults()),
        ("results <!subteam^S0STAFF|@henkilöstö>", ShowResults(STAFF)),
        (f"tulokset ryhmä {ENTRA}", ShowResults(Group(ENTRA))),
    ],
)
def test_commands(typed: str, command: RatingCommand) -> None:
    assert parse_arvio(command_input(typed)) == command


@pytest.mark.parametrize(
    ("typed", "usage"),
    [
        ("uusi joka 0 kk", "usage_rating_start"),
        ("uusi joka 25 kk", "usage_rating_start"),
        ("uusi joka kolme kk", "usage_rating_start"),
        ("uusi joka 3 viikkoa", "usage_rating_start"),
        ("uusi @henkilöstö", "usage_rating_start"),  # typed, not picked: no group's id
        ("uusi ryhmä", "usage_rating_start"),
        ("uusi ryhmä <@UANNA>", "usage_rating_start"),  # a person is not a group
        ("sulje nyt", "usage_rating_close"),
        ("tulokset 2026", "usage_rating_results"),
        ("ohje lisää", "usage_rating_start"),
    ],
)
def test_words_that_do_not_read(typed: str, usage: str) -> None:
    if typed.startswith("ohje"):  # help with more words is no command: the help, flagged
        assert parse_arvio(command_input(typed)) == ShowHelp(unknown=True)
        return
    with pytest.raises(UserError) as refused:
        parse_arvio(command_input(typed))
    assert refused.value.key == usage


def test_a_teams_group_id_and_mentions_read_alike() -> None:
    typed = CommandInput.of("uusi ryhmä ", ENTRA, sent=f"uusi ryhmä {ENTRA}")
    assert parse_arvio(typed) == StartRound(Group(ENTRA), 3)
    picked = CommandInput.of("sulje ", GroupRef("S1", "tiimi"))
    assert parse_arvio(picked) == CloseRound(Group("S1", "tiimi"))
    words = CommandInput.of("uusi ", GroupRef("S1", "x"), " ", PersonRef("U1", "y")).words()
    assert [(w.group, w.person) for w in words] == [
        (None, None),
        (GroupRef("S1", "x"), None),
        (None, PersonRef("U1", "y")),
    ]


@given(st.text(max_size=80))
def test_any_text_is_a_command_or_a_usage(typed: str) -> None:
    try:
        command = parse_arvio(command_input(typed))
    except UserError as error:
        assert error.key.startswith("usage_rating_")
    else:
        assert isinstance(command, StartRound | CloseRound | ShowResults | ShowHelp)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (datetime(2026, 11, 23, 8, 0, tzinfo=UTC), 3, datetime(2027, 2, 23, 10, 0)),
        (datetime(2026, 1, 31, 10, 0, tzinfo=UTC), 1, datetime(2026, 2, 28, 12, 0)),
        (datetime(2028, 1, 31, 10, 0, tzinfo=UTC), 1, datetime(2028, 2, 29, 12, 0)),
        (datetime(2026, 12, 15, 7, 0, tzinfo=UTC), 24, datetime(2028, 12, 15, 9, 0)),
        # across the change to summer time the local time stays
        (datetime(2026, 1, 10, 7, 0, tzinfo=UTC), 3, datetime(2026, 4, 10, 9, 0)),
    ],
)
def test_a_repeat_opens_on_the_same_local_day_and_time(
    start: datetime, months: int, expected: datetime
) -> None:
    later = months_later(start, months, HELSINKI)
    assert later.astimezone(HELSINKI).replace(tzinfo=None) == expected


def _arvio_examples(lang: str) -> list[tuple[str, str]]:
    found = []
    for key, text in texts(lang):
        for node in parse(text):
            if isinstance(node, Span) and node.kind == "code":
                code = "".join(str(n) for n in node.nodes)
                if code.startswith("/arvio ") and not any(m in code for m in "<@"):
                    found.append((key, code.removeprefix("/arvio ")))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_arvio_example_in_the_catalogs_reads(lang: str) -> None:
    examples = _arvio_examples(lang)
    assert len(examples) >= 8
    for key, example in examples:
        command = parse_arvio(command_input(example))
        assert command != ShowHelp(unknown=True), (key, example)
