"""Block Kit rendering: runs as mrkdwn, and the Home tab holds the same blocks a message
would, up to Slack's limits."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from slack_sdk.models.views import View

from bot import replies
from bot.dates import day, moment
from bot.replies import Code, Command, Person, SpaceLink, When, compose, strong
from handlers.slack.render import (
    BLOCKS_PER_STEP,
    MAX_BLOCKS,
    MAX_VIEW_BLOCKS,
    fallback_text,
    home_view,
    markup,
    render_blocks,
    reply_payload,
)
from tests.support.slack_reading import read_blocks, read_mrkdwn

EVERY_KIND = (
    replies.Header(compose("Tiimi MT-2026-0001")),
    replies.Text(compose(strong("Tavoite:"), " oma asunto\n" + "pitkä rivi " * 400)),  # > 3000
    replies.Note(compose("Päivitetty 23.11.2026")),
    replies.Preformatted("1. Soita Kelaan\n2. Varaa aika"),
    replies.Divider(),
    replies.Buttons(
        (
            replies.Button("step_done", "Tehty", "3", style="primary"),
            replies.Button("step_move", "Siirrä", "3"),
        )
    ),
)


async def test_the_home_tab_holds_the_blocks_a_message_would() -> None:
    message = replies.Message(compose("Tiimi"), EVERY_KIND * 3)
    view = await home_view(message)
    assert view["type"] == "home"
    assert view["blocks"] == render_blocks(message, limit=MAX_VIEW_BLOCKS)
    # as the View built from the rendered dicts gives it
    assert view == View(type="home", blocks=render_blocks(message, limit=100)).to_dict()
    kinds = [block["type"] for block in view["blocks"]]
    assert kinds == ["header", "section", "section", "context", "section", "divider", "actions"] * 3


async def test_a_view_holds_at_most_100_blocks_and_a_message_50() -> None:
    message = replies.Message(
        compose("Lista"), tuple(replies.Text(compose(f"Askel {n}")) for n in range(130))
    )
    view_blocks = (await home_view(message))["blocks"]
    assert len(view_blocks) == MAX_VIEW_BLOCKS
    assert view_blocks[-1]["text"]["text"] == "Askel 99"
    assert len(render_blocks(message)) == MAX_BLOCKS


def test_a_message_without_blocks_is_its_text() -> None:
    blocks = render_blocks(replies.Message(compose("Ei avoimia tiimejä.")))
    assert blocks == [
        {
            "type": "section",
            "text": {"type": "mrkdwn", "text": "Ei avoimia tiimejä.", "verbatim": True},
        }
    ]


async def test_other_tasks_run_while_a_home_tab_is_serialised() -> None:
    """Between every BLOCKS_PER_STEP blocks the event loop takes a turn (no clock involved)."""
    turns = 0

    async def other_request() -> None:
        nonlocal turns
        while True:
            turns += 1
            await asyncio.sleep(0)

    message = replies.Message(
        compose("Lista"), tuple(replies.Text(compose(f"Askel {n}")) for n in range(100))
    )
    other = asyncio.create_task(other_request())
    await asyncio.sleep(0)  # it has started
    before = turns
    await home_view(message)
    other.cancel()
    assert turns - before == 100 // BLOCKS_PER_STEP - 1


def test_runs_become_mrkdwn_and_only_the_core_s_own_persons_and_spaces_act() -> None:
    runs = compose(
        Person("UANNA"),
        " lisäsi ",
        strong("<Bertta> & co"),
        " kanavalle ",
        SpaceLink("CTEAM"),
        ": ",
        Code("/askel valmis <numero>"),
        " <!channel>",
    )
    text = markup(runs)
    assert text == (
        "<@UANNA> lisäsi *&lt;Bertta&gt; &amp; co* kanavalle <#CTEAM>: "
        "`/askel valmis &lt;numero&gt;` &lt;!channel&gt;"
    )
    reading = read_mrkdwn(text)
    assert reading.mentions == ["UANNA"] and reading.channels == ["CTEAM"]
    assert not (reading.specials or reading.links or reading.stray)


def test_an_id_that_is_not_slack_s_is_shown_as_text() -> None:
    reading = read_mrkdwn(markup((Person("U1|x> <!here"), SpaceLink("C1>"))))
    assert reading.shown == "@U1|x> <!here#C1>" and not reading.acts


def test_plain_text_fields_get_the_runs_plain_text_and_the_fallback_is_mrkdwn() -> None:
    message = replies.Message(
        compose("Tiimi ", strong("MT-1"), " on avattu: ", SpaceLink("C1")),
        (replies.Header(compose(strong("MT-1"), " & ", Person("U1"))),),
    )
    [header] = render_blocks(message)
    assert header["text"]["text"] == "MT-1 & @U1"
    payload = reply_payload(replies.Reply(message))
    assert payload["text"] == fallback_text(message) == "Tiimi *MT-1* on avattu: <#C1>"


def test_a_command_is_the_slash_command_slack_users_type() -> None:
    runs = compose("Käyttö: ", Command("askel valmis <numero>"), ", ", Code("klo 14"))
    assert markup(runs) == "Käyttö: `/askel valmis &lt;numero&gt;`, `klo 14`"
    message = replies.Message(runs, (replies.Header(compose(Command("tiimi ohje"))),))
    [header] = render_blocks(message)
    assert header["text"]["text"] == "/tiimi ohje"


def test_text_and_notes_are_verbatim_mrkdwn() -> None:
    message = replies.Message(
        compose("x"),
        (replies.Text(compose("@here https://kela.fi")), replies.Note(compose("#yleinen"))),
    )
    for reading in read_blocks(render_blocks(message)):
        assert not reading.acts, reading


def test_a_date_shows_the_text_the_core_wrote_for_it() -> None:
    due = moment(datetime(2026, 12, 11, 12, 0, tzinfo=UTC), ZoneInfo("Europe/Helsinki"), "fi")
    assert due == When(datetime(2026, 12, 11, 12, 0, tzinfo=UTC), "pe 11.12.2026 klo 14.00")
    runs = compose("Tapaaminen ", due, " ja ", day(date(2026, 12, 14), "sv"))
    assert markup(runs) == "Tapaaminen pe 11.12.2026 klo 14.00 ja må 14.12.2026"
    assert markup(compose(When(date(2026, 1, 1), "<b>"))) == "&lt;b&gt;"
