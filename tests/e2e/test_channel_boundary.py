"""End to end: the team channel is the boundary. Someone added in Slack's own dialog is
removed, people the bot invites are not (even when Slack's join event outruns the invitation's
answer), deactivated accounts are flagged, and the coordinator group fails closed."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from handlers.sandbox.workspace import SimulatedSlack
from storage import queries
from storage.db import Database
from storage.models import AuditAction, AuditEvent
from tests.e2e.harness import RunningBot, running_bot
from tests.support.clock import FakeClock


async def audit_rows(database_url: str) -> list[AuditEvent]:
    database = Database(database_url)
    try:
        async with database.session() as session:
            return list(await queries.audit_events(session))
    finally:
        await database.dispose()


def direct_messages(fake: SimulatedSlack, user_id: str) -> list[str]:
    """The texts the bot sent to one user's direct message channel."""
    channels = [c.id for c in fake.channels.values() if c.is_im and user_id in c.members]
    return [m.text for c in channels for m in fake.messages.get(c, [])]


async def test_someone_added_in_slacks_dialog_is_removed_and_the_convenor_told(
    bot: RunningBot, database_url: str
) -> None:
    fake = bot.fake
    fake.add_user("UEVE", name="eve")
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    event = fake.add_in_slack_dialog(channel, "UEVE", by="UBERT")
    assert "UEVE" in fake.channels[channel].members  # Slack let them in: they see the plan

    sent = await bot.sender.event(event, event_id="EvJOIN1")
    assert sent.status == 200
    await fake.wait_for(lambda: direct_messages(fake, "UANNA"))
    assert "UEVE" not in fake.channels[channel].members
    [kick] = fake.calls_to("conversations.kick")
    assert kick.args["channel"] == channel and kick.args["user"] == "UEVE" and kick.ok
    [told] = direct_messages(fake, "UANNA")  # the convenor, privately
    assert "<@UEVE> lisättiin tiimin MT-2026-0001 kanavalle" in told
    assert "`/tiimi lisää @nimi`" in told and "suostumuksen" in told
    assert "Hänet lisäsi kanavalle <@UBERT>." in told
    rows = [r for r in await audit_rows(database_url) if r.subject_id == "UEVE"]
    assert [(r.action, r.actor_id) for r in rows] == [
        (AuditAction.UNINVITED_JOINED, "UBERT"),
        (AuditAction.UNINVITED_REMOVED, "tiimi"),
    ]
    assert rows[0].team_id == rows[1].team_id is not None

    again = await bot.sender.event(event, event_id="EvJOIN1", retry_num=1)  # redelivered
    assert again.status == 200
    assert len(fake.calls_to("conversations.kick")) == 1
    assert len([r for r in await audit_rows(database_url) if r.subject_id == "UEVE"]) == 2

    # the bot's own join (Bolt passes these on) is not a stranger's
    bot_join = event | {"user": "UBOT", "inviter": "UANNA"}
    assert (await bot.sender.event(bot_join)).status == 200  # decided before answering
    assert [r for r in await audit_rows(database_url) if r.subject_id == "UBOT"] == []

    # someone joining a channel that is not a team's is none of the bot's business
    other = fake.add_channel("kahvihuone", members={"UANNA"})
    await bot.sender.event(fake.add_in_slack_dialog(other, "UEVE", by="UANNA"))
    assert "UEVE" in fake.channels[other].members
    assert len(fake.calls_to("conversations.kick")) == 1

    # the proper way: /tiimi lisää records the client's consent, and the person stays
    assert await bot.tiimi("lisää <@UEVE>", channel=channel) == "<@UEVE> on lisätty tiimiin."
    assert "UEVE" in fake.channels[channel].members


async def deliver_joins_before_answering(bot: RunningBot) -> list[str]:
    """Make the fake deliver Slack's join events before the invitation's answer, each
    acknowledged by the bot before the invitation returns; returns the events' users."""
    delivered: list[str] = []

    async def deliver(event: dict[str, Any]) -> None:
        sent = await bot.sender.event(event)
        assert sent.status == 200
        delivered.append(str(event["user"]))

    bot.fake.on_join = deliver
    return delivered


async def test_people_the_bot_invites_are_never_removed(bot: RunningBot, database_url: str) -> None:
    fake = bot.fake
    delivered = await deliver_joins_before_answering(bot)
    await bot.tiimi("uusi <@UBERT> <@UCARL>")  # the team is still being opened
    channel = bot.channel_named("mt-2026-0001")
    assert sorted(delivered) == ["UANNA", "UBERT", "UBOT", "UCARL"]
    assert await bot.tiimi("lisää <@UDORA>", channel=channel) == "<@UDORA> on lisätty tiimiin."
    assert delivered[-1] == "UDORA"
    # a former member added back with the command is recorded before the invitation, too
    await bot.tiimi("poista <@UCARL>", channel=channel)
    await bot.tiimi("lisää <@UCARL>", channel=channel)
    assert delivered[-1] == "UCARL"

    # the modal form records its members before inviting them as well
    sent = await bot.sender.command("/tiimi", "uusi", user_id="UANNA", channel_id="DANNA")
    await fake.wait_for(lambda: fake.views_opened)
    view = fake.views_opened[0].get("view", fake.views_opened[0])
    values = {
        "members": {"members": {"type": "multi_users_select", "selected_users": ["UEERO"]}},
        "consent": {
            "consent": {
                "type": "checkboxes",
                "selected_options": [{"value": "client_chose_members"}],
            }
        },
    }
    assert sent.status == 200
    await bot.sender.view_submission(user_id="UANNA", view=view | {"id": "V1"}, values=values)
    await fake.wait_for(lambda: "UEERO" in delivered)
    second = bot.channel_named("mt-2026-0002")
    await fake.wait_for(lambda: len(fake.messages[second]) == 1)  # the welcome: opened
    assert fake.channels[second].members == {"UBOT", "UANNA", "UEERO"}
    assert fake.channels[channel].members == {"UBOT", "UANNA", "UBERT", "UCARL", "UDORA"}
    assert fake.calls_to("conversations.kick") == [fake.calls_to("conversations.kick")[0]]
    assert fake.calls_to("conversations.kick")[0].args["user"] == "UCARL"  # poista only
    actions = {r.action for r in await audit_rows(database_url)}
    assert AuditAction.UNINVITED_JOINED not in actions
    assert AuditAction.UNINVITED_REMOVED not in actions


async def test_a_failed_invitation_leaves_no_member_recorded(bot: RunningBot) -> None:
    fake = bot.fake
    fake.add_user("UGONE", name="gone", deleted=True)
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    answer = await bot.tiimi("lisää <@UGONE>", channel=channel)
    assert "UGONE" in answer and "lisätty" not in answer
    listing = await bot.tiimi("jäsenet", channel=channel)
    assert "UGONE" not in listing and "(2)" in listing
    # had the row stayed, Slack's dialog could now add them without the bot noticing
    event = fake.add_in_slack_dialog(channel, "UGONE", by="UBERT")
    await bot.sender.event(event)
    await fake.wait_for(lambda: fake.calls_to("conversations.kick"))
    assert "UGONE" not in fake.channels[channel].members


async def whole_answer(bot: RunningBot, text: str, *, user: str) -> str:
    """The answer's blocks as JSON, for answers whose rows are in blocks only."""
    sent = await bot.sender.command("/tiimi", text, user_id=user, channel_id=f"D{user[1:]}")
    await bot.answer(sent)
    return json.dumps(bot.fake.responses(sent.response_url)[-1], ensure_ascii=False)


async def test_deactivated_accounts_are_flagged_until_reactivated(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    fake_slack.add_user("UCOORD", name="coordinator")
    fake_slack.add_usergroup("SCOORD", ["UCOORD"])
    async with running_bot(fake_slack, database_url, clock, COORDINATOR_USERGROUP="SCOORD") as bot:
        await bot.tiimi("uusi <@UBERT> <@UCARL>")
        channel = bot.channel_named("mt-2026-0001")

        async def flags() -> tuple[str, str, dict[str, str], str]:
            members = await bot.tiimi("jäsenet", channel=channel)
            listing = await whole_answer(bot, "avoimet", user="UCOORD")
            await bot.tiimi("avoimet csv", user="UCOORD", channel="DCOORD")
            upload = [f for f in fake_slack.files.values() if f.content][-1]
            assert upload.content is not None
            [row] = list(csv.DictReader(io.StringIO(upload.content.decode())))
            published = len(fake_slack.calls_to("views.publish"))
            await bot.sender.event({"type": "app_home_opened", "user": "UBERT", "tab": "home"})
            await fake_slack.wait_for(lambda: len(fake_slack.calls_to("views.publish")) > published)
            home = json.dumps(fake_slack.home_views["UBERT"], ensure_ascii=False)
            return members, listing, row, home

        members, listing, row, home = await flags()
        assert "käytöstä" not in members + listing + home
        assert (row["convenor_deactivated"], row["deactivated_members"]) == ("0", "0")

        await bot.sender.event(fake_slack.set_deactivated("UANNA", True))  # the convenor
        await bot.sender.event(fake_slack.set_deactivated("UCARL", True))
        members, listing, row, home = await flags()
        assert "<@UCARL> (ammattiryhmä puuttuu) – ⚠️ Slack-tili poistettu käytöstä" in members
        assert "vastuuhenkilö – ⚠️ Slack-tili poistettu käytöstä" in members
        assert "<@UBERT> (ammattiryhmä puuttuu)\n" in members + "\n"  # not flagged
        assert "⚠️ vastuuhenkilön Slack-tili poistettu käytöstä" in listing
        assert "⚠️ 2 jäsenen Slack-tili poistettu käytöstä" in listing
        assert (row["convenor_deactivated"], row["deactivated_members"]) == ("1", "2")
        assert "⚠️ 2 jäsenen Slack-tili poistettu käytöstä" in home

        await bot.sender.event(fake_slack.set_deactivated("UCARL", False))
        await bot.sender.event(fake_slack.set_deactivated("UANNA", False))
        members, listing, row, home = await flags()
        assert "käytöstä" not in members + listing + home
        assert (row["convenor_deactivated"], row["deactivated_members"]) == ("0", "0")
        rows = [r for r in await audit_rows(database_url) if r.subject_id == "UCARL"]
        assert [r.action for r in rows][-2:] == [
            AuditAction.ACCOUNT_DEACTIVATED,
            AuditAction.ACCOUNT_REACTIVATED,
        ]


async def test_coordinator_group_unreadable_fails_closed(
    fake_slack: SimulatedSlack, database_url: str, clock: FakeClock
) -> None:
    fake_slack.add_user("UCOORD", name="coordinator")
    fake_slack.add_usergroup("SCOORD", ["UCOORD"])
    env = {"COORDINATOR_USERGROUP": "SCOORD", "COORDINATORS": "UCARL"}
    async with running_bot(fake_slack, database_url, clock, **env) as bot:
        await bot.tiimi("uusi <@UBERT>")
        fake_slack.fail_next("usergroups.users.list", error="service_unavailable", times=3)

        unchecked = (
            "Koordinaattorioikeuksiasi ei voitu juuri nyt tarkistaa, koska Slackin "
            "koordinaattoriryhmää ei saatu luettua. Yritä hetken kuluttua uudelleen."
        )
        assert await bot.tiimi("avoimet", user="UCOORD") == unchecked  # not the last list
        assert await bot.tiimi("tilastot", user="UCOORD") == unchecked
        published = len(fake_slack.calls_to("views.publish"))
        await bot.sender.event({"type": "app_home_opened", "user": "UCOORD", "tab": "home"})
        await fake_slack.wait_for(lambda: len(fake_slack.calls_to("views.publish")) > published)
        home = json.dumps(fake_slack.home_views["UCOORD"], ensure_ascii=False)
        assert "Koordinaattorin yhteenvetoa ei voitu näyttää" in home
        assert "MT-2026-0001" not in home
        # COORDINATORS do not depend on the group
        assert (await bot.tiimi("avoimet", user="UCARL")).startswith("Avoimet tiimit (1)")
        assert len(fake_slack.calls_to("usergroups.users.list")) == 3  # each failed

        rows = [r for r in await audit_rows(database_url) if r.actor_id == "UCOORD"]
        assert [(r.action, r.detail) for r in rows] == [
            (AuditAction.COORDINATOR_UNCHECKED, "list_all_teams"),
            (AuditAction.COORDINATOR_UNCHECKED, "statistics"),
            (AuditAction.HOME_VIEWED, None),
        ]
        # once the group can be read again, its members are coordinators again
        assert (await bot.tiimi("avoimet", user="UCOORD")).startswith("Avoimet tiimit (1)")


async def test_views_and_refused_attempts_are_audited(bot: RunningBot, database_url: str) -> None:
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    before = len(await audit_rows(database_url))
    await bot.tiimi("jäsenet", user="UBERT", channel=channel)
    assert "tapaamista ei ole sovittu" in await bot.tiimi("tapaaminen", channel=channel)
    await bot.sender.event({"type": "app_home_opened", "user": "UBERT", "tab": "home"})
    await bot.fake.wait_for(lambda: "UBERT" in bot.fake.home_views)
    assert "Vain tiimin vastuuhenkilö" in await bot.tiimi("sulje", user="UBERT", channel=channel)
    assert "Vain tiimin" in await bot.askel("lista", user="UCARL", channel=channel)
    assert "Vain koordinaattorit" in await bot.tiimi("tilastot", user="UCARL")
    rows = (await audit_rows(database_url))[before:]
    team = rows[0].team_id
    assert team is not None
    assert [(r.action, r.actor_id, r.team_id, r.detail) for r in rows] == [
        (AuditAction.MEMBERS_VIEWED, "UBERT", team, None),
        (AuditAction.MEETING_VIEWED, "UANNA", team, None),
        (AuditAction.HOME_VIEWED, "UBERT", None, None),
        (AuditAction.ACCESS_REFUSED, "UBERT", team, "close_team"),
        (AuditAction.ACCESS_REFUSED, "UCARL", team, "view_plan"),
        (AuditAction.ACCESS_REFUSED, "UCARL", None, "statistics"),
    ]


async def test_a_deactivation_slack_did_not_announce_is_found_in_the_member_list(
    bot: RunningBot, database_url: str
) -> None:
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    bot.fake.users["UBERT"].deleted = True  # e.g. before the app subscribed to user_change
    listing = await bot.tiimi("jäsenet", channel=channel)
    assert "<@UBERT> (ammattiryhmä puuttuu) – ⚠️ Slack-tili poistettu käytöstä" in listing
    own = await whole_answer(bot, "avoimet", user="UANNA")  # stored now for every view
    assert "⚠️ 1 jäsenen Slack-tili poistettu käytöstä" in own
    rows = [r for r in await audit_rows(database_url) if r.subject_id == "UBERT"]
    assert rows[-1].action == AuditAction.ACCOUNT_DEACTIVATED
