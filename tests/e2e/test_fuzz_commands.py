"""Hypothesis-driven command texts through the real bot over HTTP: always a 200 and an answer,
never an unhandled exception, never a Web API change from an invalid command."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.dates import DateParseError
from bot.errors import UserError
from bot.i18n import Catalog
from bot.plan.commands import parse_askel
from bot.teams.commands import OpenTeamDialog, ShowHelp, parse_tiimi
from handlers.slack.command_input import command_input
from tests.e2e.harness import RunningBot

GENERIC_ERROR = Catalog("fi").template("generic_error")
WORDS = st.sampled_from(
    [
        "uusi",
        "lisää",
        "poista",
        "vastuu",
        "jäsenet",
        "sulje",
        "valmis",
        "ei",
        "siirrä",
        "muokkaa",
        "tavoite",
        "tapaaminen",
        "avoimet",
        "tilastot",
        "<@UBERT>",
        "<@",
        "T1:",
        "mennessä",
        "pe",
        "31.2.",
        "klo",
        "25:61",
        "131052-308T",
        "vastuu:",
        "\u0000",
        "🙂",
        "csv",
        "payload",  # Bolt alone reads a form with this text as an empty interaction
    ]
)
TEXTS = st.one_of(
    st.text(max_size=120),
    st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=8).map(" ".join),
)


def invalid_tiimi(text: str) -> bool:
    try:
        return isinstance(parse_tiimi(command_input(text)), ShowHelp)
    except UserError:
        return True


def invalid_askel(text: str) -> bool:
    try:
        parse_askel(command_input(text), today=date(2026, 11, 23))
    except (UserError, DateParseError):
        return True
    return False


async def answer_of(bot: RunningBot, command: str, text: str, channel: str) -> str | None:
    sent = await bot.sender.command(command, text, user_id="UANNA", channel_id=channel)
    assert sent.status == 200, sent.body
    if command == "/tiimi" and not invalid_tiimi(text) and _opens_form(text):
        return None
    if command == "/askel" and not text.split():
        return None  # StepDialog opens a form
    return await bot.answer(sent)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=TEXTS)
async def test_any_text_gets_an_answer_and_invalid_text_changes_nothing(
    bot: RunningBot, text: str
) -> None:
    if bot.fake.channel_by_name("mt-2026-0001") is None:
        await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    for command, where, invalid in (
        ("/tiimi", channel, invalid_tiimi(text)),
        ("/tiimi", "DANNA", invalid_tiimi(text)),
        ("/askel", channel, invalid_askel(text)),
    ):
        before = len(bot.mutations())
        answer = await answer_of(bot, command, text, where)
        if answer is not None:
            assert answer and answer != GENERIC_ERROR, (command, text, answer)
        if invalid:
            assert len(bot.mutations()) == before, (command, text)


def _opens_form(text: str) -> bool:
    return isinstance(parse_tiimi(command_input(text)), OpenTeamDialog)
