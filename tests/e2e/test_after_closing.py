"""End to end, after closing: a former member sees the plan by code privately from another
channel; others are refused without content; after the purge a clear answer. Closing as moved
to one service names the service, by command and through the reason buttons' form; the
service shows in the closing summary and the coordinators' statistics."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest_asyncio

from bot.privacy.retention import RetentionService
from handlers.sandbox.workspace import SimulatedSlack
from storage import queries
from storage.db import Database
from storage.models import AuditAction
from tests.e2e.harness import RunningBot, running_bot
from tests.e2e.test_closing import CODE, MONDAY, live, shown, team_row, team_with_a_plan
from tests.support.clock import FakeClock


@pytest_asyncio.fixture
async def bot(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> AsyncIterator[RunningBot]:
    clock.set(MONDAY)
    fake_slack.add_user("UCOORD", name="coordinator")
    fake_slack.add_user("UCARL", name="carl")
    env = {"MEETING_REMINDERS": "2h", "QUIET_HOURS": "off", "COORDINATORS": "UCOORD"}
    async with running_bot(fake_slack, database_url, clock, **env) as running:
        yield running


async def asked(bot: RunningBot, text: str, *, user: str, channel: str) -> dict[str, Any]:
    """`/tiimi text`'s whole answer (text and blocks) as Slack got it."""
    sent = await bot.sender.command("/tiimi", text, user_id=user, channel_id=channel)
    await bot.answer(sent)
    assert sent.response_url is not None
    return bot.fake.responses(sent.response_url)[-1]


def seen(answer: dict[str, Any]) -> str:
    return str(answer.get("text", "")) + json.dumps(answer.get("blocks") or [], ensure_ascii=False)


async def test_a_former_member_sees_the_plan_by_code_privately_until_the_purge(
    bot: RunningBot, database: Database
) -> None:
    channel = await team_with_a_plan(bot)
    await bot.tiimi("sulje tavoitteet saavutettu", channel=channel)
    await bot.fake.wait_for(lambda: bot.fake.channels[channel].is_archived)

    plan = await asked(bot, f"suunnitelma {CODE}", user="UBERT", channel="CELSEWHERE")

    assert plan["response_type"] == "ephemeral"  # to that person only
    text = seen(plan)
    assert all(word in text for word in ("Oma asunto keväällä", "Soita Kelaan", "Hae asumistukea"))
    assert f"Tiimi {CODE} on suljettu" in text
    for user in ("UCARL", "UCOORD"):  # not a member; a coordinator sees no content
        refused = seen(await asked(bot, f"suunnitelma {CODE}", user=user, channel="CELSEWHERE"))
        assert "sinulla ei ole siihen oikeutta" in refused
        assert not any(word in refused for word in ("Soita", "Oma asunto", "Kirjasto"))
    unknown = await bot.tiimi("suunnitelma MT-2026-0999", user="UCARL", channel="DCARL")
    assert unknown == (await bot.tiimi(f"suunnitelma {CODE}", user="UCARL")).replace(
        CODE, "MT-2026-0999"
    )  # an unknown code and a team not one's own: the same answer
    team = await team_row(database)
    async with database.session() as session:
        events = await queries.audit_events(session, team_id=team.pk)
    views = [(e.actor_id, e.detail) for e in events if e.action == AuditAction.PLAN_VIEWED]
    assert views == [("UBERT", "by_code")]

    bot.clock.advance(timedelta(days=366))
    await RetentionService(database=database, clock=bot.clock, retention_days=365).purge()
    gone = await bot.tiimi(f"suunnitelma {CODE}", user="UBERT", channel="DBERT")
    assert gone.startswith(f"Tiimin {CODE} sisältö on poistettu säilytysajan päätyttyä")


async def test_closing_by_command_names_the_service_in_the_summary_and_statistics(
    bot: RunningBot, database: Database
) -> None:
    fake = bot.fake
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    refused = await bot.tiimi(
        "sulje siirtyi yhteen palveluun: kotihoito 131052-308T", channel=channel
    )
    assert "henkilötunnus" in refused and "131052" not in refused
    missing = await bot.tiimi("sulje siirtyi yhteen palveluun", channel=channel)
    assert "Kerro, mihin palveluun asiakas siirtyi" in missing
    client = await bot.tiimi("sulje siirtyi yhteen palveluun: asiakas", channel=channel)
    assert client.startswith("Asiakas, läheinen, omaishoitaja, tukihenkilö tai vertaistukija")
    assert "ei ole palvelu" in client
    assert (await team_row(database)).state == "active"

    answer = await bot.tiimi("sulje siirtyi yhteen palveluun: sosiaaliohjaaja", channel=channel)

    assert "on suljettu" in answer
    await fake.wait_for(lambda: fake.channels[channel].is_archived)
    [summary] = [m for m in live(fake, channel) if m.bot_id is not None]
    assert "*Siirtyi palveluun:* sosiaaliohjaaja" in shown(summary)
    assert (await team_row(database)).closed_to_service == "social_counsellor"
    bot.clock.advance(timedelta(minutes=1))  # the last 365 days, up to now
    stats = seen(await asked(bot, "tilastot", user="UCOORD", channel="DCOORD"))
    assert "*Siirtyi yhteen palveluun (palvelu):* sosiaaliohjaaja 1" in stats


async def test_the_reason_button_opens_a_form_for_the_service(
    bot: RunningBot, database: Database
) -> None:
    fake = bot.fake
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    sent = await bot.sender.command("/tiimi", "sulje", user_id="UANNA", channel_id=channel)
    await bot.answer(sent)
    assert sent.response_url is not None
    buttons = fake.responses(sent.response_url)[0]["blocks"][-1]["elements"]
    [moved] = [b for b in buttons if b["value"].endswith(":moved_to_one_service")]
    pressed = await bot.sender.block_action(
        user_id="UANNA", action_id=moved["action_id"], value=moved["value"], channel_id=channel
    )
    await fake.wait_for(lambda: fake.views_opened)
    view = fake.views_opened[-1]["view"]
    assert view["callback_id"] == "close_service"
    assert (await team_row(database)).state == "active"  # the form closes, not the button
    offered = [o["value"] for o in view["blocks"][0]["element"]["options"]]
    assert "social_counsellor" in offered and "ngo_worker" in offered
    assert not {"client", "close_person", "family_carer", "support_person"} & set(offered)

    def values(profession: str | None, text: str | None) -> dict[str, Any]:
        option = {"value": profession} if profession else None
        return {
            "profession": {"profession": {"type": "static_select", "selected_option": option}},
            "service": {"service": {"type": "plain_text_input", "value": text}},
        }

    hetu = await bot.sender.view_submission(
        user_id="UANNA", view=view | {"id": "VC1"}, values=values(None, "kotihoito 131052-308T")
    )
    assert hetu.json()["response_action"] == "errors"
    assert "henkilötunnus" in hetu.json()["errors"]["service"] and "131052" not in hetu.body
    both = await bot.sender.view_submission(
        user_id="UANNA", view=view | {"id": "VC2"}, values=values("nurse", "kotihoito")
    )
    assert "ei molempia" in both.json()["errors"]["service"]
    old = await bot.sender.view_submission(  # a form opened when the client was offered
        user_id="UANNA", view=view | {"id": "VC4"}, values=values("client", None)
    )
    assert "ei ole palvelu" in old.json()["errors"]["service"]
    assert (await team_row(database)).state == "active"

    done = await bot.sender.view_submission(
        user_id="UANNA", view=view | {"id": "VC3"}, values=values(None, "Aikuisten sosiaalityö")
    )

    assert done.status == 200 and not done.body
    await fake.wait_for(lambda: fake.channels[channel].is_archived)
    assert pressed.response_url is not None
    replaced = fake.responses(pressed.response_url)[-1]
    assert "on suljettu" in replaced["text"] and replaced["replace_original"] is True
    [summary] = [m for m in live(fake, channel) if m.bot_id is not None]
    assert "*Siirtyi palveluun:* Aikuisten sosiaalityö" in shown(summary)
    team = await team_row(database)
    assert (team.close_reason, team.closed_to_service) == (
        "moved_to_one_service",
        "Aikuisten sosiaalityö",
    )
