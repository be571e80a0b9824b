# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""A town and its region, the way people say where they come from: "en el charco, nariño",
"de jocoaitique, morazan", "choloma en cortes", "à uvira, sud-kivu", "in alexandria,
virginia". After a preposition of place, one to four words, then a comma (or "en", "in", "à",
"au") and a first-level region or a country of the ISO and CLDR lists: the region is a place,
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
from .regex_util import CaselessPattern

# Region and country names more frequent than this in en, es or fr are left out: "centro",
# "norte", "este" (a region somewhere) are words first.
_MAX_REGION_ZIPF = 5.0
# A town's word as frequent as this is a common noun ("en la casa, honduras ..."): no town.
_MAX_TOWN_ZIPF = 5.0
_CONFIDENCE = 0.6
_CAPITALISED_CONFIDENCE = 0.7

# The preposition before the town, then the town (one to four words), then the joint; all in
# a look-ahead, so that the town of one match may hold the preposition of the next ("del
# caserio el zapote en santa barbara, honduras").
_TOWN_THEN_REGION = CaselessPattern(
    r"(?<![\w'’])(?=(?:en|de|del|desde|hasta|cerca[ \t]+de|in|from|near|at|à|a|au|de[ \t]+la|"
    r"près[ \t]+de|pres[ \t]+de|depuis|dans)[ \t]+"
    r"(?P<town>[^\W\d_][\w'’-]*(?:[ \t]+[^\W\d_][\w'’-]*){0,3}?)"
    r"(?P<joint>[ \t]*,[ \t]*|[ \t]+(?:en|in|à|au|dans[ \t]+le|dans[ \t]+la)[ \t]+)"
    r"(?=[^\W\d_]))"
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
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


def _is_town(words: list[str]) -> bool:
    """Whether the words between the preposition and the comma may be a town's name."""
    if words[0].lower() in FUNCTION_WORDS and words[0].lower() not in _ARTICLES:
        return False
    for word in words:
        low = word.lower()
        if low in _CONNECTORS:
            continue
        if low in FUNCTION_WORDS or max(zipf(low, "es"), zipf(low, "en"), zipf(low, "fr")) >= (
            _MAX_TOWN_ZIPF
        ):
            return False
    return words[-1].lower() not in _CONNECTORS


def find_towns_and_regions(text: str) -> list[Suggestion]:
    """A town and its region after a preposition of place ("en el charco, nariño")."""
    out = []
    for m in _TOWN_THEN_REGION.finditer(text):
        start = m.end("joint")
        end = _region_end(text, start)
        if end is None:
            continue
        town = text[m.start("town") : m.end("town")]
        conf = _CAPITALISED_CONFIDENCE if text[start].isupper() else _CONFIDENCE
        out.append(suggestion(start, end, "place", conf, "name_parts", text[start:end]))
        if _is_town(town.split()):
            t0 = m.start("town")
            out.append(suggestion(t0, m.end("town"), "place", conf, "name_parts", town))
    return out


def warm_up() -> None:
    """Build the table of regions now."""
    _regions()
