"""A capitalised run that is a person and then an organisation joined by "de": "la abogada Paola
Méndez de Asylum Access", "la licenciada Consuelo de RAICES", "Ximena Ortiz de Sin Fronteras".
The names detector would take the run as one person's name (Spanish names join with "de":
"María de los Ángeles", "Josefa Ortiz de Domínguez"); the words after "de" are an organisation's
name when they start with a type word ("de la Procuraduría"), are an acronym, or are two words
or more of which one is an everyday word and no listed name ("Sin Fronteras", "Al Otro Lado",
"Asylum Access"; not "de la Cruz" nor "de los Santos Pérez"). The run is then two: each is
classified on its own, and organisation_kinds tells the second an organisation after a member
of staff ("la abogada Sonia de")."""

from __future__ import annotations

from .latin_word_frequencies import latin_frequency
from .name_lexicon import is_name
from .name_tokens import Tok
from .name_word_lists import NAME_CONNECTORS
from .named_organisations import ORGANISATION_TYPE_WORDS

_JOINS = frozenset(("de", "del"))
_ARTICLES = NAME_CONNECTORS | {"los", "las", "les"}
_EVERYDAY = 3.5  # Zipf, in es, en or fr
_ACRONYM = 3  # capital letters at least


def split_before_organisation(group: list[Tok]) -> list[list[Tok]]:
    """The group, or its part before "de" and its part after when that is an organisation's
    name (see the module's docstring)."""
    for k in range(1, len(group) - 1):
        if group[k][2] in _JOINS and _organisation_name([t[2] for t in group[k + 1 :]]):
            return [group[:k], group[k + 1 :]]
    return [group]


def _organisation_name(words: list[str]) -> bool:
    named = [w for w in words if w.lower() not in _ARTICLES]
    if named and named[0].lower() in ORGANISATION_TYPE_WORDS:
        return True  # "Marvin Orellana de la Procuraduría para la Defensa ..."
    if len(named) == 1:
        word = named[0]
        return len(word) >= _ACRONYM and word.isalpha() and word.isupper()
    return any(
        latin_frequency(w.lower()) >= _EVERYDAY and not is_name(w) for w in named
    ) and not all(is_name(w) for w in named)
