# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""Names capitalised inside a sentence, in Spanish and French: "cruzó por la trocha de La
Parada", "los guardias de la empresa Minera del Norte", "enfermé à la Maison Centrale".

Spanish and French capitalise a word inside a sentence only where it is part of a name (not
months, nationalities, languages or titles of works, as English does), so two capitalised
words in a row there, or a capitalised article before one ("El Triunfo"), name something even
when every word is ordinary ("La Parada", the bus stop), which the capitalised-run detector then
lets go. A single capitalised word is left to it ("Dios", "Dr", "la Fiscalía" are as often no
one's name). After a place preposition a place, else an organisation; below the leak guard's
threshold: the words are still ordinary ones.
"""

from __future__ import annotations

import re

from .model import Suggestion, suggestion
from .scan import written_in_lower_case

DETECTOR = "inner_capitals"
_CONFIDENCE = 0.6
_CAPITALISED = r"[A-ZÁÉÍÓÚÑÀÂÇÈÊÎÔÛÜ][\w'’-]*"
# Led by a lower-case letter or a comma and a space (inside a sentence): two capitalised words
# or more (a capitalised article is one: "La Parada", "Le Phare"). Not over a joining
# word ("de", "del", "en"), which as often joins two names ("Belén de Tapachula", "Marvin
# Orellana de la Procuraduría") as it is inside one; the merge would make the two one span.
_NAME = re.compile(
    r"(?<=[a-záéíóúñàâçèêîôûü,][ \t])" + _CAPITALISED + r"(?:[ \t]+" + _CAPITALISED + ")+"
)
# A place preposition, perhaps with an article, right before the name.
_PLACE_BEFORE = re.compile(
    r"(?i)(?<![\w'’])(?:en|de|desde|hasta|hacia|por|a|à|au|dans|vers|depuis|cerca[ \t]+de|"
    r"près[ \t]+de)[ \t]+(?:(?:la|el|los|las|le|les)[ \t]+|l['’])?$"
)


def find_inner_capitals(text: str, lang: str) -> list[Suggestion]:
    """Names capitalised inside a sentence (see the module's docstring)."""
    if lang not in ("es", "fr") or written_in_lower_case(text):
        return []
    out = []
    for m in _NAME.finditer(text):
        before = _PLACE_BEFORE.search(text, max(0, m.start() - 14), m.start())
        kind = "place" if before is not None else "organisation"
        out.append(suggestion(*m.span(), kind, _CONFIDENCE, DETECTOR, m.group()))
    return out
