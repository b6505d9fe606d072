"""The catalogs' template syntax: marks become runs before the placeholders are filled, so a
value's text is always one plain run, whatever it looks like."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.i18n import LANGUAGES, Catalog
from bot.i18n.templates import Field, Span, TemplateError, fields, fill, parse
from bot.replies import Code, Command, Person, Plain, Runs, SpaceLink, Strong, When
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


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("`/askel lista`", (Command("askel lista"),)),
        ("`/tiimi`", (Command("tiimi"),)),
        ("`/askel`", (Command("askel"),)),
        ("`/tiimi vie {code}`", (Command("tiimi vie MT-1"),)),
        ("`/askel valmis <numero>`", (Command("askel valmis <numero>"),)),
        ("*`/tiimi ohje`*", (Strong((Command("tiimi ohje"),)),)),
        ("Käyttö: `/askel ei 3`.", (Plain("Käyttö: "), Command("askel ei 3"), Plain("."))),
        ("`/tiimix`", (Code("/tiimix"),)),  # another word, not the command
        ("`/askeleet`", (Code("/askeleet"),)),
        ("`/tiimi{code}`", (Code("/tiimiMT-1"),)),  # the name runs into a value
        ("` /tiimi`", (Code(" /tiimi"),)),
        ("`tiimi lisää`", (Code("tiimi lisää"),)),  # no slash: the catalogs' code, not a command
        ("`klo 14.30`", (Code("klo 14.30"),)),
        ("`{typed}`", (Code("/tiimi uusi"),)),  # a value never makes a command
        ("`{typed} x`", (Code("/tiimi uusi x"),)),
        ("/tiimi uusi", (Plain("/tiimi uusi"),)),  # outside code, text as written
    ],
)
def test_a_code_span_that_starts_with_a_command_s_name_is_a_command(
    template: str, expected: tuple[object, ...]
) -> None:
    assert fill(template, {"code": "MT-1", "typed": "/tiimi uusi"}) == expected


def _template_of(runs: tuple[object, ...]) -> str:
    """The runs written back in the template syntax, each mark escaped where it would act."""
    written = []
    for run in runs:
        match run:
            case Plain(text=text):
                written.append(re.sub(r"([*`{}\\])", r"\\\1", text))
            case Strong(content=content):
                written.append(f"*{_template_of(content)}*")
            case Code(text=text):
                written.append("`" + re.sub(r"([`{}\\])", r"\\\1", text) + "`")
            case Command(text=text):
                written.append("`/" + re.sub(r"([`{}\\])", r"\\\1", text) + "`")
    return "".join(written)


_PLAIN_PART = st.text(alphabet="ab ä*`{}\\/.", min_size=1).map(
    lambda text: re.sub(r"([*`{}\\])", r"\\\1", text)
)
_CODE_TEXT = st.one_of(
    st.sampled_from(["/tiimi", "/askel", "/tiimi uusi @Anna", "/askel *x*", "/tiimix", "/"]),
    st.text(alphabet="ab */`{}\\", min_size=1),
)
_CODE_PART = _CODE_TEXT.map(lambda text: "`" + re.sub(r"([`{}\\])", r"\\\1", text) + "`")
_STRONG_PART = st.lists(st.one_of(_PLAIN_PART, _CODE_PART), min_size=1, max_size=3).map(
    lambda parts: "*" + "".join(parts) + "*"
)
TEMPLATES = st.lists(st.one_of(_PLAIN_PART, _CODE_PART, _STRONG_PART), max_size=6).map("".join)


_COMMAND_TEXT = re.compile(r"/(?:tiimi|askel)(?: |$)", re.DOTALL)


def _spans(runs: Runs) -> list[Code | Command]:
    found: list[Code | Command] = []
    for run in runs:
        if isinstance(run, Code | Command):
            found.append(run)
        elif isinstance(run, Strong):
            found += _spans(run.content)
    return found


@given(TEMPLATES)
def test_any_template_round_trips_with_commands_as_their_code_spans(template: str) -> None:
    """The runs written back are the template: a command is its code span with the slash, so
    nothing of a template is lost or changed; and exactly the code spans that start with a
    command's name (then a space or the end) are commands."""
    try:
        runs = fill(template, {})
    except TemplateError:  # an empty strong span, e.g. `**` of two strong parts side by side
        return
    assert _template_of(runs) == template
    for span in _spans(runs):
        if isinstance(span, Command):
            assert _COMMAND_TEXT.match("/" + span.text), span
        else:
            assert not _COMMAND_TEXT.match(span.text), span
