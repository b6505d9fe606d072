"""The Slack app manifest agrees with what the app registers."""

from __future__ import annotations

import json
from pathlib import Path

from handlers.slack.app import LISTENER_MODULES
from tests.support.registered import registered_keys

MANIFEST = json.loads((Path(__file__).resolve().parents[2] / "manifest.json").read_text())
REGISTERED_COMMANDS = {m.COMMAND for m in LISTENER_MODULES if hasattr(m, "COMMAND")}


def test_manifest_declares_exactly_the_registered_commands() -> None:
    declared = {c["command"] for c in MANIFEST["features"]["slash_commands"]}
    assert declared == REGISTERED_COMMANDS


def test_commands_escape_mentions_and_have_usage_hints() -> None:
    for command in MANIFEST["features"]["slash_commands"]:
        assert command["should_escape"] is True
        assert command["usage_hint"] and command["url"].endswith("/slack/events")


def test_urls_scopes_and_home() -> None:
    settings = MANIFEST["settings"]
    assert settings["interactivity"]["request_url"].endswith("/slack/events")
    assert settings["event_subscriptions"]["request_url"].endswith("/slack/events")
    assert settings["event_subscriptions"]["bot_events"] == [
        "app_home_opened",
        "member_joined_channel",  # team channels' boundary (needs groups:read)
        "user_change",  # members' deactivated accounts (needs users:read)
    ]
    assert MANIFEST["features"]["app_home"]["home_tab_enabled"] is True
    assert set(MANIFEST["oauth_config"]["scopes"]["bot"]) == {
        "commands",
        "chat:write",
        "groups:write",
        "groups:history",
        "groups:read",
        "channels:read",  # the self-rating asks a public staff channel's members
        "usergroups:read",
        "files:write",
        "im:write",
        "users:read",
    }


def test_every_subscribed_event_has_a_listener_and_every_listener_a_subscription() -> None:
    routed = registered_keys()["event"]
    assert set(MANIFEST["settings"]["event_subscriptions"]["bot_events"]) == routed
