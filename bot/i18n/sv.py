"""Swedish messages."""

MESSAGES: dict[str, str] = {
    "welcome_fallback": "Välkommen till teamet {code}",
    "welcome_header": "Välkommen till teamet {code}",
    "welcome_intro": (
        "Det här är den gemensamma arbetsytan för klientens Mitt team. Klienten har valt "
        "teamets medlemmar.\n*Ansvarsperson:* {convenor}\n*Medlemmar:* {members}"
    ),
    "welcome_do": (
        "*Skriv här* den gemensamma planen: klientens mål och små steg (vem gör vad och när), "
        "mötestider och det ni kommit överens om."
    ),
    "welcome_dont": (
        "*Skriv inte här* klientens namn, personbeteckning, diagnoser, mediciner eller detaljer "
        "om barnskydd. Den officiella dokumentationen görs i var och ens eget klientdatasystem."
    ),
    "welcome_next": (
        "Nästa steg: `/askel tavoite …` · `/askel Ring FPA @namn senast fr` · "
        "`/tiimi lisää @namn yrkesgrupp` · `/tiimi suunnitelma` · `/tiimi ohje`"
    ),
    "welcome_agenda": (
        "*Dagordning för det första mötet:*\n1. Vi lär känna varandra.\n2. Klientens mål med klientens egna ord.\n3. De första små stegen: vem gör vad och när.\n4. Vi kommer överens om nästa möte."
    ),
    "consent_recorded_command": (
        "Samtycke: {user} bekräftade {when} med kommandot `/tiimi uusi` att klienten valde medlemmarna och att samtycket är dokumenterat i klientdatasystemet."
    ),
    "consent_recorded_form": (
        "Samtycke: {user} bekräftade {when} i formuläret att klienten valde medlemmarna och att samtycket är dokumenterat i klientdatasystemet."
    ),
    "profession_other_invalid": (
        "Skriv yrket efter kolon, högst {max} tecken, t.ex. `annan: familjearbetare`. Inga personnamn."
    ),
    "organisation_invalid": (
        "Organisationen eller enheten får vara högst {max} tecken. Inga personnamn."
    ),
    "team_opened": "Teamet *{code}* har öppnats: {channel}",
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
    "modal_consent_option": "Klienten valde medlemmarna och samtycket är dokumenterat.",
    "modal_consent_hint": (
        "Klienten har valt de här medlemmarna och samtycket är dokumenterat i klientdatasystemet."
    ),
    "modal_consent_required": (
        "Bekräfta att klienten valt medlemmarna och att samtycket är dokumenterat."
    ),
    "modal_submit": "Öppna teamet",
    "modal_cancel": "Avbryt",
    "member_added": "{user} har lagts till i teamet.",
    "member_profession_changed": "Yrkesgruppen för {user} har uppdaterats.",
    "member_removed": "{user} har tagits bort från teamet.",
    "convenor_changed": "{user} är nu teamets ansvarsperson.",
    "convenor_changed_notice": (
        "{old} överlät rollen som ansvarsperson: ny ansvarsperson är {new}."
    ),
    "members_header": "Medlemmar i teamet {code} ({count})",
    "convenor": "ansvarsperson",
    "profession_unknown": "yrkesgrupp saknas",
    "already_member": "{user} är redan medlem i teamet.",
    "invite_failed": "{user} kunde inte bjudas in till kanalen. Inget ändrades.",
    "not_member_target": "{user} är inte medlem i teamet.",
    "cannot_remove_convenor": (
        "Ansvarspersonen kan inte tas bort. Överlåt först rollen: `/tiimi vastuu @namn`."
    ),
    "already_convenor": "{user} är redan teamets ansvarsperson.",
    "convenor_must_be_member": (
        "{user} är inte medlem i teamet. Lägg först till personen: `/tiimi lisää @namn yrkesgrupp`."
    ),
    "only_convenor": "Endast teamets ansvarsperson {convenor} kan göra detta.",
    "unknown_profession": "Okänd yrkesgrupp. Alternativ: {options} eller `annan: yrke`.",
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
        "*Orsak:* {reason}\n*Öppnat:* {opened} · *stängt:* {closed} ({days} dagar)\n"
        "*Medlemmar:* {members} · *steg:* {steps}, varav gjorda {done} · "
        "*möten:* {meetings}"
    ),
    "closed_record_reminder": (
        "Kom ihåg att dokumentera att teamet avslutats i ert eget klientdatasystem. Boten har "
        "tagit bort sina meddelanden med teamets plan från kanalen och arkiverar kanalen. "
        "Teamets medlemmar får planen till sig själva med `/tiimi vie {code}` till och med "
        "{until}; därefter raderas innehållet."
    ),
    "team_closed_done": (
        "Teamet {code} har stängts. Boten tar nu bort sina meddelanden med planen från "
        "kanalen och arkiverar sedan kanalen; det kan ta några minuter."
    ),
    "not_team_channel": (
        "Det här kommandot fungerar bara i teamets egen kanal. Öppna ett nytt team med "
        "`/tiimi uusi`."
    ),
    "team_closed": "Teamet {code} har stängts och kan inte längre ändras.",
    "team_not_ready": "Teamet {code} håller ännu på att öppnas. Försök igen om en stund.",
    "not_a_member": "Endast medlemmar i teamet {code} kan göra detta.",
    "usage_open": (
        "Nämn medlemmarna med @, efter var och en vid behov yrkesgrupp och organisation, till "
        "exempel `/tiimi uusi @Anna socialhandledare @Bertta fysioterapeut`. Skriv inga namn "
        "eller annan text. Utan medlemmar öppnar `/tiimi uusi` ett formulär."
    ),
    "usage_add": (
        "Användning: `/tiimi lisää @namn [yrkesgrupp] [organisation]`, t.ex. "
        "`/tiimi lisää @Anna socialhandledare Tammerfors stad` eller "
        "`/tiimi lisää @Anna annan: familjearbetare, Sininauhasäätiö`."
    ),
    "usage_remove": "Användning: `/tiimi poista @namn`.",
    "usage_hand_over": "Användning: `/tiimi vastuu @namn`, som koordinator `/tiimi vastuu MT-2026-0042 @namn`.",
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
        "`/tiimi ny @Anna @Bertta` – öppnar ett team för medlemmarna klienten valt · "
        "`/tiimi ny` – öppnar formuläret\n"
        "`/tiimi lägg till @Anna socialhandledare Tammerfors stad` – lägger till en medlem, "
        "dess yrkesgrupp (eller `annan: …`) och organisation\n"
        "`/tiimi ta bort @Anna` – tar bort en medlem\n"
        "`/tiimi medlemmar` – visar medlemmarna och deras yrkesgrupper samt deltagarna\n"
        "`/tiimi deltagare lägg till organisationsanställd Blå bandet kontakt @Bertta` – lägger "
        "till en deltagare utan Slack-konto (närstående, organisationsanställd, yrkesperson "
        "från en annan organisation) med roll och organisation, inte med namn; kontaktpersonen "
        "(som standard ansvarspersonen) får påminnelserna om deltagarens steg · "
        "`/tiimi deltagare ta bort P2` · `/tiimi deltagare kontakt P2 @Anna`\n"
        "`/tiimi planen` – visar mål, steg och medlemmar\n"
        "`/tiimi exportera` – planen som text för dokumentation i det egna klientdatasystemet\n"
        "`/tiimi möte fr 11.12. kl. 14 Biblioteket` – bokar ett möte (påminnelser till "
        "kanalen; flera kan bokas); `/tiimi möte` – de bokade mötena numrerade; "
        "`/tiimi möte flytta 2 ti kl. 10`, `/tiimi möte avboka 2`\n"
        "Ansvarsperson: `/tiimi ansvar @Bertta` – överlåter rollen som ansvarsperson · "
        "`/tiimi stäng målen uppnådda` – stänger teamet (orsaker: målen uppnådda, klientens "
        "önskan, övergick till en tjänst, annat; utan orsak får du knappar att välja)\n"
        "`/tiimi öppna` – dina egna öppna team\n"
        "`/askel hjälp` – bara hjälpen om steg och mål\n"
        "`/tiimi hjälp` – den här hjälpen"
    ),
    "help_privacy": (
        "Skriv inte klientens namn, personbeteckning eller hälsouppgifter. Den officiella "
        "dokumentationen görs i det egna klientdatasystemet."
    ),
    "busy_restarting": (
        "Tiimi startar just om och kunde inte ännu behandla begäran. Ingenting sparades; "
        "försök igen om en stund."
    ),
    "generic_error": (
        "Något gick fel och begäran kunde inte behandlas. Inget blev halvfärdigt; försök igen "
        "om en stund."
    ),
    "home_header": "Mina team",
    "home_team_line": "*{code}* · {channel}",
    "home_no_teams": "Du är ännu inte medlem i något team. Öppna ett team med `/tiimi uusi`.",
    "askel_help_header": "Steg – teamets gemensamma plan",
    "askel_help_body": "`/askel Ring FPA @Anna @Bertta senast fr` – lägger till ett litet steg: vad, vem (en eller flera) och senast när\n`/askel Ansök om stöd ansvar: klient senast 11.12.` – ansvarig kan vara klienten, en närstående eller en yrkesgrupp\n`/askel T1: Gå på bostadsvisning ansvar: närstående senast vecka 50` – ett steg mot målet T1\n`/askel mål Egen bostad till våren` – lägger till ett mål med klientens egna ord\n`/askel lista` – öppna steg · `/askel alla` – också avslutade\n`/askel ansvar 3 @Carita klient` – byter stegets ansvariga (medlemmar, `klient`, `närstående`, `P2`…)\n`/askel klar 3` · `/askel nej 3` (inte genomfört) · `/askel flytta 3 fr` · `/askel ändra 3 ny text` · `/askel radera 3`\n`/askel` – öppnar formuläret · `/tiimi planen` – hela planen · `/tiimi exportera` – text för dokumentationen\nDatum: `12.12.`, `12.12.2026`, `i morgon`, `fr`, `på fredag`, `nästa vecka`, `vecka 50`, `om 3 dagar`.",
    "goal_added": "Målet T{number} har lagts till.",
    "step_added": "Steg {number} har lagts till och syns i kanalen.",
    "step_done_done": "Steg {number} har markerats som gjort.",
    "step_not_done_done": "Steg {number} har markerats som inte genomfört.",
    "step_deleted_done": "Steg {number} har tagits bort.",
    "step_already_done": "Steg {number} är redan markerat som gjort.",
    "step_already_not_done": "Steg {number} är redan markerat som inte genomfört.",
    "step_already_deleted": "Steg {number} har redan tagits bort.",
    "step_rescheduled": "Tidsfristen för steg {number} har flyttats.",
    "step_edited": "Steg {number} har redigerats.",
    "step_deleted_notice": "Steg {number} har tagits bort från planen.",
    "step_fallback": "Steg {number}: {text}",
    "step_changed_by": "Senast ändrat av {user}",
    "unknown_step": "Steg {number} finns inte. Se numren med `/askel lista`.",
    "unknown_goal": "Målet T{number} finns inte. Se målen med `/tiimi suunnitelma`.",
    "owner_not_member": "{user} är inte medlem i teamet. Lägg först till personen med `/tiimi lisää`.",
    "unknown_owner_role": "Okänd ansvarig. Skriv till exempel `ansvar: klient`, `ansvar: närstående` eller en yrkesgrupp, som `ansvar: socialhandledare`.",
    "text_too_long": "Texten är för lång (högst {limit} tecken). Skriv kortare.",
    "usage_step": "Skriv ett steg, till exempel `/askel Ring FPA @Anna senast fr`.",
    "usage_goal": "Skriv ett mål, till exempel `/askel tavoite Egen bostad till våren`.",
    "usage_step_done": "Användning: `/askel valmis <nummer>`, t.ex. `/askel valmis 3`.",
    "usage_step_not_done": "Användning: `/askel ei <nummer>`, t.ex. `/askel ei 3`.",
    "usage_step_delete": "Användning: `/askel poista <nummer>`, t.ex. `/askel poista 3`.",
    "usage_step_move": "Användning: `/askel siirrä <nummer> <datum>`, t.ex. `/askel siirrä 3 fr`.",
    "usage_step_edit": "Användning: `/askel muokkaa <nummer> <text>`, t.ex. `/askel muokkaa 3 Ring FPA på måndag`.",
    "status_open": "öppet",
    "status_done": "gjort",
    "status_not_done": "inte genomfört",
    "status_deleted": "borttaget",
    "overdue_mark": "⚠️ försenat",
    "needs_new_owner_mark": "⚠️ behöver en ny ansvarig",
    "owner_none": "ansvaret inte avtalat",
    "due_none": "ingen tidsfrist",
    "button_done": "Gjort",
    "button_not_done": "Inte genomfört",
    "button_move": "Flytta",
    "button_prev": "Föregående sida",
    "button_next": "Nästa sida",
    "steps_header_open": "Öppna steg i teamet {code}",
    "steps_header_all": "Alla steg i teamet {code}",
    "steps_none": "Inga steg ännu. Lägg till det första: `/askel Ring FPA @Anna senast fr`.",
    "plan_header": "Planen för teamet {code}",
    "goals_title": "Mål",
    "goals_none": "Inga mål ännu. Lägg till klientens mål: `/askel tavoite …`.",
    "steps_title": "Steg",
    "steps_title_open": "Öppna steg",
    "steps_title_done": "Gjorda",
    "steps_title_not_done": "Inte genomförda",
    "members_title": "Medlemmar",
    "page_of": "Sida {page}/{pages}",
    "export_header": "Planen för dokumentationen (syns bara för dig)",
    "export_title": "Mitt team {code}: gemensam plan",
    "export_dates": "Teamet öppnades {opened}. Utskrift {today}.",
    "form_step_title": "Nytt steg",
    "form_step_text": "Vad ska göras?",
    "form_owner_member": "Vem i teamet ansvarar? (du kan välja flera)",
    "form_owner_role": "…och andra ansvariga (t.ex. klient, närstående)",
    "form_due": "Senast när?",
    "form_goal": "Mål",
    "form_save": "Spara",
    "form_move_title": "Flytta steg {number}",
    "form_new_due": "Ny tidsfrist",
    "form_due_required": "Välj ett datum.",
    "date_unrecognised": "Jag kände inte igen datumet. Skriv till exempel `12.12.`, `fr`, `i morgon`, `nästa vecka` eller `vecka 50`.",
    "date_impossible": "Datumet finns inte. Kontrollera dag och månad.",
    "date_past": "Datumet {date} har redan varit. Välj en kommande dag.",
    "date_weekday_mismatch": "Veckodagen och datumet stämmer inte överens: {written} eller {weekday_date}? Skriv på nytt med det ena av dem.",
    "date_impossible_time": "Klockslaget finns inte. Skriv till exempel `kl. 14` eller `kl. 14.30`.",
    "date_nonexistent_time": "Det här klockslaget finns inte när klockan ställs om till sommartid. Välj en annan tid.",
    "date_missing_time": "Skriv också klockslaget, till exempel `kl. 14`.",
    "date_missing_date": "Skriv också dagen, till exempel `fr kl. 14`.",
    "date_spoken_time": "Skriv klockslaget med siffror, till exempel `kl. 14.30` (inte `halv tre` eller `kvart över`): orden visar inte om det är förmiddag eller eftermiddag.",
    "date_end_before_start": "Mötet ska sluta samma dag efter att det har börjat. Skriv till exempel `kl. 14-15`.",
    "meeting_booked": "Mötet har bokats: *{when}*. Kanalen får en påminnelse före mötet.",
    "meeting_moved": "Mötet har flyttats: *{when}*. Påminnelserna flyttades med det.",
    "meeting_cancelled": "Mötet {when} har ställts in, liksom dess påminnelser.",
    "meeting_already_booked": "Ett möte har redan bokats vid samma tid. Du ser de bokade mötena med `/tiimi möte`.",
    "no_meeting_booked": "Nästa möte har inte bokats. Boka det med `/tiimi tapaaminen fr 11.12. kl. 14`.",
    "usage_meeting_move": "Användning: `/tiimi möte flytta <nummer> <tid>`, t.ex. `/tiimi möte flytta 2 ti kl. 10`. Numren ser du med `/tiimi möte`.",
    "usage_meeting_cancel": "Användning: `/tiimi möte avboka <nummer>`, t.ex. `/tiimi möte avboka 2`. Numren ser du med `/tiimi möte`.",
    "meeting_which": "Teamet har {count} bokade möten. Ange mötets nummer, t.ex. `/tiimi möte avboka 2`. Numren ser du med `/tiimi möte`.",
    "meeting_number_unknown": "Det finns inget möte nummer {number}. Bokade möten är {count}: du ser dem med `/tiimi möte`.",
    "meetings_too_many": "Teamet har redan {limit} bokade möten. Boka fler när en del av dem har hållits.",
    "meetings_upcoming_title": "Bokade möten ({count})",
    "meetings_upcoming_hint": "Flytta: `/tiimi möte flytta 1 ti kl. 10` · ställ in: `/tiimi möte avboka 1`",
    "meeting_moved_notice": "{user} flyttade mötet {was}. Ny tid: *{when}*.",
    "meeting_cancelled_notice": "{user} ställde in mötet {when}.",
    "next_meeting_title": "Nästa möte",
    "meetings_title": "Möten",
    "meetings_none": "Inga möten.",
    "nudge_snoozed": "Okej, jag påminner igen {when}.",
    "button_snooze_day": "Påminn i morgon",
    "button_snooze_week": "Påminn om en vecka",
    "reminder_meeting_header": "Påminnelse: teamets möte {when}",
    "reminder_meeting_place": "*Plats:* {place}",
    "reminder_agenda": "Dagordning: öppna steg",
    "reminder_agenda_empty": "Inga öppna steg. Kom på mötet överens om nästa små steg.",
    "reminder_late": "Den här påminnelsen skickas för sent eftersom boten inte var igång i tid.",
    "reminder_after_ask": "Mötet {when} är över. Hölls det?",
    "reminder_after_held": "{user} svarade att mötet {when} hölls. Kom ihåg att var och en dokumenterar det i sitt eget klientdatasystem.",
    "reminder_after_not_held": "{user} svarade att mötet {when} inte hölls. Det räknas inte i statistiken.",
    "button_meeting_held": "Hölls",
    "button_meeting_not_held": "Hölls inte",
    "meeting_outcome_saved": "Tack, svaret har antecknats i kanalens meddelande.",
    "meeting_outcome_unknown": "Det här mötet kan inte längre besvaras: det har ställts in eller har inte hållits ännu.",
    "reminder_after_book_next": "Nästa möte har ännu inte bokats. Boka det: `/tiimi tapaaminen fr 11.12. kl. 14`.",
    "reminder_after_next": "Nästa möte: {when}",
    "reminder_step_due": "{owner}, påminnelse: tidsfristen för steg {number} går ut i dag: {text}",
    "reminder_step_due_on": "{owner}, påminnelse: tidsfristen för steg {number} går ut {date}: {text}",
    "reminder_step_was_due": "{owner}, påminnelse: tidsfristen för steg {number} gick ut {date}: {text}",
    "reminder_nudge": "{convenor}, teamet har inget avtalat möte. Ska vi boka nästa? `/tiimi tapaaminen fr 11.12. kl. 14`",
    "reminder_nudge_since": "Förra mötet var {date}.",
    "reminder_failed_notice": "Påminnelsen för teamet {code} kunde inte skickas till kanalen (orsak: {reason}). Kontrollera att kanalen finns och att boten är medlem i den.",
    "only_coordinators": "Endast koordinatorer kan göra detta.",
    "overview_header_all": "Öppna team ({count}), de som behöver mest uppmärksamhet först",
    "overview_header_mine": "Dina öppna team ({count})",
    "overview_none": "Inga öppna team med de här villkoren.",
    "overview_convenor": "ansvarsperson {user}",
    "overview_age": "{days} d",
    "overview_members": "{count} medlemmar",
    "overview_next": "nästa möte {date}",
    "overview_no_meeting": "⚠️ inget möte inbokat",
    "overview_since_last": "{days} d sedan förra",
    "overview_to_first": "{days} d till första mötet",
    "overview_steps": "steg {open} öppna, {overdue} försenade",
    "overview_failed": "⚠️ {count} påminnelser misslyckades",
    "overview_csv_title": "Öppna team",
    "overview_csv_sent": "Tabellen ({count} team) skickades till dig som CSV-fil i ett direktmeddelande.",
    "usage_open_teams": "Användning: `/tiimi avoimet [ilman tapaamista] [myöhässä] [vanhat] [vastuu @namn]` eller `/tiimi avoimet csv`.",
    "usage_statistics": "Användning: `/tiimi tilastot` (de senaste 365 dagarna) eller `/tiimi tilastot 2026`.",
    "stats_header": "Statistik {period}",
    "stats_no_data": "inga uppgifter",
    "stats_opened_closed": "*Öppnade team:* {opened} · *stängda:* {closed}",
    "stats_reasons": "*Orsaker till stängning:* {reasons}",
    "stats_first_meeting": "*Från öppning till första mötet (median):* {days} d",
    "stats_interval": "*Tid mellan möten (median):* {days} d",
    "stats_on_time": "*Steg gjorda före sin tidsgräns:* {share}",
    "stats_professions": "*Yrkesgrupper (team):* {professions}",
    "home_my_steps": "Mina öppna steg",
    "home_no_steps": "Du har inga öppna steg.",
    "home_more_teams_one": "…och {count} team till. Alla dina team ser du med `/tiimi öppna`.",
    "home_more_teams": "…och {count} team till. Alla dina team ser du med `/tiimi öppna`.",
    "home_more_steps_one": (
        "…och {count} steg till. Alla teamets steg ser du i dess kanal med `/askel lista`."
    ),
    "home_more_steps": (
        "…och {count} steg till. Alla teamets steg ser du i dess kanal med `/askel lista`."
    ),
    "home_orphans": "Steg som behöver en ny ansvarig",
    "home_coordinator": "För koordinatorn: öppna team",
    "home_counts": "*{open}* öppna team · *{unbooked}* utan inbokat möte · *{late}* med försenade steg",
    "channel_unavailable": "Teamets kanal har arkiverats eller boten har tagits bort från den, så detta kunde inte göras. Be ansvarspersonen kontrollera kanalen.",
    "steps_more": "…och {count} steg till. Hela planen sida för sida: `/tiimi suunnitelma`.",
    # the channel is the boundary; coordinator rights; deactivated accounts
    "uninvited_removed": (
        "{user} lades till i teamet {code}s kanal {channel} med Slacks egen funktion, "
        "så jag tog bort hen från kanalen: hela planen syns i kanalen, och bara de personer "
        "klienten har valt hör till teamet. Om klienten har valt hen, lägg till hen i kanalen "
        "med kommandot `/tiimi lisää @namn`, som antecknar klientens samtycke."
    ),
    "uninvited_not_removed": (
        "{user} lades till i teamet {code}s kanal {channel} med Slacks egen funktion, "
        "men jag kunde inte ta bort hen. Ta bort hen från kanalen i Slack: hela planen syns i "
        "kanalen, och bara de personer klienten har valt hör till teamet. Om klienten har valt "
        "hen, lägg till hen med kommandot `/tiimi lisää @namn`, som antecknar klientens "
        "samtycke."
    ),
    "uninvited_inviter": "Hen lades till i kanalen av {inviter}.",
    "coordinator_unchecked": (
        "Dina koordinatorsrättigheter kunde inte kontrolleras just nu, eftersom Slacks "
        "koordinatorsgrupp inte kunde läsas. Försök igen om en stund."
    ),
    "home_coordinator_unchecked": (
        "Koordinatorns översikt kunde inte visas: koordinatorsgruppen kunde inte läsas från "
        "Slack just nu."
    ),
    "member_deactivated": "⚠️ Slack-kontot inaktiverat",
    "overview_deactivated": "⚠️ {count} medlemmars Slack-konto inaktiverat",
    "overview_convenor_deactivated": "⚠️ ansvarspersonens Slack-konto inaktiverat",
    "closed_convenor": "*Ansvarsperson:* {user}",
    "closed_by": "*Stängt av:* {user}",
    "closed_by_coordinator": "*Stängt av:* koordinatorn {user}",
    "convenor_changed_by_coordinator_notice": (
        "Koordinatorn {coordinator} överförde ansvarspersonens uppgift: ny "
        "ansvarsperson är {new} (tidigare {old})."
    ),
    "convenor_changed_by_code": "{user} är nu ansvarsperson för teamet {code}. Ändringen meddelades i teamets kanal.",
    "team_code_refused": (
        "Teamet {code} hittades inte, eller så har du ingen behörighet till det. Planen "
        "får bara teamets medlemmar och, för ett stängt team, de som var medlemmar när det "
        "stängdes."
    ),
    "team_content_purged": (
        "Innehållet i teamet {code} har raderats efter lagringstiden, så planen kan inte "
        "längre exporteras."
    ),
    "usage_export": "Användning: `/tiimi vie` i teamets kanal eller `/tiimi vie MT-2026-0042` var som helst.",
    "by_code_only_coordinators": (
        "Bara en koordinator kan ange ett team med dess kod. Ansvarsperson: använd "
        "kommandot i teamets egen kanal."
    ),
    "help_by_code": (
        "`/tiimi exportera MT-2026-0042` – planen bara till dig var som helst, också från ett "
        "stängt team du var medlem i (till lagringstidens slut)"
    ),
    "help_coordinators_header": "För koordinatorer",
    "help_coordinators": (
        "`/tiimi öppna` – alla öppna team, de som behöver mest uppmärksamhet först; "
        "avgränsningar: `/tiimi öppna utan möte`, `försenade`, `gamla`, `ansvar @Bertta`\n"
        "`/tiimi öppna csv` – tabellen som CSV-fil i ett privat meddelande\n"
        "`/tiimi statistik` – de senaste 365 dagarna · `/tiimi statistik 2026` – ett år\n"
        "`/tiimi ansvar MT-2026-0042 @Bertta` – överlåter ansvarspersonens uppgift var som "
        "helst ifrån\n"
        "`/tiimi stäng MT-2026-0042 annat` – stänger teamet var som helst ifrån"
    ),
    "usage_participant": "Användning: `/tiimi deltagare lägg till <roll> [organisation] [kontakt @namn]`, `/tiimi deltagare ta bort P<nummer>` eller `/tiimi deltagare kontakt P<nummer> @namn`. Deltagarna och deras nummer ser du med `/tiimi medlemmar`.",
    "unknown_participant_role": "Okänd roll. Skriv till exempel `närstående`, `organisationsanställd Blå bandet` eller `yrkesperson FPA`. Skriv inget namn.",
    "client_is_participant": "Klienten är deltagare i teamet (P1) ända från början.",
    "client_cannot_be_removed": "Klienten (P1) kan inte tas bort från teamet.",
    "unknown_participant": "Det finns ingen deltagare P{number}. Deltagarna ser du med `/tiimi medlemmar`.",
    "contact_not_member": "{user} är inte medlem i teamet och kan därför inte vara kontaktperson.",
    "participant_added": "Deltagaren {participant} har lagts till. Kontaktpersonen {contact} får påminnelserna om deltagarens steg. En deltagare anges bara med roll och organisation, inte med namn.",
    "participant_removed": "Deltagaren {participant} har tagits bort. Deltagarens öppna steg behöver en ny ansvarig.",
    "participant_contact_changed": "Kontaktpersonen för deltagaren {participant} är nu {contact}.",
    "participant_contact": "kontaktperson {contact}",
    "participant_with_contact": "{participant} (kontaktperson {contact})",
    "participants_title": "Deltagare",
    "participants_none": "–",
    "participants_no_names": "Deltagare utan Slack-konto anges med roll och organisation, inte med namn: `/tiimi deltagare lägg till närstående`.",
    "closed_participants_one": "*Deltagare utan Slack-konto:* {count}",
    "closed_participants": "*Deltagare utan Slack-konto:* {count}",
    "home_contact_for": "{participant} (du är kontaktperson)",
    "usage_step_owners": "Användning: `/askel ansvar <nummer> @namn…`, t.ex. `/askel ansvar 3 @Carita` eller `/askel ansvar 3 klient`.",
    "step_owners_changed": "De ansvariga för steg {number} har bytts.",
    "edit_owner_hint": "Ändra byter bara stegets text. Byt ansvarig med `/askel ansvar {number} @namn`.",
}
