"""The fake issuer's keys and tokens, and the shapes of the inbound activities."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import jwt
import pytest
from microsoft_agents.activity import Activity

from tests.fake_teams import FakeTeams
from tests.fake_teams.tokens import BOT_FRAMEWORK_ISSUER, SDK_JWKS_URLS, TokenIssuer
from tests.support.clock import FakeClock
from tests.teams.conftest import ANNA, BERTTA, CASE_CHAT
from tests.teams.http import call


async def test_openid_metadata_names_the_served_keys_which_verify_inbound_tokens(
    teams: FakeTeams,
) -> None:
    metadata = await call("GET", f"{teams.base_url}/v1/.well-known/openidconfiguration")
    assert metadata.body["issuer"] == BOT_FRAMEWORK_ISSUER
    assert metadata.body["jwks_uri"] == teams.issuer.jwks_url
    keys = jwt.PyJWKClient(metadata.body["jwks_uri"])
    token = teams.issuer.inbound_token(service_url=teams.service_url)
    key = await asyncio.to_thread(keys.get_signing_key_from_jwt, token)
    claims = jwt.decode(token, key, algorithms=["RS256"], audience=teams.tenant.app_id)
    assert (claims["iss"], claims["serviceurl"]) == (BOT_FRAMEWORK_ISSUER, teams.service_url)
    foreign = teams.issuer.inbound_token(service_url=teams.service_url, foreign_key=True)
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(foreign, key, algorithms=["RS256"], audience=teams.tenant.app_id)


def test_the_fakes_judge_expiry_by_their_own_clock(clock: FakeClock) -> None:
    issuer = TokenIssuer(app_id="app", tenant_id="tenant", now=lambda: clock.now().timestamp())
    header = f"Bearer {issuer.connector_token(lifetime=60)}"
    audience = "https://api.botframework.com"
    assert issuer.verify(header, audience=audience) is not None
    clock.advance(timedelta(seconds=60))
    assert issuer.verify(header, audience=audience) is None
    assert issuer.verify(header.replace("Bearer", "Basic"), audience=audience) is None


async def test_only_the_sdks_key_urls_are_redirected(teams: FakeTeams) -> None:
    sdk, other = jwt.PyJWKClient(SDK_JWKS_URLS[0]), jwt.PyJWKClient(teams.issuer.jwks_url + "?x")
    with teams.issuer.serving_sdk_keys():
        fetched = await asyncio.to_thread(sdk.fetch_data)
        assert fetched == teams.issuer.jwks()
        assert await asyncio.to_thread(other.fetch_data) == teams.issuer.jwks()
    assert sdk.uri == SDK_JWKS_URLS[0]


def test_inbound_activities_have_the_shapes_teams_sends(teams: FakeTeams) -> None:
    chat, anna, bertta = (
        teams.tenant.conversations[CASE_CHAT],
        teams.tenant.users[ANNA],
        teams.tenant.users[BERTTA],
    )
    events = teams.events
    message = events.message(
        chat, anna, "askel", mention_bot=True, mentions=(bertta,), locale="sv-SE"
    )
    built = [
        message,
        events.card_action(chat, anna, "tehty", {"step": 1}, reply_to="1"),
        events.task_fetch(chat, anna, {"form": "askel"}),
        events.task_submit(chat, anna, {"title": "Soita"}),
        events.conversation_update(chat, added=(events.bot_account(),)),
        events.conversation_update(chat, removed=(anna.account(),), by=bertta),
        events.installation_update(chat),
    ]
    for activity in built:
        parsed = Activity.model_validate(activity)
        assert parsed.channel_id == "msteams" and parsed.service_url == teams.service_url
        assert activity["channelData"]["tenant"]["id"] == teams.tenant.id
        assert parsed.conversation.conversation_type == "groupChat"
        assert activity["recipient"]["id"] == teams.tenant.bot_id
    assert message["text"] == "<at>Tiimi</at> askel" and message["locale"] == "sv-SE"
    assert message["from"]["aadObjectId"] == ANNA
    mentions = [e for e in message["entities"] if e["type"] == "mention"]
    assert [(e["text"], e["mentioned"]["id"]) for e in mentions] == [
        ("<at>Tiimi</at>", teams.tenant.bot_id),
        ("<at>Bertta</at>", bertta.teams_id),
    ]
    assert chat.activities[message["id"]] is message  # replies may name it
    assert [a["name"] for a in built[1:4]] == ["adaptiveCard/action", "task/fetch", "task/submit"]
    assert built[1]["value"]["action"] == {
        "type": "Action.Execute",
        "verb": "tehty",
        "data": {"step": 1},
    }
    assert built[6]["action"] == "add"
