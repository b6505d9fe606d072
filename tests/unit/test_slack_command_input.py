"""The Slack adapter reads a command's text into plain text and people, as its writer meant it."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.command_input import GroupRef, PersonRef
from bot.meetings.grammar import BookMeeting, MoveMeeting
from bot.plan.commands import AddGoal, AddStep, EditStep, Owner, parse_askel
from bot.teams.commands import OpenTeam, parse_tiimi
from handlers.slack.command_input import command_input
from handlers.slack.markup import display_segments, resolve_markup

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("sent", "meant"),
    [
        ("Soita Kelaan", "Soita Kelaan"),
        ("a &lt; b &amp; c &gt; d", "a < b & c > d"),
        ("&amp;lt; on entiteetti", "&lt; on entiteetti"),
        ("&lt;!channel&gt; kirjoitettuna", "<!channel> kirjoitettuna"),
        ("Kysy <!channel> ja <!here|here> ja <!everyone>", "Kysy @channel ja @here ja @everyone"),
        ("Katso <#C0042|yleinen>", "Katso #yleinen"),
        ("Katso <#C0042>", "Katso #C0042"),
        ("<!date^1392734382^{date_num}|2014-02-18>", "2014-02-18"),
        ("Lomake <https://evil.example|kela.fi>", "Lomake kela.fi (https://evil.example)"),
        ("Lomake <http://kela.fi|kela.fi>", "Lomake kela.fi"),
        ("Lomake <https://www.kela.fi/|www.kela.fi>", "Lomake www.kela.fi"),
        ("Lomake <https://kela.fi>", "Lomake https://kela.fi"),
        ("<mailto:anna@kela.fi|anna@kela.fi>", "anna@kela.fi"),
        ("<https://x.fi/?a=1&amp;b=2|haku &amp; tulos>", "haku & tulos (https://x.fi/?a=1&b=2)"),
        ("Soita <@u1>:lle", "Soita @u1:lle"),  # not a user id: plain text
        ("Rivi 1\n  rivi 2\t", "Rivi 1\n  rivi 2\t"),
    ],
)
def test_markup_becomes_the_plain_text_its_writer_meant(sent: str, meant: str) -> None:
    read = command_input(sent)
    assert read.parts == ((meant,) if meant else ())
    assert read.sent == sent and read.display is display_segments


@pytest.mark.parametrize(
    ("sent", "parts"),
    [
        ("<@U123>", (PersonRef("U123"),)),
        ("<@W1AB|anna>", (PersonRef("W1AB", "anna"),)),
        ("Soita <@U123|anna>:lle", ("Soita ", PersonRef("U123", "anna"), ":lle")),
        ("<@U1|@anna> <@U2>", (PersonRef("U1", "anna"), " ", PersonRef("U2"))),
        (
            "Soita <@U1|anna>: <https://evil.example|kela.fi> &amp; muut",
            ("Soita ", PersonRef("U1", "anna"), ": kela.fi (https://evil.example) & muut"),
        ),
        ("@anna <#C1>", ("@anna #C1",)),
        ("<!subteam^S1|@sosiaalityö>", (GroupRef("S1", "sosiaalityö"),)),
        ("<!subteam^s1|@x>", ("@x",)),  # not a group id: its text
    ],
)
def test_mentions_of_users_become_people(sent: str, parts: tuple[object, ...]) -> None:
    assert command_input(sent).parts == parts


def test_a_person_reads_as_the_name_its_writer_saw() -> None:
    read = command_input("Soita <@U123|anna>:lle ja <@U9>")
    assert read.text == "Soita @anna:lle ja @U9"


def test_free_texts_of_commands_are_stored_as_meant_and_owners_still_parsed() -> None:
    sent = "Täytä &lt;hakemus&gt; &amp; soita <@U1|anna> <@U2|bertta>"
    step = parse_askel(command_input(sent), today=TODAY)
    assert step == AddStep("Täytä <hakemus> & soita", Owner(("U1", "U2")), None, None)
    sent = "tavoite Oma asunto &amp; työ <https://evil.example|kela.fi>"
    goal = parse_askel(command_input(sent), today=TODAY)
    assert goal == AddGoal("Oma asunto & työ kela.fi (https://evil.example)")
    edit = parse_askel(command_input("muokkaa 3 Soita <!channel>"), today=TODAY)
    assert edit == EditStep(3, "Soita @channel")
    booked = parse_tiimi(command_input("tapaaminen pe klo 14 Kahvila &lt;Kaisla&gt; & co"))
    assert booked == BookMeeting("pe klo 14 Kahvila <Kaisla> & co")
    moved = parse_tiimi(command_input("tapaaminen siirrä pe klo 14 <https://video.example/t>"))
    assert moved == MoveMeeting("pe klo 14 https://video.example/t")
    opened = parse_tiimi(command_input("uusi <@U1> <@U2|bertta> <@U1>"))
    assert opened == OpenTeam(("U1", "U2"))


def test_slack_markup_resolves_to_what_slack_displays() -> None:
    text = "a <@U1|anna> <@U2> <!here> <https://x.fi|Kela> <https://y.fi> <#C1|tiimi> &amp;&lt;&gt;"
    assert resolve_markup(text) == "a @anna @U2 @here Kela https://y.fi #tiimi &<>"
    assert resolve_markup("<!subteam^S1|@koordinaattorit> <!date^1392734382^{date}|pe>") == (
        "@koordinaattorit pe"
    )
    assert resolve_markup("1 &lt; 2, 3 > 0 &#45;") == "1 < 2, 3 > 0 &#45;"


def slack_escaped(text: str) -> str:
    """The text as Slack sends what was typed: `&`, `<` and `>` escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@given(st.text().filter(lambda text: "<" not in text and "&" not in text))
def test_text_without_markup_is_one_plain_piece_as_sent(text: str) -> None:
    assert command_input(text).parts == ((text,) if text else ())


@given(st.text())
def test_any_typed_text_comes_back_as_one_plain_piece(text: str) -> None:
    assert command_input(slack_escaped(text)).parts == ((text,) if text else ())


USER_IDS = st.from_regex(r"[UW][A-Z0-9]{1,10}", fullmatch=True)
MENTIONS = st.tuples(USER_IDS, st.one_of(st.none(), st.text(alphabet="abcäö .-_", max_size=8)))


@given(st.lists(st.one_of(st.text(), MENTIONS), max_size=10))
def test_every_mention_becomes_exactly_one_person(
    pieces: list[str | tuple[str, str | None]],
) -> None:
    sent = "".join(
        slack_escaped(piece)
        if isinstance(piece, str)
        else (f"<@{piece[0]}>" if piece[1] is None else f"<@{piece[0]}|{piece[1]}>")
        for piece in pieces
    )
    read = command_input(sent)
    people = [part for part in read.parts if isinstance(part, PersonRef)]
    assert [person.user_id for person in people] == [p[0] for p in pieces if isinstance(p, tuple)]
    plain = "".join(piece for piece in pieces if isinstance(piece, str))
    assert "".join(part for part in read.parts if isinstance(part, str)) == plain
