"""The message box: slash commands and messages in Slack's own text form."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.sandbox.composer import Directory, PlainMessage, SlashCommand, compose, slack_text

DIRECTORY = Directory(
    people={"anna": ("USANNA", "anna"), "mikko": ("USMIKKO", "mikko")},
    channels={"yleinen": ("C1", "yleinen")},
)


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("/tiimi uusi @Anna", SlashCommand("/tiimi", "uusi <@USANNA|anna>")),
        (
            "/TIIMI  uusi @anna @Mikko ",
            SlashCommand("/tiimi", "uusi <@USANNA|anna> <@USMIKKO|mikko>"),
        ),
        ("/askel", SlashCommand("/askel", "")),
        ("/askel Soita Kelaan pe", SlashCommand("/askel", "Soita Kelaan pe")),
        ("/tiimi lisää @Nobody", SlashCommand("/tiimi", "lisää @Nobody")),
        ("Hei @Anna, katso #yleinen", PlainMessage("Hei <@USANNA|anna>, katso <#C1|yleinen>")),
        ("a < b & c > d", PlainMessage("a &lt; b &amp; c &gt; d")),
        ("<@USANNA> ei ole mainita", PlainMessage("&lt;@USANNA&gt; ei ole mainita")),
        ("sähköposti anna@example.fi", PlainMessage("sähköposti anna@example.fi")),
        ("   ", None),
        ("", None),
    ],
)
def test_what_the_message_box_sends(typed: str, sent: object) -> None:
    assert compose(typed, DIRECTORY) == sent


@given(st.text())
def test_typed_markup_never_becomes_a_mention_or_a_link(typed: str) -> None:
    """Only a known `@name` or `#name` becomes Slack markup; anything else typed stays text."""
    sent = slack_text(typed, DIRECTORY)
    stripped = sent.replace("<@USANNA|anna>", "").replace("<@USMIKKO|mikko>", "")
    stripped = stripped.replace("<#C1|yleinen>", "")
    assert "<" not in stripped and ">" not in stripped


@given(st.text(alphabet=st.characters(blacklist_characters="@#<>&")))
def test_text_without_references_is_sent_as_typed(typed: str) -> None:
    assert slack_text(typed, DIRECTORY) == typed
