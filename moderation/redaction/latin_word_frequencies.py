"""How frequent a word is in English, Spanish and French (wordfreq), and whether it is an
ordinary word of one of them rather than a name."""

from __future__ import annotations

import math
from functools import cache

import wordfreq

from .folding import fold
from .language import zipf


def freqs(word: str, dicts: list[dict[str, float]]) -> list[float]:
    """The word's frequency in each of ``dicts``."""
    return [d.get(word, 0.0) for d in dicts]


def name_like(word: str, dicts: list[dict[str, float]]) -> bool:
    """Rare everywhere, or about equally frequent in en/es/fr (names are; common words aren't)."""
    f = freqs(word, dicts)
    top = max(f)
    if top < 1e-6:  # zipf < 3 in all three languages
        return True
    return min(f) * 10**0.7 >= top


@cache
def latin_dicts() -> list[dict[str, float]]:
    """wordfreq's frequency lists of en, es and fr."""
    return [wordfreq.get_frequency_dict(lang) for lang in ("en", "es", "fr")]


def ordinary_latin_word(word: str) -> bool:
    """A frequent word (Zipf >= 3.7) of one of en/es/fr that names do not look like (see
    name_like): "atm", "bath", "reading", but not "aleppo" (3.6, an exonym). The gazetteer keeps
    such names of big cities; detectors should not be sure of them without more evidence."""
    w = word.lower()
    dicts = latin_dicts()
    return " " not in w and max(freqs(w, dicts)) >= 10**-5.3 and not name_like(w, dicts)


_ACCENTED_MIN_FREQUENCY = 1e-6  # Zipf 3: rarer accented words are not worth a place


@cache
def _unaccented_table(lang: str) -> dict[str, float]:
    """The frequency of each accented word of the language (Zipf 3 and up) under its spelling
    without accents, the most frequent word of that spelling winning: "etait" -> "était"."""
    table: dict[str, float] = {}
    for word, freq in wordfreq.get_frequency_dict(lang).items():  # most frequent first
        if freq < _ACCENTED_MIN_FREQUENCY:
            break
        if word.isascii():
            continue
        plain = fold(word)
        if plain != word and freq > table.get(plain, 0.0):
            table[plain] = freq
    return table


def unaccented_zipf(word: str, lang: str) -> float:
    """The Zipf frequency of the accented word that a lower-case word is the unaccented
    spelling of ("etait" 6.2, "deja" 5.5, as typed on a phone), 0 if there is none."""
    freq = _unaccented_table(lang).get(word, 0.0)
    return math.log10(freq) + 9 if freq else 0.0


def latin_frequency(low: str) -> float:
    """The highest Zipf frequency of a lower-case word in Spanish, English and French, Spanish
    also as typed without accents ("vivia" for "vivía"): how common the word is to a writer of
    any of the three."""
    return max(zipf(low, "es"), zipf(low, "en"), zipf(low, "fr"), unaccented_zipf(low, "es"))


def warm_up() -> None:
    """Build the tables of unaccented spellings now."""
    for lang in ("en", "es", "fr"):
        _unaccented_table(lang)
