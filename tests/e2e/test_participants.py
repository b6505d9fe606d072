"""End to end: participants without a chat account (the client from the opening, others by
role and organisation), several owners per step, `/askel vastuu`, and the contact member
reminded of a participant's step and shown it on the Home tab; participants in the closing
summary."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from tests.e2e.harness import RunningBot
from tests.e2e.test_plan import open_team, step_message
from tests.e2e.test_step_reminders import pass_at, step_reminders, team_on_monday
from tests.support.clock import FakeClock


def blocks_of(bot: RunningBot, channel: str, number: int) -> str:
    return json.dumps(step_message(bot, channel, number)["blocks"], ensure_ascii=False)


async def test_the_client_is_a_participant_from_the_opening(bot: RunningBot) -> None:
    channel = await open_team(bot)
    members = await bot.tiimi("jäsenet", channel=channel)
    assert "Osallistujat" in members and "P1 Asiakas – yhteyshenkilö <@UANNA>" in members
    assert "ei nimellä" in members


async def test_adding_and_removing_a_participant(bot: RunningBot) -> None:
    channel = await open_team(bot)
    added = await bot.tiimi(
        "osallistuja lisää järjestötoimija Sininauhasäätiö yhteys <@UBERT>", channel=channel
    )
    assert "P2 Järjestötyöntekijä (Sininauhasäätiö)" in added and "@UBERT" in added
    assert "ei nimellä" in added
    assert "P2 Järjestötyöntekijä" in await bot.tiimi("jäsenet", channel=channel)
    swedish = await bot.tiimi("deltagare lägg till närstående", channel=channel)
    assert "P3 Läheinen" in swedish  # the answer in the user's language (Finnish here)
    sent = await bot.sender.command("/tiimi", "suunnitelma", user_id="UANNA", channel_id=channel)
    await bot.answer(sent)
    [plan] = bot.fake.responses(sent.response_url)
    assert "P2 Järjestötyöntekijä (Sininauhasäätiö)" in json.dumps(plan, ensure_ascii=False)

    removed = await bot.tiimi("osallistuja poista P2", channel=channel)
    assert "P2 Järjestötyöntekijä" in removed and "poistettu" in removed
    members = await bot.tiimi("jäsenet", channel=channel)
    assert "P2" not in members and "P3 Läheinen" in members
    exported = await bot.tiimi("vie", channel=channel)
    assert "Osallistujat:\n- P1 Asiakas\n- P3 Läheinen" in exported
    refused = await bot.tiimi("osallistuja poista P1", channel=channel)
    assert "Asiakasta (P1) ei voi poistaa" in refused
    outsider = await bot.tiimi("osallistuja lisää läheinen", channel=channel, user="UCARL")
    assert "P4" not in outsider
    assert "P4" not in await bot.tiimi("jäsenet", channel=channel)


async def test_an_identity_code_in_the_organisation_is_refused(bot: RunningBot) -> None:
    channel = await open_team(bot)
    answer = await bot.tiimi("osallistuja lisää läheinen 131052-308T", channel=channel)
    assert "henkilötunnus" in answer
    assert "P2" not in await bot.tiimi("jäsenet", channel=channel)


async def test_several_owners_and_changing_them(bot: RunningBot) -> None:
    channel = await open_team(bot)
    answer = await bot.askel("Soita Kelaan <@UANNA> <@UBERT> pe mennessä", channel=channel)
    assert answer == "Askel 1 on lisätty ja näkyy kanavalla."
    assert "*1.* Soita Kelaan · <@UANNA>, <@UBERT> · pe 27.11.2026" in blocks_of(bot, channel, 1)

    changed = await bot.askel("vastuu 1 <@UBERT>", channel=channel)
    assert changed == "Askeleen 1 vastuutahot on vaihdettu."
    await bot.fake.wait_for(lambda: bot.fake.calls_to("chat.update"))
    assert "*1.* Soita Kelaan · <@UBERT> · pe" in blocks_of(bot, channel, 1)

    await bot.askel("vastuu 1 asiakas", channel=channel)
    assert "*1.* Soita Kelaan · Asiakas · pe" in blocks_of(bot, channel, 1)

    hint = await bot.askel("muokkaa 1 Soita Kelalle <@UBERT>", channel=channel)
    assert "/askel vastuu 1" in hint
    assert "Soita Kelaan" in blocks_of(bot, channel, 1)


async def test_a_departed_owners_step_gets_new_owners(bot: RunningBot) -> None:
    channel = await open_team(bot)
    await bot.askel("Soita Kelaan <@UBERT>", channel=channel)
    await bot.tiimi("poista <@UBERT>", channel=channel)
    assert "tarvitsee uuden vastuutahon" in blocks_of(bot, channel, 1)
    await bot.askel("vastuu 1 <@UANNA> asiakas", channel=channel)
    after = blocks_of(bot, channel, 1)
    assert "<@UANNA>, Asiakas" in after and "tarvitsee uuden" not in after


async def test_the_contact_member_is_reminded_and_sees_the_step_at_home(
    bot: RunningBot, clock: FakeClock
) -> None:
    channel = await team_on_monday(bot, clock)
    await bot.tiimi("osallistuja lisää läheinen yhteys <@UBERT>", channel=channel)
    await bot.askel("Hae lomake vastuu: P2 pe 11.12. mennessä", channel=channel)
    await bot.askel("Soita Kelaan vastuu: asiakas pe 11.12. mennessä", channel=channel)

    await pass_at(bot, clock, datetime(2026, 12, 11, 7, 0, 5, tzinfo=UTC))
    assert sorted(step_reminders(bot, channel)) == [
        "Asiakas (yhteyshenkilö <@UANNA>), muistutus: askeleen 2 määräaika on tänään: Soita Kelaan",
        "Läheinen (yhteyshenkilö <@UBERT>), muistutus: askeleen 1 määräaika on tänään: Hae lomake",
    ]

    event = {"type": "app_home_opened", "user": "UBERT", "channel": "DBERT", "tab": "home"}
    await bot.sender.event(event, event_id="EvHomeContact")
    await bot.fake.wait_for(lambda: "UBERT" in bot.fake.home_views)
    home = json.dumps(bot.fake.home_views["UBERT"], ensure_ascii=False)
    assert "Hae lomake" in home and "Läheinen (yhteyshenkilönä sinä)" in home
    assert "Soita Kelaan" not in home  # the client's contact is the convenor, UANNA


async def test_the_convenor_is_the_default_contact_and_the_help_says_no_names(
    bot: RunningBot,
) -> None:
    channel = await open_team(bot)
    added = await bot.tiimi(
        "osallistuja lisää muun organisaation ammattilainen Kela", channel=channel
    )
    assert added == (
        "Osallistuja P2 Muun organisaation ammattilainen (Kela) on lisätty. Yhteyshenkilö "
        "<@UANNA> saa hänen askeleidensa muistutukset. Osallistuja merkitään vain roolilla ja "
        "organisaatiolla, ei nimellä."
    )
    members = await bot.tiimi("jäsenet", channel=channel)
    assert "P2 Muun organisaation ammattilainen (Kela) – yhteyshenkilö <@UANNA>" in members
    usage = await bot.tiimi("osallistuja", channel=channel)
    assert usage.startswith("Käyttö: `/tiimi osallistuja lisää &lt;rooli&gt; [organisaatio]")
    assert "Osallistuja merkitään roolilla ja organisaatiolla, ei nimellä." in usage
    sent = await bot.sender.command("/tiimi", "ohje", user_id="UBERT", channel_id="DBERT")
    await bot.answer(sent)
    helps = json.dumps(bot.fake.responses(sent.response_url)[-1]["blocks"], ensure_ascii=False)
    assert "`/tiimi osallistuja lisää järjestötoimija Sininauhasäätiö yhteys @Bertta`" in helps
    assert "roolilla ja organisaatiolla, ei nimellä" in helps


async def test_participants_are_counted_in_the_closing_summary(bot: RunningBot) -> None:
    channel = await open_team(bot)
    await bot.tiimi("osallistuja lisää läheinen", channel=channel)
    await bot.askel("Hae lomake vastuu: P2", channel=channel)
    await bot.tiimi("sulje tavoitteet saavutettu", channel=channel)
    await bot.fake.wait_for(lambda: bot.fake.channels[channel].is_archived)
    [summary] = [m for m in bot.fake.messages[channel] if not m.deleted and m.bot_id]
    shown = summary.text + json.dumps(summary.blocks or [], ensure_ascii=False)
    assert "*Osallistujia ilman Slack-tunnusta:* 2" in shown  # the client and P2
    exported = await bot.tiimi("vie MT-2026-0001", channel="DANNA")
    assert "- P2 Läheinen" in exported and "Hae lomake" in exported


async def test_the_step_form_takes_several_members_and_participants(bot: RunningBot) -> None:
    fake = bot.fake
    channel = await open_team(bot)
    sent = await bot.sender.command("/askel", "", user_id="UBERT", channel_id=channel)
    await fake.wait_for(lambda: fake.views_opened)
    view = fake.views_opened[-1]["view"]
    [roles] = [b for b in view["blocks"] if b.get("block_id") == "owner_role"]
    assert roles["element"]["type"] == "multi_static_select"
    values = {
        "text": {"text": {"type": "plain_text_input", "value": "Hae asumistukea"}},
        "owner_user": {
            "owner_user": {"type": "multi_users_select", "selected_users": ["UANNA", "UBERT"]}
        },
        "owner_role": {
            "owner_role": {
                "type": "multi_static_select",
                "selected_options": [{"value": "client"}, {"value": "close_person"}],
            }
        },
        "due": {"due": {"type": "datepicker", "selected_date": None}},
    }
    done = await bot.sender.view_submission(
        user_id="UBERT", view=view | {"id": "VS"}, values=values
    )
    assert sent.status == 200 and done.status == 200 and done.body == ""
    await fake.wait_for(lambda: any(m.text.startswith("Askel 1:") for m in fake.messages[channel]))
    shown = blocks_of(bot, channel, 1)
    assert "*1.* Hae asumistukea · <@UANNA>, <@UBERT>, Asiakas, Läheinen" in shown
    members = await bot.tiimi("jäsenet", channel=channel)
    assert "P2 Läheinen – yhteyshenkilö <@UANNA>" in members  # added, the convenor its contact


async def test_a_removed_participants_step_needs_a_new_owner_at_home(bot: RunningBot) -> None:
    channel = await open_team(bot)
    await bot.tiimi("osallistuja lisää järjestötoimija Sininauhasäätiö", channel=channel)
    await bot.askel("Hae lomake vastuu: P2", channel=channel)
    await bot.tiimi("osallistuja poista P2", channel=channel)
    assert "tarvitsee uuden vastuutahon" in blocks_of(bot, channel, 1)

    event = {"type": "app_home_opened", "user": "UBERT", "channel": "DBERT", "tab": "home"}
    await bot.sender.event(event, event_id="EvHomeRemoved")
    await bot.fake.wait_for(lambda: "UBERT" in bot.fake.home_views)
    home = json.dumps(bot.fake.home_views["UBERT"], ensure_ascii=False)
    assert "Askeleet, jotka tarvitsevat uuden vastuutahon" in home
    assert "Hae lomake · Järjestötyöntekijä (Sininauhasäätiö)" in home


async def test_the_step_form_offers_the_teams_participants_and_new_roles(bot: RunningBot) -> None:
    fake = bot.fake
    channel = await open_team(bot)
    await bot.tiimi("osallistuja lisää järjestötoimija Sininauhasäätiö", channel=channel)
    await bot.tiimi("osallistuja lisää järjestötoimija Mielenterveysseura", channel=channel)
    await bot.tiimi("osallistuja lisää läheinen", channel=channel)
    await bot.tiimi("osallistuja poista P4", channel=channel)
    await bot.sender.command("/askel", "", user_id="UBERT", channel_id=channel)
    await fake.wait_for(lambda: fake.views_opened)
    view = fake.views_opened[-1]["view"]
    [owners] = [b for b in view["blocks"] if b["block_id"] == "owner_role"]
    team, new = owners["element"]["option_groups"]
    assert team["label"]["text"] == "Tiimin osallistujat"
    assert [(o["value"], o["text"]["type"], o["text"]["text"]) for o in team["options"]] == [
        ("1", "plain_text", "P1 Asiakas"),
        ("2", "plain_text", "P2 Järjestötyöntekijä (Sininauhasäätiö)"),
        ("3", "plain_text", "P3 Järjestötyöntekijä (Mielenterveysseura)"),
    ]  # P4 was removed
    roles = [o["value"] for o in new["options"]]
    assert "close_person" in roles and "doctor" in roles  # P4's role is free again
    assert not {"client", "ngo_worker"} & set(roles)

    async def submit(form_id: str, text: str, *chosen: str) -> None:
        selected = [{"value": value} for value in chosen]
        values = {
            "text": {"text": {"type": "plain_text_input", "value": text}},
            "owner_role": {
                "owner_role": {"type": "multi_static_select", "selected_options": selected}
            },
        }
        done = await bot.sender.view_submission(
            user_id="UBERT", view=view | {"id": form_id}, values=values
        )
        assert done.status == 200 and done.body == ""

    await submit("VP1", "Soita seuraan", "3", "support_person")
    await fake.wait_for(lambda: any(m.text.startswith("Askel 1:") for m in fake.messages[channel]))
    first = blocks_of(bot, channel, 1)
    assert "Soita seuraan · Järjestötyöntekijä (Mielenterveysseura), Tukihenkilö" in first
    assert "P5 Tukihenkilö" in await bot.tiimi("jäsenet", channel=channel)  # a new number

    await submit("VP2", "Hae lomake", "ngo_worker")  # a form sent with the old values
    await fake.wait_for(lambda: any(m.text.startswith("Askel 2:") for m in fake.messages[channel]))
    assert "Hae lomake · Järjestötyöntekijä (Sininauhasäätiö)" in blocks_of(bot, channel, 2)


async def test_a_removed_participant_is_gone_from_the_lists_and_marked_on_its_steps(
    bot: RunningBot,
) -> None:
    channel = await open_team(bot)
    await bot.tiimi("osallistuja lisää järjestötoimija Sininauhasäätiö", channel=channel)
    await bot.tiimi("osallistuja lisää läheinen", channel=channel)
    await bot.askel("Hae lomake vastuu: P2", channel=channel)
    await bot.askel("Soita Kelaan vastuu: P2", channel=channel)
    await bot.askel("valmis 2", channel=channel)
    await bot.tiimi("osallistuja poista P3", channel=channel)  # the highest number
    await bot.tiimi("osallistuja poista P2", channel=channel)

    members = await bot.tiimi("jäsenet", channel=channel)
    assert "P1 Asiakas" in members and "P2" not in members and "P3" not in members
    sent = await bot.sender.command("/tiimi", "suunnitelma", user_id="UANNA", channel_id=channel)
    await bot.answer(sent)
    [plan] = bot.fake.responses(sent.response_url)
    shown = json.dumps(plan, ensure_ascii=False)
    assert "P2" not in shown and "P3" not in shown and "P1 Asiakas" in shown
    assert "Hae lomake · Järjestötyöntekijä (Sininauhasäätiö) · ⚠️ tarvitsee uuden" in shown
    assert shown.count("tarvitsee uuden vastuutahon") == 1  # not the step done
    exported = await bot.tiimi("vie", channel=channel)
    assert "Osallistujat:\n- P1 Asiakas\n\n" in exported
    assert (
        "1. Hae lomake – Järjestötyöntekijä (Sininauhasäätiö) – ei määräaikaa – "
        "avoin, tarvitsee uuden vastuutahon"
    ) in exported
    assert "2. Soita Kelaan – Järjestötyöntekijä (Sininauhasäätiö) – ei määräaikaa – tehty\n" in (
        exported
    )

    added = await bot.tiimi("osallistuja lisää läheinen", channel=channel)
    assert "P4 Läheinen" in added  # removed numbers are not given again
    refused = await bot.tiimi("osallistuja yhteys P2 <@UBERT>", channel=channel)
    assert refused.startswith("Osallistujaa P2 ei ole.")  # a removed one is no longer there
    assert "P4 Läheinen" in await bot.tiimi("jäsenet", channel=channel)
