"""Tests of response_url handling."""

from __future__ import annotations

from slack_sdk.webhook.async_client import AsyncWebhookClient

from handlers.sandbox.workspace import Ephemeral, Message, SimulatedSlack


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
    assert fake_slack.ephemerals == []


async def test_ephemeral_answers_are_recorded_for_the_person(fake_slack: SimulatedSlack) -> None:
    cid = fake_slack.add_channel("resp", members={"UANNA"})
    hook = AsyncWebhookClient(fake_slack.new_response_url(channel_id=cid, user_id="UANNA"))
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "vain sinulle"}}]

    await hook.send(text="ensin", response_type="ephemeral")
    await hook.send(text="sitten", blocks=blocks)  # no response_type: ephemeral, as in Slack
    await hook.send(text="kaikille", response_type="in_channel")

    first, second = fake_slack.ephemerals
    assert first == Ephemeral(first.ts, cid, "UANNA", "ensin")
    assert second == Ephemeral(second.ts, cid, "UANNA", "sitten", blocks)
    assert float(first.ts) < float(second.ts)
    assert [m.text for m in fake_slack.messages[cid]] == ["kaikille"]


async def test_replace_and_delete_an_ephemeral_original(fake_slack: SimulatedSlack) -> None:
    cid = fake_slack.add_channel("resp", members={"UANNA", "UBERT"})
    asked = Ephemeral("5.000001", cid, "UANNA", "hyväksytäänkö?")
    other = Ephemeral("5.000002", cid, "UBERT", "muuta")
    fake_slack.ephemerals.extend([asked, other])
    url = fake_slack.new_response_url(channel_id=cid, message_ts=asked.ts, user_id="UANNA")
    hook = AsyncWebhookClient(url)

    await hook.send(text="hyväksytty", replace_original=True)
    assert fake_slack.ephemerals == [
        Ephemeral("5.000001", cid, "UANNA", "hyväksytty"),
        other,
    ]
    await hook.send_dict({"delete_original": True})
    assert fake_slack.ephemerals == [other]


async def test_observers_are_told_each_served_path(fake_slack: SimulatedSlack) -> None:
    seen: list[str] = []
    fake_slack.observers.append(seen.append)
    url = fake_slack.new_response_url()

    await AsyncWebhookClient(url).send(text="vastaus")

    assert seen == [url.removeprefix(fake_slack.root_url.rstrip("/"))]
