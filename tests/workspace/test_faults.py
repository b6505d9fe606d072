"""Tests of fail_next fault injection and the documented-error guard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from handlers.sandbox.workspace import SimulatedSlack, server
from handlers.sandbox.workspace.api_ref import ApiRefMissingError
from handlers.sandbox.workspace.common import ApiRequest
from handlers.sandbox.workspace.state import Workspace


async def test_ratelimited_429_with_retry_after(
    client: AsyncWebClient, fake_slack: SimulatedSlack
) -> None:
    fake_slack.fail_next("conversations.create", status=429, retry_after=7)
    with pytest.raises(SlackApiError) as err:
        await client.conversations_create(name="rl")
    assert err.value.response.status_code == 429
    assert err.value.response.headers["Retry-After"] == "7"
    assert err.value.response["error"] == "ratelimited"
    await client.conversations_create(name="rl")  # only the next call fails
    assert [c.http_status for c in fake_slack.calls_to("conversations.create")] == [429, 200]


async def test_server_error_and_times(client: AsyncWebClient, fake_slack: SimulatedSlack) -> None:
    fake_slack.fail_next("auth.test", status=500, times=2)
    for _ in range(2):
        with pytest.raises(SlackApiError) as err:
            await client.auth_test()
        assert err.value.response.status_code == 500
    assert (await client.auth_test())["ok"]


async def test_documented_error_injection(
    client: AsyncWebClient, fake_slack: SimulatedSlack
) -> None:
    fake_slack.fail_next("conversations.create", error="name_taken")
    with pytest.raises(SlackApiError) as err:
        await client.conversations_create(name="fresh")
    assert err.value.response.status_code == 200
    assert err.value.response["error"] == "name_taken"
    assert fake_slack.channel_by_name("fresh") is None


def test_undocumented_error_refused(fake_slack: SimulatedSlack) -> None:
    with pytest.raises(AssertionError):
        fake_slack.fail_next("users.info", error="name_taken")


def test_missing_ref_dir_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(ApiRefMissingError, match="not found"):
        SimulatedSlack(api_ref_dir=tmp_path / "nowhere")


async def test_fake_bug_surfaces_at_stop(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ws: Workspace, req: ApiRequest) -> dict[str, Any]:
        raise req.error("name_taken")  # not documented for auth.test

    monkeypatch.setitem(server.HANDLERS, "auth.test", broken)
    fake = SimulatedSlack()
    await fake.start()
    client = AsyncWebClient(token=fake.token, base_url=fake.base_url, retry_handlers=[])
    with pytest.raises(SlackApiError) as err:
        await client.auth_test()
    assert err.value.response.status_code == 500
    with pytest.raises(AssertionError, match="name_taken"):
        await fake.stop()
