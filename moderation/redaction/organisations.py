# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""Detector for identifying organisations: named schools, employers, military units, firms."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._word_gate import preceded_by, tail_trie
from .model import Suggestion, suggestion
from .regex_util import trie_regex
from .scan import (
    digit_runs,
    first_digit,
    has_arabic,
    lower_matches_ignorecase,
    lower_same_length,
)

_ORG_SUFFIX = (
    "School|University|College|Academy|Institute|Hospital|Clinic|Brigade|Battalion|Regiment|"
    "Division|Corps|Company|Ltd|Limited|Inc|LLC|LLP|PLC|GmbH|AG|SARL|SAS|Corp|Corporation|"
    "Group|Bank|Foundation|Association|Church|Mosque|Prison|Factory|Ministry|Agency|Systems|"
    "Consulting|Research|Associates|Partners|Solutions|Services|Industries|Holdings|Committee|"
    "Militia|Front|Brigades|Forces|Council|Centre|Center|Organisation|Organization|Union|"
    "Society|Club|Restaurant|Hotel|Bakery|Garage|Press|Media|Radio|Television|Orchestra|"
    "Transit|Movers|Lines|Airlines|Motors|Technologies|Labs|Studio|Studios|Trust|Charity|"
    "Network|Gazette|Times|Post|Enterprises|Trading|Logistics|Construction|Pharmacy|Store"
)
ORG_WORDS = frozenset(_ORG_SUFFIX.split("|")) | frozenset(
    [
        "Escuela",
        "Colegio",
        "Universidad",
        "Hospital",
        "Brigada",
        "Empresa",
        "Banco",
        "École",
        "Ecole",
        "Lycée",
        "Collège",
        "Université",
        "Hôpital",
        "Société",
        "Entreprise",
    ]
)
_CW = r"(?:Al-|El-|al-|el-)?[A-ZÀ-ÖØ-Þ][\w'’&.-]*"
_ORG_PREFIX = (
    "University|College|School|Bank|Ministry|Hospital|Church|Mosque|Prison|"
    "Institute|Academy|Universidad|Université|Colegio|Escuela|École|Lycée|Hôpital|"
    "Banco|Ministerio|Ministère|Brigada|Empresa|Société"
)
# Leading look-aheads on the possible first characters let the regex engine skip to candidate
# positions; the whole-text gates below skip patterns that cannot match. Same results.
_PATTERNS: list[tuple[re.Pattern[str], float]] = [
    (
        # Starts with the class of possible first characters (the engine scans for it; a
        # leading look-ahead is tried at every position): a capital, or "al-"/"el-" before one
        # ("Al-"/"El-" are the capital's own word characters, same span). Possessive where
        # what follows starts with a space or tab, and the suffixes as a prefix tree (each ends
        # at \b, so it is the whole word). Same matches, less backtracking.
        re.compile(
            r"[A-ZÀ-ÖØ-Þae](?<![\w-].)(?:(?<=[ae])l-[A-ZÀ-ÖØ-Þ]|(?<![ae]))[\w'’&.-]*+"
            r"(?:[ \t]++(?:of|and|&|de|for)?[ \t]*+" + _CW + r"+){0,4}"
            r"[ \t]++" + trie_regex(_ORG_SUFFIX.split("|")) + r"\b\.?"
        ),
        0.8,
    ),
    (
        re.compile(
            "(?=["
            + "".join(sorted({w[0] for w in _ORG_PREFIX.split("|")}))
            + r"])\b(?:"
            + _ORG_PREFIX
            + ")"
            r"(?:[ \t]+(?:of|de|del|de la|du|des|for))?[ \t]+(?:the[ \t]+)?"
            + _CW
            + r"(?:[ \t]+"
            + _CW
            + r"){0,3}"
        ),
        0.88,
    ),
    (
        re.compile(
            r"(?i)(?=[t\d])\b(?:the\s+)?\d{1,3}(?:st|nd|rd|th|e|ème|º|ª|a|o)?\s+(?:[A-Z][\w-]+\s+)?"
            r"(?:Brigade|Battalion|Regiment|Division|Corps|Army|Infantry|Armoured|Armored|"
            r"Squadron|Platoon|Brigada|Batallón|Régiment|Bataillon)\b"
        ),
        0.85,
    ),
    (re.compile(r"(?=[A-Z])\b[A-Z][\w'-]+,\s+[A-Z][\w'-]+\s+and\s+[A-Z][\w'-]+\b"), 0.7),
    (re.compile(r"(?=[A-Z])\b[A-Z][\w'-]+\s+(?:and|&)\s+Sons\b"), 0.8),
    (
        re.compile(
            r"(?=[مجشاكمجس])(?:مدرسة|جامعة|مستشفى|اللواء|الفرقة|شركة|كتيبة|معمل|مصنع|جمعية|منظمة|سجن)"
            r"\s+[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+)?"
        ),
        0.8,
    ),
]
# Gates (each part of every match of the pattern they guard, led by a plain character class or
# a literal, so the engine skips quickly): a suffix word after a space or tab; ", X and Y".
_ORG_SUFFIX_AFTER_SPACE = re.compile(r"[ \t]" + trie_regex(_ORG_SUFFIX.split("|")) + r"\b")
_ORG_LIST_GATE = re.compile(r",\s+[A-Z][\w'-]+\s+and\s+[A-Z]")
_ORG_PREFIX_WORDS = tuple(_ORG_PREFIX.split("|"))
_ORG_PREFIX_GATE = re.compile(trie_regex(_ORG_PREFIX_WORDS))  # the prefix pattern needs one
# Both word gates in one scan (see _word_gate): where the first suffix word after a space or
# tab, or prefix word, is. The gates match only there or later (the suffix gate from the space
# before the word), and most texts have neither.
_ORG_WORDS_GATE = re.compile(
    "(?s)"
    + tail_trie(
        [(w, preceded_by(r"[ \t]", w) + r"\b") for w in _ORG_SUFFIX.split("|")]
        + [(w, "") for w in _ORG_PREFIX_WORDS]
    )
)
# The unit pattern needs one of its unit words (under IGNORECASE): each has one of these parts
# (lower-cased; "bat" for battalion, batallón, bataillon; "giment" for regiment, régiment).
_MILITARY_PARTS = (
    "briga", "bat", "giment", "division", "corps", "army", "armo", "infantry", "squadron", "platoon"
)  # fmt: skip
_BAD_LEAD = re.compile(r"^(?:The|A|An|My|Our|His|Her|Their|In|At|From|To|We|I)\s+")
_ABBREVIATION_END = re.compile(r"(?:Ltd|Inc|Corp|Co|St)\.$")


def _military_gate(text: str) -> bool:
    """False only if the unit pattern cannot match the text."""
    if first_digit(text) < 0 or not _has_unit_number(text):
        return False
    if not lower_matches_ignorecase(text):
        return True  # U+0130, U+0131 or U+017F: lower-casing is not what IGNORECASE matches
    lower = lower_same_length(text)
    return any(map(lower.__contains__, _MILITARY_PARTS))  # no generator frame per part


def _has_unit_number(text: str) -> bool:
    """False only if no run of digits can be the unit pattern's number: "\\b\\d{1,3}" then a
    suffix or white space is a whole run (the digits are \\w, and what follows them is not a
    digit) of at most three digits, after a character that is not \\w (or the text start),
    with a character after it."""
    for start, end, after in digit_runs(text):
        if end - start <= 3 and after and (start == 0 or not _is_word(text[start - 1])):
            return True
    return False


def _is_word(c: str) -> bool:
    """Whether the character is one that \\w matches."""
    return c.isalnum() or c == "_"


def _suggestions(pattern_conf: tuple[re.Pattern[str], float], text: str) -> Iterator[Suggestion]:
    """The suggestions of one pattern: a leading "The"/"My"/... dropped (below 0.85), a final
    "." dropped unless it ends an abbreviation, single words left out (unless "Al-"/"El-")."""
    pattern, conf = pattern_conf
    for m in pattern.finditer(text):
        s = m.group()
        start = m.start()
        lead = _BAD_LEAD.match(s)
        if lead and conf < 0.85:
            s, start = s[lead.end() :], start + lead.end()
        if s.endswith(".") and not _ABBREVIATION_END.search(s):
            s = s[:-1]
        if len(s.split()) < 2 and not s.startswith(("Al-", "El-")):
            continue
        yield suggestion(start, start + len(s), "organisation", conf, "organisation", s)


def find_organisations(text: str) -> Iterator[Suggestion]:
    """Named organisations by suffix ("Acme Ltd"), prefix ("University of X") or unit number."""
    # Each pattern only where its gate passed (most texts pass none), in the patterns' order.
    hit = _ORG_WORDS_GATE.search(text)
    if hit is not None:
        at = hit.start()
        if _ORG_SUFFIX_AFTER_SPACE.search(text, max(0, at - 1)) is not None:
            yield from _suggestions(_PATTERNS[0], text)
        if _ORG_PREFIX_GATE.search(text, at) is not None:
            yield from _suggestions(_PATTERNS[1], text)
    if _military_gate(text):
        yield from _suggestions(_PATTERNS[2], text)
    if "," in text and _ORG_LIST_GATE.search(text) is not None:  # the gate starts with ","
        yield from _suggestions(_PATTERNS[3], text)
    if "Sons" in text:
        yield from _suggestions(_PATTERNS[4], text)
    if not text.isascii() and has_arabic(text):
        yield from _suggestions(_PATTERNS[5], text)
