"""Swedish messages."""

MESSAGES: dict[str, str] = {
    "welcome_fallback": "Välkommen till teamet {code}",
    "welcome_header": "Välkommen till teamet {code}",
    "welcome_intro": (
        "Det här är den gemensamma arbetsytan för klientens Mitt team. Klienten har valt "
        "teamets medlemmar.\n*Ansvarsperson:* <@{convenor}>\n*Medlemmar:* {members}"
    ),
    "welcome_do": (
        "*Skriv här* den gemensamma planen: klientens mål och små steg (vem gör vad och när), "
        "mötestider och det ni kommit överens om."
    ),
    "welcome_dont": (
        "*Skriv inte här* klientens namn, personbeteckning, diagnoser, mediciner eller detaljer "
        "om barnskydd. De officiella anteckningarna görs i var och ens eget klientdatasystem."
    ),
    "welcome_next": (
        "Nästa steg: `/tiimi lisää @namn yrkesgrupp` · `/tiimi jäsenet` · "
        "`/tiimi vastuu @namn` · `/tiimi sulje` · `/tiimi ohje`"
    ),
    "team_opened": "Teamet *{code}* har öppnats: <#{channel}>",
    "team_being_opened": "Teamet {code} håller på att öppnas. Vänta en stund.",
    "not_invited": "De här medlemmarna kunde inte bjudas in till kanalen: {users}. Lägg till "
    "dem senare med `/tiimi lisää`.",
    "open_restricted": (
        "Teamet kunde inte öppnas: arbetsytans inställningar tillåter inte appar att skapa "
        "privata kanaler. Be arbetsytans administratör att tillåta det. Inget blev halvfärdigt."
    ),
    "open_failed_platform": (
        "Teamet kunde inte öppnas eftersom Slack inte svarade som väntat. Inget blev "
        "halvfärdigt; försök igen om en stund."
    ),
    "modal_title": "Nytt team",
    "modal_intro": (
        "Teamet får en neutral kod och en egen privat kanal. Skriv aldrig klientens "
        "identifieringsuppgifter någonstans."
    ),
    "modal_members_label": "Medlemmar som klienten valt",
    "modal_consent_label": "Klientens samtycke",
    "modal_consent_option": "Klienten valde medlemmarna och samtycket är antecknat.",
    "modal_consent_hint": (
        "Klienten har valt de här medlemmarna och samtycket är antecknat i klientdatasystemet."
    ),
    "modal_consent_required": (
        "Bekräfta att klienten valt medlemmarna och att samtycket är antecknat."
    ),
    "modal_submit": "Öppna teamet",
    "modal_cancel": "Avbryt",
    "member_added": "<@{user}> har lagts till i teamet.",
    "member_profession_changed": "Yrkesgruppen för <@{user}> har uppdaterats.",
    "member_removed": "<@{user}> har tagits bort från teamet.",
    "convenor_changed": "<@{user}> är nu teamets ansvarsperson.",
    "convenor_changed_notice": (
        "<@{old}> överlät rollen som ansvarsperson: ny ansvarsperson är <@{new}>."
    ),
    "members_header": "Medlemmar i teamet {code} ({count})",
    "convenor": "ansvarsperson",
    "profession_unknown": "yrkesgrupp saknas",
    "already_member": "<@{user}> är redan medlem i teamet.",
    "invite_failed": "<@{user}> kunde inte bjudas in till kanalen. Inget ändrades.",
    "not_member_target": "<@{user}> är inte medlem i teamet.",
    "cannot_remove_convenor": (
        "Ansvarspersonen kan inte tas bort. Överlåt först rollen: `/tiimi vastuu @namn`."
    ),
    "already_convenor": "<@{user}> är redan teamets ansvarsperson.",
    "convenor_must_be_member": (
        "<@{user}> är inte medlem i teamet. Lägg först till personen: "
        "`/tiimi lisää @namn yrkesgrupp`."
    ),
    "only_convenor": "Endast teamets ansvarsperson <@{convenor}> kan göra detta.",
    "unknown_profession": "Okänd yrkesgrupp. Alternativ: {options}.",
    "close_choose_reason": "Varför stängs teamet {code}? Välj orsak:",
    "reason_goals_reached": "målen uppnådda",
    "reason_client_wish": "klientens önskan",
    "reason_moved_to_one_service": "övergick till en tjänst",
    "reason_other": "annat",
    "close_reason_unknown": (
        "Okänd orsak. Skriv en av dessa: målen uppnådda, klientens önskan, övergick till en "
        "tjänst, annat."
    ),
    "closed_fallback": "Teamet {code} har stängts",
    "closed_header": "Teamet {code} har stängts",
    "closed_summary": (
        "*Orsak:* {reason}\n*Teamet verkade:* {days} dagar\n*Medlemmar:* {count}\n"
        "*Ansvarsperson:* <@{convenor}>"
    ),
    "closed_record_reminder": (
        "Kom ihåg att anteckna att teamet avslutats i ert eget klientdatasystem. Kanalen "
        "arkiveras och teamet kan från och med nu endast läsas."
    ),
    "team_closed_done": "Teamet {code} har stängts och dess kanal arkiverats.",
    "not_team_channel": (
        "Det här kommandot fungerar bara i teamets egen kanal. Öppna ett nytt team med "
        "`/tiimi uusi`."
    ),
    "team_closed": "Teamet {code} har stängts och kan inte längre ändras.",
    "team_not_ready": "Teamet {code} håller ännu på att öppnas. Försök igen om en stund.",
    "not_a_member": "Endast medlemmar i teamet {code} kan göra detta.",
    "usage_open": (
        "Nämn medlemmarna med @, till exempel `/tiimi uusi @Anna @Bertta`. Skriv inga namn "
        "eller annan text. Utan medlemmar öppnar `/tiimi uusi` ett formulär."
    ),
    "usage_add": (
        "Användning: `/tiimi lisää @namn [yrkesgrupp]`, t.ex. "
        "`/tiimi lisää @Anna socialhandledare`."
    ),
    "usage_remove": "Användning: `/tiimi poista @namn`.",
    "usage_hand_over": "Användning: `/tiimi vastuu @namn`.",
    "privacy_hetu": (
        "Meddelandet innehåller en personbeteckning. Personbeteckningar får inte skrivas i "
        "teamet, så inget sparades. Skriv meddelandet på nytt utan den."
    ),
    "privacy_hetu_like": (
        "Meddelandet innehåller något som ser ut som en personbeteckning. Inget sparades. "
        "Skriv meddelandet på nytt utan den."
    ),
    "help_header": "Tiimi – hjälp för Mitt team",
    "help_unknown": "Jag kände inte igen kommandot. Här är kommandona:",
    "help_body": (
        "`/tiimi uusi @Anna @Bertta` – öppnar ett team för medlemmarna klienten valt "
        "(utan namn öppnas ett formulär)\n"
        "`/tiimi lisää @Anna socialhandledare` – lägger till en medlem och dess yrkesgrupp\n"
        "`/tiimi poista @Anna` – tar bort en medlem\n"
        "`/tiimi vastuu @Bertta` – överlåter rollen som ansvarsperson\n"
        "`/tiimi jäsenet` – visar medlemmarna och deras yrkesgrupper\n"
        "`/tiimi sulje målen uppnådda` – stänger teamet (orsaker: målen uppnådda, klientens "
        "önskan, övergick till en tjänst, annat)\n"
        "`/tiimi ohje` – den här hjälpen"
    ),
    "help_privacy": (
        "Skriv inte klientens namn, personbeteckning eller hälsouppgifter. De officiella "
        "anteckningarna görs i det egna klientdatasystemet."
    ),
    "generic_error": (
        "Något gick fel och begäran kunde inte behandlas. Inget blev halvfärdigt; försök igen "
        "om en stund."
    ),
    "home_header": "Mina team",
    "home_team_line": "*{code}* · <#{channel}>",
    "home_no_teams": "Du är ännu inte medlem i något team. Öppna ett team med `/tiimi uusi`.",
}
