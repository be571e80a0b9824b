# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""Names after a title in a text written all in lower case, even when the name is a common
word: "la señora cata me prestó", "aunty precious bring me", "sister gift from", "mister lim".

The kin and role cues (name_cues) take a common word after them only before a verb of being
or having; a title of address (señora, don, mister, aunty, sister, pastor) is followed by a
name far more often than a kin word is, so a fairly common word after one (Zipf below 5 in
the text's language and in English) is suggested as a person. Not a word that is itself a
title ("mamá doña chencha") or a frequent verb typed without its accents ("papa tenia"). A
guess, below the leak guard's threshold.
"""

from __future__ import annotations

import re

from .language import zipf
from .latin_word_frequencies import unaccented_zipf
from .model import Suggestion, suggestion
from .name_lexicon import is_given_name
from .name_word_lists import FUNCTION_WORDS
from .nationalities import is_nationality
from .regex_util import first_chars, trie_regex
from .scan import written_in_lower_case

DETECTOR = "title_names"
_CONFIDENCE = 0.55
_MAX_ZIPF = 5.0


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


_TITLES = frozenset(
    _split(
        "señora senora señor senor doña dona don seño profe licenciada licenciado doctora "
        "doctor padre pastor pastora hermana hermano comadre compadre "
        "mister miss missus mrs mr sister brother aunty auntie uncle madam madame "
        "monsieur mme tonton tantie tanti manman sor fray father"
    )
)
_TITLE_THEN_WORD = re.compile(
    first_chars(_TITLES)
    + r"(?<![\w'’])(?:"
    + trie_regex(_TITLES)
    + r")[ \t]+(?P<word>[a-zß-ÿ]{3,})(?![\w'’-])"
)


# Haitian "ti" (little) before a given name of the lists, in a French or Creole text: "ti jean",
# "ti rose", taken with it (not "ti kay", a little house; Spanish "ti" is "you").
_TI_THEN_WORD = re.compile(r"(?<![\w'’-])ti[ \t]+(?P<word>[a-zß-ÿ]{3,})(?![\w'’-])")

# "my father", "mi padre", "mon frère": a kin word, which name_cues reads; "hermano" alone is a
# title of address, and "father" alone (not "the father", "a father") a priest.
_OWNED = re.compile(
    r"(?<![\w'’])(?:my|his|her|our|their|your|mi|mis|tu|su|sus|nuestro|nuestra|mon|ma|mes|ton|"
    r"ta|son|sa|notre)[ \t]+$",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"(?<![\w'’])(?:the|a)[ \t]+$", re.IGNORECASE)


def is_title(word: str) -> bool:
    """Whether a lower-case word is a title of address ("doña", "aunty", "tonton")."""
    return word in _TITLES


def find_title_names(text: str, lang: str) -> list[Suggestion]:
    """A word after a title in a lower-case Latin-script text (see the module's docstring)."""
    if lang not in ("en", "es", "fr") or not written_in_lower_case(text):
        return []
    out = []
    for m in _TITLE_THEN_WORD.finditer(text):
        word = m.group("word")
        if word in FUNCTION_WORDS or word in _TITLES:
            continue
        before = max(0, m.start() - 10)
        if _OWNED.search(text, before, m.start()) or (
            text.startswith("father", m.start()) and _ARTICLE.search(text, before, m.start())
        ):
            continue  # "my father took us", "mi padre trabajaba": kin, not a title
        if max(zipf(word, lang), zipf(word, "en"), unaccented_zipf(word, lang)) >= _MAX_ZIPF:
            continue
        out.append(suggestion(*m.span("word"), "person", _CONFIDENCE, DETECTOR, word))
    if lang == "fr" and "ti " in text:
        for m in _TI_THEN_WORD.finditer(text):
            word = m.group("word")
            if word in FUNCTION_WORDS or word in _TITLES or is_nationality(word):
                continue
            if is_given_name(word) and zipf(word, lang) < _MAX_ZIPF:  # not "ti kay", "ti moun"
                out.append(
                    suggestion(m.start(), m.end(), "person", _CONFIDENCE, DETECTOR, m.group())
                )
    return out
