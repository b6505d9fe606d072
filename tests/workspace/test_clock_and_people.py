"""Tests of the injectable workspace clock and of people's names and titles."""

from __future__ import annotations

from slack_sdk.web.async_client import AsyncWebClient

from handlers.sandbox.workspace import SimulatedSlack

START = 1_900_000_000.0


async def test_messages_and_channels_carry_the_workspace_clock() -> None:
    clock = [START]
    async with SimulatedSlack(now=lambda: clock[0]) as fake:
        client = AsyncWebClient(token=fake.token, base_url=fake.base_url, retry_handlers=[])
        created = await client.conversations_create(name="kello")
        cid = created["channel"]["id"]
        first = await client.chat_postMessage(channel=cid, text="1")
        same_moment = await client.chat_postMessage(channel=cid, text="2")
        clock[0] += 3600.5
        later = await client.chat_postMessage(channel=cid, text="3")
        clock[0] -= 7200  # a clock turned back still gives increasing ts
        earlier = fake.post_as_user(cid, "UBOT", "4")
        added = fake.add_channel("lisätty")

    assert created["channel"]["created"] == int(START)
    assert first["ts"] == "1900000000.000000"
    assert same_moment["ts"] == "1900000000.000001"
    assert later["ts"] == "1900003600.500000"
    assert float(earlier) > float(later["ts"])
    assert fake.channels[added].created == int(START + 3600.5 - 7200)


async def test_real_names_and_titles(client: AsyncWebClient, fake_slack: SimulatedSlack) -> None:
    fake_slack.add_user("UMAIJA", name="maija", real_name="Maija Meikäläinen", title="Ohjaaja")

    maija = (await client.users_info(user="UMAIJA"))["user"]
    anna = (await client.users_info(user="UANNA"))["user"]

    assert maija["real_name"] == maija["profile"]["real_name"] == "Maija Meikäläinen"
    assert maija["profile"]["display_name"] == "maija"
    assert maija["profile"]["title"] == "Ohjaaja"
    assert anna["real_name"] == anna["profile"]["real_name"] == "Anna"
    assert anna["profile"]["title"] == ""
