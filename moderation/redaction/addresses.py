# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""Detectors for street addresses (many national styles) and postcodes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .language import name_likeness
from .model import Suggestion

_W = r"[^\W\d_][\w'’.-]*"  # a word
_CW = r"[A-ZÀ-ÖØ-ÞĀ-ŽΑ-ΩΆ-ΏА-Я][\w'’.-]*"  # a capitalised word
_STREET_SUFFIX = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Av|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Court|Ct|Place|Pl"
    r"|Square|Sq|Crescent|Cres|Terrace|Close|Turnpike|Highway|Hwy|Parkway|Pkwy|Circle|Cir|Trail"
    r"|Row|Alley|Walk|Gardens|Grove|Hill|Str|Mews|Path|Pike|Plaza|Loop|Route|Rte)"
)
_STREET_PREFIX = (
    r"(?:Rue|rue|Avenue|avenue|Av\.|Avenida|avenida|Avda\.?|Calle|calle|C/|Carrer|Via|via|Viale"
    r"|Piazza|Plaza|plaza|Paseo|Rua|rua|Praça|Boulevard|boulevard|Bd|Chemin|chemin|Place|place"
    r"|Allée|allée|Impasse|impasse|Quai|quai|Cours|ul\.|ulica|Str\.|Straße|Strasse|Sharia|Shari'"
    r"|Rruga|Odos|Carretera|carretera|Camino|camino|Travesía|Route|route)"
)
_COMPOUND = (
    r"(?:straße|strasse|str\.|gasse|weg|laan|straat|gatan|vägen|gata|gränd|katu|kuja|tie|vej"
    r"|gade|veien|utca|út|tér|plein|markt|ring|allee|platz)"
)
_STREET_WORD = (
    r"(?:u\.|utca|út|útja|tér|gate|gata|vej|gade|kapu|sokak|sokağı|caddesi|cad\.|ulica|ul\.|"
    r"street|st\.|road|avenue|lane|drive)"
)
_UNIT = (
    r"(?:Apt|Apartment|Suite|Ste|Unit|Flat|Room|Box|P\.?\s?O\.?\s?Box|PSC|Piso|Bloque|Bâtiment"
    r"|Appartement|Appt|Bldg|Building|Floor|Dpto|Depto|Puerta|Escalera)"
)
_PATTERNS: list[tuple[re.Pattern[str], float]] = [
    (
        re.compile(
            r"(?<![\w-])(?:\d{1,6}\s+)?\d{1,6}[A-Za-z]?,?\s+(?:"
            + _W
            + r"\s+){0,4}"
            + _STREET_SUFFIX
            + r"\b\.?"
        ),
        0.85,
    ),
    (
        re.compile(
            r"(?<![\w-])(?:\d{1,5}[a-z]?,?\s+){0,2}"
            + _STREET_PREFIX
            + r"\s+(?:"
            + _W
            + r"[ \t]+){0,5}?(?:"
            + _W
            + r")(?:[ \t,]+(?:n[º°o]\.?\s*)?\d{1,5}[a-zA-Z]?\b)?"
        ),
        0.8,
    ),
    (
        re.compile(
            r"(?<![\w-])(?:\d{1,6}\s+){0,2}"
            + _CW
            + r"(?:\s+"
            + _W
            + r"){0,2}?\s+"
            + _STREET_WORD
            + r"(?:\s+\d{1,5}[a-zA-Z]?\b\.?)?"
        ),
        0.8,
    ),
    (
        re.compile(
            r"(?<![\w-])(?:\d{1,6}\s+)?" + _CW + _COMPOUND + r"\b\.?(?:\s+\d{1,5}[a-zA-Z]?\b)?",
            re.IGNORECASE,
        ),
        0.8,
    ),
    (
        re.compile(
            r"(?i)(?<![\w-])" + _UNIT + r"\.?\s*(?:no\.?\s*)?#?\s*\d{1,6}[A-Za-z]?\b"
            r"(?:,?\s+Box\s+\d{1,6})?"
        ),
        0.8,
    ),
    (
        re.compile(r"(?i)\bthe corner of\s+[^,.;\n]{2,60}?\s+and\s+[^,.;\n]{2,60}?(?=[,.;\n]|$)"),
        0.85,
    ),
    (
        re.compile(
            r"(?:شارع|حي|حارة|زقاق|بناية|عمارة)\s+[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+)?"
            r"(?:\s*(?:رقم)?\s*\d{1,5})?"
        ),
        0.8,
    ),
]
# "Koskikatu 25" / "7878 Rahu 37": a rare capitalised word followed by a house number.
_NAME_NUMBER = re.compile(
    r"(?<![\w-])(?:\d{1,6}\s+){0,2}("
    + _CW
    + r"(?:\s+"
    + _CW
    + r"){0,2})\s+\d{1,4}[a-zA-Z]?(?![\w:/.,-]\d)"
)
_NOT_STREET = re.compile(
    r"(?i)^(?:chapter|page|room|level|grade|class|year|age|aged|day|week|month|hour|minute|"
    r"verse|part|section|article|article|number|no|step|vol|volume|box|gate|block|tent|"
    r"bus|train|flight|platform|the|a|an|in|on|at|of|for|and|but|to|my|our|his|her|their|"
    r"january|february|march|april|may|june|july|august|september|october|november|december)$"
)


def find_addresses(text: str, lang: str = "en") -> Iterator[Suggestion]:
    """Street addresses: number + street + suffix, prefix-style streets, units, 'the corner of'."""
    for pattern, conf in _PATTERNS:
        for m in pattern.finditer(text):
            s = m.group().rstrip(" ,")
            yield Suggestion(m.start(), m.start() + len(s), "address", conf, "address", s)
    for m in _NAME_NUMBER.finditer(text):
        words = m.group(1).split()
        if any(_NOT_STREET.match(w) for w in words):
            continue
        if min(name_likeness(w.strip(".'’"), lang) for w in words) < 0.5:
            continue
        yield Suggestion(m.start(), m.end(), "address", 0.55, "address", m.group())


_POSTCODE_STRONG: list[tuple[re.Pattern[str], float]] = [
    (re.compile(r"\b(?:GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b"), 0.85),  # UK
    (re.compile(r"\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b"), 0.85),  # CA
]
_POSTCODE_SHAPE = re.compile(
    r"(?<![\w.,:/-])(?:\d{5}-\d{3,4}|\d{4}-\d{3}|\d{2}-\d{3}|\d{3} \d{2}|\d{4} ?[A-Z]{2}|\d{3,5})"
    r"(?![\w:/-]|[.,]\d)"
)
_POSTCODE_CUE = re.compile(
    r"(?:(?i:zip|zip code|postcode|post code|postal code|código postal|code postal|cp|c\.p\.)"
    r"(?:\s*(?:is|es|est|:))?|\b[A-Z]{2}|,|\n|\b[A-Z][a-zà-ÿ]+)\s*$"
)
_AFTER_CUE = re.compile(r"^[ \t]+[A-ZÀ-Þ][\w'-]+")


def find_postcodes(text: str) -> Iterator[Suggestion]:
    """Postcodes: distinctive national formats anywhere, numeric ones only beside address cues."""
    for pattern, conf in _POSTCODE_STRONG:
        for m in pattern.finditer(text):
            yield Suggestion(m.start(), m.end(), "postcode", conf, "postcode", m.group())
    for m in _POSTCODE_SHAPE.finditer(text):
        s = m.group()
        before = text[max(0, m.start() - 25) : m.start()]
        after = text[m.end() : m.end() + 25]
        cue_before = _POSTCODE_CUE.search(before)
        cue_after = _AFTER_CUE.match(after)
        if s.isdigit() and len(s) == 4 and s.startswith(("19", "20")) and not cue_before:
            continue  # a year
        if cue_before and re.match(r"(?i)zip|post|cód|code|cp|c\.p", cue_before.group()):
            conf = 0.85
        elif cue_before and cue_before.group().strip() not in {",", ""} and len(s) >= 4:
            conf = 0.6
        elif cue_after and len(s) >= 4 and before.rstrip().endswith((",", "\n")):
            conf = 0.55
        else:
            continue
        yield Suggestion(m.start(), m.end(), "postcode", conf, "postcode", s)
