# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""Words no dictionary knows, in a text written all in lower case: "la ofraneh hizo la denuncia",
"soy yusmary de petare", "ont pris kitshanga", "frederikke has been".

Typed on a phone without capitals, a name has no shape left but its rarity. A word of four
letters or more that none of wordfreq's English, Spanish, French, Portuguese, Italian, German
and Dutch lists knows (and that is no accented word typed without its accents) is most often a
name of a person, a place or an organisation; sometimes slang, a typo or a word of another
language. Right after a singular article ("la cenidh", "el higueral") a word a little more
frequent is taken too, and an acronym of three letters ("la pdh"): a noun that rare after an
article names something. A guess, far below
the leak guard's threshold; its kind from the word before it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .kurmanji_names import looks_kurmanji
from .language import zipf
from .latin_word_frequencies import unaccented_zipf
from .model import Suggestion, suggestion
from .scan import has_arabic, written_in_lower_case


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


DETECTOR = "unknown_words"
_CONFIDENCE = 0.45
_UNKNOWN = 1.0  # Zipf: below this in every language, the word is unknown
_AFTER_ARTICLE = 2.0  # Zipf: below this right after a singular article
_LANGUAGES = ("es", "en", "fr", "pt", "it", "de", "nl")
# A lower-case word of three letters or more (Latin letters only; three only after a singular
# article: "la pdh"), and the word before it.
_WORD = re.compile(r"(?<![\w'’-])[a-zß-ÿ]{3,}(?![\w'’-])")
_BEFORE = re.compile(r"(?<![\w'’-])([a-zß-ÿ]+)[ \t]+$")
# A singular article: "la adivima", "el inframen", "du km"; not a plural one ("los paracos",
# "les imbonerakure": a plural rare noun is most often a group of people, left unnamed).
_SINGULAR_ARTICLES = frozenset(("la", "el", "al", "del", "le", "du"))
# Prepositions and verbs of a journey after which the word is taken for a place.
_PLACE_BEFORE = frozenset(
    _split(
        "en de desde hasta hacia por pa pal a x in from to at near via à au dans vers depuis "
        "soti depi nan pris quitte quitté left fled reached crossed cruzamos pasamos"
    )
)


@lru_cache(maxsize=65536)
def _frequency(word: str) -> float:
    """The highest Zipf frequency of a lower-case word in the compared languages, also as the
    unaccented spelling of a Spanish or French word."""
    best = 0.0
    for lang in _LANGUAGES:
        best = max(best, zipf(word, lang))
        if best >= _AFTER_ARTICLE:
            return best
    return max(best, unaccented_zipf(word, "es"), unaccented_zipf(word, "fr"))


def find_unknown_words(text: str, lang: str) -> list[Suggestion]:
    """Unknown words of a lower-case Latin-script text (see the module's docstring)."""
    if (
        lang not in ("en", "es", "fr")
        or not written_in_lower_case(text)
        or has_arabic(text)
        or looks_kurmanji(text)  # no wordfreq list: every Kurmanji word is unknown
    ):
        return []
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        if _frequency(word) >= _AFTER_ARTICLE:
            continue  # most words: no need to look at the one before
        previous = _BEFORE.search(text, max(0, m.start() - 12), m.start())
        before = previous.group(1) if previous else ""
        after_article = before in _SINGULAR_ARTICLES
        if not after_article and len(word) < 4:
            continue
        if _frequency(word) >= (_AFTER_ARTICLE if after_article else _UNKNOWN):
            continue
        if before in _PLACE_BEFORE:
            kind = "place"
        elif before in _SINGULAR_ARTICLES:
            kind = "organisation"
        else:
            kind = "person"
        out.append(suggestion(*m.span(), kind, _CONFIDENCE, DETECTOR, word))
    return out
