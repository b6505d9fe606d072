"""Tests of the external file upload flow."""

from __future__ import annotations

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from handlers.sandbox.workspace import SimulatedSlack


async def test_files_upload_v2_records_content_and_channel(
    client: AsyncWebClient, fake_slack: SimulatedSlack
) -> None:
    cid = fake_slack.add_channel("files")
    response = await client.files_upload_v2(
        channel=cid,
        content="a;b\n1;2\n",
        filename="raportti.csv",
        title="Raportti",
        initial_comment="Tässä raportti",
    )
    upload = fake_slack.files[response["file"]["id"]]
    assert (upload.content, upload.channels, upload.title) == (b"a;b\n1;2\n", [cid], "Raportti")
    assert fake_slack.messages[cid][-1].text == "Tässä raportti"
    assert "a;b" in fake_slack.raw_traffic()


async def test_upload_to_channel_without_bot(
    client: AsyncWebClient, fake_slack: SimulatedSlack
) -> None:
    cid = fake_slack.add_channel("hidden", bot_member=False)
    with pytest.raises(SlackApiError) as err:
        await client.files_upload_v2(channel=cid, content="x", filename="x.txt")
    assert err.value.response["error"] == "channel_not_found"
