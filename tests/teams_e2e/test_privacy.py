"""Privacy through the real Teams bot: a forged or stale token does nothing, an identity code
is refused and never stored, posted or sent back, what a person types shows as typed and
makes no mention, and the log of a failure holds nothing a person typed."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlmodel import SQLModel, select

import storage.platform_records  # noqa: F401  (its tables into SQLModel.metadata)
from bot import action_ids
from bot.i18n import Catalog
from bot.logging_setup import DETAIL_LIBRARIES, QUIET_LIBRARIES, quiet_also
from bot.privacy import contains_identity_code
from handlers.teams.dialogs.buttons import ADD_GOAL_FORM, ADD_MEMBER_FORM
from storage.db import run_select
from tests.fake_teams.state import Conversation
from tests.teams_e2e.conftest import People
from tests.teams_e2e.harness import TeamsBot, texts

# 131052-308T (check letter T) in disguises the guard must see through.
DISGUISED_HETUS = (
    "131052-308T",
    "131052 308T",
    "131052-\n308T",
    "1 3 1 0 5 2 - 3 0 8 T",
    "\uff11\uff13\uff11\uff10\uff15\uff12-\uff13\uff10\uff18\uff34",  # full-width
    "131052\u200b-308\u0422",  # a zero-width space and a Cyrillic check letter
    "131052&#45;308T",  # an entity for the sign, as Teams' HTML carries it
    "13.10.52-308T",  # the date written with dots
)
CODE_PARTS = ("131052", "308T", "308\u0422", "\uff11\uff13\uff11")  # as typed, in any output
REFUSALS = {Catalog("fi", "teams").plain(key) for key in ("privacy_hetu", "privacy_hetu_like")}
CLIENT_TEXT = "Maija Meikäläinen muuttaa Ratapihankatu 9 B 14:ään, velkaa 14 300 euroa"


async def open_case(bot: TeamsBot, people: People) -> Conversation:
    """Anna opens a team with Bertta and Cecilia by the dialog: its group chat."""
    personal = bot.personal(people.anna)
    form = await bot.fetch_form(personal, people.anna, action_ids.OPEN_TEAM_FORM)
    members = f"{people.bertta.id},{people.cecilia.id}"
    await bot.submit_form(personal, people.anna, form, members=members, consent="true")
    (chat,) = bot.case_chats()
    return chat


async def database_rows(bot: TeamsBot) -> dict[str, list[str]]:
    """Every row of every table, as text, by table."""
    rows: dict[str, list[str]] = {}
    async with bot.database.session() as session:
        for table in SQLModel.metadata.sorted_tables:
            found = await run_select(session, select(table))
            rows[table.name] = sorted(repr(tuple(row)) for row in found)
    return rows


async def rows_with_codes(bot: TeamsBot) -> list[str]:
    """The stored rows that hold an identity code; the conversation references are left out
    (Teams' ids and the SDK's random request id, which can look like a code)."""
    rows = await database_rows(bot)
    del rows["conversation_reference"]
    return [row for table in rows.values() for row in table if contains_identity_code(row)]


def everything_posted(bot: TeamsBot) -> list[dict[str, Any]]:
    """Every activity the bot posted or updated, in every conversation."""
    found: list[dict[str, Any]] = []
    for chat in bot.teams.tenant.conversations.values():
        found += chat.posted + chat.updated
    return found


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def assert_no_code(text: str) -> None:
    assert not contains_identity_code(text), text
    for part in CODE_PARTS:
        assert part not in text, part


async def plan_texts(bot: TeamsBot) -> list[str]:
    rows = await database_rows(bot)
    return rows["goal"] + rows["step"]


# --- 1. tokens ---------------------------------------------------------------------------------

BAD_TOKENS = {
    "none": lambda bot: None,
    "wrong audience": lambda bot: bot.teams.sender.authorization(audience="api://someone-else"),
    "expired": lambda bot: bot.teams.sender.authorization(lifetime=-3600),
    "foreign key": lambda bot: bot.teams.sender.authorization(foreign_key=True),
    "not a token": lambda bot: "Bearer not.a.token",
    "basic": lambda bot: "Basic dGlpbWk6dGlpbWk=",
}


@pytest.mark.parametrize("token", BAD_TOKENS)
async def test_a_request_without_a_valid_token_is_401_and_does_nothing(
    bot: TeamsBot, people: People, token: str
) -> None:
    personal, events = bot.personal(people.anna), bot.teams.events
    before, served = await database_rows(bot), len(bot.teams.faults.served)
    activities = [
        events.message(personal, people.anna, "uusi"),
        events.task_fetch(personal, people.anna, {"verb": action_ids.OPEN_TEAM_FORM}),
    ]
    for activity in activities:
        status, body = await bot.teams.sender.send(activity, authorization=BAD_TOKENS[token](bot))
        await bot.settle()
        assert status == 401 and "task" not in as_json(body), (status, body)
    assert everything_posted(bot) == [] and len(bot.teams.faults.served) == served
    assert await database_rows(bot) == before
    for activity in activities:  # the same, signed, would have done something
        status, _ = await bot.send(activity)
        assert status in (200, 202)
    assert everything_posted(bot) and await database_rows(bot) != before


# --- 2. identity codes -------------------------------------------------------------------------


async def test_a_typed_step_or_goal_with_an_identity_code_is_refused(
    bot: TeamsBot, people: People
) -> None:
    chat = await open_case(bot, people)
    personal, posted = bot.personal(people.anna), len(chat.posted)
    for code in DISGUISED_HETUS:
        for typed in (f"askel lisää {code} soittaa", f"askel tavoite Asunto {code}"):
            told = len(personal.posted)
            assert await bot.say(chat, people.anna, typed) in (200, 202)
            (refusal,) = texts(personal)[told:]  # told privately, in Anna's personal chat
            assert refusal in REFUSALS, (typed, refusal)
    assert len(chat.posted) == posted  # nothing into the case chat
    assert await plan_texts(bot) == [] and await rows_with_codes(bot) == []
    assert_no_code(as_json(everything_posted(bot)))


@pytest.mark.parametrize("verb", [ADD_GOAL_FORM, action_ids.ADD_STEP_FORM])
async def test_a_form_with_an_identity_code_is_refused_and_not_sent_back(
    bot: TeamsBot, people: People, verb: str
) -> None:
    chat = await open_case(bot, people)
    posted = len(everything_posted(bot))
    for code in DISGUISED_HETUS:
        form = await bot.fetch_form(chat, people.anna, verb)
        answer = await bot.submit_form(chat, people.anna, form, text=f"Soita Kelaan, {code}")
        assert answer["task"]["type"] == "continue"  # the form again, with the refusal
        body = answer["task"]["value"]["card"]["content"]["body"]
        (text_input,) = [element for element in body if element.get("id") == "text"]
        assert "value" not in text_input
        assert {element.get("text") for element in body} & REFUSALS, body
        assert_no_code(as_json(answer))
    assert len(everything_posted(bot)) == posted
    assert await plan_texts(bot) == [] and await rows_with_codes(bot) == []


async def test_a_form_shown_again_for_another_error_does_not_send_a_code_back(
    bot: TeamsBot, people: People
) -> None:
    chat = await open_case(bot, people)
    form = await bot.fetch_form(chat, people.anna, ADD_MEMBER_FORM)
    typed = {"person": people.david.id, "organisation": "Kela, asiakas 131052-308T"}
    answer = await bot.submit_form(chat, people.anna, form, **typed)  # no profession chosen
    assert answer["task"]["type"] == "continue"
    assert_no_code(as_json(answer))
    assert people.david.id in as_json(answer)  # what holds no code is kept


# --- 3. markup ---------------------------------------------------------------------------------

MARKUP = [
    "<at>Bertta Berg</at> hoitaa",
    "**lihava** ja _kursiivi_ ja ~~yliviivattu~~",
    "[linkki](http://evil.example) <http://evil.example>",
    "&lt;at&gt; <script>alert(1)</script> & &amp; &#49; loppu",
    '{"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "<at>Kaisa</at>"}]}',
    "# otsikko\n- lista\n1. numero\n> lainaus",
    "{{DATE(2026-12-24T10:00:00Z, SHORT)}} \\*ei\\* `koodi` \\",
]
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])|&lt;")  # what Teams shows of escaped Markdown
_NUMBERED = re.compile(r"\*\*T?\d+\.\*\* (?P<text>.*) · ", re.DOTALL)


def shown(markdown: str) -> str:
    """A TextBlock's Markdown as Teams shows it, when it holds nothing but escapes."""
    return _UNESCAPE.sub(lambda match: match[1] or "<", markdown)


@pytest.mark.parametrize("verb", [ADD_GOAL_FORM, action_ids.ADD_STEP_FORM])
async def test_typed_markup_shows_as_typed_and_makes_no_mention(
    bot: TeamsBot, people: People, verb: str
) -> None:
    chat = await open_case(bot, people)
    for typed in MARKUP:
        posted = len(chat.posted)
        form = await bot.fetch_form(chat, people.anna, verb)
        await bot.submit_form(chat, people.anna, form, text=typed)
        (card,) = chat.posted[posted:]
        content = card["attachments"][0]["content"]
        number = _NUMBERED.search(content["body"][0]["text"])
        assert number is not None, content
        markdown = number["text"]
        assert shown(markdown) == " ".join(typed.split()), markdown  # stored with spaces tidied
        bare = re.sub(r"\\[!-/:-@\[-`{-~]", "", markdown)  # what is left unescaped
        assert not set("*_[]`<") & set(bare) and "{{" not in bare, markdown
        assert not card.get("entities") and "entities" not in content.get("msteams", {})
        assert "<at>" not in as_json(card["attachments"])


# --- 4. logs -----------------------------------------------------------------------------------


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Every record at DEBUG, with the libraries held at WARNING as `python -m bot` holds them
    (bot.logging_setup); their levels restored after."""
    caplog.set_level(logging.DEBUG)
    names = QUIET_LIBRARIES | DETAIL_LIBRARIES
    saved = {name: logging.getLogger(name).level for name in names}
    quiet_also()
    yield caplog
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def logged(records: list[logging.LogRecord]) -> str:
    """Each record's message, arguments and exceptions' messages, one per line."""
    lines = []
    for record in records:
        lines += [record.getMessage(), repr(record.args)]
        error = record.exc_info[1] if record.exc_info else None
        while error is not None:
            lines.append(f"{type(error).__name__}: {error}")
            error = error.__cause__ or error.__context__
    return "\n".join(lines)


async def test_failing_commands_log_nothing_a_person_typed(
    bot: TeamsBot, people: People, debug_logs: pytest.LogCaptureFixture
) -> None:
    chat = await open_case(bot, people)
    debug_logs.clear()
    faults = bot.teams.faults
    faults.fail_next("connector.reply", status=500, times=50)  # every post fails
    await bot.say(chat, people.anna, f"askel tavoite {CLIENT_TEXT}")
    await bot.say(chat, people.anna, f"askel Soita Kelaan {DISGUISED_HETUS[5]} pe mennessä")
    form = await bot.fetch_form(chat, people.anna, action_ids.ADD_STEP_FORM)
    faults.fail_next("graph.user", status=503, times=50)  # nor can names be read
    (save,) = form["task"]["value"]["card"]["content"]["actions"]
    typed = {"text": f"Tapaa {CLIENT_TEXT}", "owner_user": people.bertta.id}
    await bot.send(bot.teams.events.task_submit(chat, people.anna, save["data"] | typed))
    await bot.say(chat, people.anna, f"tiimi lisää {CLIENT_TEXT} {DISGUISED_HETUS[4]}")
    assert any(op == "connector.reply" and status == 500 for op, status in faults.served)
    messages = [record.getMessage() for record in debug_logs.records]
    assert "command failed: PlatformError" in messages, messages  # the failure is logged
    assert logging.getLogger().getEffectiveLevel() == logging.DEBUG  # Tiimi's own DEBUG lines
    assert logging.getLogger("microsoft_agents").getEffectiveLevel() == logging.WARNING
    text = logged(debug_logs.records)
    for secret in (CLIENT_TEXT, "Meikäläinen", "Ratapihankatu", "14 300", "Soita Kelaan"):
        assert secret not in text, secret
    assert_no_code(text)
