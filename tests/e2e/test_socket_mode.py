"""Socket Mode end to end: the fake Slack delivers envelopes over a local WebSocket."""

from __future__ import annotations

from typing import Any

import aiohttp

from handlers.sandbox.workspace import SimulatedSlack
from tests.e2e.harness import running_bot
from tests.support.clock import FakeClock


def command(fake: SimulatedSlack, text: str, channel: str) -> dict[str, Any]:
    return {
        "token": "t",
        "team_id": "T0TEST",
        "team_domain": "tiimi",
        "channel_id": channel,
        "channel_name": "x",
        "user_id": "UANNA",
        "user_name": "anna",
        "command": "/tiimi",
        "text": text,
        "api_app_id": "A0TEST",
        "response_url": fake.new_response_url(),
        "trigger_id": fake.issue_trigger_id(),
    }


async def test_commands_buttons_and_events_over_socket_mode(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    socket = fake_slack.socket_mode
    async with running_bot(
        fake_slack, database_url, clock, SLACK_APP_TOKEN=fake_slack.app_token
    ) as bot:
        await fake_slack.wait_for(lambda: socket.connections)
        opened = command(fake_slack, "uusi <@UBERT>", "DANNA")
        envelope = await socket.send("slash_commands", opened)
        await fake_slack.wait_for(lambda: envelope in socket.acks)
        await fake_slack.wait_for(lambda: fake_slack.responses(opened["response_url"]))
        channel = bot.channel_named("mt-2026-0001")
        assert fake_slack.responses(opened["response_url"])[0]["text"].startswith(
            "Tiimi *MT-2026-0001* on avattu"
        )

        closing = command(fake_slack, "sulje", channel)
        await socket.send("slash_commands", closing)
        await fake_slack.wait_for(lambda: fake_slack.responses(closing["response_url"]))
        button = fake_slack.responses(closing["response_url"])[0]["blocks"][-1]["elements"][0]
        press = {
            "type": "block_actions",
            "user": {"id": "UANNA"},
            "team": {"id": "T0TEST"},
            "channel": {"id": channel},
            "trigger_id": fake_slack.issue_trigger_id(),
            "response_url": fake_slack.new_response_url(channel_id=channel, message_ts="1.0"),
            "actions": [button | {"block_id": "b", "action_ts": "1"}],
            "container": {"type": "message", "channel_id": channel, "message_ts": "1.0"},
        }
        pressed = await socket.send("interactive", press)
        await fake_slack.wait_for(lambda: pressed in socket.acks)
        await fake_slack.wait_for(lambda: fake_slack.channels[channel].is_archived)

        event = {
            "type": "event_callback",
            "team_id": "T0TEST",
            "event_id": "EvSock",
            "event": {"type": "app_home_opened", "user": "UANNA", "tab": "home"},
        }
        await socket.send("events_api", event)
        await fake_slack.wait_for(lambda: "UANNA" in fake_slack.home_views)

        async with aiohttp.ClientSession() as session:  # no public HTTP endpoint in Socket Mode
            async with session.post(f"{bot.url}/slack/events", data=b"x") as resp:
                assert resp.status in (404, 405)
            async with session.get(f"{bot.url}/healthz") as resp:
                assert resp.status == 200


async def test_a_redelivered_envelope_changes_nothing(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    socket = fake_slack.socket_mode
    async with running_bot(
        fake_slack, database_url, clock, SLACK_APP_TOKEN=fake_slack.app_token
    ) as bot:
        await fake_slack.wait_for(lambda: socket.connections)
        opened = command(fake_slack, "uusi <@UBERT>", "DANNA")
        await socket.send("slash_commands", opened)
        await fake_slack.wait_for(lambda: fake_slack.responses(opened["response_url"]))
        channel = bot.channel_named("mt-2026-0001")
        goal = command(fake_slack, "tavoite Oma asunto", channel) | {"command": "/askel"}
        envelopes = [await socket.send("slash_commands", goal) for _ in range(2)]
        await fake_slack.wait_for(lambda: all(e in socket.acks for e in envelopes))
        await fake_slack.wait_for(lambda: fake_slack.responses(goal["response_url"]))
    assert [r["text"] for r in fake_slack.responses(goal["response_url"])] == [
        "Tavoite T1 on lisätty."
    ]
