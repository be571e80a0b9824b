"""Given names and family names written in Latin script, from Faker's person providers.

Faker (MIT) ships per-locale lists of common given and family names taken from public
statistics (US Social Security baby names and census surnames, Colombia's open data, Spanish
and French registry statistics, and the like; see each provider's comments). The locales are
those of the people the organisation works with and of the languages of the engine: Spanish
(Spain, Mexico, Colombia, Argentina, Chile), French (France, Canada, Algeria), English (US,
UK, Kenya, Nigeria, Pakistan), Swahili and Hausa; community_given_names.py adds the given names
of the Sahel, the Horn of Africa, South Sudan, the Great Lakes and Afghanistan, and Arabic names
in Latin letters, which those lists lack. The lexicon is only evidence: a word in it
that is an ordinary word of en/es/fr ("hope", "paz", "rosa") is never suggested on that
ground alone, and never at or above the leak guard's threshold (given_names).
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from .community_given_names import GIVEN_NAMES
from .folding import fold
from .latin_word_frequencies import ordinary_latin_word

_LOCALES = (
    "es_ES",
    "es_MX",
    "es_CO",
    "es_AR",
    "es_CL",
    "fr_FR",
    "fr_CA",
    "fr_DZ",
    "en_US",
    "en_GB",
    "en_KE",
    "en_NG",
    "en_PK",
    "sw",
    "ha_NG",
)
_GIVEN = ("first_names", "first_names_female", "first_names_male")
_FAMILY = ("last_names",)


def _words(provider: type, attributes: tuple[str, ...]) -> set[str]:
    """The one-word names of a provider's lists (class attributes; some are properties)."""
    out: set[str] = set()
    for attribute in attributes:
        values = provider.__dict__.get(attribute)
        if values is None:
            for base in provider.__mro__[1:]:
                values = base.__dict__.get(attribute)
                if values is not None:
                    break
        if not isinstance(values, (tuple, list, dict)):
            continue
        for name in values:
            word = fold(name)
            if word.isalpha() and len(word) >= 3:
                out.add(word)
    return out


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, family names), folded (lower case, no accents)."""
    given: set[str] = set()
    family: set[str] = set()
    for locale in _LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        given |= _words(provider, _GIVEN)
        family |= _words(provider, _FAMILY)
    given |= {fold(name) for name in GIVEN_NAMES}
    return frozenset(given), frozenset(family)


def is_given_name(word: str) -> bool:
    """A given name of the lexicon (any case, with or without accents)."""
    return fold(word) in _lexicon()[0]


def is_family_name(word: str) -> bool:
    """A family name of the lexicon (any case, with or without accents)."""
    return fold(word) in _lexicon()[1]


@lru_cache(maxsize=1)
def _any_name() -> frozenset[str]:
    given, family = _lexicon()
    return given | family


def is_name(word: str) -> bool:
    """A given or family name of the lexicon."""
    low = word.lower()
    names = _any_name()
    return low in names or (not low.isascii() and fold(low) in names)


@lru_cache(maxsize=65536)
def is_ordinary(word: str) -> bool:
    """An ordinary word of en/es/fr (ordinary_latin_word): "hope", "paz", "rosa"."""
    return ordinary_latin_word(word.lower())


def warm_up() -> None:
    """Load the lexicon now."""
    _any_name()
