"""respond() over the pooled session: Bolt's arguments, one connection, retried errors."""

from __future__ import annotations

import aiohttp
from aiohttp import web
from slack_sdk.http_retry.builtin_async_handlers import AsyncConnectionErrorRetryHandler
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator
from slack_sdk.models.blocks import SectionBlock

from handlers.sandbox.workspace import SimulatedSlack
from handlers.slack.respond import PooledRespond


def counting_connections() -> tuple[aiohttp.TraceConfig, list[int]]:
    opened: list[int] = []
    trace = aiohttp.TraceConfig()

    async def on_create(*_: object) -> None:
        opened.append(1)

    trace.on_connection_create_end.append(on_create)
    return trace, opened


async def test_answers_go_over_one_pooled_connection(fake_slack: SimulatedSlack) -> None:
    trace, opened = counting_connections()
    urls = [fake_slack.new_response_url() for _ in range(3)]
    async with aiohttp.ClientSession(trace_configs=[trace]) as session:
        for n, url in enumerate(urls):
            respond = PooledRespond(response_url=url, session=session, retry_handlers=[])
            response = await respond(text=f"vastaus {n}", response_type="ephemeral")
            assert response.status_code == 200

    assert [fake_slack.responses(url) for url in urls] == [
        [{"text": f"vastaus {n}", "response_type": "ephemeral"}] for n in range(3)
    ]
    assert len(opened) == 1  # Bolt's respond() would have opened three


async def test_takes_bolts_arguments_and_leaves_out_the_unset(fake_slack: SimulatedSlack) -> None:
    blocks_url, whole_url = fake_slack.new_response_url(), fake_slack.new_response_url()
    async with aiohttp.ClientSession() as session:
        await PooledRespond(response_url=blocks_url, session=session, retry_handlers=[])(
            text="teksti", blocks=[SectionBlock(block_id="b", text="lohko")]
        )
        whole = {"text": "koko viesti", "replace_original": True}
        await PooledRespond(response_url=whole_url, session=session, retry_handlers=[])(whole)

    [with_blocks] = fake_slack.responses(blocks_url)
    assert set(with_blocks) == {"text", "blocks"}
    assert with_blocks["blocks"][0]["text"]["text"] == "lohko"
    assert fake_slack.responses(whole_url) == [{"text": "koko viesti", "replace_original": True}]


async def test_a_lost_connection_is_retried() -> None:
    dropped: list[bool] = []

    async def flaky(request: web.Request) -> web.Response:
        if not dropped:  # the first answer is lost on the way
            dropped.append(True)
            assert request.transport is not None
            request.transport.close()
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_post("/hook", flaky)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    retry = AsyncConnectionErrorRetryHandler(
        max_retry_count=1, interval_calculator=FixedValueRetryIntervalCalculator(0)
    )
    try:
        async with aiohttp.ClientSession() as session:
            respond = PooledRespond(response_url=url, session=session, retry_handlers=[retry])
            response = await respond(text="uudestaan")
    finally:
        await runner.cleanup()

    assert dropped and response.status_code == 200
