"""What users type in Teams, read as the text they saw and the command it names."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.command_input import CommandInput, PersonRef
from bot.privacy import contains_identity_code
from handlers.teams.inbound import (
    Mention,
    Route,
    TypedMessage,
    read_message,
    teams_ids,
    to_command_input,
)

BOT = "28:app-id"
BERTTA = "29:bertta"
CARL = "29:carl"


def _mention(teams_id: str, name: str, text: str | None = None) -> dict[str, Any]:
    return {
        "type": "mention",
        "text": text or f"<at>{name}</at>",
        "mentioned": {"id": teams_id, "name": name},
    }


ENTITIES = [
    _mention(BOT, "Tiimi"),
    _mention(BERTTA, "Bertta Berg"),
    {"type": "clientInfo", "locale": "fi-FI"},
]


@pytest.mark.parametrize(
    ("text", "route", "rest", "seen"),
    [
        ("<at>Tiimi</at> tiimi uusi", Route.TIIMI, ("uusi",), "tiimi uusi"),
        ("tiimi uusi", Route.TIIMI, ("uusi",), "tiimi uusi"),
        ("/Tiimi  ohje ", Route.TIIMI, ("ohje",), "/Tiimi  ohje"),
        ("ASKEL lista", Route.ASKEL, ("lista",), "ASKEL lista"),
        ("askel\nSoita\nKelaan", Route.ASKEL, ("Soita\nKelaan",), "askel\nSoita\nKelaan"),
        ("askel", Route.ASKEL, (), "askel"),
        ("<at>Tiimi</at> arvio uusi", Route.ARVIO, ("uusi",), "arvio uusi"),
        ("@Tiimi Arvio tulokset", Route.ARVIO, ("tulokset",), "@Tiimi Arvio tulokset"),
        ("arvioi", None, ("arvioi",), "arvioi"),  # not the command's word
        ("tiimit", None, ("tiimit",), "tiimit"),
        ("askel: lista", None, ("askel: lista",), "askel: lista"),
        ("koti", Route.HOME, (), "koti"),
        (" Hem ", Route.HOME, (), "Hem"),
        ("/home", Route.HOME, (), "/home"),
        ("koti nyt", None, ("koti nyt",), "koti nyt"),
        ("uusi", None, ("uusi",), "uusi"),
        ("", Route.HELP, (), ""),
        (None, Route.HELP, (), ""),
        ("<at>Tiimi</at>", Route.HELP, (), ""),
        ("<p>&nbsp;</p>", Route.HELP, (), ""),
        (
            "<at>Tiimi</at> tiimi lisää <at>Bertta Berg</at> fysioterapeutti",
            Route.TIIMI,
            ("lisää ", Mention(BERTTA, "Bertta Berg"), " fysioterapeutti"),
            "tiimi lisää @Bertta Berg fysioterapeutti",
        ),
        ("<at>Carl</at> hei", None, ("@Carl hei",), "@Carl hei"),
        ("hei <at>Tiimi</at>", None, ("hei",), "hei"),
    ],
)
def test_the_first_word_names_the_command(
    text: str | None, route: Route | None, rest: tuple[str | Mention, ...], seen: str
) -> None:
    assert read_message(text, ENTITIES, bot_id=BOT) == TypedMessage(route, rest, seen)


def test_text_without_a_command_word_is_tiimi_in_the_personal_chat() -> None:
    assert read_message("avoimet", [], bot_id=BOT).personal_route == Route.TIIMI
    assert read_message("askel lista", [], bot_id=BOT).personal_route == Route.ASKEL
    assert read_message("koti", [], bot_id=BOT).personal_route == Route.HOME
    assert read_message("", [], bot_id=BOT).personal_route == Route.HELP


@pytest.mark.parametrize(
    ("html", "seen"),
    [
        ("<p>Soita &amp; kysy</p><p>toinen&nbsp;rivi</p>", "Soita & kysy\ntoinen rivi"),
        ("<div><div>eka</div><div>toka</div></div>", "eka\ntoka"),
        ("a<br>b<br/>c<BR />d", "a\nb\nc\nd"),
        ("<ul><li>yksi</li><li>kaksi</li></ul>", "yksi\nkaksi"),
        ("<p><strong>tärkeä</strong> <em>ehkä</em></p>", "tärkeä ehkä"),
        ("a &lt;b&gt; &amp;lt; c", "a <b> &lt; c"),
        ("a < b > c", "a < b > c"),
        ("a <b c", "a <b c"),
        ("x <!-- piilo --> y", "x  y"),
        ('<span itemscope="">010101-123N</span>', "010101-123N"),
        ('kuva <img alt="😊" src="https://x/e.png"> ok', "kuva 😊 ok"),
        ('<a href="https://kela.fi">https://kela.fi</a>', "https://kela.fi"),
        ('<a href="https://kela.fi/">kela.fi</a>', "kela.fi"),
        ('<a href="https://evil.example">kela.fi</a>', "kela.fi (https://evil.example)"),
        ("rivi\r\ntoinen\rkolmas", "rivi\ntoinen\nkolmas"),
    ],
)
def test_html_reads_as_the_text_its_writer_saw(html: str, seen: str) -> None:
    assert read_message(html, [], bot_id=BOT).text == seen


def test_a_mention_without_its_entity_is_plain_text() -> None:
    message = read_message("<at>Bertta Berg</at> ja <at>Carl &amp; Co</at>", [], bot_id=BOT)
    assert message.rest == ("@Bertta Berg ja @Carl & Co",)


def test_mentions_of_the_same_name_are_matched_in_order() -> None:
    entities = [_mention(BERTTA, "Anna"), _mention(CARL, "Anna")]
    message = read_message("<at>Anna</at> <at>Anna</at> <at>Anna</at>", entities, bot_id=BOT)
    assert message.rest == (Mention(BERTTA, "Anna"), " ", Mention(CARL, "Anna"), " @Anna")


def test_the_bot_is_recognised_with_or_without_its_prefix() -> None:
    entities = [_mention("app-id", "Tiimi")]
    assert read_message("<at>Tiimi</at> koti", entities, bot_id=BOT).route == Route.HOME


@pytest.mark.parametrize(
    "entities",
    [
        [{"type": "mention"}],
        [{"type": "mention", "text": 3, "mentioned": "x"}],
        [{"type": "mention", "text": "<at>Bertta</at>", "mentioned": {"id": None}}],
        ["mention", None, 5],
    ],
)
def test_malformed_entities_are_ignored(entities: list[Any]) -> None:
    assert read_message("<at>Bertta</at>", entities, bot_id=BOT).rest == ("@Bertta",)


def test_mapped_mentions_become_people_for_the_core() -> None:
    text = "<at>Tiimi</at> tiimi lisää <at>Bertta Berg</at> ja <at>Carl</at> fysio"
    entities = [*ENTITIES, _mention(CARL, "Carl")]
    message = read_message(text, entities, bot_id=BOT)
    assert teams_ids(message) == {BERTTA, CARL}
    command = to_command_input(message, {BERTTA: "aad-bertta"})
    assert command == CommandInput(
        ("lisää ", PersonRef("aad-bertta", "Bertta Berg"), " ja @Carl fysio"),
        sent="tiimi lisää @Bertta Berg ja @Carl fysio",
    )
    assert [word.person for word in command.words() if word.person] == [
        PersonRef("aad-bertta", "Bertta Berg")
    ]


def test_an_identity_code_split_by_markup_is_whole_for_the_guard() -> None:
    message = read_message("Soita <b>131052</b>&#45;308T huomenna", [], bot_id=BOT)
    command = to_command_input(message, {})
    assert message.text == "Soita 131052-308T huomenna"
    assert contains_identity_code(command.sent)


_HTMLISH = st.sampled_from(
    [
        *("<", ">", "&", ";", "<at>", "</at>", "<p>", "</p>", "<br>", "&amp;", "&nbsp;", "&#"),
        *('"', '<a href="', "</a>", '<img alt="', "<!--", "-->", "/", "tiimi", "askel"),
        *(" ", "\n"),
    ]
)
_TEXTS = st.lists(_HTMLISH | st.characters(), max_size=40).map("".join)
_ENTITY = st.fixed_dictionaries(
    {"type": st.sampled_from(["mention", "clientInfo"])},
    optional={
        "text": st.sampled_from(["<at>Tiimi</at>", "<at>X</at>", "<at></at>"]) | st.text(),
        "mentioned": st.fixed_dictionaries(
            {}, optional={"id": st.sampled_from([BOT, BERTTA, "", "28:x"]) | st.integers()}
        )
        | st.none(),
    },
)


@given(_TEXTS, st.lists(_ENTITY, max_size=4))
def test_any_message_reads_without_error(text: str, entities: list[dict[str, Any]]) -> None:
    message = read_message(text, entities, bot_id=BOT)
    command = to_command_input(message, {BERTTA: "aad-bertta"})
    assert command.text in message.text
    assert teams_ids(message) <= {BERTTA, "28:x", BOT}


@given(st.sampled_from(["010101-123N", "131052-308T", "010101A123N"]), _TEXTS, _TEXTS)
def test_identity_code_looking_text_survives_verbatim(code: str, before: str, after: str) -> None:
    assume("<!--" not in before)  # a comment hides it from its writer too
    html = f"{before} <p>{code}</p> {after}"
    assert code in read_message(html, [], bot_id=BOT).text
