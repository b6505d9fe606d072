"""End to end: text people type reaches Slack as typed, in every message, view and export;
nothing in it mentions, pings or links (issue 16, "User text is shown as text")."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from handlers.sandbox.workspace import SimulatedSlack
from tests.e2e.harness import RunningBot, running_bot
from tests.support.clock import FakeClock
from tests.support.slack_reading import Reading, read_blocks, read_mrkdwn

# What a careless or hostile user types in the step form (plain_text_input arrives raw)
TYPED = "Soita <!channel> ja katso <https://evil.example|kela.fi> &amp; a < b & c"
# The same intent in a slash command, as Slack sends it: what was typed as characters comes
# escaped; an @channel picked in the composer and a link with a label come as markup.
SENT = (
    "Soita &lt;!channel&gt; <!channel> ja katso <https://evil.example|kela.fi> "
    "&amp;amp; a &lt; b &amp; c"
)
MEANT = "Soita <!channel> @channel ja katso kela.fi (https://evil.example) &amp; a < b & c"
MEMBERS = {"UANNA", "UBERT"}


def slack_escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def assert_harmless(
    readings: Iterable[Reading],
    *,
    mentions: set[str] = MEMBERS,
    channels: frozenset[str] = frozenset(),
) -> None:
    """No ping, link or stray control character; mentions and channel links only of the
    team's own people and channel, made by the bot."""
    for reading in readings:
        assert not (reading.specials or reading.links), reading
        assert not (reading.auto_parsed or reading.stray), reading
        assert set(reading.mentions) <= mentions, reading
        assert set(reading.channels) <= channels, reading


def message_of_step(fake: SimulatedSlack, channel: str, number: int) -> Any:
    return next(m for m in fake.messages[channel] if m.text.startswith(f"Askel {number}:"))


async def open_team(bot: RunningBot) -> str:
    await bot.tiimi("uusi <@UBERT>")
    return bot.channel_named("mt-2026-0001")


async def submit_step_form(bot: RunningBot, channel: str, text: str) -> dict[str, Any]:
    sent = await bot.sender.command("/askel", "", user_id="UBERT", channel_id=channel)
    assert sent.status == 200
    await bot.fake.wait_for(lambda: bot.fake.views_opened)
    view: dict[str, Any] = bot.fake.views_opened[-1]["view"]
    values = {"text": {"text": {"type": "plain_text_input", "value": text}}}
    done = await bot.sender.view_submission(
        user_id="UBERT", view=view | {"id": "VS"}, values=values
    )
    assert done.status == 200 and done.body == ""
    return view


async def test_a_step_from_the_form_is_posted_as_typed(bot: RunningBot) -> None:
    fake = bot.fake
    channel = await open_team(bot)
    await submit_step_form(bot, channel, TYPED)
    await fake.wait_for(lambda: any(m.text.startswith("Askel 1:") for m in fake.messages[channel]))

    posted = message_of_step(fake, channel, 1)
    line, *_buttons = read_blocks(posted.blocks)
    assert line.shown == f"*1.* {TYPED} · vastuu sopimatta"
    fallback = read_mrkdwn(posted.text)
    assert fallback.shown == f"Askel 1: {TYPED}"
    assert_harmless([line, fallback, *_buttons], mentions=set())


async def test_a_step_from_the_command_is_stored_and_posted_as_its_writer_meant(
    bot: RunningBot,
) -> None:
    fake = bot.fake
    channel = await open_team(bot)
    answer = await bot.askel(f"{SENT} <@UBERT|bert>", channel=channel)
    assert answer == "Askel 1 on lisätty ja näkyy kanavalla."

    posted = message_of_step(fake, channel, 1)
    line, *_buttons = read_blocks(posted.blocks)
    assert line.shown == f"*1.* {MEANT} · @UBERT"
    assert line.mentions == ["UBERT"]  # the owner, mentioned by the bot
    fallback = read_mrkdwn(posted.text)
    assert fallback.shown == f"Askel 1: {MEANT}"
    assert_harmless([line, fallback])

    await bot.askel(f"muokkaa 1 {slack_escaped(TYPED)}", channel=channel)
    await fake.wait_for(lambda: message_of_step(fake, channel, 1).updated == 1)
    edited, *_ = read_blocks(message_of_step(fake, channel, 1).blocks)
    assert edited.shown.startswith(f"*1.* {TYPED} · @UBERT")
    assert_harmless([edited])


async def test_goals_plan_view_export_and_form_show_the_text_as_typed(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    # a display name is typed by its owner, too
    fake_slack.add_user("UCARL", name="<!channel> & <https://evil.example|carl>")
    async with running_bot(fake_slack, database_url, clock) as bot:
        await bot.tiimi("uusi <@UBERT> <@UCARL>")
        channel = bot.channel_named("mt-2026-0001")
        goal = "Oma asunto & työ <ennen> kesää"
        assert await bot.askel(f"tavoite {slack_escaped(goal)}", channel=channel) == (
            "Tavoite T1 on lisätty."
        )
        await bot.askel(f"T1: {SENT} <@UCARL>", channel=channel)
        members = {"UANNA", "UBERT", "UCARL"}
        [post] = [m for m in fake_slack.messages[channel] if m.text.startswith("Tavoite T1:")]
        posted = read_blocks(post.blocks)
        assert f"*Tavoite*\n*T1.* {goal} · avoin" in [r.shown for r in posted]
        assert_harmless(posted, mentions=set())

        sent = await bot.sender.command(
            "/tiimi", "suunnitelma", user_id="UBERT", channel_id=channel
        )
        await bot.answer(sent)
        [plan] = fake_slack.responses(sent.response_url)
        readings = read_blocks(plan["blocks"])
        shown = [r.shown for r in readings]
        assert f"*T1.* {goal} · avoin\n*1.* {MEANT} · @UCARL" in shown
        assert_harmless(readings, mentions=members)

        sent = await bot.sender.command("/tiimi", "vie", user_id="UBERT", channel_id=channel)
        text = await bot.answer(sent)
        [export] = fake_slack.responses(sent.response_url)
        header, *sections = read_blocks(export["blocks"])
        body = "".join(r.shown for r in sections)
        carl = "<!channel> & <https://evil.example|carl>"
        assert f"\n- {carl} (ammattiryhmä puuttuu)\n" in body
        assert f"\nT1. {goal} – avoin\n" in body
        assert f"\n  1. {MEANT} – {carl} – ei määräaikaa – avoin\n" in body
        assert read_mrkdwn(text).shown == body.strip("`")
        assert_harmless([header, *sections, read_mrkdwn(text)], mentions=set())

        await submit_step_form(bot, channel, "Toinen")
        opened = fake_slack.views_opened[-1]["view"]
        goal_input = next(b for b in opened["blocks"] if b.get("block_id") == "goal")
        [option] = goal_input["element"]["options"]
        assert option["text"] == {"type": "plain_text", "text": f"T1. {goal}", "emoji": True}


async def test_meeting_place_agenda_and_home_show_the_text_as_typed(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    clock.set(datetime(2026, 11, 23, 8, 0, tzinfo=UTC))
    env = {"MEETING_REMINDERS": "2h", "QUIET_HOURS": "off"}
    async with running_bot(fake_slack, database_url, clock, **env) as bot:
        channel = await open_team(bot)
        await bot.askel(f"{SENT} <@UBERT>", channel=channel)
        place = "Kahvila <Kaisla> & <!here>"
        answer = await bot.tiimi(
            f"tapaaminen ma 23.11. klo 15 {slack_escaped(place)}", channel=channel
        )
        booked = read_mrkdwn(answer)
        assert booked.shown.endswith(f"\n*Paikka:* {place}")
        assert_harmless([booked])

        clock.set(datetime(2026, 11, 23, 11, 0, 5, tzinfo=UTC))  # 2 h before 15.00 local
        assert dict((await bot.worker.run_once()).counts) == {"sent": 1}
        reminder = next(
            m
            for m in fake_slack.messages[channel]
            if (m.metadata or {}).get("event_type") == "tiimi_reminder"
        )
        readings = read_blocks(reminder.blocks)
        shown = [r.shown for r in readings]
        assert f"*Paikka:* {place}" in shown
        assert any(f"*1.* {MEANT} · @UBERT" in s for s in shown)
        assert_harmless(readings)

        event = {"type": "app_home_opened", "user": "UBERT", "channel": "DBERT", "tab": "home"}
        await bot.sender.event(event)
        await fake_slack.wait_for(lambda: "UBERT" in fake_slack.home_views)
        home = read_blocks(fake_slack.home_views["UBERT"]["blocks"])
        assert any(r.shown.startswith(f"*MT-2026-0001* · *1.* {MEANT} · ") for r in home)
        assert_harmless(home, channels=frozenset({channel}))
