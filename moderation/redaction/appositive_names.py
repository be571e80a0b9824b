# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""People named in an apposition with a relation word, in English, Spanish and French: the name
and then who they are ("merveille, sa femme, m'a donne", "Ubaldo, mi compañero, me llevó"), or
who they are and then the name between commas ("un compañero, ubaldo, me llevo", "the boss,
tariq, kept my passport"); and, with no comma, the name that starts a sentence and then who
they are and what they did ("akissi ma femme est allee a yamoussoukro", "Yusuf my brother
stayed").

A relation word between commas next to a single word names that word far more often than not,
but a noun can stand there too ("el carro, su camioneta"), so the word must look like a name: a
given name of the lists that is not a very frequent word, or a word not frequent in the text's
language (typed without accents too); in a text with capitals, a capitalised word. Not a title,
a nationality or a relation word itself. Below the leak guard's threshold.
"""

from __future__ import annotations

import re

from .cues import RELATION_WORDS
from .language import zipf
from .latin_word_frequencies import unaccented_zipf
from .model import Suggestion, suggestion
from .name_lexicon import is_given_name
from .name_word_lists import FUNCTION_WORDS
from .nationalities import is_nationality
from .regex_util import trie_regex
from .scan import written_in_lower_case
from .title_names import is_title

_DETECTOR = "name_cues"
_CONFIDENCE = 0.6
_COMMON = 4.3  # Zipf: a more frequent word is a word ("la niña, su hija")
_LISTED_MAX = 4.5  # Zipf: a listed given name more frequent than this is a word ("niña")

_POSSESSIVE = r"sa|son|ses|mon|ma|mes|su|sus|mi|mis|his|her|my|our|their|notre|leur|nuestra|nuestro"
_DETERMINER = _POSSESSIVE + r"|un|una|une|el|la|le|the|a|an"
_RELATION = trie_regex(sorted(set(RELATION_WORDS.split("|")), key=len, reverse=True))
_NAME = r"[^\W\d_][\w'’-]{2,}"
# Both shapes are found from their commas (a literal the regex engine scans for fast): ", sa
# femme," after the name, "un compañero," before ", ubaldo,".
# "merveille, sa femme," / "Ubaldo, mi compañero,": the relation after the comma ...
_COMMA_RELATION = re.compile(rf",[ \t]*(?i:{_POSSESSIVE})[ \t]+(?i:{_RELATION})[ \t]*[,.;]")
# ... and the name right before it.
_NAME_BEFORE = re.compile(rf"(?<![\w'’-])(?P<name>{_NAME})[ \t]*$")
# "un compañero, ubaldo," / "the boss, tariq, kept": the name between commas ...
_COMMA_NAME = re.compile(rf",[ \t]*(?P<name>{_NAME})[ \t]*,")
# ... after a determiner and a relation word.
_RELATION_BEFORE = re.compile(rf"(?<![\w'’-])(?i:{_DETERMINER})[ \t]+(?i:{_RELATION})[ \t]*$")
# "akissi ma femme est allee": a sentence's first word, a possessive and a relation word, then
# another word (what they did).
_START_NAME_RELATION = re.compile(
    rf"(?:^|(?<=[.!?\n])[ \t]*)(?P<name>{_NAME})[ \t]+(?i:{_POSSESSIVE})[ \t]+(?i:{_RELATION})"
    r"[ \t]+(?!(?i:de|del|of|d['’])[ \t])(?P<next>[^\W\d_][\w'’-]*)",
    re.MULTILINE,
)
# The word after the relation is what they did, a frequent word and no name ("est", "stayed");
# not the relation's own name ("alhamdulillah my daughter patience goes", "Acompañan su hija Fe").
_DID_MIN = 4.0  # Zipf
_WINDOW = 40  # characters looked back at
_RELATION_SET = frozenset(RELATION_WORDS.split("|"))


def find_appositive_names(text: str, lang: str) -> list[Suggestion]:
    """A name next to a relation word in an apposition (see the module's docstring)."""
    if lang not in ("en", "es", "fr"):
        return []
    lower_text = written_in_lower_case(text)
    spans = [
        m.span("name")
        for m in _START_NAME_RELATION.finditer(text)
        if _what_they_did(m.group("next"), lang)
    ]
    if "," not in text:
        return _names(text, spans, lang, lower_text)
    for m in _COMMA_RELATION.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, m.start() - _WINDOW), m.start())
        if before is not None:
            spans.append(before.span("name"))
    for m in _COMMA_NAME.finditer(text):
        last = _NAME_BEFORE.search(text, max(0, m.start() - _WINDOW), m.start())
        if last is None or last.group("name").lower() not in _RELATION_SET:
            continue  # the regex below only after a relation word
        if _RELATION_BEFORE.search(text, max(0, m.start() - _WINDOW), m.start()) is not None:
            spans.append(m.span("name"))
    return _names(text, spans, lang, lower_text)


def _names(
    text: str, spans: list[tuple[int, int]], lang: str, lower_text: bool
) -> list[Suggestion]:
    """The suggestions for the spans whose words look like names."""
    out = []
    for start, end in sorted(set(spans)):
        word = text[start:end]
        if _looks_like_a_name(word, lang, lower_text):
            out.append(suggestion(start, end, "person", _CONFIDENCE, _DETECTOR, word))
    return out


def _what_they_did(word: str, lang: str) -> bool:
    low = word.lower()
    return word == low and not is_given_name(low) and zipf(low, lang) >= _DID_MIN


def _looks_like_a_name(word: str, lang: str, lower_text: bool) -> bool:
    low = word.lower()
    if not lower_text and not word[0].isupper():
        return False
    if low in FUNCTION_WORDS or low in _RELATION_SET or is_title(low) or is_nationality(low):
        return False
    if is_given_name(low) and max(zipf(low, lang), zipf(low, "en")) < _LISTED_MAX:
        return True
    return max(zipf(low, lang), unaccented_zipf(low, lang)) < _COMMON
