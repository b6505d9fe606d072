"""Replayed and redelivered requests change nothing: on any instance, after a restart, with or
without X-Slack-Retry-Num; only a verified request's key is kept."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlmodel import select

from handlers.sandbox.workspace import SimulatedSlack
from handlers.sandbox.workspace.sender import FORM
from handlers.sandbox.workspace.signing import signed_headers
from storage.db import Database
from storage.models import Goal, ProcessedEvent, Step
from tests.e2e.harness import RunningBot, running_bot
from tests.support.clock import FakeClock

RETRY = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}


async def rows(url: str, table: type[Any]) -> list[Any]:
    database = Database(url)
    try:
        async with database.session() as session:
            return list((await session.exec(select(table))).all())
    finally:
        await database.dispose()


async def team_channel(bot: RunningBot) -> str:
    await bot.tiimi("uusi <@UBERT>")
    return bot.channel_named("mt-2026-0001")


def captured_goal(bot: RunningBot, channel: str) -> tuple[str, dict[str, str], str]:
    """A signed `/askel tavoite …` as an attacker would capture it: body, headers, and the
    response_url it carries."""
    body, response_url, _trigger = bot.sender.command_body(
        "/askel", "tavoite Oma asunto keväällä", user_id="UANNA", channel_id=channel
    )
    return body, signed_headers(bot.sender.signing_secret, body), response_url


async def send(
    bot: RunningBot, body: str, headers: dict[str, str], content_type: str = FORM
) -> int:
    answer = await bot.sender.raw(body, content_type=content_type, signed=False, headers=headers)
    return answer.status


async def test_a_command_sent_four_times_byte_for_byte_makes_one_goal(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    async with running_bot(fake_slack, database_url, clock) as bot:
        channel = await team_channel(bot)
        body, headers, response_url = captured_goal(bot, channel)
        statuses = [await send(bot, body, headers) for _ in range(2)]
        statuses += [await send(bot, body, headers | RETRY) for _ in range(2)]
        await fake_slack.wait_for(lambda: fake_slack.responses(response_url))
    assert statuses == [200, 200, 200, 200]  # a replay gets Slack's ordinary acknowledgement
    assert [g.number for g in await rows(database_url, Goal)] == [1]
    assert [r["text"] for r in fake_slack.responses(response_url)] == ["Tavoite T1 on lisätty."]


async def test_a_captured_command_changes_nothing_on_another_instance_or_after_a_restart(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    async with (
        running_bot(fake_slack, database_url, clock) as first,
        running_bot(fake_slack, database_url, clock) as second,
    ):
        channel = await team_channel(first)
        body, headers, response_url = captured_goal(first, channel)
        assert await send(first, body, headers) == 200
        await fake_slack.wait_for(lambda: fake_slack.responses(response_url))
        assert await send(second, body, headers) == 200
        assert await send(second, body, headers | RETRY) == 200
    async with running_bot(fake_slack, database_url, clock) as restarted:
        assert await send(restarted, body, headers) == 200
    assert len(await rows(database_url, Goal)) == 1
    assert len(fake_slack.responses(response_url)) == 1


async def test_a_redelivered_event_is_handled_once(bot: RunningBot) -> None:
    home = {"type": "app_home_opened", "user": "UANNA", "tab": "home", "channel": "DANNA"}
    assert (await bot.sender.event(home, event_id="EvHome1")).status == 200
    await bot.fake.wait_for(lambda: bot.fake.calls_to("views.publish"))
    again = await bot.sender.event(home, event_id="EvHome1", retry_num=1)  # signed anew
    later = await bot.sender.event(home, event_id="EvHome2")
    assert (again.status, later.status) == (200, 200)
    await bot.fake.wait_for(lambda: len(bot.fake.calls_to("views.publish")) == 2)
    assert len(bot.fake.calls_to("views.publish")) == 2  # EvHome1 once, EvHome2 once


async def test_an_event_without_a_listener_gets_200(bot: RunningBot) -> None:
    unknown = {"type": "channel_rename", "channel": {"id": "C1", "name": "x", "created": 1}}
    answer = await bot.sender.event(unknown)
    assert (answer.status, answer.body) == (200, "")
    assert bot.mutations() == []


async def test_a_forged_request_keeps_nothing_and_cannot_burn_the_genuine_signature(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    async with running_bot(fake_slack, database_url, clock) as bot:
        channel = await team_channel(bot)
        keys_before = {r.event_id for r in await rows(database_url, ProcessedEvent)}
        body, headers, response_url = captured_goal(bot, channel)
        tampered = body.replace("Oma+asunto", "Toinen+asunto")
        assert tampered != body
        assert await send(bot, tampered, headers) == 401  # the genuine signature, another body
        assert {r.event_id for r in await rows(database_url, ProcessedEvent)} == keys_before
        assert await send(bot, body, headers) == 200  # the genuine request is still handled
        await fake_slack.wait_for(lambda: fake_slack.responses(response_url))
    assert [g.text for g in await rows(database_url, Goal)] == ["Oma asunto keväällä"]


async def test_the_step_form_is_answered_first_and_adds_one_step_however_often_sent(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    async with running_bot(fake_slack, database_url, clock) as bot:
        channel = await team_channel(bot)
        await bot.sender.command("/askel", "", user_id="UANNA", channel_id=channel)
        await fake_slack.wait_for(lambda: fake_slack.views_opened)
        view = fake_slack.views_opened[-1]["view"] | {"id": "VSTEP1"}
        values = {"text": {"text": {"type": "plain_text_input", "value": "Hae asumistukea"}}}
        posting = fake_slack.hold("chat.postMessage")  # Slack is slow: the step's post waits

        first = asyncio.create_task(
            bot.sender.view_submission(user_id="UANNA", view=view, values=values)
        )
        answered = await asyncio.wait_for(first, timeout=10)  # today: only after the post
        assert (answered.status, answered.body) == (200, "")
        await fake_slack.wait_for(lambda: fake_slack.calls_to("chat.postMessage"))
        assert not any(m.text.startswith("Askel") for m in fake_slack.messages[channel])
        again = await bot.sender.view_submission(user_id="UANNA", view=view, values=values)
        assert again.status == 200 and again.trigger_id != answered.trigger_id
        posting.set()
        await fake_slack.wait_for(
            lambda: any(m.text.startswith("Askel 1:") for m in fake_slack.messages[channel])
        )
    # the bot has stopped, so the second submission's work is done
    assert [s.number for s in await rows(database_url, Step)] == [1]
    steps = [m.text for m in fake_slack.messages[channel] if m.text.startswith("Askel")]
    assert steps == ["Askel 1: Hae asumistukea"]


async def test_an_invalid_step_form_is_answered_with_errors_and_adds_nothing(
    bot: RunningBot,
) -> None:
    channel = await team_channel(bot)
    await bot.sender.command("/askel", "", user_id="UANNA", channel_id=channel)
    await bot.fake.wait_for(lambda: bot.fake.views_opened)
    view = bot.fake.views_opened[-1]["view"] | {"id": "VSTEP2"}
    values = {
        "text": {"text": {"type": "plain_text_input", "value": "Soita 131052-308T"}},
        "due": {"due": {"type": "datepicker", "selected_date": "2020-01-01"}},
    }
    refused = await bot.sender.view_submission(user_id="UANNA", view=view, values=values)
    answer = refused.json()
    assert answer["response_action"] == "errors" and set(answer["errors"]) == {"text", "due"}
    assert not any(m.text.startswith("Askel") for m in bot.fake.messages[channel])


async def test_a_step_refused_after_the_answer_is_explained_in_a_direct_message(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    async with running_bot(fake_slack, database_url, clock) as bot:
        channel = await team_channel(bot)
        await bot.sender.command("/askel", "", user_id="UANNA", channel_id=channel)
        await fake_slack.wait_for(lambda: fake_slack.views_opened)
        view = fake_slack.views_opened[-1]["view"] | {"id": "VSTEP3"}
        values = {
            "text": {"text": {"type": "plain_text_input", "value": "Hae asumistukea"}},
            "owner_user": {"owner_user": {"type": "users_select", "selected_user": "UCARL"}},
        }
        answered = await bot.sender.view_submission(user_id="UANNA", view=view, values=values)
        assert (answered.status, answered.body) == (200, "")  # membership is checked after
        await fake_slack.wait_for(lambda: fake_slack.calls_to("conversations.open"))
        await fake_slack.wait_for(
            lambda: any("ei ole tiimin jäsen" in c.args.get("text", "") for c in posts(fake_slack))
        )
    assert await rows(database_url, Step) == []


def posts(fake: SimulatedSlack) -> list[Any]:
    return fake.calls_to("chat.postMessage")


async def test_the_team_form_sent_twice_while_slack_is_slow_opens_one_team(
    bot: RunningBot,
) -> None:
    fake = bot.fake
    await bot.sender.command("/tiimi", "uusi", user_id="UANNA", channel_id="DANNA")
    await fake.wait_for(lambda: fake.views_opened)
    view = fake.views_opened[-1]["view"] | {"id": "VTEAM1"}
    values = {
        "members": {"members": {"type": "multi_users_select", "selected_users": ["UBERT"]}},
        "consent": {
            "consent": {
                "type": "checkboxes",
                "selected_options": [{"value": "client_chose_members"}],
            }
        },
    }
    creating = fake.hold("conversations.create")
    first = await bot.sender.view_submission(user_id="UANNA", view=view, values=values)
    await fake.wait_for(lambda: fake.calls_to("conversations.create"))
    again = await bot.sender.view_submission(user_id="UANNA", view=view, values=values)
    assert [first.status, again.status] == [200, 200]  # both answered while Slack is slow
    creating.set()
    await fake.wait_for(lambda: len(posts(fake)) == 3)  # the welcome; a message to each form
    assert len(fake.calls_to("conversations.create")) == 1
    assert fake.channel_by_name("mt-2026-0002") is None
