"""Fixtures for the fake Slack's own tests."""

from __future__ import annotations

import pytest
from slack_sdk.web.async_client import AsyncWebClient

from handlers.sandbox.workspace import SimulatedSlack
from tests.support.fixtures import fake_slack

__all__ = ["client", "fake_slack"]


@pytest.fixture
def client(fake_slack: SimulatedSlack) -> AsyncWebClient:
    """Return a real slack_sdk client pointed at the fake, with retries off."""
    return AsyncWebClient(token=fake_slack.token, base_url=fake_slack.base_url, retry_handlers=[])
