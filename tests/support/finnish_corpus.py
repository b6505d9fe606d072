"""Ordinary Finnish and Swedish step, goal and meeting-place texts, full of numbers that are
not identity codes: dates, times, phone numbers, postal codes, case references, timestamps,
ISO dates, money amounts, bank references. Deterministic: the same seed, the same texts.

    python -m tests.support.finnish_corpus   # prints the false-positive rate and timings
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

Pick = Callable[[random.Random], str]

WEEKDAYS_FI = ["ma", "ti", "ke", "to", "pe", "maanantaina", "tiistaina", "perjantaina"]
WEEKDAYS_SV = ["må", "ti", "on", "to", "fr", "på måndag", "på fredag"]
ORGS_FI = [
    "Kelaan",
    "TE-toimistoon",
    "sosiaalitoimistoon",
    "terveysasemalle",
    "Työkkäriin",
    "A-klinikalle",
    "kuntoutusohjaajalle",
    "vuokranantajalle",
    "pankkiin",
    "apteekkiin",
]
ORGS_SV = ["FPA", "TE-byrån", "socialbyrån", "hälsostationen", "hyresvärden", "banken"]
PLACES_FI = [
    "kirjasto",
    "Tesoman terveysasema",
    "Hervannan sosiaalitoimisto",
    "nuorisotila Vimma",
    "Kelan toimisto",
    "asiakkaan koti",
    "kahvila Runo",
    "Tammelan tori",
    "Teams",
]
PLACES_SV = ["biblioteket", "hälsostationen", "socialbyrån", "klientens hem", "kaféet vid torget"]
STREETS = [
    "Hämeenkatu",
    "Itsenäisyydenkatu",
    "Satakunnankatu",
    "Aleksis Kiven katu",
    "Sammonkatu",
    "Insinöörinkatu",
    "Tampereentie",
    "Rautatienkatu",
    "Kauppakatu",
    "Sotkankatu",
]
CITIES = [
    ("33100", "Tampere"),
    ("33200", "Tampere"),
    ("33720", "Tampere"),
    ("00100", "Helsinki"),
    ("20100", "Turku"),
    ("37600", "Valkeakoski"),
    ("36200", "Kangasala"),
    ("33470", "Ylöjärvi"),
    ("38700", "Kankaanpää"),
    ("33880", "Lempäälä"),
    ("37100", "Nokia"),
    ("35800", "Mänttä"),
]
BENEFITS_FI = [
    "asumistukea",
    "toimeentulotukea",
    "kuntoutusrahaa",
    "työmarkkinatukea",
    "sairauspäivärahaa",
    "vammaistukea",
    "opintotukea",
]
GOALS_FI = [
    "Oma asunto",
    "Säännöllinen päivärytmi",
    "Työkokeilu",
    "Velkajärjestely",
    "Ajokortti",
    "Opiskelupaikka",
    "Harrastus kerran viikossa",
    "Raittius",
]
GOALS_SV = [
    "Egen bostad",
    "Regelbunden dygnsrytm",
    "Arbetsprövning",
    "Skuldsanering",
    "Studieplats",
]


def pick(values: list[str]) -> Pick:
    return lambda r: r.choice(values)


def date(r: random.Random) -> str:
    day, month = r.randint(1, 28), r.randint(1, 12)
    year = r.choice(["", "2026", "2027", "26"])
    return f"{day}.{month}.{year}" if year else f"{day}.{month}."


def iso_date(r: random.Random) -> str:
    return f"{r.randint(2024, 2027)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"


def time_of_day(r: random.Random) -> str:
    hour, minute = r.randint(7, 20), r.choice([0, 0, 15, 30, 45])
    return r.choice(
        [
            f"{hour}",
            f"{hour}.{minute:02d}",
            f"{hour}:{minute:02d}",
            f"{hour}.{minute:02d}–{hour + 1}.{minute:02d}",
            f"{hour}-{hour + 2}",
        ]
    )


def digits(r: random.Random, count: int) -> str:
    return "".join(str(r.randint(0, 9)) for _ in range(count))


def phone(r: random.Random) -> str:
    if r.random() < 0.25:  # landline or service number
        area = r.choice(["02", "03", "09", "06", "014", "017", "020", "0295"])
        rest = digits(r, 7 if len(area) == 2 else 6)
        return r.choice([f"{area} {rest[:3]} {rest[3:]}", f"{area}-{rest}", f"({area}) {rest}"])
    prefix = r.choice(["040", "041", "044", "045", "046", "050"])
    rest = digits(r, 7)
    return r.choice([
        f"{prefix} {rest[:3]} {rest[3:]}", f"{prefix}{rest}", f"{prefix}-{rest}",
        f"{prefix} {rest}", f"{prefix}-{rest[:3]} {rest[3:]}",
        f"+358 {prefix[1:]} {rest}", f"+358{prefix[1:]}{rest}",
        f"+358 {prefix[1:]} {rest[:3]} {rest[3:]}",
    ])  # fmt: skip


def postal(r: random.Random) -> str:
    code, city = r.choice(CITIES)
    door = r.choice(["", " A", " B 12", " as. 4"])
    return f"{r.choice(STREETS)} {r.randint(1, 60)}{door}, {code} {city}"


def case_reference(r: random.Random) -> str:
    year = r.choice(["2025", "2026"])
    return r.choice([
        f"KELA/{r.randint(100, 99999)}/{year}", f"Dnro {r.randint(1, 9999)}/{year}",
        f"PIRHA/{r.randint(100, 9999)}/05.01.{r.randint(0, 9):02d}/{year}",
        f"D/{r.randint(100, 9999)}/00.00.01/{year}", f"SOTE/{year}/{r.randint(1, 99999):05d}",
        f"asianro {year}-{digits(r, 6)}", f"hakemus {digits(r, 8)}",
        f"päätös {r.randint(1, 999)}/{year}", f"ärende {r.randint(10, 9999)}/{year}",
    ])  # fmt: skip


def timestamp(r: random.Random) -> str:
    year, month, day = r.randint(2024, 2027), r.randint(1, 12), r.randint(1, 28)
    hour, minute, second = r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)
    return r.choice([
        f"{year}{month:02d}{day:02d}-{hour:02d}{minute:02d}",
        f"{year}{month:02d}{day:02d}-{hour:02d}{minute:02d}{second:02d}",
        f"{year}-{month:02d}-{day:02d} {hour:02d}:{minute:02d}",
        f"{year}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}+02:00",
        f"{day:02d}.{month:02d}.{year} {hour:02d}:{minute:02d}:{second:02d}",
        f"{year}{month:02d}{day:02d}T{hour:02d}{minute:02d}{second:02d}Z",
    ])  # fmt: skip


def money(r: random.Random) -> str:
    euros = r.choice(
        [r.randint(5, 99), r.randint(100, 999), r.randint(1000, 9999), r.randint(10_000, 400_000)]
    )
    grouped = f"{euros:,}".replace(",", " ")
    return r.choice(
        [
            f"{grouped} €",
            f"{euros},{r.randint(0, 99):02d} €",
            f"{grouped} euroa",
            f"{euros} e/kk",
            f"{grouped}–{f'{euros + 10_000:,}'.replace(',', ' ')} €",
        ]
    )


def bank_reference(r: random.Random) -> str:
    number = digits(r, r.randint(4, 19)).lstrip("0") or "1"
    groups = " ".join(reversed([number[max(0, i - 5) : i] for i in range(len(number), 0, -5)]))
    return r.choice([f"viite {groups}", f"viitenumero {number}", f"RF{digits(r, 2)} {groups}"])


FIELDS: dict[str, Pick] = {
    "date": date, "iso": iso_date, "time": time_of_day, "phone": phone, "address": postal,
    "case": case_reference, "stamp": timestamp, "money": money, "ref": bank_reference,
    "wd": pick(WEEKDAYS_FI), "wd_sv": pick(WEEKDAYS_SV), "org": pick(ORGS_FI),
    "org_sv": pick(ORGS_SV), "place": pick(PLACES_FI), "place_sv": pick(PLACES_SV),
    "benefit": pick(BENEFITS_FI), "goal": pick(GOALS_FI), "goal_sv": pick(GOALS_SV),
    "week": lambda r: str(r.randint(1, 53)), "n": lambda r: str(r.randint(1, 12)),
}  # fmt: skip

STEPS_FI = [
    "Soita {org} numeroon {phone} ja varaa aika {wd} {date} klo {time}.",
    "Hae {benefit} {date} mennessä, asia {case}.",
    "Asiakas käy {org} {wd} {date} klo {time}; mukaan päätös {case}.",
    "Tarkista päätös {case} (päivätty {iso}) ja soita {phone}.",
    "Maksa vuokra {money} viimeistään {date}, {ref}.",
    "Lähetä liite tiedostona skannaus_{stamp}.pdf sosiaalityöntekijälle.",
    "Kirjaa käynti omaan järjestelmään, aikaleima {stamp}.",
    "Sovi {n} käyntiä viikolle {week}, puh. {phone}.",
    "Varaa aika hammaslääkärille, {address}, {wd} {date} klo {time}.",
    "Hae ruoka-apua {place}sta {wd} klo {time}, tuki enintään {money}.",
    "Kysy velkaneuvonnasta ({phone}) maksusuunnitelma: velkaa {money}.",
    "Vie kuitit ({money} ja {money}) {org} {date}.",
    "Päivitä hakemus {case}, viimeksi muokattu {stamp}.",
    "Täytä työkyvyn arvio ja palauta {iso} mennessä.",
    "Soita vuokranantajalle {phone} ennen {wd} {date}.",
]
GOALS_FI_T = [
    "{goal} {date} mennessä",
    "{goal} viikolla {week}, budjetti {money}",
    "{goal}: tilanne arvioidaan {iso}",
    "{goal} vko {week} alkaen, yhteyshenkilö {phone}",
]
PLACES_FI_T = [
    "{place}, {address}",
    "{place}, {wd} {date} klo {time}, {address}",
    "Tapaaminen: {place} ({address}), puh. {phone}",
    "{address}, ovikoodi {n}{n}{n}, klo {time}",
]
STEPS_SV = [
    "Ring {org_sv} på {phone} och boka tid {wd_sv} {date} kl. {time}.",
    "Ansök om bostadsbidrag senast {date}, ärende {case}.",
    "Betala hyran {money} senast {date}, {ref}.",
    "Skicka bilagan skanning_{stamp}.pdf till socialarbetaren.",
    "Kontrollera beslutet {case} daterat {iso} och ring {phone}.",
    "Möte vecka {week}, tel. {phone}.",
]
GOALS_SV_T = ["{goal_sv} före {date}", "{goal_sv} vecka {week}, budget {money}"]
PLACES_SV_T = ["{place_sv}, {address}", "{place_sv}, {wd_sv} {date} kl. {time}, {address}"]

TEMPLATES = [
    *STEPS_FI,
    *GOALS_FI_T,
    *PLACES_FI_T,
    *STEPS_SV,
    *GOALS_SV_T,
    *PLACES_SV_T,
]


def fill(template: str, r: random.Random) -> str:
    text = template
    while "{" in text:
        start = text.index("{")
        end = text.index("}", start)
        text = text[:start] + FIELDS[text[start + 1 : end]](r) + text[end + 1 :]
    return text


def ordinary_texts(count: int = 2400, seed: int = 16) -> list[str]:
    """``count`` distinct texts, cycling through every template with fresh values."""
    r = random.Random(seed)
    texts: dict[str, None] = {}  # distinct, in order
    index = 0
    while len(texts) < count:
        texts[fill(TEMPLATES[index % len(TEMPLATES)], r)] = None
        index += 1
    return list(texts)


def main() -> None:
    from bot.privacy import check_text, contains_identity_code

    texts = ordinary_texts()
    refused = [t for t in texts if contains_identity_code(t)]
    print(f"corpus: {len(texts)} texts, {len(set(texts))} distinct, {len(refused)} refused")
    for text in refused:
        print("  refused:", text)
    step = "Soita Kelaan numeroon 040 123 4567 ja varaa aika pe 11.12.2026 klo 14.30; asia "
    samples = {
        "200 characters": (step * 3)[:200],
        "3,000 characters": (step * 40)[:3000],
        "200 characters, markup": ("<@U0123ABCD> " + step * 3)[:200],
        "3,000 characters, non-ASCII": ("Äiti –  " + step * 40)[:3000],
    }
    for name, text in samples.items():
        rounds = 2000 if len(text) < 1000 else 200
        started = time.perf_counter()
        for _ in range(rounds):
            check_text(text)
        print(f"check_text, {name}: {(time.perf_counter() - started) / rounds * 1e6:.0f} µs")


if __name__ == "__main__":
    main()
