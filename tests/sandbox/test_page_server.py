"""The sandbox page's server with the real bot and workspace in this process: who sees what,
what Slack's client would refuse, the clock, the change stream, and a second start."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest_asyncio

from handlers.sandbox.page.server import SandboxPage
from handlers.sandbox.runner import Sandbox, SandboxFiles, running_sandbox

ANNA, MIKKO, PEKKA, SARI = "USANNA", "USMIKKO", "USPEKKA", "USSARI"


class Page:
    """The page's own requests, as its script sends them."""

    def __init__(self, url: str, sandbox: Sandbox) -> None:
        self.url = url
        self.sandbox = sandbox

    async def post(self, path: str, **body: Any) -> tuple[int, dict[str, Any]]:
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.url + path, json=body) as response,
        ):
            return response.status, await response.json()

    async def state(self, user: str, conversation: str = "home") -> dict[str, Any]:
        async with (
            aiohttp.ClientSession() as session,
            session.get(self.url + "/state", params={"user": user, "c": conversation}) as got,
        ):
            assert got.status == 200
            return dict(await got.json())

    async def say(self, user: str, conversation: str, text: str) -> tuple[int, dict[str, Any]]:
        return await self.post("/send", user=user, conversation=conversation, text=text)

    async def open_team(self) -> str:
        """Anna opens a team with Mikko; returns its channel's id once the bot has set it up."""
        status, _ = await self.say(ANNA, "home", "/tiimi uusi @Mikko")
        assert status == 200
        slack = self.sandbox.slack
        await slack.wait_for(lambda: slack.channel_by_name("mt-2026-0001") is not None)
        channel = slack.channel_by_name("mt-2026-0001")
        assert channel is not None
        direct = slack.direct_channel(ANNA)

        def told() -> bool:  # the answer comes once the team is open (its rows committed)
            shown = [m.text for m in slack.messages.get(direct, [])]
            shown += [e.text for e in slack.ephemerals if e.channel == direct]
            return any("on avattu" in text for text in shown)

        await slack.wait_for(told)
        return channel.id


@pytest_asyncio.fixture
async def page(tmp_path: Path) -> AsyncIterator[Page]:
    async with running_sandbox(SandboxFiles(tmp_path)) as sandbox:
        server = SandboxPage(sandbox)
        port = await server.start(0)
        try:
            yield Page(f"http://127.0.0.1:{port}", sandbox)
        finally:
            await server.stop()


async def test_a_private_channel_is_shown_to_its_members_only(page: Page) -> None:
    channel = await page.open_team()
    for member in (ANNA, MIKKO):
        state = await page.state(member, channel)
        assert state["conversation"] == channel
        assert "mt-2026-0001" in state["sidebar"] and "Tervetuloa" in state["main"]
    for outsider in (PEKKA, SARI):
        state = await page.state(outsider, channel)  # asking by id shows nothing of it either
        assert state["conversation"] == "home"
        assert "mt-2026-0001" not in state["sidebar"]
        assert "Tervetuloa" not in state["main"]


async def test_what_slacks_client_refuses_is_told_in_finnish(page: Page) -> None:
    channel = await page.open_team()
    status, body = await page.say(PEKKA, channel, "hei")
    assert (status, body["notice"]) == (409, "Et voi kirjoittaa tälle kanavalle.")
    status, body = await page.say(ANNA, channel, "/kokous huomenna")
    assert status == 409 and "/kokous ei ole tämän työtilan komento" in body["notice"]
    status, body = await page.post(
        "/action",
        user=ANNA,
        surface="message",
        conversation=channel,
        ts="1.000001",
        block_id="b0",
        action_id="nothing",
        values=[],
    )
    assert (status, body["notice"]) == (409, "Viestiä ei enää ole.")


async def test_only_the_page_itself_may_use_it(page: Page) -> None:
    async with aiohttp.ClientSession() as session:
        body = json.dumps({"user": ANNA, "conversation": "home", "text": "/tiimi uusi"})
        async with session.post(page.url + "/send", data=body) as form_like:
            assert form_like.status == 415  # another site's form cannot send JSON
        headers = {"Host": "evil.example:8300", "Content-Type": "application/json"}
        async with session.post(page.url + "/send", data=body, headers=headers) as rebound:
            assert rebound.status == 403
        async with session.get(page.url + "/state", params={"user": "UINTRUDER"}) as stranger:
            assert stranger.status == 400
    assert page.sandbox.slack.channel_by_name("mt-2026-0001") is None


async def test_typed_markup_shows_as_typed(page: Page) -> None:
    channel = await page.open_team()
    typed = "<script>alert(1)</script> *lihavoitu* <!channel> <@USPEKKA>"
    status, _ = await page.say(ANNA, channel, typed)
    assert status == 200
    main = (await page.state(MIKKO, channel))["main"]
    assert "<script>" not in main and "&lt;script&gt;alert(1)&lt;/script&gt;" in main
    assert "@Pekka Laine" not in main and "@channel" not in main


async def test_the_clock_moves_forward_and_says_when_nothing_waits(page: Page) -> None:
    before = page.sandbox.clock.now()
    status, body = await page.post("/clock", user=ANNA, step="next")
    assert (status, body["notice"]) == (200, "Ei odottavia muistutuksia.")
    status, body = await page.post("/clock", user=ANNA, step="day")
    assert status == 200
    assert page.sandbox.clock.now() - before >= timedelta(days=1)
    assert body["now"] == (await page.state(ANNA))["now"]


async def test_the_next_reminder_arrives_in_the_channel(page: Page) -> None:
    channel = await page.open_team()
    status, _ = await page.say(ANNA, channel, "/tiimi tapaaminen huomenna klo 10")
    assert status == 200
    slack = page.sandbox.slack
    await slack.wait_for(
        lambda: any("Tapaaminen on sovittu" in m.text for m in slack.messages[channel])
    )
    status, body = await page.post("/clock", user=ANNA, step="next")
    assert (status, body["notice"]) == (200, "")
    assert any("Muistutus: tiimin tapaaminen" in m.text for m in slack.messages[channel])
    assert "Muistutus: tiimin tapaaminen" in (await page.state(MIKKO, channel))["main"]


async def test_changes_reach_the_page_as_events(page: Page) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.get(page.url + "/events") as stream,
    ):
        first = int((await stream.content.readline()).decode().removeprefix("data: "))
        await stream.content.readline()
        await page.say(ANNA, "home", "hei Tiimi")
        second = int((await stream.content.readline()).decode().removeprefix("data: "))
    assert second > first


async def test_a_second_start_continues_and_reset_starts_clean(tmp_path: Path) -> None:
    files = SandboxFiles(tmp_path)
    async with running_sandbox(files) as sandbox:
        server = SandboxPage(sandbox)
        first = Page(f"http://127.0.0.1:{await server.start(0)}", sandbox)
        channel = await first.open_team()
        await first.post("/clock", user=ANNA, step="day")
        moved = sandbox.clock.now()
        await server.stop()
    async with running_sandbox(files) as sandbox:
        server = SandboxPage(sandbox)
        again = Page(f"http://127.0.0.1:{await server.start(0)}", sandbox)
        assert sandbox.clock.now() >= moved
        assert "Tervetuloa" in (await again.state(MIKKO, channel))["main"]
        status, _ = await again.say(ANNA, channel, "/tiimi tapaaminen huomenna klo 10")
        assert status == 200
        slack = sandbox.slack
        await slack.wait_for(
            lambda: any("Tapaaminen on sovittu" in m.text for m in slack.messages[channel])
        )
        await server.stop()
    files.reset()
    async with running_sandbox(files) as sandbox:
        assert sandbox.slack.channel_by_name("mt-2026-0001") is None
        assert sandbox.clock.now() < moved


async def test_days_skipped_forward_send_each_reminder_at_its_moment(page: Page) -> None:
    """+1 päivä is time passing with the bot running: no reminder is late or lost on the way."""
    channel = await page.open_team()
    await page.say(ANNA, channel, "/tiimi tapaaminen huomenna klo 10")
    slack = page.sandbox.slack
    await slack.wait_for(
        lambda: any("Tapaaminen on sovittu" in m.text for m in slack.messages[channel])
    )
    for _ in range(3):
        status, _ = await page.post("/clock", user=ANNA, step="day")
        assert status == 200
    texts = [m.text for m in slack.messages[channel]]
    assert sum("Muistutus: tiimin tapaaminen" in text for text in texts) >= 1
    assert any(text.endswith("Pidettiinkö se?") for text in texts)
    assert not any("myöhässä" in text for text in texts)


async def test_a_team_without_meetings_is_nudged_at_the_next_reminder(page: Page) -> None:
    channel = await page.open_team()
    before = page.sandbox.clock.now()
    status, body = await page.post("/clock", user=ANNA, step="next")
    assert (status, body["notice"]) == (200, "")
    assert page.sandbox.clock.now() - before >= timedelta(days=13)  # NO_MEETING_NUDGE_DAYS
    main = (await page.state(ANNA, channel))["main"]
    assert "tiimillä ei ole sovittua tapaamista" in main


async def test_a_form_is_shown_to_and_sent_by_its_opener_only(page: Page) -> None:
    status, _ = await page.say(ANNA, "home", "/tiimi uusi")
    assert status == 200
    slack = page.sandbox.slack
    await slack.wait_for(lambda: slack.views_opened)
    modal = (await page.state(ANNA))["modal"]
    assert modal is not None and "Uusi tiimi" in modal["html"]
    assert (await page.state(PEKKA))["modal"] is None
    view_id = slack.views_opened[-1]["view_id"]
    consent = [{"block_id": "consent", "action_id": "consent", "value": ["client_chose_members"]}]
    status, body = await page.post("/submit", user=PEKKA, view_id=view_id, values=consent)
    assert (status, body["notice"]) == (409, "Lomake on jo suljettu.")
    status, body = await page.post("/submit", user=ANNA, view_id=view_id, values=consent)
    assert (status, body["errors"]) == (200, {})
    assert (await page.state(ANNA))["modal"] is None
    await slack.wait_for(lambda: slack.channel_by_name("mt-2026-0001") is not None)
