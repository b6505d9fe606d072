"""The self-rating's two platform intents on Teams, against the fake connector: a chat's
people page by page (Entra object ids, no bots), refusals as typed failures; and an image as
an Adaptive Card that carries the PNG inline, or its text when the PNG would not fit."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator

import aiohttp
import pytest
import pytest_asyncio

from bot.platform import PlatformError, SpaceUnavailable
from handlers.teams import mentions
from handlers.teams.cards import ACTIVITY_BUDGET
from handlers.teams.connector_failures import ConnectorRetry
from handlers.teams.http_retry import RetryPolicy
from handlers.teams.images import image_activity
from handlers.teams.mentions import MentionResolver
from tests.fake_teams import FakeTeams
from tests.fake_teams.checks import activity_errors
from tests.fake_teams.state import GROUP_CHAT
from tests.teams.conftest import ANNA, BERTTA, CASE_CHAT, CECILIA, DAVID

STAFF_CHAT = "19:staff@thread.v2"
NO_WAIT = ConnectorRetry(RetryPolicy(max_tries=3, base_delay=0.0, max_delay=0.0))


@pytest_asyncio.fixture
async def resolver(teams: FakeTeams) -> AsyncIterator[MentionResolver]:
    async def token() -> str:
        return teams.issuer.connector_token()

    async with aiohttp.ClientSession() as session:
        yield MentionResolver(session=session, token=token, retry=NO_WAIT)


async def test_a_chats_people_page_by_page(
    teams: FakeTeams, resolver: MentionResolver, monkeypatch: pytest.MonkeyPatch
) -> None:
    teams.tenant.add_conversation(
        STAFF_CHAT, conversation_type=GROUP_CHAT, members=[ANNA, BERTTA, CECILIA, DAVID]
    )
    monkeypatch.setattr(mentions, "PAGE_SIZE", 3)
    teams.faults.fail_next("connector.pagedmembers", status=429, retry_after=0)  # retried
    found = await resolver.members(service_url=teams.service_url, conversation_id=STAFF_CHAT)
    assert found == {ANNA, BERTTA, CECILIA, DAVID}
    paged = [op for op, _ in teams.faults.served if op == "connector.pagedmembers"]
    assert len(paged) == 3  # the refused try, then two pages of three and one


async def test_a_chat_without_the_bot_is_unavailable(
    teams: FakeTeams, resolver: MentionResolver
) -> None:
    teams.tenant.conversations[CASE_CHAT].bot_in_roster = False
    with pytest.raises(SpaceUnavailable):
        await resolver.members(service_url=teams.service_url, conversation_id=CASE_CHAT)
    teams.faults.fail_next("connector.pagedmembers", status=500)
    teams.tenant.conversations[CASE_CHAT].bot_in_roster = True
    with pytest.raises(PlatformError):
        await resolver.members(service_url=teams.service_url, conversation_id=CASE_CHAT)


def test_an_image_card_carries_the_png_inline_and_passes_the_connectors_checks(
    teams: FakeTeams,
) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20
    activity = image_activity(png=png, alt_text="Kaavio: jakauma 1: 0, 2: 1")
    activity["from"] = {"id": teams.tenant.bot_id, "name": "Tiimi"}
    assert activity_errors(activity, bot_id=teams.tenant.bot_id) == []
    (image,) = activity["attachments"][0]["content"]["body"]
    assert image["type"] == "Image" and image["altText"] == "Kaavio: jakauma 1: 0, 2: 1"
    assert base64.b64decode(image["url"].removeprefix("data:image/png;base64,")) == png


def test_an_image_too_large_for_teams_is_shown_as_its_text() -> None:
    activity = image_activity(png=b"x" * ACTIVITY_BUDGET, alt_text="Kaavio sanoin")
    (element,) = activity["attachments"][0]["content"]["body"]
    assert element == {"type": "TextBlock", "text": "Kaavio sanoin", "wrap": True}
    assert len(json.dumps(activity)) < ACTIVITY_BUDGET
