# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""Detector for identifying organisations: named schools, employers, military units, firms."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .model import Suggestion, suggestion
from .regex_util import trie_regex
from .scan import digit_runs, matches_at

_ORG_SUFFIX = (
    "School|University|College|Academy|Institute|Hospital|Clinic|Brigade|Battalion|Regiment|"
    "Division|Corps|Company|Ltd|Limited|Inc|LLC|LLP|PLC|GmbH|AG|SARL|SAS|Corp|Corporation|"
    "Group|Bank|Foundation|Association|Church|Mosque|Prison|Factory|Ministry|Agency|Systems|"
    "Consulting|Research|Associates|Partners|Solutions|Services|Industries|Holdings|Committee|"
    "Militia|Front|Brigades|Forces|Council|Centre|Center|Organisation|Organization|Union|"
    "Society|Club|Restaurant|Hotel|Bakery|Garage|Press|Media|Radio|Television|Orchestra|"
    "Transit|Movers|Lines|Airlines|Motors|Technologies|Labs|Studio|Studios|Trust|Charity|"
    "Network|Gazette|Times|Post|Enterprises|Trading|Logistics|Construction|Pharmacy|Store|"
    # Spanish, French and Italian companies; charities and landlords (not "Shelter": "an
    # Emergency Shelter Grant")
    "S.A|S.L|S.A.S|S.R.L|SRL|Initiative|Refuge|Lettings"
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
# Patterns led by the class or the letters they can start with let the regex engine skip to
# candidate positions; the whole-text gates below skip patterns that cannot match. Same
# results.
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
        # The prefixes as a prefix tree (none is the start of another), the word boundary
        # before them written after their first letter (a capital: no word character before
        # it), so that the pattern starts with the capitals the engine scans for.
        re.compile(
            trie_regex(_ORG_PREFIX.split("|"), after_first=r"(?<!\w.)")
            + r"(?:[ \t]+(?:of|de|del|de la|du|des|for))?[ \t]+(?:the[ \t]+)?"
            + _CW
            + r"(?:[ \t]+"
            + _CW
            + r"){0,3}"
        ),
        0.88,
    ),
    (
        _UNIT := re.compile(
            r"(?i)(?=[t\d])\b(?:the\s+)?\d{1,3}(?:st|nd|rd|th|e|ème|º|ª|a|o)?\s+(?:[A-Z][\w-]+\s+)?"
            r"(?:Brigade|Battalion|Regiment|Division|Corps|Army|Infantry|Armoured|Armored|"
            r"Squadron|Platoon|Brigada|Batallón|Régiment|Bataillon)\b"
        ),
        0.85,
    ),
    (re.compile(r"[A-Z](?<!\w.)[\w'-]+,\s+[A-Z][\w'-]+\s+and\s+[A-Z][\w'-]+\b"), 0.7),
    (_AND_SONS := re.compile(r"(?=[A-Z])\b[A-Z][\w'-]+\s+(?:and|&)\s+Sons\b"), 0.8),
    (
        re.compile(
            r"(?:مدرسة|جامعة|مستشفى|اللواء|الفرقة|شركة|كتيبة|معمل|مصنع|جمعية|منظمة|سجن)"
            r"\s+[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+)?"
        ),
        0.8,
    ),
]
_BAD_LEAD = re.compile(r"^(?:The|A|An|My|Our|His|Her|Their|In|At|From|To|We|I)\s+")
_ABBREVIATION_END = re.compile(r"(?:Ltd|Inc|Corp|Co|St|S\.A|S\.L|S\.A\.S|S\.R\.L)\.$")


def _suggestions(pattern_conf: tuple[re.Pattern[str], float], text: str) -> Iterator[Suggestion]:
    """The suggestions of one pattern: a leading "The"/"My"/... dropped (below 0.85), a final
    "." dropped unless it ends an abbreviation, single words left out (unless "Al-"/"El-")."""
    pattern, conf = pattern_conf
    for m in _matches(pattern, text):
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


def _matches(pattern: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """pattern.finditer(text), without trying where the pattern cannot match: a military unit
    only at its number of one to three digits (or at "the" and the spacing before it), "and
    Sons" only in a text with "Sons"."""
    if pattern is _UNIT:
        return matches_at(pattern, text, _unit_starts(text))
    if pattern is _AND_SONS and "Sons" not in text:
        return ()
    return pattern.finditer(text)


def _unit_starts(text: str) -> list[int]:
    """Where a match of _UNIT can start: at a run of one to three digits, or three characters
    before the spacing before it (where "the" would be)."""
    starts: set[int] = set()
    for start, end, _ in digit_runs(text):
        if end - start > _MAX_UNIT_DIGITS:
            continue
        spacing = start
        while spacing > 0 and text[spacing - 1].isspace():
            spacing -= 1
        if len("the") <= spacing < start:
            starts.add(spacing - len("the"))
        starts.add(start)
    return sorted(starts)


_MAX_UNIT_DIGITS = 3


def find_organisations(text: str) -> Iterator[Suggestion]:
    """Named organisations by suffix ("Acme Ltd"), prefix ("University of X") or unit number."""
    for pattern_conf in _PATTERNS:
        yield from _suggestions(pattern_conf, text)
