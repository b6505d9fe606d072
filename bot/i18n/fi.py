"""Finnish messages: the default and complete catalog."""

MESSAGES: dict[str, str] = {
    # opening
    "welcome_fallback": "Tervetuloa tiimiin {code}",
    "welcome_header": "Tervetuloa tiimiin {code}",
    "welcome_intro": (
        "Tämä on asiakkaan Minun tiimini -tiimin yhteinen työtila. Asiakas on valinnut tiimin "
        "jäsenet.\n*Vastuuhenkilö:* {convenor}\n*Jäsenet:* {members}"
    ),
    "welcome_do": (
        "*Merkitkää tänne* yhteinen suunnitelma: asiakkaan tavoitteet ja pienet askeleet "
        "(kuka tekee mitä ja mihin mennessä), tapaamisajat ja sovitut asiat."
    ),
    "welcome_dont": (
        "*Älkää kirjoittako tänne* asiakkaan nimeä, henkilötunnusta, diagnooseja, lääkityksiä "
        "tai lastensuojelun yksityiskohtia. Viralliset kirjaukset tehdään kunkin omaan "
        "asiakastietojärjestelmään."
    ),
    "welcome_next": (
        "Seuraavaksi: `/askel tavoite …` · `/askel Soita Kelaan @nimi pe mennessä` · "
        "`/tiimi lisää @nimi ammattiryhmä` · `/tiimi suunnitelma` · `/tiimi ohje`"
    ),
    "welcome_agenda": (
        "*Ensimmäisen tapaamisen asialista:*\n1. Tutustutaan toisiimme.\n2. Asiakkaan tavoitteet hänen omin sanoin.\n3. Ensimmäiset pienet askeleet: kuka tekee mitä ja mihin mennessä.\n4. Sovitaan seuraava tapaaminen."
    ),
    "consent_recorded_command": (
        "Suostumus: {user} vahvisti {when} komennolla `/tiimi uusi`, että asiakas valitsi jäsenet ja suostumus on kirjattu asiakastietojärjestelmään."
    ),
    "consent_recorded_form": (
        "Suostumus: {user} vahvisti {when} lomakkeella, että asiakas valitsi jäsenet ja suostumus on kirjattu asiakastietojärjestelmään."
    ),
    "profession_other_invalid": (
        "Kirjoita ammatti kaksoispisteen jälkeen, enintään {max} merkkiä, esim. `muu: perhetyöntekijä`. Ei henkilöiden nimiä."
    ),
    "organisation_invalid": (
        "Organisaatio tai yksikkö saa olla enintään {max} merkkiä. Ei henkilöiden nimiä."
    ),
    "team_opened": "Tiimi *{code}* on avattu: {channel}",
    "team_being_opened": "Tiimiä {code} avataan parhaillaan. Odota hetki.",
    "not_invited": "Näitä jäseniä ei voitu kutsua kanavalle: {users}. Lisää heidät myöhemmin "
    "komennolla `/tiimi lisää`.",
    "open_restricted": (
        "Tiimiä ei voitu avata: työtilan asetukset eivät salli sovellusten luoda yksityisiä "
        "kanavia. Pyydä työtilan ylläpitäjää sallimaan se. Mitään ei jäänyt kesken."
    ),
    "open_failed_platform": (
        "Tiimiä ei voitu avata, koska Slack ei vastannut odotetusti. Mitään ei jäänyt kesken; "
        "yritä hetken kuluttua uudelleen."
    ),
    # the form
    "modal_title": "Uusi tiimi",
    "modal_intro": (
        "Tiimi saa neutraalin koodin ja oman yksityisen kanavan. Älä kirjoita asiakkaan "
        "tunnistetietoja mihinkään."
    ),
    "modal_members_label": "Asiakkaan valitsemat jäsenet",
    "modal_consent_label": "Asiakkaan suostumus",
    "modal_consent_option": "Asiakas valitsi jäsenet ja suostumus on kirjattu.",
    "modal_consent_hint": (
        "Asiakas on valinnut nämä jäsenet ja suostumus on kirjattu asiakastietojärjestelmään."
    ),
    "modal_consent_required": (
        "Vahvista, että asiakas on valinnut jäsenet ja suostumus on kirjattu."
    ),
    "modal_submit": "Avaa tiimi",
    "modal_cancel": "Peruuta",
    # members
    "member_added": "{user} on lisätty tiimiin.",
    "member_profession_changed": "Jäsenen {user} ammattiryhmä on päivitetty.",
    "member_removed": "{user} on poistettu tiimistä.",
    "convenor_changed": "{user} on nyt tiimin vastuuhenkilö.",
    "convenor_changed_notice": (
        "{old} siirsi vastuuhenkilön tehtävän: uusi vastuuhenkilö on {new}."
    ),
    "members_header": "Tiimin {code} jäsenet ({count})",
    "convenor": "vastuuhenkilö",
    "profession_unknown": "ammattiryhmä puuttuu",
    "already_member": "{user} on jo tiimin jäsen.",
    "invite_failed": "Käyttäjää {user} ei voitu kutsua kanavalle. Mitään ei muutettu.",
    "not_member_target": "{user} ei ole tiimin jäsen.",
    "cannot_remove_convenor": (
        "Vastuuhenkilöä ei voi poistaa. Siirrä ensin tehtävä toiselle: `/tiimi vastuu @nimi`."
    ),
    "already_convenor": "{user} on jo tiimin vastuuhenkilö.",
    "convenor_must_be_member": (
        "{user} ei ole tiimin jäsen. Lisää hänet ensin: `/tiimi lisää @nimi ammattiryhmä`."
    ),
    "only_convenor": "Vain tiimin vastuuhenkilö {convenor} voi tehdä tämän.",
    "unknown_profession": "Tuntematon ammattiryhmä. Vaihtoehdot: {options} tai `muu: ammatti`.",
    # closing
    "close_choose_reason": "Miksi tiimi {code} suljetaan? Valitse syy:",
    "reason_goals_reached": "tavoitteet saavutettu",
    "reason_client_wish": "asiakkaan toive",
    "reason_moved_to_one_service": "siirtyi yhteen palveluun",
    "reason_other": "muu",
    "close_reason_unknown": (
        "Tuntematon syy. Kirjoita jokin näistä: tavoitteet saavutettu, asiakkaan toive, "
        "siirtyi yhteen palveluun, muu."
    ),
    "closed_fallback": "Tiimi {code} on suljettu",
    "closed_header": "Tiimi {code} on suljettu",
    "closed_summary": (
        "*Syy:* {reason}\n*Avattu:* {opened} · *suljettu:* {closed} ({days} päivää)\n"
        "*Jäseniä:* {members} · *askeleita:* {steps}, joista tehty {done} · "
        "*tapaamisia:* {meetings}"
    ),
    "closed_record_reminder": (
        "Muistakaa kirjata tiimin päättyminen omaan asiakastietojärjestelmäänne. Botti on "
        "poistanut kanavalta viestinsä, joissa oli tiimin suunnitelmaa, ja arkistoi kanavan. "
        "Tiimin jäsenet saavat suunnitelman itselleen komennolla `/tiimi vie {code}` {until} "
        "asti; sen jälkeen sisältö poistetaan."
    ),
    "team_closed_done": (
        "Tiimi {code} on suljettu. Botti poistaa nyt kanavalta suunnitelman sisältävät "
        "viestinsä ja arkistoi sitten kanavan; se voi kestää muutaman minuutin."
    ),
    # where and who
    "not_team_channel": (
        "Tämä komento toimii vain tiimin omalla kanavalla. Avaa uusi tiimi komennolla "
        "`/tiimi uusi`."
    ),
    "team_closed": "Tiimi {code} on suljettu, eikä sitä voi enää muuttaa.",
    "team_not_ready": "Tiimiä {code} avataan vielä. Yritä hetken kuluttua uudelleen.",
    "not_a_member": "Vain tiimin {code} jäsenet voivat tehdä tämän.",
    # usage
    "usage_open": (
        "Mainitse jäsenet @-merkillä, kunkin perään halutessasi ammattiryhmä ja organisaatio, "
        "esimerkiksi `/tiimi uusi @Anna sosiaaliohjaaja @Bertta fysioterapeutti`. Älä kirjoita "
        "nimiä tai muuta tekstiä. Ilman jäseniä `/tiimi uusi` avaa lomakkeen."
    ),
    "usage_add": (
        "Käyttö: `/tiimi lisää @nimi [ammattiryhmä] [organisaatio]`, esim. "
        "`/tiimi lisää @Anna sosiaaliohjaaja Tampereen kaupunki` tai "
        "`/tiimi lisää @Anna muu: perhetyöntekijä, Sininauhasäätiö`."
    ),
    "usage_remove": "Käyttö: `/tiimi poista @nimi`.",
    "usage_hand_over": "Käyttö: `/tiimi vastuu @nimi`, koordinaattorina `/tiimi vastuu MT-2026-0042 @nimi`.",
    # privacy
    "privacy_hetu": (
        "Viestissä on henkilötunnus. Henkilötunnuksia ei saa kirjoittaa tiimiin, joten mitään "
        "ei tallennettu. Kirjoita viesti uudelleen ilman sitä."
    ),
    "privacy_hetu_like": (
        "Viestissä on jotain, joka näyttää henkilötunnukselta. Mitään ei tallennettu. Kirjoita "
        "viesti uudelleen ilman sitä."
    ),
    # help
    "help_header": "Tiimi – Minun tiimini -tiimien apuri",
    "help_unknown": "En tunnistanut komentoa. Tässä ovat komennot:",
    "help_body": (
        "`/tiimi uusi @Anna @Bertta` – avaa tiimin asiakkaan valitsemille jäsenille · "
        "`/tiimi uusi` – avaa lomakkeen\n"
        "`/tiimi lisää @Anna sosiaaliohjaaja Tampereen kaupunki` – lisää jäsenen, hänen "
        "ammattiryhmänsä (tai `muu: …`) ja organisaationsa\n"
        "`/tiimi poista @Anna` – poistaa jäsenen\n"
        "`/tiimi jäsenet` – näyttää jäsenet ja ammattiryhmät sekä osallistujat\n"
        "`/tiimi osallistuja lisää järjestötoimija Sininauhasäätiö yhteys @Bertta` – lisää "
        "osallistujan, jolla ei ole Slack-tunnusta (läheinen, järjestötoimija, muun "
        "organisaation ammattilainen), roolilla ja organisaatiolla, ei nimellä; yhteyshenkilö "
        "(oletus: vastuuhenkilö) saa hänen askeleidensa muistutukset · "
        "`/tiimi osallistuja poista P2` · `/tiimi osallistuja yhteys P2 @Anna`\n"
        "`/tiimi suunnitelma` – näyttää tavoitteet, askeleet ja jäsenet\n"
        "`/tiimi vie` – suunnitelma tekstinä omaan asiakastietojärjestelmään kirjaamista "
        "varten\n"
        "`/tiimi tapaaminen pe 11.12. klo 14 Kirjasto` – sopii tapaamisen (muistutukset "
        "kanavalle; useita voi sopia); `/tiimi tapaaminen` – sovitut tapaamiset numeroituina; "
        "`/tiimi tapaaminen siirrä 2 ti klo 10`, `/tiimi tapaaminen peru 2`\n"
        "Vastuuhenkilö: `/tiimi vastuu @Bertta` – siirtää vastuuhenkilön tehtävän · `/tiimi "
        "sulje tavoitteet saavutettu` – sulkee tiimin (syyt: tavoitteet saavutettu, asiakkaan "
        "toive, siirtyi yhteen palveluun, muu; ilman syytä saat valintanapit)\n"
        "`/tiimi avoimet` – omat avoimet tiimisi\n"
        "`/askel ohje` – askeleiden ja tavoitteiden ohje yksinään\n"
        "`/tiimi ohje` – tämä ohje"
    ),
    "help_privacy": (
        "Älä kirjoita asiakkaan nimeä, henkilötunnusta tai terveystietoja. Viralliset kirjaukset "
        "tehdään omaan asiakastietojärjestelmään."
    ),
    # failures
    "busy_restarting": (
        "Tiimi käynnistyy juuri uudelleen, eikä pyyntöä voitu vielä käsitellä. Mitään ei "
        "tallennettu; yritä hetken kuluttua uudelleen."
    ),
    "generic_error": (
        "Jokin meni vikaan, eikä pyyntöä voitu käsitellä. Mitään ei jäänyt kesken; yritä "
        "hetken kuluttua uudelleen."
    ),
    "home_header": "Omat tiimini",
    "home_team_line": "*{code}* · {channel}",
    "home_no_teams": "Et ole vielä minkään tiimin jäsen. Avaa tiimi komennolla `/tiimi uusi`.",
    "askel_help_header": "Askeleet – tiimin yhteinen suunnitelma",
    "askel_help_body": "`/askel Soita Kelaan @Anna @Bertta pe mennessä` – lisää pienen askeleen: mitä, kuka (yksi tai useampi) ja mihin mennessä\n`/askel Hae tukea vastuu: asiakas mennessä 11.12.` – vastuussa asiakas, läheinen tai ammattiryhmä\n`/askel T1: Käy asuntonäytöllä vastuu: läheinen vko 50 mennessä` – askel tavoitteelle T1\n`/askel tavoite Oma asunto kevääseen mennessä` – lisää tavoitteen asiakkaan omin sanoin\n`/askel lista` – avoimet askeleet · `/askel kaikki` – myös päättyneet\n`/askel vastuu 3 @Carita asiakas` – vaihtaa askeleen vastuutahot (jäsenet, `asiakas`, `läheinen`, `P2`…)\n`/askel valmis 3` · `/askel ei 3` (ei toteutunut) · `/askel siirrä 3 pe` · `/askel muokkaa 3 uusi teksti` · `/askel poista 3`\n`/askel` – avaa lomakkeen · `/tiimi suunnitelma` – koko suunnitelma · `/tiimi vie` – teksti kirjaamista varten\nPäivämäärät: `12.12.`, `12.12.2026`, `huomenna`, `pe`, `perjantaina`, `ensi viikolla`, `vko 50`, `3 päivän päästä`.",
    "goal_added": "Tavoite T{number} on lisätty.",
    "step_added": "Askel {number} on lisätty ja näkyy kanavalla.",
    "step_done_done": "Askel {number} on merkitty tehdyksi.",
    "step_not_done_done": "Askel {number} on merkitty toteutumattomaksi.",
    "step_deleted_done": "Askel {number} on poistettu.",
    "step_already_done": "Askel {number} on jo merkitty tehdyksi.",
    "step_already_not_done": "Askel {number} on jo merkitty toteutumattomaksi.",
    "step_already_deleted": "Askel {number} on jo poistettu.",
    "step_rescheduled": "Askeleen {number} määräaika on siirretty.",
    "step_edited": "Askelta {number} on muokattu.",
    "step_deleted_notice": "Askel {number} on poistettu suunnitelmasta.",
    "step_fallback": "Askel {number}: {text}",
    "step_changed_by": "Viimeksi muuttanut {user}",
    "unknown_step": "Askelta {number} ei löydy. Katso numerot komennolla `/askel lista`.",
    "unknown_goal": "Tavoitetta T{number} ei löydy. Katso tavoitteet komennolla `/tiimi suunnitelma`.",
    "owner_not_member": "{user} ei ole tiimin jäsen. Lisää hänet ensin komennolla `/tiimi lisää`.",
    "unknown_owner_role": "Tuntematon vastuutaho. Kirjoita esimerkiksi `vastuu: asiakas`, `vastuu: läheinen` tai ammattiryhmä, kuten `vastuu: sosiaaliohjaaja`.",
    "text_too_long": "Teksti on liian pitkä (enintään {limit} merkkiä). Kirjoita lyhyemmin.",
    "usage_step": "Kirjoita askel, esimerkiksi `/askel Soita Kelaan @Anna pe mennessä`.",
    "usage_goal": "Kirjoita tavoite, esimerkiksi `/askel tavoite Oma asunto kevääseen mennessä`.",
    "usage_step_done": "Käyttö: `/askel valmis <numero>`, esim. `/askel valmis 3`.",
    "usage_step_not_done": "Käyttö: `/askel ei <numero>`, esim. `/askel ei 3`.",
    "usage_step_delete": "Käyttö: `/askel poista <numero>`, esim. `/askel poista 3`.",
    "usage_step_move": "Käyttö: `/askel siirrä <numero> <päivämäärä>`, esim. `/askel siirrä 3 pe`.",
    "usage_step_edit": "Käyttö: `/askel muokkaa <numero> <teksti>`, esim. `/askel muokkaa 3 Soita Kelaan maanantaina`.",
    "status_open": "avoin",
    "status_done": "tehty",
    "status_not_done": "ei toteutunut",
    "status_deleted": "poistettu",
    "overdue_mark": "⚠️ myöhässä",
    "needs_new_owner_mark": "⚠️ tarvitsee uuden vastuutahon",
    "owner_none": "vastuu sopimatta",
    "due_none": "ei määräaikaa",
    "button_done": "Tehty",
    "button_not_done": "Ei toteutunut",
    "button_move": "Siirrä",
    "button_prev": "Edellinen sivu",
    "button_next": "Seuraava sivu",
    "steps_header_open": "Tiimin {code} avoimet askeleet",
    "steps_header_all": "Tiimin {code} kaikki askeleet",
    "steps_none": "Ei askeleita vielä. Lisää ensimmäinen: `/askel Soita Kelaan @Anna pe mennessä`.",
    "plan_header": "Tiimin {code} suunnitelma",
    "goals_title": "Tavoitteet",
    "goals_none": "Ei tavoitteita vielä. Lisää asiakkaan tavoite: `/askel tavoite …`.",
    "steps_title": "Askeleet",
    "steps_title_open": "Avoimet askeleet",
    "steps_title_done": "Tehdyt",
    "steps_title_not_done": "Ei toteutuneet",
    "members_title": "Jäsenet",
    "page_of": "Sivu {page}/{pages}",
    "export_header": "Suunnitelma kirjaamista varten (näkyy vain sinulle)",
    "export_title": "Minun tiimini -tiimi {code}: yhteinen suunnitelma",
    "export_dates": "Tiimi avattu {opened}. Tuloste {today}.",
    "form_step_title": "Uusi askel",
    "form_step_text": "Mitä tehdään?",
    "form_owner_member": "Kuka tiimistä vastaa? (voit valita useita)",
    "form_owner_role": "…ja muut vastuutahot (esim. asiakas, läheinen)",
    "form_due": "Mihin mennessä?",
    "form_goal": "Tavoite",
    "form_save": "Tallenna",
    "form_move_title": "Siirrä askel {number}",
    "form_new_due": "Uusi määräaika",
    "form_due_required": "Valitse päivämäärä.",
    "date_unrecognised": "En tunnistanut päivämäärää. Kirjoita esimerkiksi `12.12.`, `pe`, `huomenna`, `ensi viikolla` tai `vko 50`.",
    "date_impossible": "Päivämäärää ei ole olemassa. Tarkista päivä ja kuukausi.",
    "date_past": "Päivämäärä {date} on jo mennyt. Valitse tuleva päivä.",
    "date_weekday_mismatch": "Viikonpäivä ja päivämäärä eivät täsmää: {written} vai {weekday_date}? Kirjoita uudelleen jommallakummalla.",
    "date_impossible_time": "Kellonaikaa ei ole olemassa. Kirjoita esimerkiksi `klo 14` tai `klo 14.30`.",
    "date_nonexistent_time": "Tätä kellonaikaa ei ole kesäaikaan siirryttäessä. Valitse toinen aika.",
    "date_missing_time": "Kirjoita myös kellonaika, esimerkiksi `klo 14`.",
    "date_missing_date": "Kirjoita myös päivä, esimerkiksi `pe klo 14`.",
    "date_spoken_time": "Kirjoita kellonaika numeroin, esimerkiksi `klo 14.30` (ei `puoli kolme` tai `varttia yli`): sanoista ei näe, tarkoitetaanko aamua vai iltapäivää.",
    "date_end_before_start": "Tapaamisen pitää päättyä samana päivänä alkamisen jälkeen. Kirjoita esimerkiksi `klo 14-15`.",
    "meeting_booked": "Tapaaminen on sovittu: *{when}*. Kanava saa muistutuksen ennen tapaamista.",
    "meeting_moved": "Tapaaminen on siirretty: *{when}*. Muistutukset siirtyivät sen mukana.",
    "meeting_cancelled": "Tapaaminen {when} on peruttu, samoin sen muistutukset.",
    "meeting_already_booked": "Tapaaminen on jo sovittu samaan aikaan. Näet sovitut tapaamiset komennolla `/tiimi tapaaminen`.",
    "no_meeting_booked": "Seuraavaa tapaamista ei ole sovittu. Sovi se komennolla `/tiimi tapaaminen pe 11.12. klo 14`.",
    "usage_meeting_move": "Käyttö: `/tiimi tapaaminen siirrä <numero> <aika>`, esim. `/tiimi tapaaminen siirrä 2 ti klo 10`. Numerot näet komennolla `/tiimi tapaaminen`.",
    "usage_meeting_cancel": "Käyttö: `/tiimi tapaaminen peru <numero>`, esim. `/tiimi tapaaminen peru 2`. Numerot näet komennolla `/tiimi tapaaminen`.",
    "meeting_which": "Tiimillä on {count} sovittua tapaamista. Kerro tapaamisen numero, esim. `/tiimi tapaaminen peru 2`. Numerot näet komennolla `/tiimi tapaaminen`.",
    "meeting_number_unknown": "Tapaamista numero {number} ei ole. Sovittuja tapaamisia on {count}: näet ne komennolla `/tiimi tapaaminen`.",
    "meetings_too_many": "Tiimillä on jo {limit} sovittua tapaamista. Sovi lisää, kun osa niistä on pidetty.",
    "meetings_upcoming_title": "Sovitut tapaamiset ({count})",
    "meetings_upcoming_hint": "Siirrä: `/tiimi tapaaminen siirrä 1 ti klo 10` · peru: `/tiimi tapaaminen peru 1`",
    "meeting_moved_notice": "{user} siirsi tapaamisen {was}. Uusi aika: *{when}*.",
    "meeting_cancelled_notice": "{user} perui tapaamisen {when}.",
    "next_meeting_title": "Seuraava tapaaminen",
    "meetings_title": "Tapaamiset",
    "meetings_none": "Ei tapaamisia.",
    "nudge_snoozed": "Selvä, muistutan uudelleen {when}.",
    "button_snooze_day": "Muistuta huomenna",
    "button_snooze_week": "Muistuta viikon päästä",
    "reminder_meeting_header": "Muistutus: tiimin tapaaminen {when}",
    "reminder_meeting_place": "*Paikka:* {place}",
    "reminder_agenda": "Esityslista: avoimet askeleet",
    "reminder_agenda_empty": "Ei avoimia askeleita. Sopikaa tapaamisessa seuraavat pienet askeleet.",
    "reminder_late": "Tämä muistutus lähtee myöhässä, koska botti ei ollut käynnissä ajallaan.",
    "reminder_after_ask": "Tapaaminen {when} on ohi. Pidettiinkö se?",
    "reminder_after_held": "{user} vastasi, että tapaaminen {when} pidettiin. Muistakaa kirjata se kukin omaan asiakastietojärjestelmäänne.",
    "reminder_after_not_held": "{user} vastasi, että tapaamista {when} ei pidetty. Sitä ei lasketa tilastoihin.",
    "button_meeting_held": "Pidettiin",
    "button_meeting_not_held": "Ei pidetty",
    "meeting_outcome_saved": "Kiitos, vastaus on merkitty kanavan viestiin.",
    "meeting_outcome_unknown": "Tähän tapaamiseen ei voi enää vastata: se on peruttu tai sitä ei ole vielä pidetty.",
    "reminder_after_book_next": "Seuraavaa tapaamista ei ole vielä sovittu. Sopikaa se: `/tiimi tapaaminen pe 11.12. klo 14`.",
    "reminder_after_next": "Seuraava tapaaminen: {when}",
    "reminder_step_due": "{owner}, muistutus: askeleen {number} määräaika on tänään: {text}",
    "reminder_step_due_on": "{owner}, muistutus: askeleen {number} määräaika on {date}: {text}",
    "reminder_step_was_due": "{owner}, muistutus: askeleen {number} määräaika oli {date}: {text}",
    "reminder_nudge": "{convenor}, tiimillä ei ole sovittua tapaamista. Sovitaanko seuraava? `/tiimi tapaaminen pe 11.12. klo 14`",
    "reminder_nudge_since": "Edellinen tapaaminen oli {date}.",
    "reminder_failed_notice": "Tiimin {code} muistutusta ei voitu lähettää kanavalle (syy: {reason}). Tarkista, että kanava on olemassa ja botti on sen jäsen.",
    "only_coordinators": "Vain koordinaattorit voivat tehdä tämän.",
    "overview_header_all": "Avoimet tiimit ({count}), eniten huomiota tarvitsevat ensin",
    "overview_header_mine": "Omat avoimet tiimisi ({count})",
    "overview_none": "Ei avoimia tiimejä näillä ehdoilla.",
    "overview_convenor": "vastuuhenkilö {user}",
    "overview_age": "{days} pv",
    "overview_members": "{count} jäsentä",
    "overview_next": "seuraava tapaaminen {date}",
    "overview_no_meeting": "⚠️ ei sovittua tapaamista",
    "overview_since_last": "edellisestä {days} pv",
    "overview_to_first": "1. tapaamiseen {days} pv",
    "overview_steps": "askeleita {open} avointa, {overdue} myöhässä",
    "overview_failed": "⚠️ {count} muistutusta epäonnistui",
    "overview_csv_title": "Avoimet tiimit",
    "overview_csv_sent": "Taulukko ({count} tiimiä) lähetettiin sinulle CSV-tiedostona yksityisviestinä.",
    "usage_open_teams": "Käyttö: `/tiimi avoimet [ilman tapaamista] [myöhässä] [vanhat] [vastuu @nimi]` tai `/tiimi avoimet csv`.",
    "usage_statistics": "Käyttö: `/tiimi tilastot` (viimeiset 365 päivää) tai `/tiimi tilastot 2026`.",
    "stats_header": "Tilastot {period}",
    "stats_no_data": "ei tietoa",
    "stats_opened_closed": "*Avattuja tiimejä:* {opened} · *suljettuja:* {closed}",
    "stats_reasons": "*Sulkemisen syyt:* {reasons}",
    "stats_first_meeting": "*Avaamisesta ensimmäiseen tapaamiseen (mediaani):* {days} pv",
    "stats_interval": "*Tapaamisten väli (mediaani):* {days} pv",
    "stats_on_time": "*Askeleista tehty määräaikaan mennessä:* {share}",
    "stats_professions": "*Ammattiryhmät (tiimejä):* {professions}",
    "home_my_steps": "Omat avoimet askeleeni",
    "home_no_steps": "Sinulla ei ole avoimia askeleita.",
    "home_more_teams_one": "…ja {count} tiimi lisää. Näet kaikki tiimisi komennolla `/tiimi avoimet`.",
    "home_more_teams": "…ja {count} tiimiä lisää. Näet kaikki tiimisi komennolla `/tiimi avoimet`.",
    "home_more_steps_one": (
        "…ja {count} askel lisää. Tiimin kaikki askeleet näet sen kanavalla komennolla "
        "`/askel lista`."
    ),
    "home_more_steps": (
        "…ja {count} askelta lisää. Tiimin kaikki askeleet näet sen kanavalla komennolla "
        "`/askel lista`."
    ),
    "home_orphans": "Askeleet, jotka tarvitsevat uuden vastuutahon",
    "home_coordinator": "Koordinaattorille: avoimet tiimit",
    "home_counts": "*{open}* avointa tiimiä · *{unbooked}* ilman sovittua tapaamista · *{late}* joissa myöhässä olevia askeleita",
    "channel_unavailable": "Tiimin kanava on arkistoitu tai botti on poistettu siitä, joten tätä ei voitu tehdä. Pyydä vastuuhenkilöä tarkistamaan kanava.",
    "steps_more": "…ja {count} askelta lisää. Koko suunnitelma sivuittain: `/tiimi suunnitelma`.",
    # the channel is the boundary; coordinator rights; deactivated accounts
    "uninvited_removed": (
        "{user} lisättiin tiimin {code} kanavalle {channel} Slackin omalla toiminnolla, "
        "joten poistin hänet kanavalta: kanavalla näkyy koko suunnitelma ja tiimiin kuuluvat "
        "vain asiakkaan valitsemat henkilöt. Jos asiakas on valinnut hänet, lisää hänet "
        "kanavalla komennolla `/tiimi lisää @nimi`, joka merkitsee asiakkaan suostumuksen."
    ),
    "uninvited_not_removed": (
        "{user} lisättiin tiimin {code} kanavalle {channel} Slackin omalla toiminnolla, "
        "mutta en voinut poistaa häntä. Poista hänet kanavalta Slackissa: kanavalla näkyy koko "
        "suunnitelma ja tiimiin kuuluvat vain asiakkaan valitsemat henkilöt. Jos asiakas on "
        "valinnut hänet, lisää hänet komennolla `/tiimi lisää @nimi`, joka merkitsee "
        "asiakkaan suostumuksen."
    ),
    "uninvited_inviter": "Hänet lisäsi kanavalle {inviter}.",
    "coordinator_unchecked": (
        "Koordinaattorioikeuksiasi ei voitu juuri nyt tarkistaa, koska Slackin "
        "koordinaattoriryhmää ei saatu luettua. Yritä hetken kuluttua uudelleen."
    ),
    "home_coordinator_unchecked": (
        "Koordinaattorin yhteenvetoa ei voitu näyttää: koordinaattoriryhmää ei juuri nyt "
        "saatu luettua Slackista."
    ),
    "member_deactivated": "⚠️ Slack-tili poistettu käytöstä",
    "overview_deactivated": "⚠️ {count} jäsenen Slack-tili poistettu käytöstä",
    "overview_convenor_deactivated": "⚠️ vastuuhenkilön Slack-tili poistettu käytöstä",
    "closed_convenor": "*Vastuuhenkilö:* {user}",
    "closed_by": "*Sulki:* {user}",
    "closed_by_coordinator": "*Sulki:* koordinaattori {user}",
    "convenor_changed_by_coordinator_notice": (
        "Koordinaattori {coordinator} siirsi vastuuhenkilön tehtävän: uusi "
        "vastuuhenkilö on {new} (aiemmin {old})."
    ),
    "convenor_changed_by_code": "{user} on nyt tiimin {code} vastuuhenkilö. Muutos kerrottiin tiimin kanavalla.",
    "team_code_refused": (
        "Tiimiä {code} ei löydy, tai sinulla ei ole siihen oikeutta. Suunnitelman saavat "
        "vain tiimin jäsenet ja suljetusta tiimistä ne, jotka olivat jäseniä sen sulkeutuessa."
    ),
    "team_content_purged": (
        "Tiimin {code} sisältö on poistettu säilytysajan päätyttyä, joten suunnitelmaa ei "
        "voi enää viedä."
    ),
    "usage_export": "Käyttö: `/tiimi vie` tiimin kanavalla tai `/tiimi vie MT-2026-0042` missä tahansa.",
    "by_code_only_coordinators": (
        "Tiimiin voi viitata sen koodilla vain koordinaattori. Vastuuhenkilö: käytä "
        "komentoa tiimin omalla kanavalla."
    ),
    "help_by_code": (
        "`/tiimi vie MT-2026-0042` – suunnitelma vain sinulle mistä tahansa, myös suljetusta "
        "tiimistä, jonka jäsen olit (säilytysajan loppuun)"
    ),
    "help_coordinators_header": "Koordinaattorille",
    "help_coordinators": (
        "`/tiimi avoimet` – kaikki avoimet tiimit, eniten huomiota tarvitsevat ensin; "
        "rajaukset: `/tiimi avoimet ilman tapaamista`, `myöhässä`, `vanhat`, `vastuu "
        "@Bertta`\n"
        "`/tiimi avoimet csv` – taulukko CSV-tiedostona yksityisviestinä\n"
        "`/tiimi tilastot` – viimeiset 365 päivää · `/tiimi tilastot 2026` – vuosi\n"
        "`/tiimi vastuu MT-2026-0042 @Bertta` – siirtää vastuuhenkilön tehtävän mistä "
        "tahansa\n"
        "`/tiimi sulje MT-2026-0042 muu` – sulkee tiimin mistä tahansa"
    ),
    "usage_participant": "Käyttö: `/tiimi osallistuja lisää <rooli> [organisaatio] [yhteys @nimi]`, `/tiimi osallistuja poista P<numero>` tai `/tiimi osallistuja yhteys P<numero> @nimi`. Osallistujat ja numerot näet komennolla `/tiimi jäsenet`.",
    "unknown_participant_role": "Tuntematon rooli. Kirjoita esimerkiksi `läheinen`, `järjestötoimija Sininauhasäätiö` tai `ammattilainen Kela`. Älä kirjoita nimeä.",
    "client_is_participant": "Asiakas on tiimin osallistuja (P1) sen avaamisesta asti.",
    "client_cannot_be_removed": "Asiakasta (P1) ei voi poistaa tiimistä.",
    "unknown_participant": "Osallistujaa P{number} ei ole. Osallistujat näet komennolla `/tiimi jäsenet`.",
    "contact_not_member": "{user} ei ole tiimin jäsen, joten hän ei voi olla yhteyshenkilö.",
    "participant_added": "Osallistuja {participant} on lisätty. Yhteyshenkilö {contact} saa hänen askeleidensa muistutukset. Osallistuja merkitään vain roolilla ja organisaatiolla, ei nimellä.",
    "participant_removed": "Osallistuja {participant} on poistettu. Hänen avoimet askeleensa tarvitsevat uuden vastuutahon.",
    "participant_contact_changed": "Osallistujan {participant} yhteyshenkilö on nyt {contact}.",
    "participant_contact": "yhteyshenkilö {contact}",
    "participant_with_contact": "{participant} (yhteyshenkilö {contact})",
    "participants_title": "Osallistujat",
    "participants_none": "–",
    "participants_no_names": "Osallistujat ilman Slack-tunnusta merkitään roolilla ja organisaatiolla, ei nimellä: `/tiimi osallistuja lisää läheinen`.",
    "closed_participants_one": "*Osallistujia ilman Slack-tunnusta:* {count}",
    "closed_participants": "*Osallistujia ilman Slack-tunnusta:* {count}",
    "home_contact_for": "{participant} (yhteyshenkilönä sinä)",
    "usage_step_owners": "Käyttö: `/askel vastuu <numero> @nimi…`, esim. `/askel vastuu 3 @Carita` tai `/askel vastuu 3 asiakas`.",
    "step_owners_changed": "Askeleen {number} vastuutahot on vaihdettu.",
    "edit_owner_hint": "Muokkaus vaihtaa vain askeleen tekstin. Vaihda vastuutaho komennolla `/askel vastuu {number} @nimi`.",
}
