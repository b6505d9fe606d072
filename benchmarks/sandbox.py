"""How soon `python -m bot sandbox` is ready, and how soon what someone types shows on its page.

    python -m benchmarks.sandbox [--teams N]

Starts the sandbox as the README says (a fresh data folder, then a second start on it), then,
as the page's script does, sends `/tiimi uusi @Mikko` N times and times each from the POST
until the page's next /state (fetched on the change event) shows the new team's channel.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from benchmarks.report import p

ANNA = "USANNA"


async def start(data: Path) -> tuple[asyncio.subprocess.Process, str, float]:
    began = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "sandbox",
        "--port",
        "0",
        "--data",
        str(data),
        stdout=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None
    line = (await asyncio.wait_for(process.stdout.readline(), 120)).decode()
    if not line.startswith("Tiimi sandbox: "):
        raise SystemExit(f"the sandbox did not start: {line!r}")
    return process, line.removeprefix("Tiimi sandbox: ").strip(), time.perf_counter() - began


async def stop(process: asyncio.subprocess.Process) -> None:
    process.send_signal(2)  # Ctrl+C
    await asyncio.wait_for(process.wait(), 60)


async def shown_after_typing(url: str, teams: int) -> list[float]:
    """Milliseconds from sending each command to the page's state showing its channel."""
    times: list[float] = []
    async with aiohttp.ClientSession() as session, session.get(url + "events") as events:
        await events.content.readline()
        for number in range(1, teams + 1):
            channel = f"mt-{time.localtime().tm_year}-{number:04d}"
            began = time.perf_counter()
            body = {"user": ANNA, "conversation": "home", "text": "/tiimi uusi @Mikko"}
            async with session.post(url + "send", json=body) as sent:
                assert sent.status == 200, await sent.text()
            while True:
                line = await asyncio.wait_for(events.content.readline(), 30)
                if not line.startswith(b"data:"):
                    continue
                params = {"user": ANNA, "c": "home"}
                async with session.get(url + "state", params=params) as got:
                    state = json.loads(await got.text())
                if channel in state["sidebar"]:
                    times.append((time.perf_counter() - began) * 1000)
                    break
    return sorted(times)


async def main(teams: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "sandbox"
        process, url, first = await start(data)
        try:
            shown = await shown_after_typing(url, teams)
        finally:
            await stop(process)
        process, url, second = await start(data)
        await stop(process)
    print(f"start, fresh folder: {first:.2f} s; second start: {second:.2f} s")
    print(
        f"/tiimi uusi typed → channel on the page ({teams} teams): "
        f"p50 {p(shown, 0.5):.0f} ms, p95 {p(shown, 0.95):.0f} ms, max {shown[-1]:.0f} ms"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--teams", type=int, default=30)
    asyncio.run(main(parser.parse_args().teams))
