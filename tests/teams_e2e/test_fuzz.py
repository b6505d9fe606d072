"""Hypothesis-driven activities and raw bodies, signed, to the real Teams bot: never a 5xx,
never an exception's text or an identity code in any chat or answer, never a code stored."""

from __future__ import annotations

import json
import re
from typing import Any

import aiohttp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import action_ids
from bot.i18n import LANGUAGES, Catalog
from bot.privacy import contains_identity_code
from handlers.teams.dialogs.buttons import ADD_GOAL_FORM, ADD_MEMBER_FORM
from handlers.teams.home import HOME_VERB
from tests.fake_teams.state import GROUP_CHAT, Conversation, User
from tests.teams_e2e.conftest import People
from tests.teams_e2e.harness import TeamsBot, plain_text
from tests.teams_e2e.test_privacy import (
    DISGUISED_HETUS,
    as_json,
    everything_posted,
    open_case,
    rows_with_codes,
)

FUZZ = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
GENERIC_ERRORS = [Catalog(lang, "teams").plain("generic_error") for lang in LANGUAGES]
# What an exception's text or a stack trace shows; no fuzzed text holds these words.
EXCEPTION_TEXT = re.compile(
    r"Traceback|File \"|\b\w*(?:Error|Exception)\b|NoneType|has no attribute|validation error"
)
GHOST = User("00000000-0000-4000-8000-00000000dead", "Ghost Guest")  # in no chat, no tenant
HETUS = st.sampled_from(DISGUISED_HETUS)
MARKUP = st.sampled_from(
    [
        "<at>Ghost Guest</at>",
        "<at>Bertta Berg</at>",
        "**bold** _it_ [link](http://evil.example) <script>alert(1)</script>",
        '{"type": "AdaptiveCard", "body": [{"type": "TextBlock", "text": "<at>Kaisa</at>"}]}',
        "<p>kappale</p><br><div>&amp;&nbsp;&#49;</div>",
        '<a href="http://evil.example">kela.fi</a>',
        "{{DATE(2026-12-24T10:00:00Z, SHORT)}}",
        "\u202e\u200b\u0000\ufeff",
    ]
)
WORDS = st.sampled_from(
    [
        *("tavoite", "uusi", "lisää", "poista", "muokkaa", "valmis", "siirrä", "sulje"),
        *("jäsenet", "vastuu", "suunnitelma", "ohje", "koti", "T1", "1", "pe", "31.2."),
        *("@Tiimi", "25:61"),
    ]
)
COMMANDS = st.sampled_from(
    [
        *("askel", "askel tavoite", "askel muokkaa 1", "askel 1 vastuu", "tiimi lisää"),
        *("tiimi uusi", "tiimi sulje", "tiimi tapaaminen", "uusi", "koti", ""),
    ]
)
TEXTS = st.one_of(
    st.builds("{} {} {}".format, WORDS | MARKUP | st.text(max_size=10), HETUS, MARKUP),
    st.text(max_size=60),
    st.lists(WORDS | MARKUP | HETUS | st.text(max_size=8), max_size=6).map(" ".join),
    st.sampled_from(["x" * 30_000, "Soita " + "å" * 20_000, "<at>" * 5_000]),
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=8,
)
FORMS = [ADD_GOAL_FORM, action_ids.ADD_STEP_FORM, action_ids.STEP_MOVE, ADD_MEMBER_FORM]
FORMS += [action_ids.CLOSE_SERVICE_FORM, action_ids.OPEN_TEAM_FORM]
BUTTONS = [action_ids.STEP_DONE, action_ids.STEP_NOT_DONE, action_ids.HOME_STEP_DONE, HOME_VERB]
BUTTONS += ["goal_status:reached", "plan_page:next", "nudge_snooze:7", "close_team:other"]
BUTTONS += ["meeting_outcome:held", "teams_page:prev", "unknown_verb", ""]
VALUES = st.sampled_from(["1", "T1", "0", "-1", "１", "²", "99999999999", "1:1", "1|x|y"])
FIELDS = st.fixed_dictionaries(
    {"text": TEXTS},
    optional={
        "value": VALUES | JSON,
        "members": st.sampled_from(["", "x,y", GHOST.id, "00000000-0000-4000-8000-0000000000b2"])
        | HETUS,
        "consent": st.sampled_from(["true", "false", "", 5]),
        "owner_user": st.sampled_from(["", GHOST.id, "a,b"]) | HETUS | JSON,
        "owner_role": st.sampled_from(["1", "doctor", "nobody", "1,2,x", ""]) | HETUS,
        "due": st.sampled_from(["2026-13-45", "", "2027-01-01", "1900-01-01", "eilen"]) | HETUS,
        "goal": st.sampled_from(["1", "x", "99999", ""]),
        "person": st.sampled_from([GHOST.id, "00000000-0000-4000-8000-0000000000c3"]) | HETUS,
        "profession": st.sampled_from(["doctor", "nurse", ""]) | TEXTS,
        "organisation": TEXTS,
        "service": TEXTS,
        "dialog": st.text(max_size=8),
    },
)
MEMBER_ACTIVITIES = st.one_of(
    st.fixed_dictionaries(
        {"kind": st.just("message"), "text": st.builds("{} {}".format, COMMANDS, TEXTS)}
    ),
    st.fixed_dictionaries(
        {"kind": st.just("submit"), "verb": st.sampled_from(FORMS), "fields": FIELDS}
    ),
    st.fixed_dictionaries({"kind": st.just("fetch"), "verb": st.sampled_from(FORMS)}),
    st.fixed_dictionaries(
        {"kind": st.just("press"), "verb": st.sampled_from(BUTTONS), "value": VALUES | TEXTS}
    ),
)
MENTIONS = st.lists(
    st.sampled_from(
        [
            {"type": "mention", "text": "<at>Ghost Guest</at>", "mentioned": GHOST.account()},
            {"type": "mention", "text": "<at>Bertta Berg</at>", "mentioned": {"id": "29:nobody"}},
            {"type": "mention", "mentioned": "not an account"},
            {"type": "mention", "text": 5, "mentioned": {"id": 7}},
            {"type": "clientInfo", "locale": "xx-YY"},
        ]
    ),
    max_size=3,
)
MALFORMED = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["message", "submit", "fetch", "press", "invoke", "type"]),
        "where": st.sampled_from(["case", "personal", "workroom", "unknown", "missing", "str"]),
        "who": st.sampled_from(["anna", "david", "ghost", "missing", "no_aad", "str"]),
        "text": TEXTS,
        "verb": st.sampled_from(FORMS + BUTTONS) | st.text(max_size=10) | JSON,
        "fields": FIELDS,
        "mentions": MENTIONS,
        "name": st.sampled_from(["composeExtension/query", "signin/verifyState", "x/y", ""]),
        "type": st.sampled_from(["messageReaction", "event", "typing", "messageUpdate", ""]),
        "overrides": st.dictionaries(
            st.sampled_from(["value", "text", "locale", "replyToId", "channelData", "name"])
            | st.sampled_from(["attachments", "channelId", "entities", "recipient", "textFormat"]),
            JSON,
            max_size=2,
        ),
    }
)


async def ready_case(bot: TeamsBot, people: People) -> Conversation:
    """The case chat, opened (with a goal and a step) on the first example."""
    if not bot.case_chats():
        chat = await open_case(bot, people)
        for verb, text in ((ADD_GOAL_FORM, "Oma asunto"), (action_ids.ADD_STEP_FORM, "Soita")):
            form = await bot.fetch_form(chat, people.anna, verb)
            await bot.submit_form(chat, people.anna, form, text=text)
    return bot.case_chats()[0]  # the first; a fuzzed form may open (or fail to open) more


def activity_of(bot: TeamsBot, chat: Conversation, user: User, plan: dict[str, Any]) -> Any:
    """The activity a drawn plan describes, in the shapes Teams sends."""
    events, kind, verb = bot.teams.events, plan["kind"], plan.get("verb")
    if kind == "submit":
        return events.task_submit(chat, user, {"verb": verb, **plan["fields"]})
    if kind == "fetch":
        return events.task_fetch(chat, user, {"verb": verb, **plan.get("fields", {})})
    if kind == "press":
        reply_to = chat.posted[-1]["id"] if chat.posted else "1700"
        value = plan.get("value", plan.get("fields", {}).get("value"))
        verb = verb if isinstance(verb, str) else "x"
        return events.card_action(chat, user, verb, {"value": value}, reply_to=reply_to)
    if kind == "invoke":
        return events.invoke(chat, user, plan["name"], plan["fields"])
    group = chat.conversation_type != "personal"
    activity = events.message(chat, user, plan["text"], mention_bot=group)
    if kind == "type":
        activity["type"] = plan["type"]
    return activity


def malformed(bot: TeamsBot, people: People, chat: Conversation, plan: dict[str, Any]) -> Any:
    """The activity with its sender, conversation or fields missing or of the wrong type."""
    chats = {"case": chat, "personal": bot.personal(people.anna), "workroom": people.workroom}
    where = chats.get(plan["where"], Conversation("19:ghost@thread.v2", GROUP_CHAT))
    user = {"anna": people.anna, "david": people.david}.get(plan["who"], GHOST)
    activity = activity_of(bot, where, user, plan)
    activity["entities"] += plan["mentions"]
    if plan["who"] in ("missing", "str"):
        activity["from"] = "29:someone" if plan["who"] == "str" else None
    elif plan["who"] == "no_aad":
        del activity["from"]["aadObjectId"]
    if plan["where"] in ("missing", "str"):
        activity["conversation"] = "19:chat@thread.v2" if plan["where"] == "str" else None
    activity.update(plan["overrides"])
    return activity


async def assert_nothing_leaked(bot: TeamsBot, status: int, body: Any, plan: Any) -> None:
    """No 5xx; no identity code or exception text in the answer or anything the bot posted
    anywhere; no identity code stored."""
    assert status < 500, (status, body, plan)
    answer = as_json(body)
    assert not contains_identity_code(answer), (answer, plan)
    assert not EXCEPTION_TEXT.search(answer), (answer, plan)
    posted = everything_posted(bot)
    said = "\n".join(plain_text(activity) for activity in posted) + as_json(posted)
    assert not contains_identity_code(said), plan
    assert not EXCEPTION_TEXT.search(said), plan
    assert not any(error in said for error in GENERIC_ERRORS), plan
    assert await rows_with_codes(bot) == [], plan


@FUZZ
@given(plan=MEMBER_ACTIVITIES)
async def test_a_members_fuzzed_commands_forms_and_presses(
    bot: TeamsBot, people: People, plan: dict[str, Any]
) -> None:
    chat = await ready_case(bot, people)
    where = bot.personal(people.anna) if plan.get("verb") == action_ids.OPEN_TEAM_FORM else chat
    status, body = await bot.send(activity_of(bot, where, people.anna, plan))
    await assert_nothing_leaked(bot, status, body, plan)


@FUZZ
@given(plan=MALFORMED)
async def test_malformed_activities_from_anyone_anywhere(
    bot: TeamsBot, people: People, plan: dict[str, Any]
) -> None:
    chat = await ready_case(bot, people)
    status, body = await bot.send(malformed(bot, people, chat, plan))
    await assert_nothing_leaked(bot, status, body, plan)


async def post_raw(bot: TeamsBot, body: bytes, content_type: str | None) -> int:
    """POST a raw body, signed, with this content type (None: no Content-Type header)."""
    headers = {"Authorization": bot.teams.sender.authorization()}
    if content_type is not None:
        headers["Content-Type"] = content_type
    async with (
        aiohttp.ClientSession() as session,
        session.post(bot.url, data=body, headers=headers) as response,
    ):
        await response.read()
        return response.status


NOT_ACTIVITIES = st.one_of(
    st.binary(max_size=200),
    st.text(max_size=100).map(str.encode),
    JSON.filter(lambda value: not isinstance(value, dict)).map(json.dumps).map(str.encode),
    st.dictionaries(st.sampled_from(["type", "id", "conversation", "from", "foo"]), JSON)
    .filter(lambda value: not isinstance(value.get("conversation"), dict))
    .map(json.dumps)
    .map(str.encode),
)


@FUZZ
@given(
    body=NOT_ACTIVITIES,
    content_type=st.sampled_from(
        ["application/json", "text/plain", "application/x-www-form-urlencoded", None]
    ),
)
async def test_bodies_that_are_not_activities_are_refused_4xx(
    bot: TeamsBot, body: bytes, content_type: str | None
) -> None:
    status = await post_raw(bot, body, content_type)
    await bot.settle()
    assert 400 <= status < 500, (status, body, content_type)
    assert everything_posted(bot) == []
