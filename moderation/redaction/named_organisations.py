# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""Organisations named by a type word without a company suffix, in Latin script and any case:
"Abu Rami bakery", "St. Mary's church", "al-amal school", "la panadería San José", "l'école
Saint-Joseph", "la estación migratoria Siglo XXI". A town after "de" ends the name ("la
parroquia San Juan de Ixtepec": Ixtepec is the place the parish is in).
"""

from __future__ import annotations

import re

from .folding import fold
from .gazetteer import load_gazetteer
from .language import zipf
from .model import Suggestion, suggestion
from .name_word_lists import FUNCTION_WORDS, HYPHEN_PARTICLE
from .place_words import PLACE_WORD_SET
from .regex_util import CaselessPattern, trie_regex
from .scan import lower_same_length, written_in_lower_case


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


_ORG_AFTER = (
    "school|clinic|bakery|mosque|church|hospital|charity|relief|foundation|centre|center|"
    "pharmacy|association|orphanage|madrasa|shelter|kindergarten|cathedral|chapel|"
    "cafe|café|restaurant|salon|workshop|library|cooperative|co-op|university|institute|"
    "academy|hotel|nursery|hostel|ngo|collective|embassy|consulate"
)
_ORG_BEFORE = (
    "panadería|escuela|colegio|clínica|iglesia|parroquia|fundación|asociación|hospital|centro|"
    "albergue|comedor|mezquita|école|clinique|boulangerie|association|paroisse|église|mosquée|"
    "fondation|hôpital|centre|lycée|collège|dispensaire|ong|dibistana|klînîka|nexweşxaneya|"
    "komeleya|mizgefta|dêra|navenda|refugio|hogar|farmacia|universidad|instituto|cooperativa|"
    "maquila|fábrica|restaurante|foyer|pharmacie|orphelinat|université|institut|coopérative|"
    "usine|restaurant|taller|cafetería|guardería|academia|biblioteca|orfanato|colectivo|"
    "épicerie|crèche|bibliothèque|collectif|hôtel|pulpería|tienda|estación migratoria|"
    "centro escolar|casa hogar|embajada|consulado|fiscalía|ambassade|consulat|radio|"
    "cantina|barbería|maquiladora|defensoría|procuraduría|personería|organización|"
    "corporación|federación|sindicato|comisión|ministerio|ministère|comité|réseau|"
    # shops and workshops where survivors worked
    "ferretería|tortillería|carnicería|zapatería|lavandería|librería|papelería|peluquería|"
    "taquería|abarrotería|joyería|sastrería|mueblería|carpintería|herrería|salón de belleza|"
    "boucherie|quincaillerie|salon de coiffure|atelier|"
    # reception centres and public offices of case notes
    "pastelería|repostería|casa de acogida|centro de acogida|centre d'accueil|dirección|"
    "secretaría|jardín infantil|"
    # shelters on the migrants' route: "la casa de paso divina providencia", "la casa del
    # migrante san juan diego", "la casa refugio siempre viva"
    "casa de paso|casa del migrante|casa refugio|casa de refugio|"
    # employers and groups survivors name: "la empresa Minera del Norte", "la tabacalera
    # plasencia", "la factoria sunshine packing", "la clica san cocos" (a gang's local clique,
    # by its own name; the gangs themselves are left unnamed)
    "empresa|compañía|factoría|tabacalera|empacadora|camaronera|aserradero|ingenio|"
    "constructora|bananera|salinera|agrícola|hotel|motel|clica|clika|"
    # more workplaces, schools and clinics of the stories: "la pescadería El Marlín", "el spa
    # Bella Luna", "la primaria Josefa Ortiz de Domínguez", "el centro de salud Profamilia"
    "pescadería|finca|granja|pollera|avícola|spa|primaria|secundaria|preparatoria|"
    "jardín de niños|centro de salud|puesto de salud|centre de santé|maison de santé|"
    "misión"
)
# Words that join the words of a name ("Asociación de Cabildos Indígenas del Norte", "Fundación
# para la Defensa de los Derechos Humanos"); they end a name unless a name word follows.
_CONNECTORS = frozenset(("de", "del", "du", "des", "la", "los", "las", "les", "para", "pour"))
_WORD = re.compile(r"[\w'’.-]+")
# The type words as prefix trees (regex_util.trie_regex): each is followed by a space or a word
# end, so the matches are those of the plain alternation. After the type word, perhaps an
# article: "la panadería la Espiga", "l'église la Réconciliation".


def _also_unaccented(words: str) -> list[str]:
    """The type words, and each written without its accents as on a phone ("panaderia")."""
    listed = words.split("|")
    return sorted({*listed, *(fold(w) for w in listed)})


_ORG_WORD_BEFORE = CaselessPattern(
    r"(?<![\w-])"
    + trie_regex(_also_unaccented(_ORG_BEFORE))
    + r"[ \t]+(?P<article>(?:la|el|le|los|las|les)[ \t]+|l['’])?"
)
# Every type word, as written and without accents (organisation_kinds: "a company called X").
ORGANISATION_TYPE_WORDS = frozenset((*_ORG_AFTER.split("|"), *_also_unaccented(_ORG_BEFORE)))
_ORG_AFTER_SOURCE = r"[ \t]+" + trie_regex(_ORG_AFTER.split("|")) + r"\b"
ORG_WORD_AFTER = re.compile(_ORG_AFTER_SOURCE, re.IGNORECASE)
_ORG_WORD_AFTER = CaselessPattern(_ORG_AFTER_SOURCE)  # for the scan of a whole text


def _name_word(word: str, lower_text: bool) -> bool:
    """A word that can be part of an organisation's or a place's name."""
    w = word.lower().strip(".")
    if w in FUNCTION_WORDS or not w:
        return False
    if lower_text:
        return True
    return (
        word[0].isupper()
        or re.match(HYPHEN_PARTICLE, w) is not None
        or w in ("ibn", "bin", "abu", "bint")
    )


def find_named_organisations(text: str, lang: str) -> list[Suggestion]:
    """Organisations named by a type word: "X bakery" (English), "panadería X", "école X"."""
    lower_text = written_in_lower_case(text)
    out = []
    for m in _ORG_WORD_AFTER.finditer(text):
        words = list(_WORD.finditer(text, max(0, m.start() - 60), m.start()))
        start = None
        for w in reversed(words[-4:]):
            if not _name_word(w.group(), lower_text) or text[w.end() : m.start()].count("\n"):
                break
            start = w.start()
        if start is not None:
            conf = 0.7 if lower_text else 0.82
            out.append(
                suggestion(
                    start, m.end(), "organisation", conf, "name_parts", text[start : m.end()]
                )
            )
    for m in _ORG_WORD_BEFORE.finditer(text):
        end = None
        pos = m.end()
        for w in _WORD.finditer(text, pos, min(len(text), pos + 60)):
            gap = text[pos : w.start()]
            if gap.strip():
                break
            word = w.group().rstrip(".,")
            if word.lower() in _CONNECTORS and (end is not None or not m.group("article")):
                if word.lower() in _TOWN_BEFORE and _town_at(text, w.end(), lang):
                    if end is None and text[m.start()].isupper():
                        end = _type_word_end(text, m)  # "Centro de Salud de Tepic"
                    break  # "la parroquia San Juan de Ixtepec": the town is a place
                pos = w.end()
                continue
            if not _name_word(word, lower_text) or (end is not None and _place_word(word)):
                break  # "la clica X de la colonia Y": the colonia is where it is
            if end is not None and word.lower() in _PERSON_TITLES:
                break  # "la finca de cafe de don chepe" ("la tortillería Doña Chonita" is one)
            if (
                end is None
                and lower_text
                and m.group("article")
                and not word.isdigit()  # "el albergue la 72"
                and zipf(word.lower(), lang) >= 4.5
            ):
                break  # "la escuela la semana pasada"
            end = w.start() + len(word)
            pos = w.end()
            if len(word) != len(w.group()):
                break
        if end is not None:
            conf = 0.7 if lower_text else 0.82
            out.append(
                suggestion(
                    m.start(), end, "organisation", conf, "name_parts", text[m.start() : end]
                )
            )
    return out


def _type_word_end(text: str, m: re.Match[str]) -> int:
    """Where the type word of an _ORG_WORD_BEFORE match ends (before its article)."""
    end = m.start("article") if m.start("article") >= 0 else m.end()
    return m.start() + len(text[m.start() : end].rstrip())


_TOWN_BEFORE = frozenset(("de", "del", "du"))
_PERSON_TITLES = frozenset(
    ("don", "doña", "dona", "señor", "señora", "senor", "senora", "sr", "sra")
)


def _place_word(word: str) -> bool:
    """Whether a word inside an organisation's name is a place word that starts where the
    organisation is ("colonia", "barrio"), which ends the name."""
    return word.lower() in PLACE_WORD_SET


# "Médicos Sin Fronteras", "ayuda sin fronteras", "Avocats sans frontières", "Reporters
# Without Borders", "Sin Fronteras": the shape of an organisation's name, whatever word leads it.
_WITHOUT_BORDERS = re.compile(
    r"(?i)(?:(?<![\w'’-])[^\W\d_][\w'’-]*[ \t]+)?"
    r"(?<![\w'’-])(?:sin[ \t]+fronteras|sans[ \t]+fronti[eè]res|without[ \t]+borders)\b"
)
_BORDER_WORDS = ("fronteras", "frontières", "frontieres", "borders")


def find_without_borders(text: str) -> list[Suggestion]:
    """Organisations named "X sin fronteras" / "sans frontières" / "without borders"; below
    the leak guard's threshold in a text written in lower case."""
    lower = lower_same_length(text)
    if not any(word in lower for word in _BORDER_WORDS):
        return []
    conf = 0.75 if written_in_lower_case(text) else 0.85
    out = []
    for m in _WITHOUT_BORDERS.finditer(text):
        start = m.start()
        first = _WORD.match(text, start)
        if first is not None and first.group().lower() in FUNCTION_WORDS:
            start = text.index(" ", start) + 1  # "la Sin Fronteras", "de Sin Fronteras"
            start += len(text[start:]) - len(text[start:].lstrip(" \t"))
        out.append(
            suggestion(start, m.end(), "organisation", conf, "name_parts", text[start : m.end()])
        )
    return out


_PLACE_WORD = re.compile(r"[ \t]+([^\W\d_][\w'’-]*)")
_TOWN = 1_000  # inhabitants: a known place from here up ends an organisation's name
_CITY = 50_000  # and from here up even if its name is also a frequent word ("de Calais"),
_COUNTRY = 10_000_000  # but not a country's (the gazetteer's mark): "el Consulado de Honduras"


def _town_at(text: str, pos: int, lang: str) -> bool:
    """Whether a known place of one to three words (not a common word alone, unless a city)
    starts after the space at pos."""
    places = load_gazetteer().latin
    words: list[str] = []
    while len(words) < 3 and (m := _PLACE_WORD.match(text, pos)) is not None:
        words.append(m.group(1))
        pos = m.end()
    for n in range(len(words), 0, -1):
        population = places.get(fold(" ".join(words[:n])), 0)
        if population >= _TOWN and (
            n > 1 or zipf(words[0].lower(), lang) < 4.0 or _CITY <= population < _COUNTRY
        ):
            return True
    return False


# An acronym in capitals after an article or a preposition ("me denunció al CDR", "arrêté par
# l'ANS", "mi caso en la COMAR", "registered with the UNHCR") names an organisation, in a text
# not written in lower case; not the acronyms of armed groups and gangs (left unnamed like their
# names), of documents, illnesses and countries, or Roman numerals.
# Led by the class of capitals (the engine scans for it), the look-behind after the first.
_ACRONYM = re.compile(r"[A-Z](?<![\w-].)[A-Z]{2,7}(?![\w'’-])")
# What comes right before the acronym: an article or a preposition (group "word"), or an
# elided article ("l'ANS", "d'ACNUR").
_BEFORE_ACRONYM = re.compile(
    r"(?:(?<![\w'’-])(?P<word>(?i:la|el|al|del|los|las|le|les|au|aux|du|des|the|at|to|with|"
    r"from|of|by|por|en|de|par|à|chez|con|para|for|contra|against|contre))[ \t]+"
    r"|(?<![\w'’-])[ld]['’])$"
)
_NOT_ORGANISATIONS = frozenset(
    _split(
        # armed groups and gangs
        "ISIS ELN FARC EPL ADF FDLR LRA RSF CJNG AUC AUGC SPLA PKK YPG HTS FSA M23 "
        # documents, numbers and statuses
        "DNI DUI CURP NIE NIF RFC RUT SSN ITIN PIN SIM TPS DACA PEP PPT PDF GPS USB SOS "
        "CÉDULA CEDULA RUV RUC CIN NIN NIU "
        # illnesses
        "VIH HIV SIDA AIDS COVID "
        # countries and cities
        "USA EEUU RDC RCA CDMX UAE EAU DRC KSA "
        # generic words for organisations
        "ONG NGO "
        # Roman numerals
        "III VII VIII XII XIII XIV XVI XVII XVIII XIX XXI XXII XXIII "
        # roles, machines and the words of military addresses
        "CEO CFO CTO ATM PSC USNS USS APO FPO DPO"
    )
)
_ACRONYM_CONFIDENCE = 0.8
_DIGIT_NEAR = re.compile(r"\d")
_TRAVEL_BEFORE = re.compile(
    r"(?i)\b(?:flew|fly|flying|went|travelled|traveled|moved|drove|returned|back|fled|"
    r"arrived|came)[ \t]+(?:to|from|in)[ \t]+$"
)
_CAPITALS_NEXT = re.compile(r"[ \t]+[A-Z]{2,}\b")
# An English word at least this frequent written in capitals is a word, not an acronym ("PORT"
# 4.7; "NATO" 4.0, "FBI" 4.4, "BBC" 4.6 are acronyms that English writes often; ICE is both).
_SHOUTED_WORD_ZIPF = 4.65


def find_acronym_organisations(text: str) -> list[Suggestion]:
    """Acronyms in capitals after an article or a preposition, as organisations; below the
    guard (a capitalised-run detector takes them for people), in any text ("me atendio la
    COMAR")."""
    out = []
    for m in _ACRONYM.finditer(text):
        start, end = m.span()
        before = _BEFORE_ACRONYM.search(text, max(0, start - 9), start)
        if before is None:
            continue
        group = "acronym" if before.start("word") >= 0 else "elided"
        if group == "acronym" and before.group("word").isupper():
            continue  # "THE UNHCR": shouted text, not an article before an acronym
        acronym = m.group()
        if _TRAVEL_BEFORE.search(text, max(0, start - 20), start) or _CAPITALS_NEXT.match(
            text, end
        ):
            continue  # a town in capitals ("flew to LEPPEN", "University of BASHALL TOWN")
        if acronym in _NOT_ORGANISATIONS or _DIGIT_NEAR.search(
            text, max(0, start - 3), min(len(text), end + 3)
        ):
            continue  # an address line ("PSC 3456, Box 789", "02150 ESPOO")
        low = acronym.lower()
        if (len(low) > 3 and load_gazetteer().latin.get(low, 0) >= _TOWN) or (
            group == "acronym" and low != "ice" and zipf(low, "en") >= _SHOUTED_WORD_ZIPF
        ):
            continue  # a town or a frequent word in capitals ("ESPOO", "PORT"; three letters
            # are an acronym first: "ANR" is also another name of some town)
        out.append(
            suggestion(
                start, end, "organisation", _ACRONYM_CONFIDENCE, "name_parts", text[start:end]
            )
        )
    return out
