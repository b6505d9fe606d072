"""Tests of response_url handling."""

from __future__ import annotations

from slack_sdk.webhook.async_client import AsyncWebhookClient

from handlers.sandbox.workspace import Message, SimulatedSlack


async def test_five_uses_then_404(fake_slack: SimulatedSlack) -> None:
    url = fake_slack.new_response_url()
    hook = AsyncWebhookClient(url)
    for i in range(5):
        response = await hook.send(text=f"vastaus {i}", response_type="ephemeral")
        assert response.status_code == 200
    assert (await hook.send(text="kuudes")).status_code == 404
    assert [r["text"] for r in fake_slack.responses(url)] == [f"vastaus {i}" for i in range(5)]
    assert "kuudes" in fake_slack.raw_traffic()


async def test_replace_delete_and_in_channel(fake_slack: SimulatedSlack) -> None:
    cid = fake_slack.add_channel("resp")
    original = Message(ts="1.000001", channel=cid, user="UBOT", text="alkuperäinen")
    fake_slack.messages[cid].append(original)
    url = fake_slack.new_response_url(channel_id=cid, message_ts="1.000001")
    hook = AsyncWebhookClient(url)
    await hook.send(text="korvattu", replace_original=True)
    assert (original.text, original.updated) == ("korvattu", 1)
    await hook.send(text="kaikille", response_type="in_channel")
    assert fake_slack.messages[cid][-1].text == "kaikille"
    await hook.send_dict({"delete_original": True})
    assert original.deleted
    assert (await hook.send_dict({"response_type": "in_channel"})).status_code == 400
    assert len(fake_slack.responses()) == 3


async def test_observers_are_told_each_served_path(fake_slack: SimulatedSlack) -> None:
    seen: list[str] = []
    fake_slack.observers.append(seen.append)
    url = fake_slack.new_response_url()

    await AsyncWebhookClient(url).send(text="vastaus")

    assert seen == [url.removeprefix(fake_slack.root_url.rstrip("/"))]
