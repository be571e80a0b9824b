# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""A town and its region, the way people say where they come from: "en el charco, nariño",
"de jocoaitique, morazan", "choloma en cortes", "à uvira, sud-kivu", "in alexandria,
virginia", "en gracias lempira". After a preposition of place, one to four words, then a comma
(or "en", "in", "à", "au", or only a space) and a first-level region or a country of the ISO and
CLDR lists: the region is a place,
even when its name is also a word or a family name ("guerrero", "cortes", "meta"), and so are
the words between the preposition and the comma (the town, which the gazetteer may not know).
Below the leak guard's threshold: the structure is evidence, not proof.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from babel import Locale

from .folding import fold
from .language import zipf
from .model import Suggestion, suggestion
from .name_lexicon import is_given_name
from .name_word_lists import FUNCTION_WORDS
from .place_words import PLACE_WORD_SET
from .regex_util import CaselessPattern, first_chars, trie_regex
from .scan import written_in_lower_case

# Region and country names more frequent than this in en, es or fr are left out: "centro",
# "norte", "este" (a region somewhere) are words first.
_MAX_REGION_ZIPF = 5.0
# A town's word as frequent as this is a common noun ("en la casa, honduras ..."): no town.
_MAX_TOWN_ZIPF = 5.0
# Before "en", "à", "in" (not a comma) a town in lower case is no fairly common word.
_MAX_LOWER_TOWN_ZIPF = 4.0
_CONFIDENCE = 0.6
_CAPITALISED_CONFIDENCE = 0.7

# Prepositions of place before the town ("cerca de", "près de" end with "de").
_PREPOSITIONS = frozenset(
    (
        "en",
        "de",
        "del",
        "desde",
        "hasta",
        "in",
        "from",
        "near",
        "at",
        "à",
        "a",
        "au",
        "depuis",
        "dans",
    )
)
_TOWN_WORDS = re.compile(r"(?<![\w'’-])[^\W\d_][\w'’-]*")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


_ARTICLES = frozenset(("el", "la", "los", "las", "le", "les", "the", "l"))
# Words that may sit inside a town's name although they are function words.
_CONNECTORS = frozenset(("de", "del", "la", "las", "los", "el", "le", "les", "du", "des"))


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """Folded names of first-level subdivisions (ISO 3166-2 through pycountry, with the short
    form of a Mexican state's long name: "Michoacán de Ocampo", "Michoacán") and of countries
    in en, es and fr (CLDR through Babel), less the very frequent words."""
    out: set[str] = set()
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is None:
            name: str = subdivision.name
            for form in {name, *_LONG_NAME_OF.findall(name)}:
                if " " in form or not _word_first(form):
                    out.add(fold(form))
    for language in ("en", "es", "fr"):
        for code, name in Locale(language).territories.items():
            folded = fold(name.replace("’", "'"))
            if len(code) == 2 and code.isalpha() and (" " in folded or _zipf(folded) < 5.0):
                out.add(folded)
    return frozenset(n for n in out if len(n) >= 4)


# Official long names of Mexican states ("Michoacán de Ocampo") are used by their first part.
_LONG_NAME_OF = re.compile(r"^(\S+) de (?:\S+ ?){1,4}$")


# Names of small subdivisions far away that are common nouns here ("Colonia", "Pará" as
# "para", "Salto", "Flores", "Store").
_GENERIC = frozenset(
    [
        "colonia",
        "isla",
        "islas",
        "para",
        "store",
        "paro",
        "mono",
        "saga",
        "ciego",
        "guarda",
        "salto",
        "flores",
        "principe",
        "centrale",
        "plateau",
    ]
)


def _zipf(word: str) -> float:
    """The highest frequency of a lower-case word in en, es and fr."""
    return max(zipf(word, lang) for lang in ("en", "es", "fr"))


def _word_first(name: str) -> bool:
    """Whether a one-word region's name is a word or a given name before a region: frequent
    in English or French ("northern", "coast", "plateau") or very frequent in Spanish
    ("centro"), or a given name ("Isabel", "Miranda"). Spanish names of regions that are also
    words ("guerrero", "cortes", "meta") stay: after a town and a comma they are regions."""
    low = fold(name)
    return (
        low in _GENERIC
        or zipf(low, "en") >= 4.0
        or zipf(low, "fr") >= 4.3
        or zipf(low, "es") >= _MAX_REGION_ZIPF
        or is_given_name(low)
    )


def _region_end(text: str, pos: int) -> int | None:
    """The end of the region named at pos (an article may lead it: "en el quiché"), one to
    three words, the longest first; None when none is."""
    words: list[re.Match[str]] = []
    for m in _WORD.finditer(text, pos, min(len(text), pos + 60)):
        if text[words[-1].end() if words else pos : m.start()].strip(" \t-"):
            break
        words.append(m)
        if len(words) == 4:
            break
    regions = _regions()
    first = 1 if words and words[0].group().lower() in _ARTICLES else 0
    for n in range(len(words), first, -1):
        name = fold(text[words[first].start() : words[n - 1].end()])
        if name in regions:
            return words[n - 1].end()
    return None


def _is_town(words: list[str], lower_text: bool, comma: bool) -> bool:
    """Whether the words between the preposition and the joint may be a town's name: no
    function word or place word ("a la vereda en el chocó": the vereda is unnamed), no very
    common word; in a capitalised text capitalised words; before "en", "à" (not a comma), in
    lower case no fairly common word ("de coiffeuse à Tunis")."""
    if words[0].lower() in FUNCTION_WORDS and words[0].lower() not in _ARTICLES:
        return False
    for word in words:
        low = word.lower()
        if low in _CONNECTORS:
            continue
        if not lower_text and not word[0].isupper():
            return False
        frequency = max(zipf(low, "es"), zipf(low, "en"), zipf(low, "fr"))
        if (
            low in FUNCTION_WORDS
            or low in PLACE_WORD_SET
            or frequency >= _MAX_TOWN_ZIPF
            or (lower_text and not comma and frequency >= _MAX_LOWER_TOWN_ZIPF)
        ):
            return False
    return words[-1].lower() not in _CONNECTORS


def find_towns_and_regions(text: str) -> list[Suggestion]:
    """A town and its region after a preposition of place ("en el charco, nariño"): each
    joint is looked at, the region after it first (most joints have none), then the
    preposition nearest before it, one to four words back."""
    out = []
    lower_text = written_in_lower_case(text)
    matches = list(_joint_then_region(bare=False).finditer(text))
    if lower_text:  # typed on a phone, a region may follow its town with only a space
        matches.extend(_joint_then_region(bare=True).finditer(text))
    for m in matches:
        start = m.end("joint")
        end = _region_end(text, start)
        if end is None:
            continue
        town = _town_before(text, m.start())
        if town is None:
            continue
        t0, t1 = town
        is_town = _is_town(text[t0:t1].split(), lower_text, "," in m.group("joint"))
        if not m.group("joint").strip() and all(
            w.lower() in FUNCTION_WORDS for w in text[t0:t1].split()
        ):
            continue  # only a space: "en el valle" is no town and its region
        conf = _CAPITALISED_CONFIDENCE if text[start].isupper() else _CONFIDENCE
        out.append(suggestion(start, end, "place", conf, "name_parts", text[start:end]))
        if is_town:
            out.append(suggestion(t0, t1, "place", conf, "name_parts", text[t0:t1]))
    return out


def _town_before(text: str, end: int) -> tuple[int, int] | None:
    """The span of the one to four words that end at end, right after the nearest
    preposition of place; None when no preposition is that near."""
    words = list(_TOWN_WORDS.finditer(text, max(0, end - 80), end))
    if not words or words[-1].end() != end:
        return None
    for n in range(1, min(5, len(words))):
        prep = words[-n - 1]
        gap = text[prep.end() : words[-n].start()]
        if gap.strip(" \t") or any(
            text[w.end() : words[-n + i + 1].start()].strip(" \t")
            for i, w in enumerate(words[-n:-1])
        ):
            return None  # punctuation inside: no town
        if prep.group().lower() in _PREPOSITIONS:
            return words[-n].start(), end
    return None


@lru_cache(maxsize=2)
def _joint_then_region(*, bare: bool) -> CaselessPattern:
    """A joint (group "joint") followed by the first word of a region or an article that may
    lead one (accents optional: the words of the regions are folded, so the pattern runs over
    the folded first letters too); bare: the joint is only a space, and no article follows."""
    firsts = {name.split()[0] for name in _regions()} | (set() if bare else _ARTICLES)
    accented = set()
    for subdivision in pycountry.subdivisions:
        word = subdivision.name.split()[0].lower()
        if fold(word) in firsts:
            accented.add(word)
    joint = (
        r"(?P<joint>[ \t])"
        if bare
        else r"(?=[, \t])(?P<joint>,[ \t]*|[ \t](?:en|in|à|au|dans[ \t]+le|dans[ \t]+la)[ \t]+)"
    )
    return CaselessPattern(joint + trie_regex(sorted(firsts | accented)) + r"(?![\w'’-])")


# The countries whose states, departments and provinces are named in Spanish.
_SPANISH_SPEAKING = frozenset(_split("MX GT HN SV NI CR PA CO VE EC PE BO CL AR UY PY CU DO ES PR"))
# A region of one of them that is also a fairly frequent Spanish word ("chiapas" 4.1, "oaxaca"
# 4.2, "guerrero" 4.4, "meta" 4.5) after a preposition of place, perhaps with "el" ("en el
# meta", "somos de guerrero"); a rarer one the gazetteer already has after a preposition, a
# more frequent one ("lima", "valle", "central") is a word first. Not a given name ("Lara",
# "Miranda") or a common noun that names a far region ("colonia", "salto", "flores").
_REGION_MIN_ZIPF = 4.0
_REGION_MAX_ZIPF = 4.6
_NOUNS_FIRST = frozenset(
    _split("colonia salto flores valle misiones florida central ciudad ciego islas")
)
# A preposition of place (perhaps with "el") right before a region.
_PREPOSITION_BEFORE = re.compile(
    r"(?i)(?<![\w'’])(?:en|de|del|desde|hasta|para|a|al|hacia)[ \t]+(?:el[ \t]+)?$"
)


@lru_cache(maxsize=1)
def _frequent_spanish_regions() -> frozenset[str]:
    """The folded one-word regions of Spanish-speaking countries between _REGION_MIN_ZIPF and
    _REGION_MAX_ZIPF in Spanish (see there)."""
    out = set()
    for subdivision in pycountry.subdivisions:
        if subdivision.country_code in _SPANISH_SPEAKING and subdivision.parent_code is None:
            for form in {subdivision.name, *_LONG_NAME_OF.findall(subdivision.name)}:
                low = fold(form)
                if (
                    " " not in low
                    and _REGION_MIN_ZIPF <= zipf(low, "es") < _REGION_MAX_ZIPF
                    and low not in _NOUNS_FIRST
                    and not is_given_name(low)
                ):
                    out.add(low)
    return frozenset(out)


def find_frequent_regions(text: str) -> list[Suggestion]:
    """Regions of Spanish-speaking countries that are also fairly frequent words, right after
    a preposition of place ("en el meta", "somos de guerrero"); below the guard."""
    out = []
    for m in _frequent_regions_pattern().finditer(text):
        start, end = m.span()
        if _PREPOSITION_BEFORE.search(text, max(0, start - 12), start):
            conf = _CAPITALISED_CONFIDENCE if text[start].isupper() else _CONFIDENCE
            out.append(suggestion(start, end, "place", conf, "name_parts", text[start:end]))
    return out


@lru_cache(maxsize=1)
def _frequent_regions_pattern() -> CaselessPattern:
    """The frequent regions as whole words, accents optional."""
    names = set()
    for name in _frequent_spanish_regions():
        names.add(name)
    for subdivision in pycountry.subdivisions:
        low = subdivision.name.lower()
        if fold(low) in names and " " not in low:
            names.add(low)  # with its accents: "cortés", "michoacán"
    return CaselessPattern(
        first_chars(names) + r"(?<![\w'’-])" + trie_regex(sorted(names)) + r"(?![\w'’-])"
    )


def warm_up() -> None:
    """Build the tables of regions now."""
    _regions()
    _joint_then_region(bare=False)
    _joint_then_region(bare=True)
    _frequent_regions_pattern()
