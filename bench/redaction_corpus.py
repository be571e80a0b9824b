"""Seeded generator of short first-person survivor stories with planted identifiers and gold spans.

Names are the generator's own lists (the detectors use no person-name lists); places are real
towns, regions and camps written the way storytellers write them. Languages: English, Spanish,
French, Arabic script and transliterated Arabic ("ar-Latn").
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

FIRST = [
    "Samir",
    "Rania",
    "Yusuf",
    "Hala",
    "Tariq",
    "Nour",
    "Bashir",
    "Layla",
    "Karim",
    "Dunya",
    "Farid",
    "Amal",
    "Jawad",
    "Selam",
    "Tesfay",
    "Mebrat",
    "Habib",
    "Zainab",
    "Abdi",
    "Faisal",
    "Mariam",
    "Idris",
    "Senait",
    "Nasrin",
    "Ahmad",
    "Omid",
    "Parisa",
    "Wahid",
    "Shirin",
    "Bilal",
    "Aïsha",
    "José",
    "Inés",
    "Iván",
    "Marisol",
    "Wilmer",
    "Yesenia",
    "Ramón",
    "Dayana",
    "Jhon",
    "Ndeye",
    "Moussa",
    "Aminata",
    "Ousmane",
    "Fatou",
    "Oleksandr",
    "Kateryna",
    "Bohdan",
    "Olena",
    "Rahel",
    "Kidane",
    "Ghulam",
    "Zohra",
    "Liban",
    "Hodan",
    "Ikram",
    "Younes",
    "Thierno",
    "Mamadou",
    "Ángela",
    "Héctor",
    "Grace",
    "Rose",
    "Hope",
]
LAST = [
    "Haddad",
    "Khatib",
    "Darwish",
    "Mansour",
    "Al-Hariri",
    "Tesfamariam",
    "Gebremedhin",
    "Rahimi",
    "Karimi",
    "Noorzai",
    "Popal",
    "Hernández",
    "Castaño",
    "Quispe",
    "Mendoza",
    "Diallo",
    "Traoré",
    "Ndiaye",
    "Kovalenko",
    "Shevchuk",
    "Osman",
    "Warsame",
    "Hassan",
    "Barzani",
    "Sido",
    "Al-Nasser",
    "Zubaidi",
    "Bakr",
    "Abdelrahman",
    "Ould Cheikh",
]
AR_FIRST = [
    "سمير",
    "رانيا",
    "يوسف",
    "هالة",
    "طارق",
    "نور",
    "بشير",
    "ليلى",
    "كريم",
    "دنيا",
    "فريد",
    "أمل",
    "جواد",
    "زينب",
    "فيصل",
    "مريم",
    "إدريس",
    "بلال",
    "عائشة",
    "خالد",
]
AR_LAST = ["حداد", "الخطيب", "درويش", "منصور", "الحريري", "الناصر", "الزبيدي", "عبد الرحمن"]
PLACES = [
    "Homs",
    "Aleppo",
    "Idlib",
    "Daraa",
    "Raqqa",
    "Deir ez-Zor",
    "Mosul",
    "Sinjar",
    "Kirkuk",
    "Kandahar",
    "Herat",
    "Jalalabad",
    "Mazar-i-Sharif",
    "Asmara",
    "Keren",
    "Massawa",
    "Mogadishu",
    "Kismayo",
    "Khartoum",
    "Nyala",
    "El Geneina",
    "Tripoli",
    "Benghazi",
    "Sabha",
    "Agadez",
    "Niamey",
    "Bamako",
    "Gao",
    "Conakry",
    "Tegucigalpa",
    "San Pedro Sula",
    "Choloma",
    "Maracaibo",
    "Cúcuta",
    "Tapachula",
    "Mariupol",
    "Kharkiv",
    "Bakhmut",
    "Izmir",
    "Gaziantep",
    "Mersin",
    "Lesbos",
    "Chios",
    "Lampedusa",
    "Calais",
    "Ventimiglia",
    "Melilla",
    "Darién",
    "Bihać",
    "Subotica",
]
CAMPS = [
    "Zaatari",
    "Azraq",
    "Moria",
    "Kakuma",
    "Dadaab",
    "Kutupalong",
    "Domiz",
    "Shatila",
    "Bidi Bidi",
    "Nyarugusu",
]
VILLAGES = [
    "Kafr Nabl",
    "Tel Tamer",
    "Ain Issa",
    "Deir Hafer",
    "Qala-i-Naw",
    "Adi Keyh",
    "Hagaz",
    "Mendefera",
    "El Fasher",
    "Kutum",
    "Sabaneta",
    "La Ceiba",
    "Tocoa",
]
AR_PLACES = [
    "حمص",
    "حلب",
    "إدلب",
    "درعا",
    "الرقة",
    "دير الزور",
    "الموصل",
    "سنجار",
    "كركوك",
    "دمشق",
    "حماة",
    "اللاذقية",
    "طرطوس",
    "القامشلي",
    "بغداد",
    "البصرة",
    "بنغازي",
]
AR_CAMPS = ["الزعتري", "الأزرق", "شاتيلا", "دوميز"]
ORGS = [
    "Al-Nour School",
    "the 4th Brigade",
    "Hope Bakery Ltd",
    "University of Aleppo",
    "Al-Amal Hospital",
    "Asmara Construction Company",
    "the 17th Division",
    "Escuela Francisco Morazán",
    "Talleres Quispe S.A.",
    "École Jean Moulin",
    "Dnipro Logistics Group",
    "Kandahar Teacher Training College",
]
AR_ORGS = ["مدرسة النور", "مستشفى الأمل", "اللواء الرابع", "جامعة حلب", "شركة الفرات"]
STREETS_EN = ["{n} Baron Street", "{n} Al-Quds Road", "{n} Market Lane", "Flat {n}, 12 King Road"]
STREETS_ES = ["Calle {w} {n}", "Avenida {w} {n}"]
STREETS_FR = ["{n} rue {w}", "{n}, avenue {w}"]
STREETS_AR = ["شارع الحمرا {n}", "شارع بغداد رقم {n}", "حي الوعر"]
DOMAINS = ["gmail.com", "yahoo.fr", "hotmail.com", "outlook.es", "protonmail.com"]
MONTHS = {
    "en": ["January", "March", "April", "June", "August", "October", "December"],
    "es": ["enero", "marzo", "abril", "junio", "agosto", "octubre", "diciembre"],
    "fr": ["janvier", "mars", "avril", "juin", "août", "octobre", "décembre"],
    "ar": ["كانون الثاني", "آذار", "نيسان", "حزيران", "آب", "تشرين الأول", "أيلول"],
}
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@dataclass
class Story:
    """One generated story: text, gold spans (start, end, kind) and its never-appear list."""

    text: str
    language: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    never_appear: list[str] = field(default_factory=list)


def _luhn_complete(rng: random.Random, prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice("0123456789") for _ in range(length - len(prefix) - 1))
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c)
        if i % 2 == 0:
            d *= 2
            d = d - 9 if d > 9 else d
        total += d
    return body + str((10 - total % 10) % 10)


def _iban(rng: random.Random) -> str:
    country, length = rng.choice(
        [("DE", 18), ("FR", 23), ("ES", 20), ("GB", 18), ("TR", 22), ("NL", 14), ("SE", 20)]
    )
    bban = (
        "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4))
        if country in ("GB", "NL")
        else ""
    )
    bban += "".join(rng.choice("0123456789") for _ in range(length - len(bban)))
    num = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    iban = f"{country}{98 - num % 97:02d}{bban}"
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)) if rng.random() < 0.5 else iban


def _phone(rng: random.Random) -> str:
    d = lambda n: "".join(rng.choice("0123456789") for _ in range(n))  # noqa: E731
    return rng.choice(
        [
            f"+963 9{d(2)} {d(3)} {d(3)}",
            f"09{d(2)} {d(3)} {d(3)}",
            f"+964 77{d(1)} {d(3)} {d(4)}",
            f"+34 6{d(2)} {d(3)} {d(3)}",
            f"06 {d(2)} {d(2)} {d(2)} {d(2)}",
            f"+33 7 {d(2)} {d(2)} {d(2)} {d(2)}",
            f"+49 15{d(1)} {d(7)}",
            f"07{d(3)} {d(6)}",
            f"+44 7{d(3)} {d(6)}",
            f"+1 (415) {d(3)}-{d(4)}",
            f"+93 70 {d(3)} {d(4)}",
            f"+291 7 {d(6)}",
            f"+504 9{d(3)}-{d(4)}",
            f"+90 53{d(1)} {d(3)} {d(2)} {d(2)}",
            f"+380 67 {d(3)} {d(2)} {d(2)}",
        ]
    )


class _Builder:
    def __init__(self, language: str) -> None:
        self.parts: list[str] = []
        self.spans: list[tuple[int, int, str]] = []
        self.pos = 0
        self.language = language

    def add(self, s: str, kind: str | None = None) -> None:
        if kind:
            self.spans.append((self.pos, self.pos + len(s), kind))
        self.parts.append(s)
        self.pos += len(s)

    def fill(self, template: str, values: dict[str, tuple[str, str]]) -> None:
        for piece in re.split(r"(\{\w+\})", template):
            if piece.startswith("{") and piece[1:-1] in values:
                text, kind = values[piece[1:-1]]
                self.add(text, kind)
            else:
                self.add(piece)


TEMPLATES: dict[str, list[str]] = {
    "en": [
        "I was born in {origin}, where my father ran a small shop. ",
        "My brother {rel} and I left {origin} on {date}, before the sun came up. ",
        "We walked for nine days until we reached {transit}. ",
        "In the camp at {camp} we shared one tent with another family. ",
        "My wife {rel2} stayed behind in the village of {village} with our children. ",
        "A man called {official} took our phones and said we would never see them again. ",
        "The smuggler told us to call {phone} when we arrived, and to tell nobody. ",
        "{rel} wrote to me from {email} every week, even when the internet was cut. ",
        "Later I found my cousin's page at {url} and cried for an hour. ",
        "I taught mathematics at {org} for eleven years before the soldiers came. ",
        "Officer {official} at the checkpoint near {transit} kept my passport, number {idn}. ",
        "They made me send money from my card {card}, everything we had saved. ",
        "My aunt {rel2} sent what she could to the account {iban}. ",
        "Now I live at {address}, {postcode} {city}, and I volunteer at the library. ",
        "On {date} the police came to our door at dawn. ",
        "If you want to find our group, we post as {handle}. ",
        "My daughter {rel2} still asks about her grandmother in {origin}. ",
        "{rel} was taken at the bridge outside {village}; we never heard from him again. ",
        "The nurse at {camp}, a kind woman named {official}, gave my son medicine. ",
        "We crossed from {transit} to {transit2} in a rubber boat with forty people. ",
        "My registration number at the office was {idn}. ",
        "Someone logged into my account from {ip} the night they arrested my friend {rel2}. ",
        "Sometimes I still dream of the river behind our house. ",
        "The hardest part was not knowing if anyone was alive. ",
        "Today I am studying to become a nurse, and I am not afraid to tell my story. ",
    ],
    "es": [
        "Nací en {origin} y allí crecí con mis abuelos. ",
        "Mi hermano {rel} y yo salimos de {origin} el {date}. ",
        "Caminamos muchos días hasta llegar a {transit}. ",
        "Mi esposa {rel2} se quedó en el pueblo de {village} con los niños. ",
        "Un hombre llamado {official} nos quitó los documentos en la frontera. ",
        "El coyote nos dijo que llamáramos al {phone} cuando llegáramos. ",
        "Mi prima me escribía desde {email} cada semana. ",
        "Trabajaba en {org} hasta que empezaron las amenazas. ",
        "Me obligaron a pagar con mi tarjeta {card}. ",
        "Mi tía {rel2} mandó dinero a la cuenta {iban}. ",
        "Mi número de pasaporte era {idn}, y nunca me lo devolvieron. ",
        "Ahora vivo en {address}, {postcode} {city}. ",
        "En el campamento de {camp} dormíamos en el suelo. ",
        "El {date} la policía llegó a nuestra casa. ",
        "Todavía sueño con el río de mi infancia. ",
        "Mi hijo {rel} todavía pregunta por su abuela en {origin}. ",
    ],
    "fr": [
        "Je suis né à {origin}, où mon père était boulanger. ",
        "Mon frère {rel} et moi avons quitté {origin} le {date}. ",
        "Nous avons marché jusqu'à {transit}. ",
        "Ma femme {rel2} est restée au village de {village} avec les enfants. ",
        "Un homme nommé {official} a pris nos passeports. ",
        "Le passeur nous a dit d'appeler le {phone} en arrivant. ",
        "Ma sœur m'écrivait depuis {email} chaque semaine. ",
        "J'enseignais à {org} avant la guerre. ",
        "Ils m'ont forcé à payer avec ma carte {card}. ",
        "Mon oncle {rel2} a envoyé de l'argent sur le compte {iban}. ",
        "Mon numéro de passeport était {idn}. ",
        "Aujourd'hui j'habite au {address}, {postcode} {city}. ",
        "Au camp de {camp}, nous dormions à dix sous une bâche. ",
        "Le {date}, la police est venue chez nous. ",
        "Je rêve encore du fleuve derrière notre maison. ",
        "Ma fille {rel} demande toujours des nouvelles de sa grand-mère à {origin}. ",
    ],
    "ar": [
        "ولدت في {origin} وعشت فيها طفولتي. ",
        "خرجت أنا وأخي {rel} من {origin} في {date}. ",
        "مشينا أياماً حتى وصلنا إلى {transit}. ",
        "بقيت زوجتي {rel2} في قرية {village} مع الأطفال. ",
        "رجل يدعى {official} أخذ هواتفنا عند الحاجز. ",
        "قال لنا المهرب أن نتصل على الرقم {phone} عند الوصول. ",
        "كان صديقي يكتب لي من {email} كل أسبوع. ",
        "كنت أدرّس في {org} قبل الحرب. ",
        "أجبروني على الدفع بالبطاقة {card}. ",
        "أرسلت خالتي {rel2} المال إلى الحساب {iban}. ",
        "رقم جواز سفري كان {idn}. ",
        "عشنا سنتين في مخيم {camp} في خيمة واحدة. ",
        "في {date} جاءت الشرطة إلى بيتنا. ",
        "ما زلت أحلم بالنهر خلف بيتنا. ",
        "ابنتي {rel} ما زالت تسأل عن جدتها في {origin}. ",
    ],
    "ar-Latn": [
        "Ana men {origin}, w kont 3ayesh ma3 ahli hnak. ",
        "Akhi {rel} w ana tla3na men {origin} bi {date}. ",
        "Mshina ktir la wsolna 3a {transit}. ",
        "Zawjti {rel2} b2yet bi qarya {village} ma3 el wlad. ",
        "Wahad esmo {official} akhad el talefonat. ",
        "El mhareb 2al ettesel 3al {phone} lama nwsal. ",
        "Sahbi kan yekteb li men {email} kel jem3a. ",
        "Kent 3allem bi {org} 2abel el harb. ",
        "3ishna santeen bi mukhayam {camp}. ",
        "Ma zelt ehlam bel naher wara betna. ",
    ],
}
CITIES_NOW = ["Bremen", "Malmö", "Lyon", "Rotterdam", "Valencia", "Leeds", "Graz", "Tampere"]


def _date(rng: random.Random, lang: str) -> str:
    day, year = rng.randint(1, 28), rng.randint(2011, 2023)
    base = "ar" if lang.startswith("ar") else lang
    month = rng.choice(MONTHS[base])
    if lang == "ar":
        s = rng.choice([f"{day} {month} {year}", f"{day}/{rng.randint(1, 12)}/{year}"])
        return s.translate(AR_DIGITS) if rng.random() < 0.5 else s
    if lang == "ar-Latn":
        return f"{day}/{rng.randint(1, 12)}/{year}"
    return rng.choice(
        {
            "en": [
                f"{day} {month} {year}",
                f"{month} {day}, {year}",
                f"{day:02d}/{rng.randint(1, 12):02d}/{year}",
            ],
            "es": [f"{day} de {month} de {year}", f"{day}/{rng.randint(1, 12)}/{year}"],
            "fr": [f"{day} {month} {year}", f"{day:02d}/{rng.randint(1, 12):02d}/{year}"],
        }[lang]
    )


def _values(rng: random.Random, lang: str) -> dict[str, tuple[str, str]]:
    arabic = lang == "ar"
    first = AR_FIRST if arabic else FIRST
    person = lambda: (  # noqa: E731
        rng.choice(first)
        + (" " + rng.choice(AR_LAST if arabic else LAST) if rng.random() < 0.35 else "")
    )
    place = (lambda: rng.choice(AR_PLACES)) if arabic else (lambda: rng.choice(PLACES))
    fn = rng.choice(FIRST)
    ln = rng.choice(LAST)
    user = (fn + rng.choice([".", "_", ""]) + ln).lower().replace(" ", "").replace("'", "")
    user = user.translate(str.maketrans("áéíóúïñë", "aeiouine"))
    n = rng.randint(3, 240)
    street_w = rng.choice(["Libertad", "Morelos", "Victor Hugo", "des Lilas", "Bolívar"])
    address = rng.choice(
        {
            "en": STREETS_EN,
            "es": STREETS_ES,
            "fr": STREETS_FR,
            "ar": STREETS_AR,
            "ar-Latn": STREETS_EN,
        }[lang]
    )
    return {
        "rel": (person(), "person"),
        "rel2": (person(), "person"),
        "official": (person(), "person"),
        "origin": (place(), "place"),
        "transit": (place(), "place"),
        "transit2": (place(), "place"),
        "camp": (rng.choice(AR_CAMPS if arabic else CAMPS), "place"),
        "village": (rng.choice(AR_PLACES if arabic else VILLAGES), "place"),
        "city": (rng.choice(CITIES_NOW), "place"),
        "date": (_date(rng, lang), "date"),
        "phone": (_phone(rng), "phone"),
        "email": (user + "@" + rng.choice(DOMAINS), "email"),
        "url": (
            rng.choice(
                [
                    f"https://www.facebook.com/{user}",
                    f"facebook.com/{user}",
                    f"http://{user}.blogspot.com",
                    f"www.instagram.com/{user}",
                ]
            ),
            "url",
        ),
        "handle": ("@" + user.replace(".", "_"), "handle"),
        "card": (_card(rng), "payment_card"),
        "iban": (_iban(rng), "iban"),
        "idn": (
            rng.choice(["N", "P", "AB", "RA", "T"]) + str(rng.randint(1000000, 99999999)),
            "id_number",
        ),
        "address": (address.format(n=n, w=street_w), "address"),
        "postcode": (str(rng.randint(10000, 99999)), "postcode"),
        "org": (rng.choice(AR_ORGS if arabic else ORGS), "organisation"),
        "ip": (".".join(str(rng.randint(1, 254)) for _ in range(4)), "ip_address"),
    }


def _card(rng: random.Random) -> str:
    raw = _luhn_complete(rng, rng.choice(["4", "51", "55", "37", "6011"]), 16)
    return " ".join(raw[i : i + 4] for i in range(0, 16, 4)) if rng.random() < 0.5 else raw


def _variant(rng: random.Random, name: str) -> str:
    """How a storyteller may write a listed name: upper case, no accents, possessive."""
    import unicodedata

    v = rng.choice(["same", "upper", "plain", "possessive"])
    if v == "upper":
        return name.upper()
    if v == "plain":
        return "".join(
            c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)
        )
    return name


def generate(n: int = 360, seed: int = 20240611) -> list[Story]:
    """n stories, evenly spread over the five language variants, reproducible from the seed."""
    rng = random.Random(seed)
    langs = ["en", "es", "fr", "ar", "ar-Latn"]
    stories = []
    for i in range(n):
        lang = langs[i % len(langs)]
        values = _values(rng, lang)
        pool = TEMPLATES[lang]
        k = min(len(pool), rng.randint(6, 9))
        chosen = sorted(rng.sample(range(len(pool)), k))
        if 1 not in chosen:
            chosen = sorted(set(chosen) | {1})
        b = _Builder(lang)
        secret = values["rel"][0].split()[0]
        written = dict(values)
        written["rel"] = (_variant(rng, values["rel"][0]), "person")
        for j in chosen:
            b.fill(pool[j], written)
            if rng.random() < 0.15:
                b.add("\n\n")
        text = "".join(b.parts).strip()
        spans = [s for s in b.spans if s[1] <= len(text)]
        # Every mention of the never-appear term is also gold for the never-appear check.
        from moderation.redaction.folding import fold

        folded_secret = fold(secret)
        extra = []
        for s, e, kind in spans:
            if kind == "person" and fold(text[s:e]).split()[0] == folded_secret:
                extra.append((s, s + len(text[s:e].split()[0]), "never_appear"))
        stories.append(
            Story(
                text,
                "ar" if lang == "ar" else "en" if lang == "ar-Latn" else lang,
                spans + extra,
                [secret],
            )
        )
    return stories
