"""Member professions (ammattiryhmät) in Finnish, Swedish and English."""

from __future__ import annotations

from bot.text_norm import fold

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
    "youth_worker": ("nuorisotyöntekijä", "ungdomsarbetare", "youth worker"),
    "teacher": ("opettaja", "lärare", "teacher"),
    "kela_expert": ("Kelan asiantuntija", "FPA:s expert", "Kela expert"),
    "employment_expert": (
        "työllisyyspalvelujen asiantuntija",
        "sakkunnig inom sysselsättningstjänster",
        "employment-services expert",
    ),
}

_LANG_INDEX = {"fi": 0, "sv": 1, "en": 2}
_BY_NAME: dict[str, str] = {fold(name): key for key, names in PROFESSIONS.items() for name in names}


def match_profession(text: str) -> str | None:
    """The profession key for a name in any language, or None."""
    return _BY_NAME.get(fold(text))


def profession_label(key: str | None, lang: str) -> str | None:
    if key is None or key not in PROFESSIONS:
        return None
    return PROFESSIONS[key][_LANG_INDEX.get(lang, 0)]


def profession_names(lang: str) -> list[str]:
    return [names[_LANG_INDEX.get(lang, 0)] for names in PROFESSIONS.values()]
