"""Text people type is shown exactly as typed: it never mentions, pings or links."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import replies
from bot.home import messages as home_messages
from bot.i18n import LANGUAGES, Catalog
from bot.plan import messages as plan_messages
from bot.plan.messages import PlanData, step_message
from bot.plan.owners import StepOwners
from bot.reminders import messages as reminder_messages
from bot.replies import compose
from bot.teams import messages as team_messages
from handlers.slack.render import escape, fallback_text, render_blocks
from storage.models import Goal, Meeting, Participant, Step, StepOwner, Team
from tests.support.catalogs import texts
from tests.support.slack_reading import read_blocks, read_mrkdwn, read_text_object

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.mark.parametrize(
    ("text", "markup"),
    [
        ("Soita Kelaan", "Soita Kelaan"),
        ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
        ("<!channel>", "&lt;!channel&gt;"),
        ("<@U123>", "&lt;@U123&gt;"),
        ("<https://evil.example|kela.fi>", "&lt;https://evil.example|kela.fi&gt;"),
        ("&amp; &lt;", "&amp;amp; &amp;lt;"),
        ("*tärkeä* _ehkä_", "*tärkeä* _ehkä_"),
        ("", ""),
    ],
)
def test_plain_text_is_escaped_exactly_where_slack_reads_markup(text: str, markup: str) -> None:
    assert escape(text) == markup
    reading = read_mrkdwn(markup)
    assert reading.shown == text and not reading.acts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_catalog_message_carries_a_platform_s_markup(lang: str) -> None:
    """Mentions and links are runs the core fills in, never written in a template; `<`, `>`
    and `&` are text as written (the adapter escapes them)."""
    for key, template in texts(lang):
        assert not re.search(r"<[@#!]|&(?:amp|lt|gt);", template), (key, template)


def _team() -> Team:
    return Team(
        id=1,
        code="MT-2026-0001",
        year=2026,
        number=1,
        convenor_id="UANNA",
        opened_by="UANNA",
        consent_confirmed_by="UANNA",
        consent_confirmed_at=NOW,
        created_at=NOW,
    )


def _message_block_texts(step_text: str) -> tuple[str, list[dict[str, object]]]:
    step = Step(id=1, team_id=1, number=3, text=step_text, created_by="UANNA", created_at=NOW)
    plan = PlanData(_team(), (), (step,), (), (), NOW, HELSINKI, steps_total=1)
    message = step_message(Catalog("fi"), step, plan)
    return fallback_text(message), render_blocks(message)


MARKUP_LIKE = st.sampled_from(
    [
        "<!channel>",
        "<!here>",
        "<@U123>",
        "<@U123|anna>",
        "<#C1|yleinen>",
        "<https://evil.example|kela.fi>",
        "<http://kela.fi>",
        "&amp;",
        "&lt;",
        "&gt;",
        "&quot;",
        "&#60;",
        "*",
        "_",
        "~",
        "`",
        "|",
        "<",
        ">",
        "&",
        "@here",
        "#yleinen",
        "https://kela.fi",
    ]
)
TYPED = st.lists(
    st.one_of(MARKUP_LIKE, st.text(alphabet="abcäö AB019<>&*_|@!#:/.;-\n", max_size=8)),
    max_size=12,
).map("".join)


@given(TYPED)
def test_a_step_reads_in_slack_exactly_as_typed(typed: str) -> None:
    fallback, blocks = _message_block_texts(typed)
    [line, *_rest] = read_blocks(blocks)
    assert line.shown.startswith(f"*3.* {typed} · vastuu sopimatta")
    assert not line.acts, line
    shown_fallback = read_mrkdwn(fallback)
    assert shown_fallback.shown == f"Askel 3: {typed}" and not shown_fallback.acts


def test_plain_text_fields_show_the_literal_text() -> None:
    message = replies.Message(
        compose("x"),
        (
            replies.Header(compose("Tavoite <1> & 2")),
            replies.Buttons((replies.Button("a", "<Tehty>", "1"),)),
            replies.Preformatted("1. a < b &amp; <!channel>"),
        ),
    )
    header, buttons, code = render_blocks(message)
    assert header["text"] == {"type": "plain_text", "text": "Tavoite <1> & 2"}
    assert buttons["elements"][0]["text"]["text"] == "<Tehty>"
    shown = read_text_object(code["text"])
    assert shown.shown == "```1. a < b &amp; <!channel>```" and not shown.acts


def test_a_cut_never_leaves_half_an_entity() -> None:
    long = compose("x" * 2998 + "<<")
    [first] = render_blocks(replies.Message(compose("x"), (replies.Note(long),)))
    text = first["elements"][0]["text"]
    assert text.endswith("x…") and len(text) <= 3000


HOSTILE = "Soita <!channel> ja <https://evil.example|kela.fi> &amp; a < b & c"


def _every_builder() -> list[replies.Message]:
    t, team = Catalog("fi"), _team()
    team.channel_id = "CTEAM"
    goal = Goal(id=1, team_id=1, number=1, text=HOSTILE, created_by="UANNA", created_at=NOW)
    step = Step(
        id=1,
        team_id=1,
        number=3,
        text=HOSTILE,
        goal_id=1,
        due_date=TODAY,
        created_by="UANNA",
        created_at=NOW,
    )
    meeting = Meeting(
        id=1, team_id=1, starts_at=NOW, place=HOSTILE, created_by="UANNA", created_at=NOW
    )
    participant = Participant(
        id=1,
        team_id=1,
        number=2,
        role="ngo_worker",
        organisation=HOSTILE,
        contact_user_id="UBERT",
        added_by="UANNA",
        added_at=NOW,
    )
    owners = StepOwners.of(
        [StepOwner(step_id=1, user_id="UBERT"), StepOwner(step_id=1, participant_id=1)],
        [participant],
        team.convenor_id,
    )
    plan = PlanData(
        team, (goal,), (step,), (), (meeting,), NOW, HELSINKI, steps_total=1, owners=owners
    )
    return [
        team_messages.member_list(t, team=team, members=(), participants=(participant,)),
        step_message(t, step, plan),
        plan_messages.step_list(t, plan, include_finished=True),
        plan_messages.plan_view(t, plan),
        reminder_messages.meeting_before(
            t,
            team=team,
            meeting=meeting,
            steps=(step,),
            owners=owners,
            today=TODAY,
            tz=HELSINKI,
            late=False,
        ),
        reminder_messages.step_due(t, step=step, owners=owners, today=TODAY, late=False),
        home_messages.home(
            t,
            user_id="UBERT",
            teams=home_messages.Listing(((team, None, 0),), 1),
            steps=home_messages.Listing(((step, team, "ngo_worker"),), 1),
            orphans=home_messages.Listing(((step, team, "UBERT"),), 1),
            overview=None,
            now=NOW,
            tz=HELSINKI,
        ),
    ]


@pytest.mark.parametrize("index", range(7))
def test_every_message_with_user_text_shows_it_as_typed(index: int) -> None:
    message = _every_builder()[index]
    readings = [
        read_mrkdwn(fallback_text(message)),
        *read_blocks(render_blocks(message, limit=100)),
    ]
    assert any(HOSTILE in r.shown for r in readings)
    for reading in readings:
        assert not (reading.specials or reading.links or reading.stray), reading
        assert set(reading.mentions) <= {"UBERT"} and set(reading.channels) <= {"CTEAM"}
