# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""Big cities whose names are frequent words, typed in lower case after a preposition of place:
"when i came to london", "we live in chicago", "on est arrives a berlin", "nos fuimos a madrid".

The preposition scan of name_lowercase leaves out the few thousand most frequent words of the
text's language before it looks a word up, so a city of a million inhabitants whose name is as
frequent as a word ("london" 5.3 in English, "lyon" 4.9 in French) is never looked at. Such a
name is a place when other languages name it about as often as its own does (the median of its
Zipf values in four other languages at least 2.3 and within 2 of its own): an ordinary word
that a city shares ("can", "sol", "part") is far more frequent in its own language. A city of
a quarter of a million ("leeds", "glasgow") must be named nearly as often elsewhere and be no
name of the lists, language or nationality. Each
language's list is built once from the gazetteer. A guess, below the leak guard's threshold.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import load_gazetteer
from .language import zipf
from .model import Suggestion, suggestion
from .name_lexicon import is_name
from .nationalities import is_nationality
from .ordinary_words import is_language_name
from .place_words import PLACE_WORD_SET
from .regex_util import trie_regex
from .scan import lower_same_length, written_in_lower_case

DETECTOR = "big_city_places"
_CONFIDENCE = 0.6
_BIG_CITY = 1_000_000  # inhabitants
# A city of a quarter of a million ("leeds", "manchester", "glasgow") when other languages name
# it nearly as often as its own does (a gap below _CITY_GAP, a median of at least
# _CITY_ELSEWHERE), and it is neither a name of the lists ("julia", "logan") nor a language or
# nationality ("thai"): words a smaller city shares are checked more strictly.
_CITY = 250_000
_CITY_GAP = 1.0
_CITY_ELSEWHERE = 3.0
_FREQUENT = 4.0  # Zipf: rarer names reach the preposition scan already
_MAX_ZIPF = 5.5
_ELSEWHERE = 2.3
_GAP = 2.0
_OTHER_LANGUAGES = {
    "en": ("es", "fr", "de", "nl"),
    "es": ("en", "fr", "de", "nl"),
    "fr": ("en", "es", "de", "nl"),
}
# English "to" only after a word of going: "to hang" is a verb, "went to london" a city.
_PREPOSITIONS = (
    "in|from|near|at|en|a|à|desde|hasta|para|pa|hacia|vers|depuis|jusqu'à|jusqua|"
    "(?:came|come|went|go|going|gone|moved|fled|back|sent|deported|flew|travell?ed|brought|"
    "took|taken|arrived|way|flight|bus|train|ticket)[ \t]+to|reached|reach"
)


@lru_cache(maxsize=3)
def _city_names(lang: str) -> tuple[str, ...]:
    """The one-word names of big cities that are frequent words of the language and that other
    languages name about as often (see the module's docstring)."""
    others = _OTHER_LANGUAGES[lang]
    names = []
    for name, population in load_gazetteer().latin.items():
        if population < _CITY or len(name) < 4 or not name.isalpha():
            continue
        if name in PLACE_WORD_SET:
            continue  # "fuimos a colonia nueva": a place word, not Cologne
        own = zipf(name, lang)
        if not _FREQUENT <= own < _MAX_ZIPF:
            continue
        elsewhere = sorted(zipf(name, o) for o in others)
        median = (elsewhere[1] + elsewhere[2]) / 2
        if population >= _BIG_CITY:
            if median >= _ELSEWHERE and own - median < _GAP:
                names.append(name)
        elif (
            median >= _CITY_ELSEWHERE
            and own - median < _CITY_GAP
            and not is_name(name)
            and not is_nationality(name)
            and not is_language_name(name)
        ):
            names.append(name)
    return tuple(sorted(names))


@lru_cache(maxsize=3)
def _pattern(lang: str) -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w'’-])(?:"
        + _PREPOSITIONS
        + r")[ \t]+(?P<city>"
        + trie_regex(_city_names(lang))
        + r")(?![\w'’-])"
    )


def find_big_city_places(text: str, lang: str) -> list[Suggestion]:
    """Big cities named by a frequent word after a preposition, in lower-case text."""
    if lang not in _OTHER_LANGUAGES or not written_in_lower_case(text):
        return []
    return [
        suggestion(*m.span("city"), "place", _CONFIDENCE, DETECTOR, text[slice(*m.span("city"))])
        for m in _pattern(lang).finditer(lower_same_length(text))
    ]


def warm_up() -> None:
    """Build every language's pattern."""
    for lang in _OTHER_LANGUAGES:
        _pattern(lang)
