"""The catalogs' template syntax: marks become runs before the placeholders are filled, so a
value's text is always one plain run, whatever it looks like."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.i18n import LANGUAGES, Catalog
from bot.i18n.templates import Field, Span, TemplateError, fields, fill, parse
from bot.replies import Code, Command, Person, Plain, SpaceLink, Strong, When
from handlers.slack.render import markup
from tests.support.catalogs import texts
from tests.support.slack_reading import read_mrkdwn


def test_marks_and_placeholders_parse_into_nodes() -> None:
    assert parse("*Syy:* {reason} – `/tiimi vie {code}`") == (
        Span("strong", ("Syy:",)),
        " ",
        Field("reason"),
        " – ",
        Span("code", ("/tiimi vie ", Field("code"))),
    )
    assert parse("Käyttö: `/askel valmis <numero>` & *muuta*") == (
        "Käyttö: ",
        Span("code", ("/askel valmis <numero>",)),
        " & ",
        Span("strong", ("muuta",)),
    )


def test_in_code_a_star_is_text_and_escapes_write_the_mark_itself() -> None:
    assert parse("`a*b` \\*c\\* \\` \\{x\\} \\\\") == (Span("code", ("a*b",)), " *c* ` {x} \\")


@pytest.mark.parametrize(
    "template", ["*auki", "`auki", "*a `b* c`", "{", "{x", "{x-y}", "}", "**", "a \\n"]
)
def test_a_broken_template_is_refused(template: str) -> None:
    with pytest.raises(TemplateError):
        parse(template)


def test_every_catalog_template_parses() -> None:
    for lang in LANGUAGES:
        for key, template in texts(lang):
            try:
                parse(template)
            except TemplateError as error:
                raise AssertionError(f"{lang} {key}: {error}") from None


def test_placeholders_take_runs_or_become_plain_text() -> None:
    runs = fill(
        "{user} lisäsi {who} kanavalle {channel}: *{code}* ({n}) {day}",
        {
            "day": When(date(2026, 12, 11), "pe 11.12.2026"),
            "user": Person("U1"),
            "who": (Person("U2"), Plain(", "), Person("U3")),
            "channel": SpaceLink("C1"),
            "code": "MT-1",
            "n": 2,
        },
    )
    assert runs == (
        Person("U1"),
        Plain(" lisäsi "),
        Person("U2"),
        Plain(", "),
        Person("U3"),
        Plain(" kanavalle "),
        SpaceLink("C1"),
        Plain(": "),
        Strong((Plain("MT-1"),)),
        Plain(" ("),
        Plain("2"),
        Plain(") "),
        When(date(2026, 12, 11), "pe 11.12.2026"),
    )


def test_code_takes_text_only() -> None:
    assert fill("`vie {code}`", {"code": "MT-1"}) == (Code("vie MT-1"),)
    assert fill("`/tiimi vie {code}`", {"code": "MT-1"}) == (Command("tiimi vie MT-1"),)
    with pytest.raises(TypeError):
        fill("`{user}`", {"user": Person("U1")})


def test_fields_are_the_placeholders_names() -> None:
    assert fields("*{a}* `{b}` {c} \\{d\\}") == {"a", "b", "c"}


def test_plain_drops_the_marks() -> None:
    t = Catalog("fi")
    assert t.plain("usage_step_done") == "Käyttö: /askel valmis <numero>, esim. /askel valmis 3."
    assert t.plain("member_added", user=Person("U1")) == "@U1 on lisätty tiimiin."


MARKUP_LIKE = st.sampled_from(
    ["<!channel>", "<!here>", "<@U1>", "<#C1|yleinen>", "<https://x.example|kela.fi>", "&amp;"]
)
TYPED = (
    st.lists(
        st.one_of(MARKUP_LIKE, st.text(alphabet="abcä *_`~{}\\<>&|@#!:/.\n"), st.text()),
        min_size=1,
        max_size=8,
    )
    .map("".join)
    .filter(bool)
)


@given(TYPED)
def test_typed_text_in_a_placeholder_is_exactly_one_plain_run(typed: str) -> None:
    for template in ("{text}", "Askel {number}: {text}", "*Paikka:* {text} · {user}"):
        runs = fill(template, {"text": typed, "number": 3, "user": Person("U1")})
        assert [r for r in runs if r == Plain(typed)] != []
        assert typed not in [getattr(r, "text", None) for r in runs if not isinstance(r, Plain)]
    [run] = fill("{text}", {"text": typed})
    assert run == Plain(typed)
    [strong] = fill("*{text}*", {"text": typed})
    assert strong == Strong((Plain(typed),))


@given(TYPED)
def test_typed_text_in_a_placeholder_never_pings_mentions_or_links_in_slack(typed: str) -> None:
    runs = Catalog("fi")("reminder_meeting_place", place=typed)
    reading = read_mrkdwn(markup(runs))
    assert reading.shown == f"*Paikka:* {typed}"
    assert not reading.acts, reading
    step = Catalog("fi")("step_fallback", number=3, text=typed)
    reading = read_mrkdwn(markup(step))
    assert reading.shown == f"Askel 3: {typed}" and not reading.acts
