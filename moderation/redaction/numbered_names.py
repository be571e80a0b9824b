# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""Places and bodies named by a word and a number, in Spanish and French: "en la cota 905", "los
del frente 33", "nos llevaron a la siglo 21", "je suis du km5", "en fm4 me ayudaron".

A word followed by a number after an article or a preposition names one thing among several
(a settlement on a hillside, a guerrilla front, a detention station, a neighbourhood called by
its kilometre, a shelter's short name). Not when the word counts or orders ("a los 14 años",
"la ruta 41", "la zona 1", "el piso 3": numbered routes, zones, floors and lines identify no
one), nor when the number is a date's day ("el 14 de marzo"). A guess, below the leak guard's
threshold.
"""

from __future__ import annotations

import re

from .model import Suggestion, suggestion
from .name_word_lists import FUNCTION_WORDS
from .scan import digit_runs

DETECTOR = "numbered_names"
_CONFIDENCE = 0.5


def _split(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words that count, order or number things that identify no one.
_COUNTING = _split(
    "año años ano anos dia dias día días mes meses semana semanas hora horas minuto minutos "
    "year years day days month months week weeks hour hours minute minutes an ans jour jours "
    "mois semaine semaines heure heures zona zone zones ruta route bus linea línea line ligne "
    "piso floor étage etage cuarto room chambre numero número number numéro grado grade "
    "clase class capitulo capítulo chapter pagina página page calle street rue avenida avenue "
    "casa house edad age sala celda cell bloque block edificio lote "
    "comuna barrio colonia sector"
)
# The scan is led by the text's runs of digits (scan.digit_runs, shared with the other
# digit-led detectors); the word and the article or preposition are looked for right before a
# run, what follows right after it.
_MAX_DIGITS = 3
_BEFORE = re.compile(
    r"(?<![\w'’-])(?:la|el|los|las|del|al|en|de|le|du|au|à|a)[ \t]+"
    r"(?P<word>[a-zñáéíóúü]{2,})[ \t]?$"
)
_AFTER = re.compile(
    r"[\w'’]|[.,:/-]\d|[ \t]+(?:de|del|am|pm|años|anos|ans|semanas|días|dias|meses|"
    r"horas|veces|jours|semaines|mois|heures|fois)(?![\w'’])"
)


def find_numbered_names(text: str, lang: str) -> list[Suggestion]:
    """A word and a number after an article or preposition, in Spanish and French (see the
    module's docstring)."""
    if lang not in ("es", "fr"):
        return []
    out = []
    for start, end, _ in digit_runs(text):
        if end - start > _MAX_DIGITS or (start > 0 and text[start - 1] in ".,:/-"):
            continue
        if _AFTER.match(text, end):
            continue
        m = _BEFORE.search(text, max(0, start - 24), start)
        if m is None or m.group("word") in _COUNTING or m.group("word") in FUNCTION_WORDS:
            continue
        name_start = m.start("word")
        out.append(
            suggestion(name_start, end, "place", _CONFIDENCE, DETECTOR, text[name_start:end])
        )
    return out
