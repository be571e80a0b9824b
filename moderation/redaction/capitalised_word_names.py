# ruff: noqa: RUF001  (typographic quotes are data)
"""A given name that is also an everyday word, written with its capital in the middle of a
sentence of a text written with capitals: "the mob found me and Gift together", "they carried
Precious to the hospital", "je pense à Espérance". In English, French and Spanish an everyday
word takes a capital there only as a name. Not after an article, a possessive or "of" (a
title: "the Gift Shop", "Ministry of Justice"), not before another capitalised word nor after
one and "et" (a longer name: "Hope Street", "Droit et Justice"), not a month or a day ("since
May"), nor a word of faith ("we are Christian"). A guess, below the leak guard's threshold.
"""

from __future__ import annotations

import re

from .language import zipf
from .model import Suggestion, suggestion
from .name_lexicon import is_given_name, is_ordinary
from .name_tokens import sentence_start
from .nationalities import is_nationality
from .scan import written_in_lower_case

DETECTOR = "capitalised_word_names"


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


_CONFIDENCE = 0.6
_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][a-zß-ÿ]{2,}(?![\w'’-])")
_BEFORE = re.compile(r"([\w'’]+)[ \t]+$")
_NEXT_CAPITAL = re.compile(r"[ \t]+[A-ZÀ-ÖØ-Þ]")
_JOINS = frozenset(("et", "and", "y", "e"))
_CAPITALISED_BEFORE = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’-]*[ \t]+$")
# After these a capitalised word is a title's or a thing's ("the Hope Centre", "of Justice").
_NOT_AFTER = frozenset(
    _split(
        "the a an of my our your his her their this that de du des del la le les el los las "
        "un une una mi mis su sus mon ma mes son sa ses notre nos votre vos in on at for from "
        "to by en dans sur por para au aux"
    )
)
_NOT_NAMES = frozenset(
    _split(
        "january february march april may june july august september october november "
        "december monday tuesday wednesday thursday friday saturday sunday christian "
        "christiana christmas easter god lord jesus"
    )
)
# Everyday words given as names in the organisation's communities (English-speaking Africa,
# francophone Africa, Latin America), which the name lists leave out so that the ordinary-word
# sweep keeps them: they are names here only with their capital in mid-sentence.
_WORD_NAMES = frozenset(
    _split(
        "gift precious blessing justice mercy patience hope faith joy grace peace charity "
        "comfort favour favor goodness godwin marvellous promise prosper innocent fidele "
        "fidèle divine bienvenu merveille providence gloire espérance esperance exaucé "
        "dieudonné milagros consuelo dolores rosario luz paz caridad soledad esperanza "
        "remedios amparo socorro"
    )
)
_MAX_ZIPF = 5.5  # a word more frequent than this is taken for the word ("Will", "Mark")


def find_capitalised_word_names(text: str, lang: str) -> list[Suggestion]:
    """Everyday-word given names capitalised in the middle of a sentence (see the module)."""
    if written_in_lower_case(text) or text.isupper():
        return []
    zlang = lang if lang in ("en", "es", "fr") else "en"
    out = []
    for m in _WORD.finditer(text):
        word = m.group()
        low = word.lower()
        listed_word = is_given_name(low) and is_ordinary(low)
        if low in _NOT_NAMES or not (low in _WORD_NAMES or listed_word):
            continue
        if sentence_start(text, m.start()) or _NEXT_CAPITAL.match(text, m.end()):
            continue
        before = _BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before is None or not before.group(1).islower() or before.group(1) in _NOT_AFTER:
            continue
        if before.group(1) in _JOINS and _CAPITALISED_BEFORE.search(text, 0, before.start()):
            continue  # "Association Droit et Justice": the end of a longer name
        if zipf(low, zlang) >= _MAX_ZIPF or is_nationality(low):
            continue
        out.append(suggestion(m.start(), m.end(), "person", _CONFIDENCE, DETECTOR, word))
    return out
