"""How frequent a word is in English, Spanish and French (wordfreq), and whether it is an
ordinary word of one of them rather than a name."""

from __future__ import annotations

from functools import cache

import wordfreq


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
