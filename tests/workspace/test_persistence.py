"""Tests of the state file: a workspace stopped and started again carries on where it was."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from handlers.sandbox.workspace import SimulatedSlack, persistence
from handlers.sandbox.workspace.persistence import StateFileError

MODAL = {
    "type": "modal",
    "callback_id": "lomake",
    "title": {"type": "plain_text", "text": "Lomake"},
    "blocks": [{"type": "divider"}],
}
HOME = {"type": "home", "blocks": [{"type": "divider"}]}


def _client(fake: SimulatedSlack) -> AsyncWebClient:
    return AsyncWebClient(token=fake.token, base_url=fake.base_url, retry_handlers=[])


def _files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


async def _answers(fake: SimulatedSlack, channels: list[str]) -> dict[str, Any]:
    """What the API answers about the channels, their messages and the people."""
    client = _client(fake)
    found: dict[str, Any] = {}
    for cid in channels:
        found[cid] = (
            (await client.conversations_info(channel=cid))["channel"],
            (await client.conversations_history(channel=cid))["messages"],
            (await client.conversations_members(channel=cid))["members"],
        )
    found["maija"] = (await client.users_info(user="UMAIJA"))["user"]
    found["group"] = (await client.usergroups_users_list(usergroup="SRYHMA"))["users"]
    return found


async def test_restart_from_the_state_file(tmp_path: Path) -> None:
    state = tmp_path / "workspace.json"
    async with SimulatedSlack(state_file=state) as first:
        first.add_user("UMAIJA", name="maija", real_name="Maija M", title="Ohjaaja")
        first.add_usergroup("SRYHMA", ["UMAIJA"])
        client = _client(first)
        cid = (await client.conversations_create(name="tiimi"))["channel"]["id"]
        await client.conversations_invite(channel=cid, users="UMAIJA")
        await client.conversations_setTopic(channel=cid, topic="Aihe")
        posted = await client.chat_postMessage(
            channel=cid,
            text="hei",
            blocks=[{"type": "divider"}],
            metadata={"event_type": "t", "event_payload": {"n": 1}},
        )
        await client.chat_update(channel=cid, ts=posted["ts"], text="hei taas")
        gone = await client.chat_postMessage(channel=cid, text="poistuu")
        await client.chat_delete(channel=cid, ts=gone["ts"])
        await client.chat_postMessage(channel=cid, text="vastaus", thread_ts=posted["ts"])
        await client.chat_postEphemeral(channel=cid, user="UMAIJA", text="vain sinulle")
        first.post_as_user(first.add_channel("vanha", archived=True), "UMAIJA", "moi")
        upload = await client.files_upload_v2(channel=cid, content=b"\x00sis\xc3\xa4lt\xc3\xb6")
        modal = await client.views_open(trigger_id=first.issue_trigger_id(), view=MODAL)
        await client.views_publish(user_id="UMAIJA", view=HOME)
        url = first.new_response_url(channel_id=cid, user_id="UMAIJA")
        await AsyncWebhookClient(url).send(text="vastaus vain sinulle")
        channels = sorted(first.channels)
        before = await _answers(first, channels)
        saved = persistence.dump(first._ws)
        last_ts = max(m.ts for listed in first.messages.values() for m in listed)
    assert json.loads(state.read_text()) == json.loads(json.dumps(saved))
    assert _files(tmp_path) == [state.name]  # no temporary files left behind

    async with SimulatedSlack(state_file=state) as second:
        assert persistence.dump(second._ws) == saved
        assert await _answers(second, channels) == before
        assert second.views[modal["view"]["id"]] == modal["view"]
        assert second.home_views["UMAIJA"]["blocks"] == HOME["blocks"]
        assert [e.text for e in second.ephemerals] == ["vain sinulle", "vastaus vain sinulle"]
        assert second.files[upload["file"]["id"]].content == b"\x00sis\xc3\xa4lt\xc3\xb6"
        new_cid = (await _client(second).conversations_create(name="uusi"))["channel"]["id"]
        new_ts = (await _client(second).chat_postMessage(channel=new_cid, text="x"))["ts"]
    assert int(new_cid[1:-1]) > max(int(c[1:-1]) for c in channels)
    assert float(new_ts) > float(last_ts)


async def test_every_change_is_saved_at_once(tmp_path: Path) -> None:
    state = tmp_path / "workspace.json"
    async with SimulatedSlack(state_file=state) as fake:
        assert state.exists()  # started afresh: saved right away
        cid = fake.add_channel("heti")
        assert cid in json.loads(state.read_text())["messages"]
        await _client(fake).chat_postMessage(channel=cid, text="tallessa")
        saved = json.loads(state.read_text())["messages"][cid]
        assert [m["text"] for m in saved] == ["tallessa"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "cannot read"),
        (json.dumps({"version": 2}), "format version 2"),
        (json.dumps([1]), "format version None"),
        (json.dumps({"version": 1, "users": []}), "damaged"),
    ],
)
async def test_an_unusable_state_file_is_named(tmp_path: Path, content: str, problem: str) -> None:
    state = tmp_path / "workspace.json"
    state.write_text(content)
    fake = SimulatedSlack(state_file=state)
    with pytest.raises(StateFileError, match=problem) as err:
        await fake.start()
    assert str(state) in str(err.value)
    assert state.read_text() == content  # left as it was
