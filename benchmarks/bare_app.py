"""The framework's floor: a slack_bolt AsyncApp that only acknowledges, served like the bot.

BARE_PROCESS_BEFORE_RESPONSE=1 runs it with process_before_response; without it, in Bolt's
default mode, the bot's. BARE_WORK_MS=N makes it a floor for an app that works: after each
acknowledgement it spends N ms of CPU in a work slot and then answers as the bot does (a post
to the response_url, or a published Home tab), so that the cost of doing any work in the
acknowledging process shows.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
from typing import Any

import aiohttp
from aiohttp import web
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from handlers.slack.server import build_web_app
from handlers.slack.work import WorkSlots

WORK_MS = float(os.environ.get("BARE_WORK_MS", "0"))


def spend_cpu(milliseconds: float) -> None:
    """Allocate and drop small objects, as request work does, for `milliseconds`."""
    until = time.perf_counter() + milliseconds / 1000
    while time.perf_counter() < until:
        [{str(i): [i] * 5} for i in range(200)]


async def work_then_answer(
    client: AsyncWebClient, session: aiohttp.ClientSession, body: Any
) -> None:
    for _ in range(int(WORK_MS * 2)):  # half a millisecond at a time, as between awaits
        spend_cpu(0.5)
        await asyncio.sleep(0)
    if body.get("response_url"):
        async with session.post(body["response_url"], json={"text": "valmis"}) as answer:
            await answer.read()
    else:
        await client.views_publish(
            user_id=body["event"]["user"], view={"type": "home", "blocks": []}
        )


def bare_app(
    client: AsyncWebClient,
    session: aiohttp.ClientSession,
    work: WorkSlots,
    *,
    signing_secret: str,
    process_before_response: bool,
) -> AsyncApp:
    app = AsyncApp(
        client=client,
        signing_secret=signing_secret,
        # Bolt's default (False), the bot's, waits for ack() by polling every 10 ms.
        process_before_response=process_before_response,
    )

    async def acknowledge(ack: AsyncAck, body: dict[str, Any]) -> None:
        await ack()
        if WORK_MS:  # after the answer only in Bolt's default mode
            async with work.slot():
                await work_then_answer(client, session, body)

    app.command(re.compile(".*"))(acknowledge)
    app.action(re.compile(".*"))(acknowledge)
    app.event("app_home_opened")(acknowledge)
    return app


async def main() -> None:
    session = aiohttp.ClientSession()
    client = AsyncWebClient(
        token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"], session=session
    )
    work = WorkSlots(4)
    app = bare_app(
        client,
        session,
        work,
        signing_secret=os.environ["SLACK_SIGNING_SECRET"],
        process_before_response=os.environ.get("BARE_PROCESS_BEFORE_RESPONSE") == "1",
    )

    async def ok() -> bool:
        return True

    web_app = build_web_app(app, database_ok=ok, work_in_progress=lambda: work.running)
    runner = web.AppRunner(web_app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", int(os.environ["PORT"])).start()
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
