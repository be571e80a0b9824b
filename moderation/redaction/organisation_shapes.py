# ruff: noqa: RUF001  (multilingual text: typographic quotes are data)
"""Organisations known by the shape of their name rather than a type word before a name:
- in a Spanish text with capitals, a capitalised run led by a word that names a body of people
  ("el Movimiento Campesino", "la Unidad para las Víctimas", "la Casa de Asistencia Temporal
  para Menores Migrantes", "la Pastoral de Movilidad Humana");
- "Médicos del Mundo", "Médecins du Monde", "Doctors of the World" (the shape of "sin
  fronteras", which named_organisations has);
- in a Spanish text, the acronyms of the public bodies that migrants deal with in Mexico,
  Central America, Colombia and Venezuela, typed in lower case after an article or a
  preposition ("fui a la comar", "el inamu me mandó"); in capitals the acronym rule has them;
- in a Spanish text, a house named by a rare word ("la casa tochan");
- in a French text, a body of people named in the French way, its first word capitalised and
  the rest not ("au Comité contre l'esclavage moderne", "le Syndicat des locataires"), up to
  a punctuation mark or a word that starts a clause.
Below the leak guard's threshold: the shape is evidence, not proof.
"""

from __future__ import annotations

import re

from .language import zipf
from .latin_word_frequencies import unaccented_zipf
from .model import Suggestion, suggestion
from .regex_util import first_chars, trie_regex
from .scan import lower_same_length


def _split(words: str) -> list[str]:
    """The words of a space-separated list."""
    return words.split()


_CONFIDENCE = 0.8
_LOWER_CONFIDENCE = 0.7
_CAPITAL = r"[A-ZÁÉÍÓÚÑÜ][\w'’-]*"
_JOIN = r"(?:de|del|de[ \t]+la|de[ \t]+las|de[ \t]+los|para|para[ \t]+la|para[ \t]+las|y)"
# Words that lead the name of a body of people, capitalised as part of the name.
_HEADS = _split(
    "Casa Unidad Movimiento Red Frente Programa Proyecto Consejo Oficina Servicio Pastoral "
    "Coordinadora Alianza Misión Mision Comisión Comision Mesa Brigada Colectiva"
)
_HEADED = re.compile(
    first_chars(_HEADS)
    + rf"(?<![\w'’-]){trie_regex(_HEADS)}(?:[ \t]+(?:{_JOIN}[ \t]+)?{_CAPITAL}){{1,6}}"
    + r"(?![\w'’-])"
)
_ANY_HEAD = re.compile(trie_regex(_HEADS))
_OF_THE_WORLD = re.compile(
    r"(?i)(?<![\w'’-])(?:m[eé]dicos|m[eé]decins|doctors|abogados|avocats|lawyers)[ \t]+"
    r"(?:del[ \t]+mundo|du[ \t]+monde|of[ \t]+the[ \t]+world)(?![\w'’-])"
)
_WORLD_WORDS = ("mundo", "monde", "world")
# Public bodies by their acronym: migration and refugee offices, child protection, women's
# institutes, prosecutors and human-rights offices (public institutions, not people).
_PUBLIC_ACRONYMS = _split(
    "comar inm dif dinaf inamu icbf saime dgme fgr cndh conapred senaf conamigua pgn conadeh "
    "procuvin"
)
_BEFORE_ACRONYM = re.compile(r"(?<![\w'’-])(?:la|el|al|del|en|de|con|por|a|ante)[ \t]+$")


# "la casa tochan", "en casa betania": a house named by a word that is no Spanish word is a
# shelter's or a project's name (a house of someone is "la casa de ...").
_NAMED_HOUSE = re.compile(
    r"(?i)(?<![\w'’-])(?:la|a|en|de|desde)[ \t]+(?P<house>casa[ \t]+(?P<name>[^\W\d_]{4,}))"
    r"(?![\w'’-])"
)
_HOUSE_NAME_MAX_ZIPF = 3.0


def _named_houses(text: str) -> list[Suggestion]:
    """Houses named by a rare word, as organisations (see _NAMED_HOUSE)."""
    out = []
    for m in _NAMED_HOUSE.finditer(text):
        low = m.group("name").lower()
        if max(zipf(low, "es"), zipf(low, "en"), unaccented_zipf(low, "es")) < _HOUSE_NAME_MAX_ZIPF:
            start, end = m.span("house")
            conf = _CONFIDENCE if m.group("name")[0].isupper() else _LOWER_CONFIDENCE
            out.append(suggestion(start, end, "organisation", conf, "name_parts", text[start:end]))
    return out


def _lower_acronyms(text: str) -> list[Suggestion]:
    """The public bodies' acronyms typed in lower case after an article or a preposition,
    found by plain substring searches (most texts have none)."""
    out = []
    for acronym in _PUBLIC_ACRONYMS:
        start = text.find(acronym)
        while start >= 0:
            end = start + len(acronym)
            if (
                not _WORD_CHAR.match(text, end)
                and (start == 0 or not _WORD_CHAR.match(text, start - 1))
                and _BEFORE_ACRONYM.search(text, max(0, start - 6), start)
            ):
                out.append(
                    suggestion(start, end, "organisation", _LOWER_CONFIDENCE, "name_parts", acronym)
                )
            start = text.find(acronym, end)
    return out


_WORD_CHAR = re.compile(r"[\w'’-]")

# French bodies of people whose name is their first word and what it is for; the name runs over
# "de", "des", "du", "contre", "pour", elided articles and adjectives, to a punctuation mark or
# a word that starts a clause (at most six words after the head).
_FRENCH_HEADS = _split(
    "Comité Collectif Syndicat Fédération Ligue Mouvement Secours Coordination Observatoire"
)
_FRENCH_HEADED = re.compile(
    first_chars(_FRENCH_HEADS)
    + rf"(?<![\w'’-]){trie_regex(_FRENCH_HEADS)}"
    + r"(?:[ \t]+(?!(?:qui|que|qu|et|à|en|avec|dans|depuis|où|mais|car|est|a|le|la|les|un|une|"
    + r"il|elle|on|nous|je|pour[ \t]+(?:me|moi|nous|lui|faire))(?![\w'’-]))(?:[dl]['’])?"
    + r"[^\W\d_][\w'’-]*){1,6}"
)


def find_organisation_shapes(text: str, lang: str) -> list[Suggestion]:
    """Organisations by the shape of their name (see the module's docstring)."""
    out: list[Suggestion] = []
    if lang == "es" and _ANY_HEAD.search(text):  # a plain search for the words first
        out.extend(
            suggestion(*m.span(), "organisation", _CONFIDENCE, "name_parts", m.group())
            for m in _HEADED.finditer(text)
        )
    lower = lower_same_length(text)
    if any(word in lower for word in _WORLD_WORDS):
        out.extend(
            suggestion(*m.span(), "organisation", _CONFIDENCE, "name_parts", m.group())
            for m in _OF_THE_WORLD.finditer(text)
        )
    if lang == "es":
        if "casa" in lower:
            out.extend(_named_houses(text))
        out.extend(_lower_acronyms(text))
    if lang == "fr":
        out.extend(
            suggestion(*m.span(), "organisation", _LOWER_CONFIDENCE, "name_parts", m.group())
            for m in _FRENCH_HEADED.finditer(text)
        )
    return out
