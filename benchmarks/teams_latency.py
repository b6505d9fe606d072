"""What a Teams user waits for, through the real bot (bot.runtime with the Teams adapter and
the Agents SDK's real token check) against the fake Teams (tests/fake_teams) over HTTP on
127.0.0.1, one request at a time:

- opening a team from its form: from the submission to the welcome card in the new chat
  (the Graph calls, the install and its events, the welcome);
- a step saved from its form: the dialog's answer, and its card in the chat;
- Tehty pressed on a step's card: the invoke's answer, which shows the presser the new card;
- `@Tiimi askel lista` typed in the case chat: the acknowledgement and the list in the chat.

The bot and the fake Teams share one process and event loop, so the figures include the
fake's own work (its JSON, token checks and bookkeeping).

    python -m benchmarks.teams_latency --rounds 100 --database sqlite|postgres
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable
from pathlib import Path
from typing import Any

from benchmarks.databases import KINDS, bench_database
from benchmarks.machine import python_speed
from benchmarks.report import p
from bot import action_ids
from tests.fake_teams import FakeTeams
from tests.fake_teams.state import Conversation, User
from tests.support.clock import FakeClock
from tests.teams_e2e.harness import TeamsBot, buttons, running_teams_bot

OPENINGS = 10  # teams opened (and timed); the steps go round them


async def timed(work: Awaitable[Any]) -> tuple[float, Any]:
    """How long awaiting `work` took (ms), and its result."""
    started = time.perf_counter()
    result = await work
    return (time.perf_counter() - started) * 1000, result


def users(teams: FakeTeams) -> list[User]:
    names = ("Anna", "Bertta", "Cecilia")
    return [
        teams.tenant.add_user(f"00000000-0000-4000-8000-0000000000{n}1", name)
        for n, name in zip("abc", names, strict=True)
    ]


async def open_team(bot: TeamsBot, anna: User, members: list[User]) -> Conversation:
    personal = bot.personal(anna)
    form = await bot.fetch_form(personal, anna, action_ids.OPEN_TEAM_FORM)
    chosen = ",".join(m.id for m in members)
    await bot.submit_form(personal, anna, form, members=chosen, consent="true")
    return bot.case_chats()[-1]


async def add_step(bot: TeamsBot, chat: Conversation, anna: User, text: str) -> None:
    form = await bot.fetch_form(chat, anna, action_ids.ADD_STEP_FORM)
    await bot.submit_form(chat, anna, form, text=text)


async def press_done(bot: TeamsBot, chat: Conversation, anna: User) -> int:
    card = chat.posted[-1]
    (done,) = [b for b in buttons(card) if b.get("verb") == action_ids.STEP_DONE]
    updates = len(chat.updated)
    status, _ = await bot.press(chat, anna, card["id"], done["verb"], done["data"]["value"])
    assert len(chat.updated) == updates + 1, "the press did not update the step's card"
    return status


async def run(rounds: int, kind: str) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {
        "open": [],
        "step form": [],
        "Tehty": [],
        "askel lista ack": [],
        "askel lista": [],
    }
    with tempfile.TemporaryDirectory() as directory:
        async with (
            bench_database(kind, Path(directory)) as url,
            FakeTeams() as teams,
        ):
            anna, *members = users(teams)
            teams.tenant.personal_installs.add(anna.id)
            async with running_teams_bot(teams, url, FakeClock()) as bot:
                chats = []
                for _ in range(OPENINGS):
                    took, chat = await timed(open_team(bot, anna, members))
                    times["open"].append(took)
                    chats.append(chat)
                for n in range(rounds):
                    chat = chats[n % len(chats)]
                    took, _ = await timed(add_step(bot, chat, anna, f"Askel {n}"))
                    times["step form"].append(took)
                    took, status = await timed(press_done(bot, chat, anna))
                    assert status == 200, status
                    times["Tehty"].append(took)
                    activity = teams.events.message(chat, anna, "askel lista", mention_bot=True)
                    started = time.perf_counter()
                    status, _ = await teams.sender.send(activity)
                    times["askel lista ack"].append((time.perf_counter() - started) * 1000)
                    await bot.settle()
                    times["askel lista"].append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--database", choices=KINDS, default="sqlite")
    args = parser.parse_args()
    print(python_speed())
    times = asyncio.run(run(args.rounds, args.database))
    print(f"Teams, {args.database}, {args.rounds} rounds (ms: p50 / p95 / p99 / max)")
    for name, values in times.items():
        ordered = sorted(values)
        figures = " / ".join(f"{p(ordered, q):.1f}" for q in (0.5, 0.95, 0.99))
        print(f"  {name:<16} n={len(ordered):<4} {figures} / {ordered[-1]:.1f}")


if __name__ == "__main__":
    main()
