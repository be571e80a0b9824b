# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""Names led by a capitalised article in the middle of a sentence: "cruzó por la trocha de La
Parada", "nos quedamos en El Triunfo", "il dort au foyer Le Phare".

Spanish and French write an article with a capital letter inside a sentence only where it
starts a name (a place, a shelter, a market, a farm), even when the words after it are ordinary
("La Parada", the bus stop; "El Triunfo", the triumph), which the capitalised-run detector
then lets go. After a place preposition it is a place; elsewhere mostly a place too (a farm, a
colonia, a prison), else an organisation. Below the leak guard's threshold: the words are
still ordinary ones.
"""

from __future__ import annotations

import re

from .model import Suggestion, suggestion
from .scan import written_in_lower_case

DETECTOR = "article_names"
_CONFIDENCE = 0.6
_CAPITALISED = r"[A-ZÁÉÍÓÚÑÀÂÇÈÊÎÔÛÜ][\w'’-]*"
# Led by a lower-case letter or a comma and a space (inside a sentence), the article, then
# capitalised words, joined by the small words of names ("La Loma de la Muerte").
_NAME = re.compile(
    r"(?<=[a-záéíóúñàâçèêîôûü,][ \t])(?:La|El|Las|Los|Le|Les)[ \t]+"
    + _CAPITALISED
    + r"(?:[ \t]+(?:(?:de|del|la|las|los|el|du|des)[ \t]+)?"
    + _CAPITALISED
    + ")*"
)


def find_article_names(text: str, lang: str) -> list[Suggestion]:
    """Names led by a capitalised article inside a sentence (see the module's docstring)."""
    if lang not in ("es", "fr") or written_in_lower_case(text):
        return []
    return [
        suggestion(*m.span(), "place", _CONFIDENCE, DETECTOR, m.group())
        for m in _NAME.finditer(text)
    ]
