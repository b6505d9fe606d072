"""End to end on Slack: a coordinator's self-rating round in a staff channel, each member asked
in a direct message, answers by button (changeable, anonymous), the results with the chart
uploaded privately once five answered, none from four; no Web API call, response, log line,
stored row or audit export ties a rating to the person who gave it."""

from __future__ import annotations

import io
import json
import logging
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from sqlmodel import select

from bot.privacy.audit_export import audit_csv
from handlers.sandbox.workspace import SimulatedSlack
from storage.db import Database
from storage.ratings import RatingAnswer, RatingRound
from tests.e2e.harness import RunningBot, running_bot
from tests.support.clock import FakeClock

COORD = "UCOORD"
STAFF = ("UANNA", "UBERT", "UCARL", "UDORA", "UEERO", COORD)  # the channel's six people
TOO_FEW = "liian vähän vastauksia näytettäväksi ketään paljastamatta"


def staff_channel(fake: SimulatedSlack) -> str:
    fake.add_user(COORD, name="koordinaattori")
    fake.add_user("BHELPER", name="kalenteribotti", is_bot=True)
    members = {*STAFF, "BHELPER"}  # another app's bot is no one to ask
    return fake.add_channel("henkilosto", is_private=False, members=members, bot_member=False)


async def arvio(bot: RunningBot, text: str, channel: str) -> dict[str, Any]:
    """The coordinator types `/arvio text` in the channel; the answer's body."""
    sent = await bot.sender.command("/arvio", text, user_id=COORD, channel_id=channel)
    assert sent.status == 200, sent.body
    await bot.answer(sent)
    assert sent.response_url is not None
    return bot.fake.responses(sent.response_url)[-1]


def question(fake: SimulatedSlack, person: str) -> tuple[str, str, list[dict[str, Any]]]:
    """The question in the person's direct message: its channel, ts and buttons."""
    dm = fake.direct_channel(person)
    (message,) = [m for m in fake.messages[dm] if m.blocks and "verkostotyökykysi" in m.text]
    assert message.blocks is not None
    buttons = [e for b in message.blocks if b["type"] == "actions" for e in b["elements"]]
    return dm, message.ts, buttons


async def press(bot: RunningBot, person: str, score: int) -> str:
    dm, ts, buttons = question(bot.fake, person)
    button = buttons[score - 1]
    assert button["text"]["text"] == str(score)
    pressed = await bot.sender.block_action(
        user_id=person,
        action_id=button["action_id"],
        value=button["value"],
        channel_id=dm,
        message_ts=ts,
    )
    assert pressed.status == 200 and pressed.response_url is not None
    url = pressed.response_url
    await bot.fake.wait_for(lambda: bot.fake.responses(url))
    return str(bot.fake.responses(url)[-1]["text"])


async def test_five_answers_give_results_and_a_private_chart_and_nothing_names_anyone(
    fake_slack: SimulatedSlack,
    database_url: str,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    channel = staff_channel(fake_slack)
    async with running_bot(fake_slack, database_url, clock, COORDINATORS=COORD) as bot:
        refused = await arvio_as(bot, "UANNA", "uusi", channel)
        assert "Vain koordinaattorit" in refused
        started = str((await arvio(bot, "uusi", channel))["text"])
        assert "kysymys lähetettiin yksityisviestinä 6 henkilölle" in started
        for person in STAFF:
            *_, buttons = question(fake_slack, person)
            assert [b["text"]["text"] for b in buttons] == ["1", "2", "3", "4", "5"]
        assert not fake_slack.messages[fake_slack.direct_channel("BHELPER")]
        asked_at = len(fake_slack.calls)

        confirmations = {await press(bot, "UANNA", 1)}
        confirmations.add(await press(bot, "UANNA", 5))  # changed: still one answer
        for person, score in zip(STAFF[1:5], (2, 3, 4, 4), strict=True):
            confirmations.add(await press(bot, person, score))
        # the same thanks for every score: in Finnish, Swedish (UDORA) and English (UEERO)
        assert len(confirmations) == 3
        so_far = json.dumps((await arvio(bot, "tulokset", channel))["blocks"], ensure_ascii=False)
        assert "vastannut tähän mennessä 5/6" in so_far and "keskiarvo" not in so_far

        closed = await arvio(bot, "sulje", channel)
        shown = json.dumps(closed["blocks"], ensure_ascii=False)
        assert "keskiarvo *3,6*, vastasi 5/6" in shown
        assert "1: 0 · 2: 1 · 3: 1 · 4: 2 · 5: 1" in shown
        assert closed["response_type"] == "ephemeral"
        await fake_slack.wait_for(lambda: any(f.completed for f in fake_slack.files.values()))
        (upload,) = [f for f in fake_slack.files.values() if f.completed]
        assert upload.channels == [fake_slack.direct_channel(COORD)]
        assert upload.alt_txt is not None and "1: 0, 2: 1, 3: 1, 4: 2, 5: 1" in upload.alt_txt
        assert upload.content is not None
        with Image.open(io.BytesIO(upload.content)) as image:
            assert image.format == "PNG" and image.size == (640, 360)

        respondents = set(STAFF[:5])
        directs = {fake_slack.direct_channel(p) for p in respondents}
        for call in fake_slack.calls[asked_at:]:  # after the questions: nothing to any of them
            said = json.dumps(call.args, ensure_ascii=False)
            if call.method == "users.info":  # the presser's language, asked with nothing else
                assert set(call.args) <= {"user", "include_locale"}
                continue
            assert not any(person in said for person in respondents), call.method
            assert not any(dm in said for dm in directs), call.method
        logged = "\n".join(record.getMessage() for record in caplog.records)
        assert not any(person in logged for person in respondents) and "rating:" not in logged

    database = Database(database_url)
    try:
        async with database.session() as session:
            answers = (await session.exec(select(RatingAnswer))).all()
            (rating_round,) = (await session.exec(select(RatingRound))).all()
        export = await audit_csv(
            database, tz=ZoneInfo("Europe/Helsinki"), team_code=None, user_id=None, since=None
        )
    finally:
        await database.dispose()
    assert sorted(a.score or 0 for a in answers) == [2, 3, 4, 4, 5]
    assert all(a.respondent is None for a in answers) and rating_round.salt is None
    named = [line for line in export.splitlines() if any(p in line for p in respondents)]
    assert [line.split(",")[3:6] for line in named] == [["access_refused", "", "start_rating"]]
    assert "rating_started" in export and "rating_closed" in export


async def arvio_as(bot: RunningBot, user: str, text: str, channel: str) -> str:
    sent = await bot.sender.command("/arvio", text, user_id=user, channel_id=channel)
    return await bot.answer(sent)


async def test_four_answers_show_nothing_and_keep_nothing(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    channel = staff_channel(fake_slack)
    async with running_bot(fake_slack, database_url, clock, COORDINATORS=COORD) as bot:
        await arvio(bot, "uusi ei toistoa", channel)
        for person in STAFF[:4]:
            await press(bot, person, 3)
        closed = json.dumps((await arvio(bot, "sulje", channel))["blocks"], ensure_ascii=False)
        assert TOO_FEW in closed and "keskiarvo" not in closed and "Jakauma" not in closed
        late = await press(bot, STAFF[4], 3)  # UEERO reads English
        assert "has already closed" in late
        assert not fake_slack.calls_to("files.getUploadURLExternal")


async def test_a_round_repeats_on_schedule_and_closes_by_itself(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    channel = staff_channel(fake_slack)
    async with running_bot(fake_slack, database_url, clock, COORDINATORS=COORD) as bot:
        await arvio(bot, "uusi joka 1 kk", channel)
        for person in STAFF[:5]:
            await press(bot, person, 4)
        clock.advance(timedelta(days=14))
        await bot.ratings.run_due()  # closes the round: its starter gets the results
        coordinator_dm = fake_slack.direct_channel(COORD)
        report = [m.text for m in fake_slack.messages[coordinator_dm]]
        assert any("sulkeutui" in text for text in report)
        await fake_slack.wait_for(lambda: any(f.completed for f in fake_slack.files.values()))
        clock.advance(timedelta(days=17))
        await bot.ratings.run_due()  # a month after the first: the next round
        for person in STAFF:
            dm = fake_slack.direct_channel(person)
            asked = [m for m in fake_slack.messages[dm] if "verkostotyökykysi" in m.text]
            assert len(asked) == 2
        assert "Uusi arviointikierros avattiin" in " ".join(
            m.text + json.dumps(m.blocks or [], ensure_ascii=False)
            for m in fake_slack.messages[coordinator_dm]
        )
