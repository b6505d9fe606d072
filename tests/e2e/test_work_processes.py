"""`python -m bot` with WORK_PROCESSES=1: the front answers Slack, a work process does the work,
and a work process that dies is started again."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from tests.e2e.test_modal_home_security import modal_values
from tests.e2e.test_process import ROOT, clean_env
from tests.fake_slack import FakeSlack
from tests.support.signing import signed_headers
from tests.support.slack_requests import FORM, JSON, SlackSender

SECRET = "work0processes0signing0secret"


@dataclass
class Front:
    url: str
    process: asyncio.subprocess.Process
    sender: SlackSender
    log: list[str] = field(default_factory=list)
    logged: asyncio.Condition = field(default_factory=asyncio.Condition)

    async def wait_for_log(self, text: str, *, count: int = 1) -> None:
        async with self.logged:
            await asyncio.wait_for(
                self.logged.wait_for(lambda: sum(text in line for line in self.log) >= count), 60
            )

    def work_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]

    async def health(self) -> tuple[int, dict[str, object]]:
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"{self.url}/healthz") as response,
        ):
            return response.status, await response.json()


@contextlib.asynccontextmanager
async def front(fake: FakeSlack, database_url: str, cwd: Path) -> AsyncIterator[Front]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = clean_env(
        SLACK_BOT_TOKEN=fake.token,
        SLACK_SIGNING_SECRET=SECRET,
        SLACK_API_URL=fake.base_url,
        PORT=str(port),
        DATABASE_URL=database_url,
        WORK_PROCESSES="1",
        PYTHONPATH=str(ROOT),
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=cwd, env=env, stderr=asyncio.subprocess.PIPE
    )
    url = f"http://127.0.0.1:{port}"
    running = Front(url, process, SlackSender(url, SECRET, fake))

    async def read_log() -> None:
        assert process.stderr is not None
        while line := await process.stderr.readline():
            async with running.logged:
                running.log.append(line.decode())
                running.logged.notify_all()

    reader = asyncio.create_task(read_log())
    try:
        await running.wait_for_log("Tiimi is running")
        yield running
    finally:
        if process.returncode is None:
            process.terminate()
            await asyncio.wait_for(process.wait(), 60)
        await reader


async def test_the_front_answers_and_the_work_process_does_the_work(
    fake_slack: FakeSlack, database_url: str, tmp_path: Path
) -> None:
    fake = fake_slack
    async with front(fake, database_url, tmp_path) as running:
        sender = running.sender
        sent = await sender.command("/tiimi", "ohje", user_id="UANNA", channel_id="DANNA")
        assert (sent.status, sent.body) == (200, "")
        url = sent.response_url
        await fake.wait_for(lambda: fake.responses(url))
        assert fake.responses(url)[-1]["text"] == "Tiimi – Minun tiimini -tiimien apuri"

        # Bolt alone reads a form that mentions "payload" as an empty interaction (404)
        mentioned = await sender.command("/tiimi", "payload", user_id="UANNA", channel_id="DANNA")
        assert (mentioned.status, mentioned.body) == (200, "")
        await fake.wait_for(lambda: fake.responses(mentioned.response_url))

        # a form's answer comes from the work process, through the front
        await sender.command("/tiimi", "uusi", user_id="UANNA", channel_id="DANNA")
        await fake.wait_for(lambda: fake.views_opened)
        view = fake.views_opened[0].get("view", fake.views_opened[0])
        refused = await sender.view_submission(
            user_id="UANNA", view=view | {"id": "V1"}, values=modal_values(["UBERT"], consent=False)
        )
        assert refused.status == 200 and refused.json()["response_action"] == "errors"

        challenge = {"type": "url_verification", "token": "t", "challenge": "c0ffee"}
        verified = await sender.raw(json.dumps(challenge), content_type=JSON)
        assert (verified.status, verified.json()) == (200, {"challenge": "c0ffee"})

        forged = SlackSender(running.url, "not0the0signing0secret0at0all", fake)
        assert (
            await forged.command("/tiimi", "ohje", user_id="UANNA", channel_id="D1")
        ).status == 401
        unknown = await sender.block_action(
            user_id="UANNA", action_id="no_such_button", value="1", channel_id="C1"
        )
        assert unknown.status == 404
        assert (await sender.raw("{not json", content_type=JSON)).status == 400

        status, health = await running.health()
        assert status == 200
        assert health["work_processes"] == {"ready": 1, "of": 1} and health["database"] == "ok"
        assert [c.method for c in fake.calls if c.method == "conversations.create"] == []


async def test_a_work_process_that_dies_is_started_again(
    fake_slack: FakeSlack, database_url: str, tmp_path: Path
) -> None:
    fake = fake_slack
    async with front(fake, database_url, tmp_path) as running:
        before = await running.sender.command("/tiimi", "ohje", user_id="UANNA", channel_id="D1")
        await fake.wait_for(lambda: fake.responses(before.response_url))  # a pooled connection
        (first,) = running.work_pids()
        os.kill(first, signal.SIGKILL)
        await running.wait_for_log("work process 0 exited")
        await running.wait_for_log("work process 0 ready", count=2)
        (second,) = running.work_pids()
        assert second != first

        sent = await running.sender.command("/askel", "ohje", user_id="UANNA", channel_id="DANNA")
        assert sent.status == 200
        await fake.wait_for(lambda: fake.responses(sent.response_url))
        assert (await running.health())[1]["work_processes"] == {"ready": 1, "of": 1}

        running.process.terminate()
        assert await asyncio.wait_for(running.process.wait(), 60) == 0
        assert not await asyncio.to_thread(Path(f"/proc/{second}").exists)  # stopped, reaped


async def test_a_replay_through_the_front_changes_nothing(
    fake_slack: FakeSlack, database_url: str, tmp_path: Path
) -> None:
    fake = fake_slack
    async with front(fake, database_url, tmp_path) as running:
        sender = running.sender
        opened = await sender.command("/tiimi", "uusi <@UBERT>", user_id="UANNA", channel_id="D1")
        await fake.wait_for(lambda: fake.responses(opened.response_url))
        channel = fake.channel_by_name("mt-2026-0001")
        assert channel is not None
        body, url, _trigger = sender.command_body(
            "/askel", "tavoite Oma asunto", user_id="UANNA", channel_id=channel.id
        )
        headers = signed_headers(SECRET, body)
        retry = {"X-Slack-Retry-Num": "1"}
        statuses = [
            (await sender.raw(body, content_type=FORM, signed=False, headers=h)).status
            for h in (headers, headers, headers | retry)
        ]
        assert statuses == [200, 200, 200]
        await fake.wait_for(lambda: fake.responses(url))
        running.process.terminate()  # the work process finishes what it was handed
        assert await asyncio.wait_for(running.process.wait(), 60) == 0
    assert [r["text"] for r in fake.responses(url)] == ["Tavoite T1 on kirjattu."]
