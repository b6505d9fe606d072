"""The framework's floor: a slack_bolt AsyncApp that only acknowledges, served like the bot.

BARE_PROCESS_BEFORE_RESPONSE=1 runs it in the bot's mode; without it, in Bolt's default mode.
"""

from __future__ import annotations

import asyncio
import os
import re
from typing import Any

from aiohttp import web
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from handlers.slack.server import build_web_app


async def acknowledge(ack: AsyncAck) -> None:
    await ack()


async def nothing(event: dict[str, Any]) -> None:
    return None


async def main() -> None:
    client = AsyncWebClient(
        token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"]
    )
    app = AsyncApp(
        client=client,
        signing_secret=os.environ["SLACK_SIGNING_SECRET"],
        # Bolt's default (False) waits for ack() by polling every 10 ms; the bot uses True.
        process_before_response=os.environ.get("BARE_PROCESS_BEFORE_RESPONSE") == "1",
    )
    app.command(re.compile(".*"))(acknowledge)
    app.action(re.compile(".*"))(acknowledge)
    app.event("app_home_opened")(nothing)

    async def ok() -> bool:
        return True

    runner = web.AppRunner(build_web_app(app, database_ok=ok), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", int(os.environ["PORT"])).start()
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
