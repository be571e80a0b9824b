"""Words for nationalities, told by their shape: a country's name (Unicode CLDR through Babel,
in English, Spanish and French), perhaps cut by up to two letters, and a nationality ending:
"Eritrean", "Sudanese", "Congolese", "Iraqi", "hondureña", "guatemalteco", "Congolais",
"Burundaise", "Tchadien". A survivor writes them where a name could stand ("my brother
Eritrean he was taken", "ma mère Burundaise"): they are ordinary words (ordinary_words), never
a name on their own at or above the leak guard's threshold."""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

from .folding import fold

_LANGUAGES = ("en", "es", "fr")
_MIN_STEM = 4  # letters of a country's name a nationality keeps at least
_CUT = 2  # letters a nationality may drop from the end of a country's name ("Eritre-an")
# Endings of nationalities in English, Spanish and French, singular and plural.
_ENDING = re.compile(
    r"(?:i?an|ean|ese|i|ais|aise|ois|oise|i?en|i?enne|ano|ana|eno|ena|ense|ino|ina|eco|eca|"
    r"teco|teca|ita|lais|laise|lese)s?"
)
_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    """The words of the countries' names, folded ("eritrea", "salvador", "mariana")."""
    return frozenset(
        word
        for language in _LANGUAGES
        for code, name in Locale(language).territories.items()
        if len(code) == 2 and code.isalpha()
        for word in _LETTERS.findall(fold(name.lower()))  # "Myanmar (Burma)", "Guinea-Bissau"
    )


@lru_cache(maxsize=1)
def _country_stems() -> frozenset[str]:
    """Every beginning of a country's name (a word of it) that a nationality may keep: the
    whole word, or the word less one or two letters, from four letters up; and a "-stan"
    country's people ("afghan", "uzbek")."""
    stems: set[str] = set()
    for word in _country_words():
        shortest = max(_MIN_STEM, len(word) - _CUT)
        stems.update(word[:k] for k in range(shortest, len(word) + 1))
    return frozenset(stems)


@lru_cache(maxsize=1)
def _stan_peoples() -> frozenset[str]:
    """ "afghan", "uzbek", "tajik": a "-stan" country's name without it."""
    return frozenset(
        word.removesuffix("stan").removesuffix("i")
        for word in _country_words()
        if word.endswith("stan") and len(word) > 8
    )


@lru_cache(maxsize=4096)
def is_nationality(word: str) -> bool:
    """Whether a word (any case) is a country's name and a nationality ending, or the people
    of a "-stan" country; not the word of a country's name itself ("Jordan")."""
    low = fold(word.lower())
    if low in _country_words():
        return False
    if low.removesuffix("s") in _stan_peoples() or low.removesuffix("i") in _stan_peoples():
        return True
    stems = _country_stems()
    return any(
        low[:k] in stems and _ENDING.fullmatch(low, k) is not None
        for k in range(_MIN_STEM, len(low))
    )


def warm_up() -> None:
    """Read CLDR's country names now."""
    _country_stems()
    _stan_peoples()
