"""Concurrent changes to one team never collide (numbers stay unique, nothing is lost)."""

from __future__ import annotations

import asyncio

from bot.context import Actor
from bot.replies import Reply
from bot.teams.dispatch import TiimiCommands
from storage import queries
from tests.support.said import said
from tests.support.shown import shown

ANNA = Actor("UANNA", "fi")


async def test_concurrent_steps_and_goals_get_distinct_numbers(tiimi: TiimiCommands) -> None:
    await tiimi.run(actor=ANNA, text=said("uusi <@UBERT>"), channel_id="D", request_key="k")
    async with tiimi.core.database.session() as session:
        team = await queries.get_team_by_request_key(session, request_key="k")
    assert team is not None
    channel = team.live_channel_id
    texts = [f"Askel {i}" for i in range(12)] + [f"tavoite Tavoite {i}" for i in range(6)]
    replies = await asyncio.gather(
        *(tiimi.askel.run(actor=ANNA, text=said(t), channel_id=channel) for t in texts)
    )
    answers = [r.message.text for r in replies if isinstance(r, Reply)]
    assert sum("on lisätty ja näkyy" in a for a in answers) == 12, answers
    assert sum(a.startswith("Tavoite T") for a in answers) == 6, answers
    listing = await tiimi.askel.run(actor=ANNA, text=said("lista"), channel_id=channel)
    assert isinstance(listing, Reply)
    assert all(f"*{n}.*" in shown(listing) for n in range(1, 13))
