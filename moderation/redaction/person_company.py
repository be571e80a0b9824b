# ruff: noqa: RUF001  (typographic quotes are data)
"""People named by whom they are with or what was done to them, in any case:

- with the writer: "Dolores y yo salimos", "yo y marisol", "Andrii and I", "moi et Espoir";
- the personal "a" after a verb of meeting, seeing, calling, helping or harm: "vi a luz en la
  fila", "le pedí ayuda a socorro", "llamé a Amparo", "mataron a salvador".

The word must look like a name: a given name of the lists (even one that is a word: "luz",
"dolores"), a word rare in en, es and fr, or a capitalised word inside a capitalised sentence.
Below the leak guard's threshold: the shape is evidence, not proof."""

from __future__ import annotations

import re

from .language import zipf
from .latin_word_frequencies import unaccented_zipf
from .model import Suggestion, suggestion
from .name_lexicon import is_given_name
from .name_tokens import sentence_start
from .regex_util import CaselessPattern, first_chars, trie_regex
from .scan import written_in_lower_case

_CONFIDENCE = 0.7
_RARE = 3.0
_NAME = r"[^\W\d_][\w'’-]*"
# "X y yo", "X and I", "X et moi" (X one or two words).
_WITH_ME = CaselessPattern(
    rf"(?<![\w'’-])(?P<name>{_NAME}(?:[ \t]+{_NAME})?)[ \t]+"
    r"(?:y[ \t]+yo|e[ \t]+yo|and[ \t]+i|and[ \t]+me|et[ \t]+moi)(?![\w'’-])"
)
# "yo y X", "me and X", "moi et X", "i and X".
_ME_WITH = CaselessPattern(
    rf"(?<![\w'’-])(?:yo[ \t]+y|me[ \t]+and|i[ \t]+and|moi[ \t]+et)[ \t]+(?P<name>{_NAME})"
)
_VERB_WORDS = (
    "vi|ví|veo|conocí|conoci|conozco|llamé|llame|llamo|busqué|busque|buscamos|encontré|"
    "encontre|encontramos|abracé|abrace|visité|visite|esperé|espere|ayudé|ayude|mataron|mató|"
    "mato|secuestraron|secuestró|secuestro|desaparecieron|detuvieron|agarraron|golpearon|"
    "amenazaron|violaron|reclutaron|levantaron|dejé|deje|dejamos|extraño|extrano|"
    "le dije|le conté|le conte|le pedí|le pedi|le escribí|le escribi|le mandé|le mande|ayuda"
)
_VERBS = _VERB_WORDS.split("|")
_PERSONAL_A = CaselessPattern(
    first_chars([v[0] for v in _VERBS])
    + r"(?<![\w'’-])"
    + trie_regex(_VERBS)
    + rf"[ \t]+a[ \t]+(?P<name>{_NAME})"
)
# The same verbs, or "con", "with", "avec", right before a word (see company_before).
_COMPANY_BEFORE = re.compile(
    r"(?i)(?<![\w'’-])(?:con|with|avec|junto[ \t]+a|(?:" + trie_regex(_VERBS) + r")[ \t]+a)[ \t]+$"
)


def _words(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


_NOT_NAMES = frozenset(
    _words(
        "el la los las un una mi mis su sus tu nuestro nuestra todos todas nadie alguien ella "
        "él ellos ellas usted ustedes nosotros otro otra otros otras uno ese esa este esta "
        "aquel aquella quien quién the a an my his her our their this that he she they we you "
        "it le les un une mon ma mes son sa ses il elle ils elles nous vous on dios god "
        "casa ver veces pesar través lado causa cada mí mi ti sí"
    )
)


def _looks_like_a_name(text: str, start: int, word: str, lower_text: bool) -> bool:
    low = word.lower()
    if len(low) < 3 or low in _NOT_NAMES or not low.replace("-", "").isalpha():
        return False
    if not lower_text and not word[0].isupper():
        return False
    if is_given_name(low):
        return True
    rare = max(zipf(low, "es"), zipf(low, "en"), zipf(low, "fr"), unaccented_zipf(low, "es"))
    if rare < _RARE:
        return True
    return not lower_text and not sentence_start(text, start) and rare < 4.5


def find_people_in_company(text: str) -> list[Suggestion]:
    """People with the writer and after the personal "a" (see the module's docstring)."""
    lower_text = written_in_lower_case(text)
    out = []
    for m in _WITH_ME.finditer(text):
        start, end = m.span("name")
        words = list(re.finditer(_NAME, text[start:end]))
        if len(words) == 2:
            second = words[1].group()
            if _looks_like_a_name(text, start + words[1].start(), second, lower_text) and (
                _looks_like_a_name(text, start, words[0].group(), lower_text)
            ):
                out.append(_person(text, start, end))
                continue
            start += words[1].start()  # "salimos dolores y yo": only the word next to "y"
        if _looks_like_a_name(text, start, text[start:end], lower_text):
            out.append(_person(text, start, end))
    for m in [*_ME_WITH.finditer(text), *_PERSONAL_A.finditer(text)]:
        start, end = m.span("name")
        if _looks_like_a_name(text, start, text[start:end], lower_text):
            out.append(_person(text, start, end))
    return out


def _person(text: str, start: int, end: int) -> Suggestion:
    return suggestion(start, end, "person", _CONFIDENCE, "name_cues", text[start:end])


def company_before(text: str, start: int) -> bool:
    """Whether the word at start follows "con", "with", "avec" or a verb of meeting, seeing,
    helping or harm and the personal "a": whom one is with or acts on ("fui con Rosario",
    "le pedí ayuda a Socorro")."""
    return _COMPANY_BEFORE.search(text, max(0, start - 24), start) is not None
