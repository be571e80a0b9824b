# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""Latin-script names the capitalised-run detector cuts short or misses, written the way
survivors write them (any case):

- names with Arabic particles: "Ahmad al-Hassan", "Deir ez-Zor", "Grace bin Saleh",
  "Abu Rami", "Umm Ali", "Omar ibn al-Khattab"; a found person or place is extended over them,
  and a particle name alone ("al-Shaar") is suggested below the leak guard's threshold;
- a person or place inside an organisation named by a type word (named_organisations: "Abu
  Rami bakery", "la panadería San José") becomes part of it; one that runs on past its end
  over "de" keeps only its town;
- places written with "St."/"San"/"Saint-": "St. Louis", "San Miguel".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from .folding import fold
from .gazetteer import load_gazetteer
from .language import zipf
from .latin_word_frequencies import unaccented_zipf
from .model import Suggestion, suggestion
from .name_lowercase import known_lowercase_places
from .name_word_lists import FUNCTION_WORDS, HYPHEN_PARTICLE
from .named_organisations import (
    ORG_WORD_AFTER,
    find_acronym_organisations,
    find_named_organisations,
    find_without_borders,
)
from .organisation_shapes import find_organisation_shapes
from .person_structures import SHAPE_DETECTOR
from .place_apposition import find_frequent_regions, find_towns_and_regions
from .regex_util import CaselessPattern, first_chars, trie_regex
from .scan import written_in_lower_case
from .type_first_organisations import find_type_first_organisations


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


# Particles joined by a hyphen ("al-Hassan", "ez-Zor") and particles written as a word
# ("bin Saleh", "Abu Rami").
_WORD_PARTICLE = r"(?:bin|ibn|ben|bint|abu|abou|umm|um|wad|ould|ait)\s+"
_NAME_WORD = r"[^\W\d_][\w'’]*"
# One link of a name: " al-Hassan", "-Hassan" is not one, " bin Saleh", " ibn al-Khattab".
_LINK = re.compile(
    rf"[ \t]+(?:{_WORD_PARTICLE})?(?:{HYPHEN_PARTICLE}){_NAME_WORD}"
    rf"|[ \t]+{_WORD_PARTICLE}(?!(?:and|or|the|in|at|to|from|of|is|was)\b){_NAME_WORD}",
    re.IGNORECASE,
)
# A kunya or nasab word before a found name ("Abu " + "Rami").
_LEAD = re.compile(r"(?i)(?:\b(?:abu|abou|umm|um|ibn|bin|bint)\s+)$")
# A particle name on its own: "al-Shaar", "el-sayed".
# A kunya alone ("Abu Khaled", "umm ali"), a nasab ("innocent bin saleh").
_ALONE = CaselessPattern(
    rf"(?<![\w-])(?:(?:al|el|ez|ibn|abu|umm|bint)-{_NAME_WORD}"
    rf"|(?:abu|abou|umm)[ \t]+(?!(?:and|or|the|in|at|to|from|of|is|was)\b){_NAME_WORD}"
    rf"|(?!(?:and|or|the|in|at|to|from|of|is|was|with|my|our)\b){_NAME_WORD}[ \t]+"
    rf"(?:bin|ibn|bint)[ \t]+{_NAME_WORD})"
)
# Words before a name that make it a place: prepositions and place words.
_PLACE_BEFORE = re.compile(
    r"(?i)\b(?:in|from|to|near|at|of|en|de|à|hay|bab|deir|dayr|jabal|jebel|tal|tell|ras|kafr|"
    r"kfar|wadi|souq|suq|harat|umm|camp|village|neighbourhood|neighborhood|district)\s+$"
)
# A place written with a saint's name: "St. Louis", "San Miguel", "Saint-Louis". The saint's
# words as a prefix tree with the look-behind after their first letter: the pattern starts with
# "S", which the engine scans for (at most one word can be followed by the spacing and a capital,
# so the tree finds the same matches as the plain alternation).
_SAINT_WORDS = ("St.", "St", "Ste.", "Ste", "San", "Santa", "Santo", "São", "Saint", "Sainte")
_SAINT_PLACE = re.compile(
    trie_regex(_SAINT_WORDS, after_first=r"(?<![\w.].)")
    + r"[ \t-]+[A-Z][\w'’-]*(?:[ \t]+(?:de[ \t]+|del[ \t]+)?[A-Z][\w'’-]*)?"
)
_STOP = FUNCTION_WORDS
_RARE_PLACE_CONFIDENCE = 0.5  # a rare word after a preposition in a lower-case text
# The first word of an Arabic place name written in Latin letters (gate, hill, monastery,
# village, mountain, cape, valley, spring, house, well, quarter), and the word that follows it:
# "bab amr", "tal abyad", "ras al-ain", in a lower-case text after a preposition of place.
_TOPONYM_HEAD = re.compile(
    r"(?i)(?:bab|tal|tell|deir|dayr|kafr|kfar|jabal|jebel|ras|wadi|ain|ein|beit|bayt|bir|"
    r"hay|hayy|khirbet)[ \t]+(?!(?:and|or|the|in|at|to|from|of|is|was|we|i)\b)[^\W\d_][\w'’-]*"
)
_TOPONYM_CONFIDENCE = 0.7
_WORD = re.compile(r"[\w'’.-]+")


def extend_over_particles(text: str, raw: Sequence[Suggestion]) -> list[Suggestion]:
    """Person and place suggestions extended over the particles of Arabic names."""
    out: list[Suggestion] = []
    for s in raw:
        if s.kind not in ("person", "place") or s.detector == "arabic_names":
            out.append(s)
            continue
        start, end = s.start, s.end
        while (m := _LINK.match(text, end)) is not None:
            end = m.end()
        lead = _LEAD.search(text, max(0, start - 6), start)
        if lead is not None:
            start = lead.start()
        if (start, end) != (s.start, s.end):
            conf = max(s.confidence, 0.85) if s.kind == "person" else s.confidence
            s = suggestion(start, end, s.kind, conf, s.detector, text[start:end])
        out.append(s)
    return tidy_kinds(_absorb(out))


# Pronouns and determiners that start sentences and are never a name or a place ("She" is also
# a county in China, "Los" and "Del" are other names of Lagos and Delhi, so the gazetteer knows
# them).
_NEVER_NAMES = frozenset(
    _split(
        "she he they we it i you her his him them their our its ella él ellos ellas nosotros "
        "elle il ils elles nous vous on the el la los las le les del du des un una une"
    )
)
_STREET_WORD = re.compile(
    r"(?i)[ \t](?:street|streets|st\.?|road|rd\.?|avenue|ave\.?|lane|boulevard|blvd\.?|drive|"
    r"way|highway|calle|avenida|rue|chemin)$"
)


def tidy_kinds(found: list[Suggestion]) -> list[Suggestion]:
    """ "She" is never a place or a person; a person whose name ends with a street word is a
    road ("Marina Fort Street"), so its placeholder reads [address], not [name]."""
    out = []
    for s in found:
        if s.kind in ("person", "place") and s.text.lower() in _NEVER_NAMES:
            continue
        if s.kind == "person" and _STREET_WORD.search(s.text):
            s = suggestion(s.start, s.end, "address", s.confidence, s.detector, s.text)
        out.append(s)
    return out


# What a suggestion of each kind takes in when it holds it whole.
_TAKES_IN = {
    "organisation": ("person", "place"),
    "place": ("person",),
    "id_number": ("phone",),
}


def _is_outer(s: Suggestion) -> bool:
    """An organisation or saint's place of this module, or an ID with letters."""
    if s.kind == "id_number":
        return any(c.isalpha() for c in s.text)
    return s.detector == "name_parts" and s.kind in _TAKES_IN


class _Hosts:
    """The outer suggestions, sorted by start, to find the first (in found's order) that
    takes in a given suggestion without trying every one of them (a story full of IDs has
    hundreds)."""

    def __init__(self, outer: list[Suggestion]) -> None:
        self.outer = outer
        self.by_start = sorted(range(len(outer)), key=lambda i: outer[i].start)
        self.starts = [outer[i].start for i in self.by_start]
        # reach[j]: the furthest end among the first j + 1 outer suggestions by start.
        self.reach: list[int] = []
        for i in self.by_start:
            self.reach.append(max(outer[i].end, self.reach[-1] if self.reach else 0))

    def first_around(self, s: Suggestion) -> Suggestion | None:
        """The first outer suggestion (other than s) of a kind that takes in s's kind and
        whose span holds s's span."""
        found: int | None = None
        j = bisect_right(self.starts, s.start) - 1  # outer suggestions starting at or before s
        while j >= 0 and self.reach[j] >= s.end:  # none further left reaches s's end
            i = self.by_start[j]
            o = self.outer[i]
            if (
                o is not s
                and s.kind in _TAKES_IN[o.kind]
                and s.end <= o.end
                and not _shape_beats_guess(s, o)
            ):
                found = i if found is None else min(found, i)
            j -= 1
        return None if found is None else self.outer[found]


def _shape_beats_guess(inner: Suggestion, outer: Suggestion) -> bool:
    """A person the shape of a sentence names ("a yoselin le pegaban": person_structures)
    is not taken in by a rare word's guess of a place (rare_lowercase_places)."""
    return (
        inner.detector == SHAPE_DETECTOR
        and outer.kind == "place"
        and outer.confidence <= _RARE_PLACE_CONFIDENCE
    )


def _absorb(found: list[Suggestion]) -> list[Suggestion]:
    """An organisation or saint's place found here takes in the person or place inside it
    ("Omar ibn al-Khattab" in "Omar ibn al-Khattab mosque", "San Miguel" read as a person),
    and an ID with letters the phone number inside it ("12345678" in "12345678-K"): the inner
    suggestion goes, the outer keeps the higher confidence (so the leak guard blocks what it
    blocked before)."""
    outer = [s for s in found if _is_outer(s)]
    if not outer:
        return found
    keep: list[Suggestion] = []
    best = {o: o.confidence for o in outer}
    hosts = _Hosts(outer)
    org_ends = sorted(o.end for o in outer if o.kind == "organisation")
    for s in found:
        host = hosts.first_around(s)
        if host is None:
            keep.append(_after_organisation(s, org_ends))
        else:
            best[host] = max(best[host], s.confidence)
    return [
        suggestion(s.start, s.end, s.kind, best[s], s.detector, s.text) if s in best else s
        for s in keep
    ]


_OF_TOWN = re.compile(r"[ \t]+(?:de|del|of)[ \t]+(?=[^\W\d_])", re.IGNORECASE)


def _after_organisation(s: Suggestion, org_ends: list[int]) -> Suggestion:
    """A person or place that runs on past the end of an organisation over "de"/"of" ("Belén
    de Tapachula" beside "albergue Belén", which stopped before its town): only its part after
    "de", so that merging does not make the town part of the organisation."""
    if s.kind not in ("person", "place"):
        return s
    i = bisect_right(org_ends, s.start)
    if i == len(org_ends) or org_ends[i] >= s.end:
        return s
    cut = org_ends[i] - s.start
    link = _OF_TOWN.match(s.text, cut)
    if link is None:
        return s
    return suggestion(
        s.start + link.end(), s.end, "place", s.confidence, s.detector, s.text[link.end() :]
    )


def find_particle_names(text: str) -> list[Suggestion]:
    """Names with particles on their own ("al-Shaar", "bin saleh" after a name is found by
    extension): a place after a place word or preposition, else a person; below the guard."""
    out = []
    for m in _ALONE.finditer(text):
        end = m.end()
        while (link := _LINK.match(text, end)) is not None:
            end = link.end()
        before = text[max(0, m.start() - 30) : m.start()]
        kind = "place" if _PLACE_BEFORE.search(before) else "person"
        start = m.start()
        prev = re.search(r"([\w'’]+)[ \t]+$", before)
        if prev and prev.group(1)[0].isupper() and prev.group(1).lower() not in _STOP:
            start = m.start() - len(before) + prev.start(1)  # "Patience el-Sayed"
        conf = 0.8 if text[m.start()].isupper() and kind == "person" else 0.7
        out.append(suggestion(start, end, kind, conf, "name_parts", text[start:end]))
    return out


def find_saint_places(text: str) -> list[Suggestion]:
    """ "St. Louis", "San Miguel": a place unless an organisation word follows (then the
    organisation detector has it)."""
    out = []
    for m in _SAINT_PLACE.finditer(text):
        if ORG_WORD_AFTER.match(text, m.end()) or re.search(r"['’]s$", m.group()):
            continue
        out.append(suggestion(m.start(), m.end(), "place", 0.8, "name_parts", m.group()))
    return out


# A preposition of place in English, Spanish, French, Kurdish or Haitian Creole (with the
# article glued to it: "del cauca", "du nord-kivu", "au kasai"), or a verb of a journey with the
# place as its object ("we fled malakal", "cruzamos tapachula"), then a word.
_PLACE_PREPOSITIONS = [
    w.replace("_", " ")
    for w in _split(
        "in from to near en de del desde hacia hasta para pa pal por à au aux du dans pour vers "
        "depuis "
        "près_de jusqu'à jusqu'a jusqu’à jusqu’a at ji li depi soti par x "
        "fled escaped reached crossed left quitté quitte quitter fui fuir cruzamos cruzaron cruzé "
        "cruce pasamos pasé pase pasando "
        # the present tense of someone writing in a second language: "we leave mariupol"
        "leave flee escape reach cross arrive"
    )
]
# As a prefix tree led by a look-ahead on the first letters (regex_util), and Spanish "a"
# ("llegamos a matamoros"), not before a possessive. The word after an article is looked at
# (not after "a": "a la casa"), and a known place that starts with the article ("en la ceiba",
# "a las palmas", "en el progreso") from the article on.
_PLACE_PREPOSITION = CaselessPattern(
    first_chars([*_PLACE_PREPOSITIONS, "a"])
    + r"(?<![\w'’])(?:"
    + trie_regex(_PLACE_PREPOSITIONS)
    + r"|a(?=[ \t]+(?!(?:los|las|la|el|lo|un|una|unos|unas|mi|mis|su|sus|tu|que)\b))"
    + r"|a(?=[ \t]+(?P<a_article>(?:los|las|la|el)[ \t])))[ \t]+"
    r"(?P<article>(?:la|el|le|the)[ \t]+|l['’])?(?=[^\W\d_])"
)


def _place_starts(text: str) -> tuple[list[int], list[int]]:
    """Where a place may start after a preposition of place: the word after it (and after its
    article), and the article of a place whose name starts with one."""
    words: list[int] = []
    articles: list[int] = []
    for m in _PLACE_PREPOSITION.finditer(text):
        if m.start("a_article") >= 0:
            articles.append(m.start("a_article"))
            continue
        words.append(m.end())
        if m.start("article") >= 0 and text[m.end("article") - 1] in " \t":
            articles.append(m.start("article"))
    return words, articles


def rare_lowercase_places(text: str, lang: str, starts: list[int]) -> list[Suggestion]:
    """In a text written all in lower case, a rare word after a preposition of place ("en la
    chacarita", "à kanyaruchinya") is probably a place we do not know: below the guard."""
    zlang = lang if lang in ("en", "es", "fr") else "en"
    out = []
    for start in starts:
        m = _WORD.match(text, start)
        if m is None:
            continue
        word = m.group().rstrip(".")
        low = word.lower()
        head = _TOPONYM_HEAD.match(text, start)
        if head is not None:  # "in bab amr", "from tal abyad": the head and the name after it
            end = head.end()
            out.append(
                suggestion(start, end, "place", _TOPONYM_CONFIDENCE, "name_parts", text[start:end])
            )
            continue
        if len(low) < 4 or low in _STOP or not low.replace("-", "").isalpha():
            continue
        # also the word typed without its accents ("de cedula", "por telefono")
        if max(zipf(low, zlang), zipf(low, "en"), unaccented_zipf(low, zlang)) < 3.2:
            end = start + len(word)
            out.append(
                suggestion(
                    start, end, "place", _RARE_PLACE_CONFIDENCE, "name_parts", text[start:end]
                )
            )
    return out


# The next stop of a journey: "después pamplona", "then kassala", "after khartoum" (a known
# place only), and a lower-case word after a comma (a place when the word before the comma is
# one: "pamplona, bucaramanga").
_THEN = ("después", "despues", "luego", "then", "puis", "ensuite", "after", "après", "apres")
_NEXT_STOP = CaselessPattern(
    first_chars(_THEN) + r"(?<![\w'’])" + trie_regex(_THEN) + r"[ \t]+(?=[^\W\d_])"
)
_COMMA_THEN_LOWER = re.compile(r",[ \t]+(?=[^\W\d_A-ZÀ-ÖØ-Þ])")
_TOWN = 1_000  # inhabitants


def _next_stops(text: str) -> list[int]:
    """Where the next stop of a journey may start (see _NEXT_STOP)."""
    places = load_gazetteer().latin
    out = [m.end() for m in _NEXT_STOP.finditer(text)]
    for m in _COMMA_THEN_LOWER.finditer(text):
        start = m.start()
        while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "'’-"):
            start -= 1
        if start < m.start() and places.get(fold(text[start : m.start()]), 0) >= _TOWN:
            out.append(m.end())
    return out


def find_name_parts(text: str, lang: str) -> list[Suggestion]:
    """Every suggestion of this module's finders, and known places written in lower case after
    a preposition in any of the Latin-script languages ("vengo de tegucigalpa") or as the next
    stop of a journey ("despues pamplona, bucaramanga")."""
    starts, articles = _place_starts(text)
    lower = rare_lowercase_places(text, lang, starts) if written_in_lower_case(text) else []
    return [
        *lower,
        *find_particle_names(text),
        *find_saint_places(text),
        *find_named_organisations(text, lang if lang in ("en", "es", "fr") else "es"),
        *find_without_borders(text),
        *find_organisation_shapes(text, lang),
        *find_acronym_organisations(text),
        *find_type_first_organisations(text),
        *find_towns_and_regions(text),
        *find_frequent_regions(text),
        *known_lowercase_places(text, lang, sorted({*starts, *articles, *_next_stops(text)})),
    ]
