"""Settings: defaults, validation naming every bad variable (the core's and the platform's at
once), the platform found by PLATFORM, .env precedence."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings, maintenance_settings, read_environment
from bot.plugins import configure, installed_platforms
from handlers.slack.serving import SlackAdapter
from handlers.slack.settings import EXAMPLE_PLACEHOLDERS, slack_settings

GOOD = {"SLACK_BOT_TOKEN": "xoxb-1-2-abc", "SLACK_SIGNING_SECRET": "0123456789abcdef0123"}
ROOT = Path(__file__).resolve().parents[2]


def test_defaults() -> None:
    settings = load_settings(GOOD)
    assert settings.port == 3000
    assert settings.database_url == "sqlite:///tiimi.db"
    assert str(settings.timezone) == "Europe/Helsinki"
    assert settings.language == "fi"
    assert settings.coordinators == frozenset()
    assert settings.platform == "slack"
    slack = slack_settings(GOOD)
    assert slack.api_url == "https://slack.com/api/"
    assert not slack.socket_mode


def test_values_are_read() -> None:
    env = GOOD | {
        "PORT": "8080",
        "SLACK_API_URL": "http://127.0.0.1:9/api",
        "COORDINATORS": "U1AAA, U2BBB",
        "LANGUAGE": "SV",
        "SLACK_APP_TOKEN": "xapp-1-A",
    }
    settings, slack = load_settings(env), slack_settings(env)
    assert settings.port == 8080
    assert slack.api_url == "http://127.0.0.1:9/api/"
    assert settings.coordinators == {"U1AAA", "U2BBB"}
    assert settings.language == "sv"
    assert slack.socket_mode


def test_every_bad_variable_is_named_at_once() -> None:
    env = {
        "SLACK_BOT_TOKEN": "xoxp-user",
        "PORT": "http",
        "TIMEZONE": "Mars/Olympus",
        "LANGUAGE": "de",
        "COORDINATORS": "anna",
        "LOG_LEVEL": "LOUD",
        "DATABASE_URL": "mysql://x",
        "SLACK_API_URL": "ftp://x",
    }
    with pytest.raises(ConfigError) as raised:
        configure(env)
    named = " ".join(p.split()[0] for p in raised.value.problems)
    for name in (
        "SLACK_BOT_TOKEN",
        "SLACK_SIGNING_SECRET",
        "PORT",
        "TIMEZONE",
        "LANGUAGE",
        "COORDINATORS",
        "LOG_LEVEL",
        "DATABASE_URL",
        "SLACK_API_URL",
    ):
        assert name in named


def test_a_copy_of_the_example_env_is_refused_naming_each_placeholder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in EXAMPLE_PLACEHOLDERS:
        monkeypatch.delenv(name, raising=False)
    env = read_environment(ROOT / ".env.example")
    with pytest.raises(ConfigError) as raised:
        slack_settings(env)
    assert raised.value.problems == [
        "SLACK_BOT_TOKEN still holds the example's placeholder (xoxb-your-bot-token); "
        "set your Slack app's value",
        "SLACK_SIGNING_SECRET still holds the example's placeholder (your-signing-secret); "
        "set your Slack app's value",
    ]


def test_every_placeholder_is_the_example_files_own() -> None:
    example = (ROOT / ".env.example").read_text()
    for name, value in EXAMPLE_PLACEHOLDERS.items():
        assert f"{name}={value}\n" in example  # SLACK_APP_TOKEN's line is commented out


def test_the_app_tokens_placeholder_is_refused_alone() -> None:
    with pytest.raises(ConfigError) as raised:
        slack_settings(GOOD | {"SLACK_APP_TOKEN": " xapp-your-app-token "})
    assert [p.split()[0] for p in raised.value.problems] == ["SLACK_APP_TOKEN"]


def test_signing_secret_not_needed_in_socket_mode() -> None:
    slack = slack_settings({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"})
    assert slack.signing_secret is None


def test_the_platform_is_found_by_its_entry_point() -> None:
    assert "slack" in installed_platforms()
    settings, adapter = configure(GOOD | {"PLATFORM": "Slack"})
    assert isinstance(adapter, SlackAdapter) and adapter.settings == settings


def test_an_unknown_platform_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError) as raised:
        configure(GOOD | {"PLATFORM": "irc", "PORT": "http"})
    assert [p.split()[0] for p in raised.value.problems] == ["PORT", "PLATFORM"]
    assert "slack" in raised.value.problems[1]  # the installed ones are named


def test_migrate_needs_only_the_database() -> None:
    settings = maintenance_settings({})
    assert (settings.database_url, settings.log_level, settings.retention_days) == (
        "sqlite:///tiimi.db",
        "INFO",
        365,
    )
    with pytest.raises(ConfigError):
        maintenance_settings({"DATABASE_URL": "oracle://x", "RETENTION_DAYS": "0"})


def test_real_environment_wins_over_dotenv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("PORT=1111\nLANGUAGE=en\n")
    monkeypatch.setenv("PORT", "2222")
    monkeypatch.delenv("LANGUAGE", raising=False)
    env = read_environment(env_file)
    assert env["PORT"] == "2222"
    assert env["LANGUAGE"] == "en"


def test_the_core_reads_coordinators_as_opaque_ids_and_slack_checks_its_own() -> None:
    entra = "8d2f0c6e-4b1a-4f5e-9c3d-2a7b6e1f0a9c"  # an Entra object id, as Teams will use
    settings = load_settings({"COORDINATORS": f"{entra}, U1AAA", "COORDINATOR_USERGROUP": entra})
    assert settings.coordinators == {entra, "U1AAA"}
    with pytest.raises(ConfigError) as raised:
        slack_settings(
            {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", "COORDINATORS": entra}
        )
    assert raised.value.problems == ["COORDINATORS must be comma-separated Slack user ids (U…)"]
    with pytest.raises(ConfigError):
        load_settings({"COORDINATOR_USERGROUP": "S1 S2"})
