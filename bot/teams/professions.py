"""Member professions (ammattiryhmät) in Finnish, Swedish and English; the model's list
(shared/seeds, 003) and the roles it names. A member may instead have a free-text profession
(`muu: …`, key OTHER) and an organisation or unit."""

from __future__ import annotations

from bot.text_norm import fold
from storage.models import Member

OTHER = "other"  # the profession is the member's free text
CLIENT = "client"  # every team's first participant (P1)
OTHER_MAX = 60
ORGANISATION_MAX = 100

# key: (Finnish, Swedish, English)
PROFESSIONS: dict[str, tuple[str, str, str]] = {
    "client": ("asiakas", "klient", "client"),
    "close_person": ("läheinen", "närstående", "close person"),
    "family_carer": ("omaishoitaja", "närståendevårdare", "family carer"),
    "support_person": ("tukihenkilö", "stödperson", "support person"),
    "peer_supporter": ("vertaistukija", "kamratstödjare", "peer supporter"),
    "ngo_worker": ("järjestötyöntekijä", "organisationsanställd", "NGO worker"),
    "doctor": ("lääkäri", "läkare", "doctor"),
    "dentist": ("hammaslääkäri", "tandläkare", "dentist"),
    "dental_hygienist": ("suuhygienisti", "munhygienist", "dental hygienist"),
    "psychologist": ("psykologi", "psykolog", "psychologist"),
    "dental_nurse": ("hammashoitaja", "tandskötare", "dental nurse"),
    "nurse": ("sairaanhoitaja", "sjukskötare", "nurse"),
    "public_health_nurse": ("terveydenhoitaja", "hälsovårdare", "public-health nurse"),
    "practical_nurse": ("lähihoitaja", "närvårdare", "practical nurse"),
    "psychiatric_nurse": (
        "psykiatrinen sairaanhoitaja",
        "psykiatrisk sjukskötare",
        "psychiatric nurse",
    ),
    "substance_abuse_worker": ("päihdetyöntekijä", "missbruksarbetare", "substance-abuse worker"),
    "social_worker": ("sosiaalityöntekijä", "socialarbetare", "social worker"),
    "social_counsellor": ("sosiaaliohjaaja", "socialhandledare", "social counsellor"),
    "client_counsellor": ("asiakasohjaaja", "klienthandledare", "client counsellor"),
    "service_counsellor": ("palveluohjaaja", "servicehandledare", "service counsellor"),
    "rehabilitation_counsellor": (
        "kuntoutusohjaaja",
        "rehabiliteringshandledare",
        "rehabilitation counsellor",
    ),
    "physiotherapist": ("fysioterapeutti", "fysioterapeut", "physiotherapist"),
    "occupational_therapist": ("toimintaterapeutti", "ergoterapeut", "occupational therapist"),
    "speech_therapist": ("puheterapeutti", "talterapeut", "speech therapist"),
    "dietitian": ("ravitsemusterapeutti", "näringsterapeut", "dietitian"),
    "exercise_adviser": ("liikuntaneuvoja", "motionsrådgivare", "exercise adviser"),
    "culture_instructor": ("kulttuuriohjaaja", "kulturhandledare", "culture instructor"),
    "youth_worker": ("nuorisotyöntekijä", "ungdomsarbetare", "youth worker"),
    "teacher": ("opettaja", "lärare", "teacher"),
    "early_childhood_staff": (
        "varhaiskasvatuksen henkilöstö",
        "personal inom småbarnspedagogik",
        "early-childhood education staff",
    ),
    "kela_expert": ("Kelan asiantuntija", "FPA:s expert", "Kela expert"),
    "employment_expert": (
        "työllisyyspalvelujen asiantuntija",
        "sakkunnig inom sysselsättningstjänster",
        "employment-services expert",
    ),
    "personal_coach": ("omavalmentaja", "personlig coach", "personal coach"),
    "work_ability_coordinator": (
        "työkykykoordinaattori",
        "arbetsförmågekoordinator",
        "work-ability coordinator",
    ),
    "other_professional": (
        "muun organisaation ammattilainen",
        "yrkesperson från en annan organisation",
        "professional of another organisation",
    ),
}
OTHER_NAMES = ("muu", "annan", "other")
# the client and the roles of people who are not a service (a team cannot move to them)
NOT_SERVICES = frozenset(
    {CLIENT, "close_person", "family_carer", "support_person", "peer_supporter"}
)
SERVICES = tuple(key for key in PROFESSIONS if key not in NOT_SERVICES)

_LANG_INDEX = {"fi": 0, "sv": 1, "en": 2}
_ALIASES = {
    "henkilökohtainen valmentaja": "personal_coach",  # the seed says omavalmentaja
    "järjestötoimija": "ngo_worker",  # the seed's word for the NGO workers
    "organisationsaktör": "ngo_worker",
    "NGO actor": "ngo_worker",
    "ammattilainen": "other_professional",
    "yrkesperson": "other_professional",
    "professional": "other_professional",
}
_BY_NAME: dict[str, str] = {
    **{fold(name): key for key, names in PROFESSIONS.items() for name in names},
    **{fold(name): key for name, key in _ALIASES.items()},
}

NAME_WORDS = max(len(name.split()) for name in _BY_NAME)  # the most words in a name


def match_profession(text: str) -> str | None:
    """The profession key for a name in any language, or None."""
    return _BY_NAME.get(fold(text))


def profession_label(key: str | None, lang: str) -> str | None:
    if key == OTHER:
        return OTHER_NAMES[_LANG_INDEX.get(lang, 0)]
    if key is None or key not in PROFESSIONS:
        return None
    return PROFESSIONS[key][_LANG_INDEX.get(lang, 0)]


def member_role(member: Member, lang: str, *, unknown: str) -> str:
    """`sosiaaliohjaaja, Tampereen kaupunki`: the profession (its free text for OTHER, else
    ``unknown``) and the organisation or unit, if any."""
    label = member.profession_other if member.profession == OTHER else None
    label = label or profession_label(member.profession, lang) or unknown
    return f"{label}, {member.organisation}" if member.organisation else label


def profession_names(lang: str) -> list[str]:
    return [names[_LANG_INDEX.get(lang, 0)] for names in PROFESSIONS.values()]
