"""Eight simulated weeks of 200 teams against a flaky fake Slack, with weekly restarts.

Slack fails at random (5 % 429 with Retry-After, 1 % 500, some dropped connections, some
answers lost after the call took effect) and one channel is archived behind the bot's back.
At the end: every due reminder delivered exactly once or recorded with its reason; every
welcome and step message posted once; no channel
without its team and no active team without its channel; the audit log complete; no personal
identity code stored or sent anywhere.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from slack_sdk.http_retry import builtin_async_handlers
from sqlmodel import select

from bot.privacy import contains_identity_code
from handlers.sandbox.workspace import SimulatedSlack
from storage.db import Database
from storage.models import AuditEvent, Member, Reminder, ReminderState, Step, Team, TeamState
from tests.e2e.harness import RunningBot, running_bot
from tests.support.clock import FakeClock

USERS = [f"USIM{i:03d}" for i in range(40)]
START = datetime(2026, 1, 5, 6, 0, tzinfo=UTC)  # Monday 5.1.2026 08.00 in Helsinki
HETU = "131052-308T"
OPENED = re.compile(r"<#(C[A-Z0-9]+)>")


class Simulation:
    def __init__(self, fake: SimulatedSlack, rng: random.Random) -> None:
        self.fake, self.rng = fake, rng
        self.teams: dict[str, list[str]] = {}  # channel -> member ids (as the test knows them)
        self.steps: dict[str, int] = {}
        self.closed: set[str] = set()
        self.commands = 0

    async def say(self, bot: RunningBot, command: str, text: str, user: str, where: str) -> str:
        self.commands += 1
        if command == "/askel":
            return await bot.askel(text, channel=where, user=user)
        return await bot.tiimi(text, user=user, channel=where)

    async def open_team(self, bot: RunningBot) -> None:
        convenor, *others = self.rng.sample(USERS, 3)
        answer = await self.say(
            bot, "/tiimi", f"uusi <@{others[0]}> <@{others[1]}>", convenor, "D" + convenor
        )
        if match := OPENED.search(answer):
            self.teams[match.group(1)] = [convenor, *others]

    async def act(self, bot: RunningBot, now: datetime) -> None:
        live = [c for c in self.teams if c not in self.closed]
        for channel in self.rng.sample(live, min(4, len(live))):
            members = self.teams[channel]
            user, roll = members[0], self.rng.random()
            local = (now + timedelta(days=self.rng.randint(1, 9))).strftime("%-d.%-m.")
            if roll < 0.35:
                owner = self.rng.choice(members)
                secret = f" {HETU}" if self.rng.random() < 0.02 else ""
                answer = await self.say(
                    bot, "/askel", f"Soita{secret} <@{owner}> mennessä {local}", user, channel
                )
                if "on lisätty" in answer:
                    self.steps[channel] = self.steps.get(channel, 0) + 1
            elif roll < 0.5 and self.steps.get(channel):
                number = self.rng.randint(1, self.steps[channel])
                await self.say(bot, "/askel", f"valmis {number}", user, channel)
            elif roll < 0.65:
                await self.say(bot, "/tiimi", f"tapaaminen {local} klo 10", user, channel)
            elif roll < 0.72:
                await self.say(bot, "/tiimi", f"tapaaminen siirrä {local} klo 13", user, channel)
            elif roll < 0.8:
                newcomer = self.rng.choice(USERS)
                if "lisätty" in await self.say(
                    bot, "/tiimi", f"lisää <@{newcomer}> lääkäri", user, channel
                ):
                    members.append(newcomer)
            elif roll < 0.86 and len(members) > 2:
                leaving = members[-1]
                if "poistettu" in await self.say(
                    bot, "/tiimi", f"poista <@{leaving}>", user, channel
                ):
                    members.remove(leaving)
            elif roll < 0.89 and "suljettu" in await self.say(
                bot, "/tiimi", "sulje muu", user, channel
            ):
                self.closed.add(channel)


@pytest.fixture
def no_retry_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """slack_sdk sleeps Retry-After for real; the simulation's time is virtual."""

    async def instantly(_seconds: float) -> None:
        return None

    monkeypatch.setattr(builtin_async_handlers, "asyncio", SimpleNamespace(sleep=instantly))


async def test_eight_weeks_of_chaos(
    fake_slack: SimulatedSlack, tmp_path: Path, clock: FakeClock, no_retry_waits: None
) -> None:
    for user in USERS:
        fake_slack.add_user(user)
    fake_slack.chaos(seed=7, rate_429=0.05, rate_500=0.01, rate_drop=0.005, rate_lost=0.005)
    url = f"sqlite:///{tmp_path / 'chaos.db'}"
    sim = Simulation(fake_slack, random.Random(11))
    env = {"MEETING_REMINDERS": "24h,1h", "NO_MEETING_NUDGE_DAYS": "7"}
    archived_behind_back = None
    for week in range(8):  # the bot is restarted every simulated week
        async with running_bot(fake_slack, url, clock, **env) as bot:
            for day in range(7):
                for hours in (0, 4, 8):
                    now = START + timedelta(days=week * 7 + day, hours=hours)
                    clock.set(now)
                    while len(sim.teams) < min(200, (week * 21 + day * 3 + hours // 4 + 1) * 1.3):
                        await sim.open_team(bot)
                    await sim.act(bot, now)
                    await bot.worker.run_once()
            if week == 3 and archived_behind_back is None:
                archived_behind_back = next(c for c in sim.teams if c not in sim.closed)
                convenor = sim.teams[archived_behind_back][0]
                booked = (clock.now() + timedelta(days=5)).strftime("%-d.%-m.")
                await sim.say(bot, "/tiimi", "tapaaminen peru", convenor, archived_behind_back)
                await sim.say(
                    bot, "/tiimi", f"tapaaminen {booked} klo 10", convenor, archived_behind_back
                )
                fake_slack.archive_behind_bots_back(archived_behind_back)
                sim.closed.add(archived_behind_back)  # nobody can type in it any more
    clock.set(START + timedelta(weeks=8, days=20))
    fake_slack.chaos(seed=1, rate_429=0, rate_500=0, rate_drop=0)
    async with running_bot(fake_slack, url, clock, **env) as bot:
        while sum((await bot.worker.run_once()).counts.values()):
            pass
        await bot.closing.finish_interrupted()  # closes that a Slack error cut short
    assert len(sim.teams) >= 200 and sim.commands > 600
    assert sum(c.error == "answer_lost" for c in fake_slack.calls) > 5  # lost answers were tried

    database = Database(url)
    async with database.session() as session:
        teams = (await session.exec(select(Team))).all()
        reminders = (await session.exec(select(Reminder))).all()
        members = (await session.exec(select(Member))).all()
        steps = (await session.exec(select(Step))).all()
        audit = (await session.exec(select(AuditEvent))).all()
    await database.dispose()

    # every due reminder delivered exactly once, or recorded with its reason
    posted = Counter(
        m.metadata["event_payload"]["reminder_id"]
        for messages in fake_slack.messages.values()
        for m in messages
        if m.metadata and m.metadata["event_type"] == "tiimi_reminder"
    )
    assert max(posted.values()) == 1, "a reminder was posted twice"
    once = Counter(  # welcome, step and meeting-change messages too, despite lost answers
        (m.metadata["event_type"], *m.metadata["event_payload"].values())
        for messages in fake_slack.messages.values()
        for m in messages
        if m.metadata
    )
    kinds = {"tiimi_team", "tiimi_step", "tiimi_reminder", "tiimi_closing", "tiimi_meeting"}
    assert {kind for kind, *_ in once} == kinds
    assert max(once.values()) == 1, [key for key, n in once.items() if n > 1]
    for r in reminders:
        assert r.state not in (ReminderState.PENDING, ReminderState.CLAIMED), r
        if r.state == ReminderState.SENT:
            assert posted[str(r.id)] == 1 and r.message_ts
        elif r.state in (ReminderState.FAILED, ReminderState.SKIPPED):
            assert r.failure_reason
    assert any(
        r.state == ReminderState.FAILED and r.failure_reason == "is_archived" for r in reminders
    )

    # no channel without its team, no active team without its channel
    by_channel = {t.channel_id: t for t in teams if t.channel_id}
    for channel in fake_slack.channels.values():
        if channel.name.startswith("mt-"):
            team = by_channel.get(channel.id)
            assert team is not None, f"orphan channel {channel.name}"
            if team.state != TeamState.ACTIVE:
                assert channel.is_archived, f"{channel.name} of a {team.state} team is open"
            if team.state == TeamState.CLOSED:  # only the closing summary is left of the bot's
                assert team.channel_archived_at is not None
                left = [m for m in fake_slack.messages[channel.id] if not m.deleted]
                kinds_left = [(m.metadata or {}).get("event_type") for m in left]
                assert kinds_left == ["tiimi_closing"], (channel.name, kinds_left)
    for team in teams:
        if team.state == TeamState.ACTIVE:
            assert team.channel_id in fake_slack.channels

    # the audit log is complete
    events = {(e.team_id, e.action, e.subject_id or e.detail) for e in audit}
    for team in teams:
        if team.state in (TeamState.ACTIVE, TeamState.CLOSED):
            assert (team.id, "team_opened", None) in events
        if team.state == TeamState.CLOSED:
            assert (team.id, "team_closed", team.close_reason) in events
    for member in members:
        assert (member.team_id, "member_added", member.user_id) in events
    for step in steps:
        assert (step.team_id, "step_added", str(step.number)) in events

    # no personal identity code anywhere
    assert HETU not in fake_slack.raw_traffic()
    assert HETU.encode() not in (tmp_path / "chaos.db").read_bytes()
    assert not any(contains_identity_code(s.text) for s in steps)
