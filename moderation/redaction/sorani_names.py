"""Sorani (Arabic script) self-introductions: "من هێمنم" (I am Hêmin), where the copula "م" is
written onto the name. Arabic-script names after cues are ``arabic_names``'s; this is the one
shape it cannot see, since the name is glued to the verb of being.

Below the leak guard's threshold (0.7): a word after "من" at the start of a sentence, ending in
"م" and followed by the end of the clause, is a name unless it is an everyday Sorani word
(``kurdish_words``), a verb (with a present, negative or subjunctive prefix: "دەڕۆم",
"نازانم") or a nationality or language ("کوردم").
"""

from __future__ import annotations

import re

from .arabic_cue_words import KURDISH_LETTERS
from .kurdish_words import is_kurdish_word
from .model import Suggestion, suggestion

DETECTOR = "sorani"

_I_AM = re.compile(
    r"(?:^|[.!?؟،,\n][ \t]*)من[ \t]+(?P<name>[\u0620-\u064a\u0671-\u06d5]{2,})م"
    r"(?=[ \t]*(?:[.!?؟،,\n]|$))"
)
# Present, negative and subjunctive prefixes of Sorani verbs.
_VERB_PREFIXES = ("دە", "نا", "نە", "ب")


def find_sorani_names(text: str) -> list[Suggestion]:
    """Names glued to "م" (I am) after "من" at a sentence start."""
    if not any(letter in text for letter in KURDISH_LETTERS):
        return []
    out = []
    for m in _I_AM.finditer(text):
        name = m.group("name")
        if (
            is_kurdish_word(name)
            or is_kurdish_word(name + "م")
            or is_kurdish_word(name + "ی")
            or name.startswith(_VERB_PREFIXES)
        ):
            continue
        out.append(suggestion(*m.span("name"), "person", 0.7, DETECTOR, name))
    return out
