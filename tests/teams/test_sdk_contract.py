"""Pins the Agents SDK 1.9 behaviours the coming Teams adapter relies on or must work around,
through the SDK's real aiohttp hosting and JWT validation against the fake issuer's keys: an
SDK upgrade that changes any of them fails here first (docs/architecture.md, Teams)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import jwt
import pytest
import pytest_asyncio
from microsoft_agents.hosting.core import MessageFactory
from microsoft_agents.hosting.core.app.proactive import Conversation

from tests.fake_teams import FakeTeams
from tests.teams.conftest import ANNA, CASE_CHAT
from tests.teams.http import call
from tests.teams.sdk_host import SECRET_ERROR, SdkBot, sdk_bot

# The SDK keys the aiohttp app and request by strings ("agent_configuration", ...).
pytestmark = pytest.mark.filterwarnings("ignore::aiohttp.web_exceptions.NotAppKeyWarning")


@pytest_asyncio.fixture
async def bot(teams: FakeTeams) -> AsyncIterator[SdkBot]:
    async with sdk_bot(teams) as hosted:
        yield hosted


def _message(teams: FakeTeams, text: str, *, mention_bot: bool = False) -> dict[str, object]:
    chat = teams.tenant.conversations[CASE_CHAT]
    return teams.events.message(chat, teams.tenant.users[ANNA], text, mention_bot=mention_bot)


async def test_a_signed_message_runs_its_turn_and_the_reply_reaches_the_connector(
    teams: FakeTeams, bot: SdkBot
) -> None:
    # The adapter answers inside the request: the turn (and its connector calls) completes
    # before the 202, and a reply is POSTed to .../activities/{the inbound id} with the
    # outbound token from the connection manager (the fake connector checks it).
    inbound = _message(teams, "tiimi apua")
    status, _ = await teams.sender.send(inbound)
    assert status == 202
    posted = teams.tenant.conversations[CASE_CHAT].posted
    assert [(a["text"], a["replyToId"], a["from"]["id"]) for a in posted] == [
        ("selvä", inbound["id"], teams.tenant.bot_id)
    ]
    assert ("connector.reply", 201) in teams.faults.served
    assert bot.tokens.requested, "the reply's token came from the connection manager"


@pytest.mark.parametrize(
    "bad",
    ["none", "wrong audience", "expired", "foreign key", "HS256", "not bearer"],
)
async def test_the_sdk_refuses_a_request_without_a_valid_bot_framework_token(
    teams: FakeTeams, bot: SdkBot, bad: str
) -> None:
    # Inbound auth is never disabled in Tiimi's Teams tests; these are the SDK's own 401s.
    headers = {
        "none": None,
        "wrong audience": teams.sender.authorization(audience="another-bot"),
        "expired": teams.sender.authorization(lifetime=-3600),
        "foreign key": teams.sender.authorization(foreign_key=True),
        "HS256": "Bearer " + _hs256(teams, headers={"kid": teams.issuer.kid}),
        "not bearer": "Basic " + teams.issuer.inbound_token(service_url=teams.service_url),
    }
    status, _ = await teams.sender.send(_message(teams, "tiimi apua"), authorization=headers[bad])
    assert status == 401
    assert bot.seen == [] and teams.tenant.conversations[CASE_CHAT].posted == []


def _hs256(teams: FakeTeams, *, headers: dict[str, str] | None = None) -> str:
    claims = {"iss": "https://api.botframework.com", "aud": teams.tenant.app_id}
    return jwt.encode(claims, "k" * 32, algorithm="HS256", headers=headers)


async def test_the_sdk_allows_five_minutes_of_clock_skew(teams: FakeTeams, bot: SdkBot) -> None:
    # 300 s leeway: a token expired 200 s ago passes, so the adapter's own checks must not
    # assume a stricter expiry.
    header = teams.sender.authorization(lifetime=-200)
    status, _ = await teams.sender.send(_message(teams, "tiimi apua"), authorization=header)
    assert status == 202


async def test_a_service_url_unlike_the_tokens_only_warns_while_the_host_validator_is_off(
    teams: FakeTeams, bot: SdkBot
) -> None:
    # The host validator is off by default: production must turn it on (notes §1.9 #6).
    header = f"Bearer {teams.issuer.inbound_token(service_url='https://smba.example.invalid/')}"
    status, _ = await teams.sender.send(_message(teams, "tiimi apua"), authorization=header)
    assert status == 202


async def test_the_bot_mention_is_removed_before_routing(teams: FakeTeams, bot: SdkBot) -> None:
    # "@Tiimi tiimi apua" in a group chat reaches the route as the text without the mention.
    status, _ = await teams.sender.send(_message(teams, "tiimi apua", mention_bot=True))
    assert status == 202
    assert bot.seen == [{"route": "tiimi", "text": "tiimi apua"}]


async def test_regex_selectors_match_the_whole_text_and_an_unrouted_text_is_logged(
    teams: FakeTeams, bot: SdkBot, caplog: pytest.LogCaptureFixture
) -> None:
    # re.fullmatch: patterns must end in `.*`. The unrouted warning quotes the user's text,
    # so the adapter needs a catch-all route (a HETU could otherwise reach the logs).
    with caplog.at_level(logging.WARNING):
        status, _ = await teams.sender.send(_message(teams, "hei tiimi 010101-123N"))
    assert status == 202 and bot.seen == []
    assert any("010101-123N" in record.getMessage() for record in caplog.records)


async def test_the_default_turn_error_handler_posts_the_exception_text(
    teams: FakeTeams, bot: SdkBot
) -> None:
    # The adapter must replace adapter.on_turn_error: the default shows users the error.
    status, _ = await teams.sender.send(_message(teams, "boom"))
    assert status == 202
    texts = [a.get("text") for a in teams.tenant.conversations[CASE_CHAT].posted]
    assert texts == [f"Exception caught : {SECRET_ERROR}"]


async def test_malformed_requests_answer_500(teams: FakeTeams, bot: SdkBot) -> None:
    # The adapter wraps start_agent_process (and the JWT middleware) to answer 400/401: a
    # fuzzed request must never 5xx. A schema-invalid activity raises pydantic's
    # ValidationError, a token without a `kid` header a KeyError; both reach aiohttp as 500.
    # Only an activity lacking type or conversation altogether gets the SDK's own 400.
    broken = {**_message(teams, "tiimi"), "from": 3}
    assert (await teams.sender.send(broken))[0] == 500
    no_conversation_id = {**_message(teams, "tiimi"), "conversation": {"isGroup": True}}
    assert (await teams.sender.send(no_conversation_id))[0] == 500
    kidless = f"Bearer {_hs256(teams)}"
    assert (await teams.sender.send(_message(teams, "tiimi"), authorization=kidless))[0] == 500
    headless = {k: v for k, v in _message(teams, "tiimi").items() if k != "conversation"}
    assert (await teams.sender.send(headless))[0] == 400
    assert bot.seen == []


async def test_an_action_execute_answers_with_its_card_and_an_unrouted_verb_with_501(
    teams: FakeTeams, bot: SdkBot
) -> None:
    # A press's HTTP answer carries the refreshed card; every verb must be routed (501 else).
    chat, anna = teams.tenant.conversations[CASE_CHAT], teams.tenant.users[ANNA]
    press = teams.events.card_action(chat, anna, "tehty", {"step": 7}, reply_to="1")
    status, body = await teams.sender.send(press)
    assert status == 200
    assert body["statusCode"] == 200 and body["type"] == "application/vnd.microsoft.card.adaptive"
    assert body["value"]["body"] == [{"type": "TextBlock", "text": "Tehty"}]
    assert bot.seen == [{"route": "tehty", "data": {"step": 7}}]
    unknown = teams.events.card_action(chat, anna, "outo", {}, reply_to="1")
    assert (await teams.sender.send(unknown))[0] == 501
    assert chat.posted == []  # invokes answer in the HTTP response, nothing is posted


async def test_update_activity_puts_the_new_version_under_the_same_id(
    teams: FakeTeams, bot: SdkBot
) -> None:
    # The step card is updated in place for everyone with a PUT of the same activity id.
    assert (await teams.sender.send(_message(teams, "päivitä")))[0] == 202
    chat = teams.tenant.conversations[CASE_CHAT]
    [sent] = chat.posted
    assert bot.seen == [{"route": "päivitä", "id": sent["id"]}]
    assert [(a["id"], a["text"]) for a in chat.updated] == [(sent["id"], "v2")]


async def test_a_stored_conversation_round_trips_through_json_and_sends_proactively(
    teams: FakeTeams, bot: SdkBot
) -> None:
    # Reminders: the adapter stores the Conversation (claims + reference) as JSON in its own
    # database and later posts through app.proactive, outside any inbound request.
    assert (await teams.sender.send(_message(teams, "muista")))[0] == 202
    [remembered] = bot.seen
    conversation = Conversation.from_json_to_store_item(remembered["conversation"])
    sent = await bot.app.proactive.send_activity(
        bot.adapter, conversation, MessageFactory.text("muistutus")
    )
    [posted] = teams.tenant.conversations[CASE_CHAT].posted
    assert sent is not None and posted["id"] == sent.id
    assert (posted["text"], posted["from"]["id"]) == ("muistutus", teams.tenant.bot_id)
    # It POSTs as a reply to its continuation activity's fresh id: the connector must take
    # a reply to an unknown id as a new message.
    assert "replyToId" not in posted
    assert teams.faults.served[-1] == ("connector.reply", 201)


async def test_the_connector_client_does_not_retry_a_429(teams: FakeTeams, bot: SdkBot) -> None:
    # No retry or Retry-After handling in the SDK: the adapter's platform layer must retry.
    teams.faults.fail_next("connector.reply", status=429, retry_after=1)
    assert (await teams.sender.send(_message(teams, "tiimi apua")))[0] == 202
    replies = [
        status for operation, status in teams.faults.served if operation == "connector.reply"
    ]
    assert replies == [429, 201]  # the refused reply, then the default error handler's post
    [posted] = teams.tenant.conversations[CASE_CHAT].posted
    assert posted["text"].startswith("Exception caught : 429")


async def test_the_fakes_inbound_activities_pass_the_sdks_validation(
    teams: FakeTeams, bot: SdkBot
) -> None:
    # Every shape tests/fake_teams sends, including the install events Graph triggers, is
    # accepted by the SDK's JWT and schema checks (a stricter SDK fails here, not in e2e).
    chat, anna = teams.tenant.conversations[CASE_CHAT], teams.tenant.users[ANNA]
    events = teams.events
    sent = [
        (events.message(chat, anna, "hei", mention_bot=True), 202),
        (events.task_fetch(chat, anna, {"form": "askel"}), 501),  # unrouted here
        (events.task_submit(chat, anna, {"title": "Soita"}), 501),
        (events.conversation_update(chat, added=(events.bot_account(),)), 202),
        (events.installation_update(chat), 202),
    ]
    assert [(await teams.sender.send(activity))[0] for activity, _ in sent] == [
        status for _, status in sent
    ]
    token = teams.issuer.graph_token(roles=["TeamsAppInstallation.ReadWriteSelfForChat.All"])
    bind = f"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{teams.tenant.catalog_app_id}"
    chat.bot_in_roster, chat.installed_apps = False, set()
    url = f"{teams.graph_url}/chats/{CASE_CHAT}/installedApps"
    assert (await call("POST", url, token=token, body={"teamsApp@odata.bind": bind})).status == 201
    assert teams.graph.event_statuses == [202, 202]
