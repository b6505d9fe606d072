"""Finnish messages: the default and complete catalog."""

MESSAGES: dict[str, str] = {
    # opening
    "welcome_fallback": "Tervetuloa tiimiin {code}",
    "welcome_header": "Tervetuloa tiimiin {code}",
    "welcome_intro": (
        "Tämä on asiakkaan Minun tiimini -tiimin yhteinen työtila. Asiakas on valinnut tiimin "
        "jäsenet.\n*Vastuuhenkilö:* <@{convenor}>\n*Jäsenet:* {members}"
    ),
    "welcome_do": (
        "*Kirjatkaa tänne* yhteinen suunnitelma: asiakkaan tavoitteet ja pienet askeleet "
        "(kuka tekee mitä ja mihin mennessä), tapaamisajat ja sovitut asiat."
    ),
    "welcome_dont": (
        "*Älkää kirjoittako tänne* asiakkaan nimeä, henkilötunnusta, diagnooseja, lääkityksiä "
        "tai lastensuojelun yksityiskohtia. Viralliset kirjaukset tehdään kunkin omaan "
        "asiakastietojärjestelmään."
    ),
    "welcome_next": (
        "Seuraavaksi: `/tiimi lisää @nimi ammattiryhmä` · `/tiimi jäsenet` · "
        "`/tiimi vastuu @nimi` · `/tiimi sulje` · `/tiimi ohje`"
    ),
    "team_opened": "Tiimi *{code}* on avattu: <#{channel}>",
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
    "modal_consent_option": "Asiakas valitsi jäsenet, ja suostumus on kirjattu.",
    "modal_consent_hint": (
        "Asiakas on valinnut nämä jäsenet, ja suostumus on kirjattu asiakastietojärjestelmään."
    ),
    "modal_consent_required": (
        "Vahvista, että asiakas on valinnut jäsenet ja suostumus on kirjattu."
    ),
    "modal_submit": "Avaa tiimi",
    "modal_cancel": "Peruuta",
    # members
    "member_added": "<@{user}> on lisätty tiimiin.",
    "member_profession_changed": "Jäsenen <@{user}> ammattiryhmä on päivitetty.",
    "member_removed": "<@{user}> on poistettu tiimistä.",
    "convenor_changed": "<@{user}> on nyt tiimin vastuuhenkilö.",
    "convenor_changed_notice": (
        "<@{old}> siirsi vastuuhenkilön tehtävän: uusi vastuuhenkilö on <@{new}>."
    ),
    "members_header": "Tiimin {code} jäsenet ({count})",
    "convenor": "vastuuhenkilö",
    "profession_unknown": "ammattiryhmä puuttuu",
    "already_member": "<@{user}> on jo tiimin jäsen.",
    "invite_failed": "Käyttäjää <@{user}> ei voitu kutsua kanavalle. Mitään ei muutettu.",
    "not_member_target": "<@{user}> ei ole tiimin jäsen.",
    "cannot_remove_convenor": (
        "Vastuuhenkilöä ei voi poistaa. Siirrä ensin tehtävä toiselle: `/tiimi vastuu @nimi`."
    ),
    "already_convenor": "<@{user}> on jo tiimin vastuuhenkilö.",
    "convenor_must_be_member": (
        "<@{user}> ei ole tiimin jäsen. Lisää hänet ensin: `/tiimi lisää @nimi ammattiryhmä`."
    ),
    "only_convenor": "Vain tiimin vastuuhenkilö <@{convenor}> voi tehdä tämän.",
    "unknown_profession": "Tuntematon ammattiryhmä. Vaihtoehdot: {options}.",
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
        "*Syy:* {reason}\n*Tiimi toimi:* {days} päivää\n*Jäseniä:* {count}\n"
        "*Vastuuhenkilö:* <@{convenor}>"
    ),
    "closed_record_reminder": (
        "Muistakaa kirjata tiimin päättyminen omaan asiakastietojärjestelmäänne. Kanava "
        "arkistoidaan, ja tiimi on tästä eteenpäin vain luettavissa."
    ),
    "team_closed_done": "Tiimi {code} on suljettu ja sen kanava arkistoitu.",
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
        "Mainitse jäsenet @-merkillä, esimerkiksi `/tiimi uusi @Anna @Bertta`. Älä kirjoita "
        "nimiä tai muuta tekstiä. Ilman jäseniä `/tiimi uusi` avaa lomakkeen."
    ),
    "usage_add": (
        "Käyttö: `/tiimi lisää @nimi [ammattiryhmä]`, esim. `/tiimi lisää @Anna sosiaaliohjaaja`."
    ),
    "usage_remove": "Käyttö: `/tiimi poista @nimi`.",
    "usage_hand_over": "Käyttö: `/tiimi vastuu @nimi`.",
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
        "`/tiimi uusi @Anna @Bertta` – avaa tiimin asiakkaan valitsemille jäsenille "
        "(ilman nimiä avautuu lomake)\n"
        "`/tiimi lisää @Anna sosiaaliohjaaja` – lisää jäsenen ja hänen ammattiryhmänsä\n"
        "`/tiimi poista @Anna` – poistaa jäsenen\n"
        "`/tiimi vastuu @Bertta` – siirtää vastuuhenkilön tehtävän\n"
        "`/tiimi jäsenet` – näyttää jäsenet ja ammattiryhmät\n"
        "`/tiimi sulje tavoitteet saavutettu` – sulkee tiimin (syyt: tavoitteet saavutettu, "
        "asiakkaan toive, siirtyi yhteen palveluun, muu)\n"
        "`/tiimi ohje` – tämä ohje"
    ),
    "help_privacy": (
        "Älä kirjoita asiakkaan nimeä, henkilötunnusta tai terveystietoja. Viralliset kirjaukset "
        "tehdään omaan asiakastietojärjestelmään."
    ),
    # failures
    "generic_error": (
        "Jokin meni vikaan, eikä pyyntöä voitu käsitellä. Mitään ei jäänyt kesken; yritä "
        "hetken kuluttua uudelleen."
    ),
    "home_header": "Omat tiimini",
    "home_team_line": "*{code}* · <#{channel}>",
    "home_no_teams": "Et ole vielä minkään tiimin jäsen. Avaa tiimi komennolla `/tiimi uusi`.",
}
