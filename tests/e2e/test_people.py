"""End to end: professions and organisations of members, at opening and later; the consent
stated in the answer to opening; the first meeting's agenda in the welcome."""

from __future__ import annotations

import json

from tests.e2e.harness import RunningBot
from tests.e2e.test_modal_home_security import modal_values


async def test_professions_given_at_opening_are_listed(bot: RunningBot) -> None:
    answer = await bot.tiimi("uusi <@UBERT> sosiaaliohjaaja <@UCARL> fysioterapeutti")
    channel = bot.channel_named("mt-2026-0001")
    assert answer.startswith("Tiimi *MT-2026-0001* on avattu")
    assert bot.fake.channels[channel].members == {"UBOT", "UANNA", "UBERT", "UCARL"}
    listing = await bot.tiimi("jäsenet", channel=channel)
    assert "<@UANNA> (ammattiryhmä puuttuu) – vastuuhenkilö" in listing
    assert "<@UBERT> (sosiaaliohjaaja)" in listing
    assert "<@UCARL> (fysioterapeutti)" in listing


async def test_the_answer_to_opening_states_the_consent(bot: RunningBot) -> None:
    answer = await bot.tiimi("uusi <@UBERT> hammashoitaja")
    assert answer.splitlines()[1] == (
        "Suostumus: <@UANNA> vahvisti ma 23.11.2026 klo 10.00 komennolla `/tiimi uusi`, että "
        "asiakas valitsi jäsenet ja suostumus on kirjattu asiakastietojärjestelmään."
    )
    answer = await bot.tiimi("uusi <@UBERT>", user="UDORA", channel="DDORA")
    assert "Samtycke: <@UDORA> bekräftade må 23.11.2026" in answer


async def test_the_form_states_the_consent_confirmed_in_it(bot: RunningBot) -> None:
    fake = bot.fake
    await bot.sender.command("/tiimi", "uusi", user_id="UANNA", channel_id="DANNA")
    await fake.wait_for(lambda: fake.views_opened)
    view = fake.views_opened[0].get("view", fake.views_opened[0])
    await bot.sender.view_submission(
        user_id="UANNA", view=view | {"id": "V1"}, values=modal_values(["UBERT"], consent=True)
    )
    await fake.wait_for(lambda: len(fake.calls_to("chat.postMessage")) == 2)
    channel = bot.channel_named("mt-2026-0001")
    [dm] = [c for c in fake.calls_to("chat.postMessage") if c.args["channel"] != channel]
    assert "Suostumus: <@UANNA> vahvisti ma 23.11.2026 klo 10.00 lomakkeella" in dm.args["text"]


async def test_the_welcome_carries_the_first_meetings_agenda(bot: RunningBot) -> None:
    await bot.tiimi("uusi <@UBERT>")
    welcome = bot.fake.messages[bot.channel_named("mt-2026-0001")][0]
    blocks = json.dumps(welcome.blocks, ensure_ascii=False)
    for item in (
        "Ensimmäisen tapaamisen asialista",
        "Tutustutaan toisiimme",
        "Asiakkaan tavoitteet hänen omin sanoin",
        "Ensimmäiset pienet askeleet",
        "Sovitaan seuraava tapaaminen",
    ):
        assert item in blocks


async def test_other_profession_and_organisation_in_list_plan_and_export(
    bot: RunningBot,
) -> None:
    await bot.tiimi("uusi <@UBERT> sosiaaliohjaaja Tampereen kaupunki")
    channel = bot.channel_named("mt-2026-0001")
    answer = await bot.tiimi(
        "lisää <@UCARL> muu: perhetyöntekijä, Sininauhasäätiö", channel=channel
    )
    assert answer == "<@UCARL> on lisätty tiimiin."
    assert await bot.tiimi("lisää <@UDORA> työkykykoordinaattori", channel=channel) == (
        "<@UDORA> on lisätty tiimiin."
    )
    listing = await bot.tiimi("jäsenet", channel=channel)
    assert "<@UBERT> (sosiaaliohjaaja, Tampereen kaupunki)" in listing
    assert "<@UCARL> (perhetyöntekijä, Sininauhasäätiö)" in listing
    assert "<@UDORA> (työkykykoordinaattori)" in listing

    sent = await bot.sender.command("/tiimi", "suunnitelma", user_id="UANNA", channel_id=channel)
    await bot.answer(sent)
    plan = json.dumps(bot.fake.responses(sent.response_url)[0]["blocks"], ensure_ascii=False)
    assert "(sosiaaliohjaaja, Tampereen kaupunki)" in plan
    exported = await bot.tiimi("vie", channel=channel)
    assert "(perhetyöntekijä, Sininauhasäätiö)" in exported

    answer = await bot.tiimi("lisää <@UCARL> hammashoitaja Oral Oy", channel=channel)
    assert answer == "Jäsenen <@UCARL> ammattiryhmä on päivitetty."
    assert "<@UCARL> (hammashoitaja, Oral Oy)" in await bot.tiimi("jäsenet", channel=channel)


async def test_an_identity_code_in_the_organisation_is_refused(bot: RunningBot) -> None:
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    answer = await bot.tiimi("lisää <@UCARL> lääkäri Klinikka 131052-308T", channel=channel)
    assert answer.startswith("Viestissä on henkilötunnus")
    assert "UCARL" not in bot.fake.channels[channel].members
    answer = await bot.tiimi("uusi <@UCARL> muu: 131052-308T")
    assert answer.startswith("Viestissä on henkilötunnus")
    assert bot.fake.calls_to("conversations.create") and len(bot.fake.channels) == 1


async def test_bad_roles_are_refused_with_the_reason(bot: RunningBot) -> None:
    await bot.tiimi("uusi <@UBERT>")
    channel = bot.channel_named("mt-2026-0001")
    answer = await bot.tiimi("lisää <@UCARL> muu:", channel=channel)
    assert answer.startswith("Kirjoita ammatti kaksoispisteen jälkeen, enintään 60 merkkiä")
    answer = await bot.tiimi(f"lisää <@UCARL> lääkäri {'x' * 101}", channel=channel)
    assert answer.startswith("Organisaatio tai yksikkö saa olla enintään 100 merkkiä")
    answer = await bot.tiimi("lisää <@UCARL> poppamies", channel=channel)
    assert "omavalmentaja" in answer and "`muu: ammatti`" in answer
    assert "UCARL" not in bot.fake.channels[channel].members
    assert "Mainitse jäsenet" in await bot.tiimi("uusi <@UCARL> ja muut")


async def test_the_added_professions_are_accepted_at_opening_and_later(bot: RunningBot) -> None:
    for user in ("UFIONA", "UGEORG"):
        bot.fake.add_user(user, name=user.lower())
    answer = await bot.tiimi(
        "uusi <@UBERT> varhaiskasvatuksen henkilöstö <@UCARL> kulttuuriohjaaja "
        "<@UDORA> asiakasohjaaja"
    )
    assert answer.startswith("Tiimi *MT-2026-0001* on avattu")
    channel = bot.channel_named("mt-2026-0001")
    for text in (
        "lisää <@UEERO> hammashoitaja",
        "lisää <@UFIONA> omavalmentaja",
        "lisää <@UGEORG> työkykykoordinaattori",
    ):
        assert (await bot.tiimi(text, channel=channel)).endswith("on lisätty tiimiin.")
    listing = await bot.tiimi("jäsenet", channel=channel)
    for shown in (
        "<@UBERT> (varhaiskasvatuksen henkilöstö)",
        "<@UCARL> (kulttuuriohjaaja)",
        "<@UDORA> (asiakasohjaaja)",
        "<@UEERO> (hammashoitaja)",
        "<@UFIONA> (omavalmentaja)",
        "<@UGEORG> (työkykykoordinaattori)",
    ):
        assert shown in listing
