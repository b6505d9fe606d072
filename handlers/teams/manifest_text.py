"""What the Teams app package says about Tiimi, in Finnish (the manifest's own language),
Swedish and English (its localization files).

The short name stays "Tiimi" in every language: it is what people @mention. Command titles are
the commands as typed and stay Finnish; only their descriptions are translated.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_LANGUAGE = "fi"
OTHER_LANGUAGES = ("sv", "en")
SHORT_NAME = "Tiimi"


@dataclass(frozen=True)
class MenuCommand:
    """One entry of the command menu: the text it puts in the compose box, and what it does."""

    title: str
    description: dict[str, str]  # language → description


@dataclass(frozen=True)
class AppText:
    full_name: str
    short_description: str
    full_description: str


APP_TEXT: dict[str, AppText] = {
    "fi": AppText(
        full_name="Tiimi – Minun tiimini -asiakastiimit",
        short_description="Asiakkaan monialaisen tiimin suunnitelma, askeleet ja muistutukset",
        full_description=(
            "Tiimi tukee Minun tiimini -mallia: ammattilainen kokoaa pienen monialaisen tiimin "
            "ja asiakas päättää, ketkä siihen kuuluvat. Jokainen tiimi saa oman "
            "ryhmäkeskustelun neutraalilla koodilla (esim. MT-2026-0042). Tiimi pitää "
            "jäsenet ja vastuuhenkilön tallessa, kokoaa tavoitteet ja pienet askeleet yhteiseksi "
            "suunnitelmaksi, muistuttaa tapaamisista ja määräajoista ja sulkee tiimin, kun työ "
            "on tehty. Keskustelu on työtila, ei asiakasrekisteri: älä kirjoita asiakkaan nimeä "
            "tai henkilötunnusta. Kaikki keskusteluun kirjoitettu näkyy jäsenille ja säilyy, "
            "joten kirjoita askeleet ja tavoitteet lomakkeille."
        ),
    ),
    "sv": AppText(
        full_name="Tiimi – klientteam enligt Mitt team-modellen",
        short_description="Plan, små steg och påminnelser för klientens multiprofessionella team",
        full_description=(
            "Tiimi stöder Mitt team-modellen: en professionell samlar ett litet "
            "multiprofessionellt team, och klienten bestämmer vem som är med. Varje team får en "
            "egen gruppchatt med en neutral kod (t.ex. MT-2026-0042). Tiimi håller reda på "
            "medlemmarna och ansvarspersonen, samlar mål och små steg i en gemensam plan, påminner "
            "om möten och tidsfrister och stänger teamet när arbetet är gjort. Chatten är ett "
            "arbetsutrymme, inte ett klientregister: skriv aldrig klientens namn eller "
            "personbeteckning. Allt som skrivs i chatten syns för medlemmarna och sparas, så "
            "skriv steg och mål i formulären."
        ),
    ),
    "en": AppText(
        full_name="Tiimi – client case teams for the My Team model",
        short_description="Shared plan, small steps and reminders for a client's care team",
        full_description=(
            "Tiimi supports the My Team (Minun tiimini) model: a professional assembles a small "
            "multi-professional team, and the client decides who takes part. Each team gets its "
            "own group chat with a neutral code (e.g. MT-2026-0042). Tiimi keeps the members "
            "and the convenor on record, gathers goals and small steps into a shared plan, "
            "reminds of meetings and due dates and closes the team when the work is done. The "
            "chat is a working space, not the client record: never type the client's name or "
            "personal identity code. Everything typed in the chat is seen by the members and "
            "kept, so write steps and goals in the forms."
        ),
    ),
}

_HELP = MenuCommand(
    "tiimi ohje",
    {
        "fi": "Ohje ja esimerkit tiimin komennoista",
        "sv": "Hjälp och exempel på teamets kommandon",
        "en": "Help and examples of the team commands",
    },
)
_PLAN_HELP = MenuCommand(
    "askel ohje",
    {
        "fi": "Ohje ja esimerkit askelista ja tavoitteista",
        "sv": "Hjälp och exempel på steg och mål",
        "en": "Help and examples of steps and goals",
    },
)

# The case chat's menu: commands typed after @Tiimi in the team's group chat
CASE_CHAT_COMMANDS: tuple[MenuCommand, ...] = (
    MenuCommand(
        "tiimi suunnitelma",
        {
            "fi": "Tiimin suunnitelma: tavoitteet, askeleet ja jäsenet",
            "sv": "Teamets plan: mål, steg och medlemmar",
            "en": "The team's plan: goals, steps and members",
        },
    ),
    MenuCommand(
        "askel",
        {
            "fi": "Uusi askel lomakkeella: mitä, kuka ja mihin mennessä",
            "sv": "Nytt steg i ett formulär: vad, vem och när",
            "en": "A new step in a form: what, who and by when",
        },
    ),
    MenuCommand(
        "askel lista",
        {
            "fi": "Avoimet askeleet: numero, kuka vastaa ja määräaika",
            "sv": "Öppna steg med nummer, ansvariga och tidsfrister",
            "en": "Open steps with their numbers, owners and due dates",
        },
    ),
    MenuCommand(
        "askel kaikki",
        {
            "fi": "Kaikki askeleet, myös tehdyt",
            "sv": "Alla steg, också de gjorda",
            "en": "All steps, finished ones too",
        },
    ),
    MenuCommand(
        "tiimi tapaaminen",
        {
            "fi": "Sovitut tulevat tapaamiset numeroituina",
            "sv": "Bokade kommande möten, numrerade",
            "en": "The meetings booked ahead, numbered",
        },
    ),
    MenuCommand(
        "tiimi jäsenet",
        {
            "fi": "Jäsenet, heidän ammattinsa ja vastuuhenkilö",
            "sv": "Medlemmarna, deras yrken och ansvarspersonen",
            "en": "The members, their professions and the convenor",
        },
    ),
    MenuCommand(
        "tiimi vie",
        {
            "fi": "Suunnitelma tekstinä omaan asiakastietojärjestelmään",
            "sv": "Planen som text för ditt eget klientdatasystem",
            "en": "The plan as text for your own client record system",
        },
    ),
    MenuCommand(
        "tiimi sulje",
        {
            "fi": "Vastuuhenkilö sulkee tiimin ja valitsee syyn",
            "sv": "Ansvarspersonen stänger teamet och väljer orsaken",
            "en": "The convenor closes the team and picks the reason",
        },
    ),
    _HELP,
    _PLAN_HELP,
)

# The personal chat's menu: typed to the bot without a mention
PERSONAL_COMMANDS: tuple[MenuCommand, ...] = (
    MenuCommand(
        "koti",
        {
            "fi": "Omat tiimisi, avoimet askeleesi ja tulevat tapaamiset",
            "sv": "Dina team, dina öppna steg och kommande möten",
            "en": "Your teams, your open steps and meetings ahead",
        },
    ),
    MenuCommand(
        "tiimi uusi",
        {
            "fi": "Avaa uusi tiimi jäsenillä, jotka asiakas on valinnut",
            "sv": "Öppna ett nytt team med de medlemmar klienten har valt",
            "en": "Open a new team with the members the client chose",
        },
    ),
    MenuCommand(
        "tiimi avoimet",
        {
            "fi": "Avoimet tiimit: koordinaattoreille kaikki, muille omat",
            "sv": "Öppna team: alla för koordinatorer, egna för andra",
            "en": "Open teams: all for coordinators, your own for others",
        },
    ),
    MenuCommand(
        "tiimi tilastot",
        {
            "fi": "Koordinaattoreille: nimettömät tilastot viimeiseltä vuodelta",
            "sv": "För koordinatorer: anonym statistik för det senaste året",
            "en": "For coordinators: anonymous statistics of the last year",
        },
    ),
    _HELP,
    _PLAN_HELP,
)
