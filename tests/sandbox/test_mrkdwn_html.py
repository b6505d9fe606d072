"""Mrkdwn as the HTML Slack would show, and nothing in the text ever becoming other markup."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.replies import Code, Person, SpaceLink, compose, strong
from handlers.sandbox.page.mrkdwn_html import html_to_text, mrkdwn_to_html, plain_to_html
from handlers.slack.render import escape, markup
from tests.sandbox.html_tree import Node, parse

PEOPLE = {"U1": "Anna Virta", "U2": "Bo <b>"}
CHANNELS = {"C1": "tiimi-1"}
A = 'target="_blank" rel="noopener noreferrer"'


def html(text: str) -> str:
    return mrkdwn_to_html(text, people=PEOPLE, channels=CHANNELS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a &amp; b &lt;c&gt;", "a &amp; b &lt;c&gt;"),
        ("&amp;lt; stays an escape", "&amp;lt; stays an escape"),
        ("*lihava* _kursiivi_ ~yli~", "<strong>lihava</strong> <em>kursiivi</em> <s>yli</s>"),
        ("*_sisäkkäin_*", "<strong><em>sisäkkäin</em></strong>"),
        ("`*ei* _muotoilua_`", "<code>*ei* _muotoilua_</code>"),
        ("snake_case_name 2*3*4 * a * _ b _", "snake_case_name 2*3*4 * a * _ b _"),
        ("*ei\nrivin yli*", "*ei<br>rivin yli*"),
        ("rivi\ntoinen", "rivi<br>toinen"),
        ("```\nkoodi *ei*\n&lt;x&gt;\n```", "<pre>koodi *ei*\n&lt;x&gt;</pre>"),
        ("ennen\n```koodi```\njälkeen", "ennen<pre>koodi</pre>jälkeen"),
        ("```a```\nvälissä\n```b```", "<pre>a</pre>välissä<pre>b</pre>"),
        ("> lainaus\n&gt; toinen\nrivi", "<blockquote>lainaus<br>toinen</blockquote>rivi"),
        ("a\n> b", "a<blockquote>b</blockquote>"),
        (
            "<@U1> ja <@U2|bo>",
            '<span class="mention">@Anna Virta</span> ja '
            '<span class="mention">@Bo &lt;b&gt;</span>',
        ),
        (
            "<@U9|vieras> <@U8>",
            '<span class="mention">@vieras</span> <span class="mention">@U8</span>',
        ),
        (
            "<#C1> <#C7|muu>",
            '<span class="channel">#tiimi-1</span> <span class="channel">#muu</span>',
        ),
        (
            "<!here> <!channel> <!everyone>",
            '<span class="mention">@here</span> '
            '<span class="mention">@channel</span> <span class="mention">@everyone</span>',
        ),
        ("<!subteam^S1|@koordinaattorit>", '<span class="mention">@koordinaattorit</span>'),
        ("<!date^1765000000^{date_short}|6.12.2025>", "6.12.2025"),
        (
            "<https://x.fi/?a=1&amp;b=2|Kela &amp; muut>",
            f'<a href="https://x.fi/?a=1&amp;b=2" {A}>Kela &amp; muut</a>',
        ),
        ("<https://x.fi>", f'<a href="https://x.fi" {A}>https://x.fi</a>'),
        ("<mailto:a@b.fi|posti>", f'<a href="mailto:a@b.fi" {A}>posti</a>'),
        ("<javascript:alert(1)|klikkaa>", "klikkaa"),
        ('<data:text/html,"x">', 'data:text/html,"x"'),
        ("<*lihava* linkki>", "*lihava* linkki"),
        ("*<@U1>* tehty", '<strong><span class="mention">@Anna Virta</span></strong> tehty'),
        (":white_check_mark: :calendar: :bell: :warning: :tuntematon:", "✅ 📆 🔔 ⚠️ :tuntematon:"),
        ("`:bell:`", "<code>:bell:</code>"),
        ("a < b", "a &lt; b"),
        ("b > c\n>", "b &gt; c<blockquote></blockquote>"),
        ("a\x00b", "a\ufffdb"),
    ],
)
def test_mrkdwn_shows_as_slack_shows_it(text: str, expected: str) -> None:
    assert html(text) == expected


def test_the_bots_own_markup_shows_what_the_core_meant() -> None:
    runs = compose(strong("Askel 1:"), " Soita <Kelaan> & ", Person("U1"), " ", SpaceLink("C1"))
    shown = parse(html(markup(runs)))
    assert shown.text() == "Askel 1: Soita <Kelaan> & @Anna Virta #tiimi-1"
    assert shown.find("strong").text() == "Askel 1:"
    assert parse(html(markup(compose(Code("*x*"))))).find("code").text() == "*x*"


@pytest.mark.parametrize(
    ("text", "emoji", "expected"),
    [
        ('<b> & "x"\nrivi', True, '&lt;b&gt; &amp; "x"<br>rivi'),
        ("Valmis :white_check_mark:", True, "Valmis ✅"),
        ("Valmis :white_check_mark:", False, "Valmis :white_check_mark:"),
        ("*ei muotoilua*", True, "*ei muotoilua*"),
    ],
)
def test_plain_text(text: str, emoji: bool, expected: str) -> None:
    assert plain_to_html(text, emoji=emoji) == expected


ALLOWED = {
    "strong": set(),
    "em": set(),
    "s": set(),
    "code": set(),
    "pre": set(),
    "blockquote": set(),
    "br": set(),
    "span": {"class"},
    "a": {"href", "target", "rel"},
}
FRAGMENTS = st.sampled_from(
    [
        "*",
        "_",
        "~",
        "`",
        "```",
        ">",
        "<",
        "|",
        "&",
        "&amp;",
        "&lt;",
        "&gt;",
        "\n",
        " ",
        '"',
        "'",
        "=",
        ":",
        "bell",
        "<script>",
        "</script>",
        "javascript:",
        "JavaScript:alert(1)",
        " javascript:",
        "https://",
        "mailto:",
        "<@U1>",
        "<@",
        "<#C1|",
        "<!here>",
        "<!date^1|",
        "onerror=",
        "<img src=x>",
        "\x00",
        "&#106;",
        "é",
    ]
)
ANY_TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=5)), max_size=30).map("".join)


def assert_only_allowed_markup(tree: Node) -> None:
    for node in tree.walk():
        if node.tag == "#root":
            continue
        assert node.tag in ALLOWED, node.tag
        assert set(node.attrs) <= ALLOWED[node.tag], node.attrs
        if node.tag == "span":
            assert node.attrs["class"] in ("mention", "channel")
        if node.tag == "a":
            href = node.attrs["href"] or ""
            assert re.match(r"(?i)(https?://|mailto:)", href), href
            assert not re.match(r"(?i)\W*javascript:", href)
            assert (node.attrs["target"], node.attrs["rel"]) == ("_blank", "noopener noreferrer")


@settings(max_examples=400)
@given(ANY_TEXT)
def test_nothing_in_the_text_becomes_other_markup(text: str) -> None:
    assert_only_allowed_markup(parse(html(text)))
    assert_only_allowed_markup(parse(plain_to_html(text)))


PLAIN_FRAGMENTS = st.sampled_from(
    ["<", ">", "&", "&amp;", "&lt;", "<b>", "<script>alert(1)</script>", '"', "'", "\n", " ", "é"]
)
NO_SYNTAX = (
    st.lists(st.one_of(PLAIN_FRAGMENTS, st.text(max_size=5)), max_size=20)
    .map("".join)
    .filter(lambda t: not re.search(r"[*_~`:]|^>", t, re.M) and "\x00" not in t)
)


@settings(max_examples=300)
@given(NO_SYNTAX)
def test_text_without_mrkdwn_shows_exactly_as_written(text: str) -> None:
    """The bot's escaping (`&`, `<`, `>`) comes out as the characters typed."""
    shown = parse(html(escape(text)))
    assert shown.text() == text
    assert [n.tag for n in shown.walk()] == ["#root"] + ["br"] * text.count("\n")
    assert html_to_text(html(escape(text))) == text


@given(st.text())
def test_plain_text_always_shows_exactly_as_written(text: str) -> None:
    assert parse(plain_to_html(text, emoji=False)).text() == text
