"""Tests of the fake's chat.* methods and Block Kit limits."""

from __future__ import annotations

from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from handlers.sandbox.workspace import Ephemeral, SimulatedSlack


def _section(text: str, block_id: str | None = None) -> dict[str, Any]:
    """Return a mrkdwn section block."""
    block: dict[str, Any] = {"type": "section", "text": {"type": "mrkdwn", "text": text}}
    if block_id:
        block["block_id"] = block_id
    return block


def _button(i: int) -> dict[str, Any]:
    """Return a button element."""
    return {"type": "button", "action_id": f"b{i}", "text": {"type": "plain_text", "text": "ok"}}


async def _error(call: Any) -> str:
    """Await a call expected to fail and return its error code."""
    with pytest.raises(SlackApiError) as err:
        await call
    return str(err.value.response["error"])


@pytest.fixture
def channel(fake_slack: SimulatedSlack) -> str:
    """Return a private channel the bot is in."""
    return fake_slack.add_channel("chat", members={"UANNA"})


async def test_post_records_message(
    client: AsyncWebClient, fake_slack: SimulatedSlack, channel: str
) -> None:
    blocks = [{"type": "header", "text": {"type": "plain_text", "text": "Otsikko"}}]
    response = await client.chat_postMessage(channel=channel, text="Hei", blocks=blocks)
    message = fake_slack.messages[channel][0]
    assert (message.ts, message.text, message.blocks) == (response["ts"], "Hei", blocks)
    assert message.user == "UBOT" and response["message"]["bot_id"]
    assert '"Otsikko"' in fake_slack.calls_to("chat.postMessage")[0].raw_body


@pytest.mark.parametrize(
    "blocks",
    [
        [_section("x")] * 51,
        [_section("x" * 3001)],
        [{"type": "header", "text": {"type": "plain_text", "text": "x" * 151}}],
        [{"type": "header", "text": {"type": "mrkdwn", "text": "x"}}],
        [{"type": "actions", "elements": [_button(i) for i in range(26)]}],
        [{"type": "context", "elements": [{"type": "mrkdwn", "text": "c"}] * 11}],
        [_section("a", "same"), _section("b", "same")],
        [{"type": "table"}],
        [_section("")],
    ],
    ids=[
        "51-blocks",
        "section-3001",
        "header-151",
        "header-mrkdwn",
        "actions-26",
        "context-11",
        "dup-block-id",
        "unknown-type",
        "empty-text",
    ],
)
async def test_block_limits(client: AsyncWebClient, channel: str, blocks: Any) -> None:
    call = client.chat_postMessage(channel=channel, text="t", blocks=blocks)
    assert await _error(call) == "invalid_blocks"


async def test_block_limits_at_the_edge_pass(client: AsyncWebClient, channel: str) -> None:
    blocks = [_section("x" * 3000, f"b{i}") for i in range(48)]
    blocks.append({"type": "actions", "elements": [_button(i) for i in range(25)]})
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": "c"}] * 10})
    await client.chat_postMessage(channel=channel, text="ok", blocks=blocks)


async def test_blocks_as_json_string_in_form_body(
    client: AsyncWebClient, fake_slack: SimulatedSlack, channel: str
) -> None:
    params = {"channel": channel, "blocks": '[{"type": "divider"}]', "text": "t"}
    await client.api_call("chat.postMessage", params=params)
    assert fake_slack.messages[channel][0].blocks == [{"type": "divider"}]


@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing")
async def test_no_text_and_bad_metadata(client: AsyncWebClient, channel: str) -> None:
    assert await _error(client.chat_postMessage(channel=channel)) == "no_text"
    bad = client.chat_postMessage(channel=channel, text="x", metadata={"event_type": "x"})
    assert await _error(bad) == "invalid_metadata_format"


async def test_update_and_delete(
    client: AsyncWebClient, fake_slack: SimulatedSlack, channel: str
) -> None:
    posted = await client.chat_postMessage(channel=channel, text="v1")
    await client.chat_update(channel=channel, ts=posted["ts"], text="v2")
    message = fake_slack.messages[channel][0]
    assert (message.text, message.updated) == ("v2", 1)
    await client.chat_delete(channel=channel, ts=posted["ts"])
    assert message.deleted
    gone = client.chat_update(channel=channel, ts=posted["ts"], text="v3")
    assert await _error(gone) == "message_not_found"


async def test_ephemeral_needs_member(
    client: AsyncWebClient, fake_slack: SimulatedSlack, channel: str
) -> None:
    sent = await client.chat_postEphemeral(channel=channel, user="UANNA", text="vain sinulle")
    assert fake_slack.ephemerals == [
        Ephemeral(sent["message_ts"], channel, "UANNA", "vain sinulle")
    ]
    outsider = client.chat_postEphemeral(channel=channel, user="UBERT", text="x")
    assert await _error(outsider) == "user_not_in_channel"


async def test_post_rate_enforced() -> None:
    async with SimulatedSlack(enforce_post_rate=True) as fake:
        cid = fake.add_channel("rate")
        client = AsyncWebClient(token=fake.token, base_url=fake.base_url, retry_handlers=[])
        await client.chat_postMessage(channel=cid, text="1")
        with pytest.raises(SlackApiError) as err:
            await client.chat_postMessage(channel=cid, text="2")
        assert err.value.response.status_code == 429
        assert err.value.response.headers["Retry-After"] == "1"
        assert [m.text for m in fake.messages[cid]] == ["1"]


async def test_delete_only_own_messages_and_not_after_archiving(
    client: AsyncWebClient, fake_slack: SimulatedSlack, channel: str
) -> None:
    posted = await client.chat_postMessage(channel=channel, text="bot")
    theirs = fake_slack.post_as_user(channel, "UANNA", "person")
    assert await _error(client.chat_delete(channel=channel, ts=theirs)) == "cant_delete_message"
    assert await _error(client.chat_delete(channel=channel, ts="1.000001")) == "message_not_found"
    assert await _error(client.chat_delete(channel="CNONE", ts=posted["ts"])) == (
        "channel_not_found"
    )
    await client.conversations_archive(channel=channel)  # Slack removes the bot from it
    gone = client.chat_delete(channel=channel, ts=posted["ts"])
    assert await _error(gone) == "channel_not_found"
    assert not fake_slack.messages[channel][0].deleted


async def test_history_shows_the_app_on_its_own_messages_and_pages(
    client: AsyncWebClient, fake_slack: SimulatedSlack, channel: str
) -> None:
    for i in range(5):
        await client.chat_postMessage(channel=channel, text=f"bot {i}")
    fake_slack.post_as_user(channel, "UANNA", "person")
    first = await client.conversations_history(channel=channel, limit=4)
    assert first["has_more"]
    cursor = first["response_metadata"]["next_cursor"]
    rest = await client.conversations_history(channel=channel, limit=4, cursor=cursor)
    messages = [*first["messages"], *rest["messages"]]
    assert [m["text"] for m in messages] == ["person", *(f"bot {i}" for i in range(4, -1, -1))]
    assert "bot_id" not in messages[0] and messages[0]["user"] == "UANNA"
    assert all(m["bot_id"] == "B0TEST" and m["user"] == "UBOT" for m in messages[1:])
    assert not rest["has_more"]
