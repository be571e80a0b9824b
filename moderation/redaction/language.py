"""Language guessing and word-frequency evidence (wordfreq) used by the name detectors."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import wordfreq
from wordfreq.language_info import get_language_info
from wordfreq.numbers import digit_freq, smash_numbers

SUPPORTED = ("en", "es", "fr", "ar")
# Languages compared against to tell a common word from a name: names are about as frequent
# in every language's corpus, common words are frequent only in their own language.
_COMPARE = ("en", "es", "fr", "de", "it", "pt", "nl")

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "was",
            "my",
            "in",
            "we",
            "i",
            "he",
            "she",
            "they",
            "it",
            "is",
            "that",
            "with",
            "for",
            "were",
            "had",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "de",
            "y",
            "que",
            "en",
            "mi",
            "mis",
            "con",
            "por",
            "para",
            "fue",
            "era",
            "nos",
            "un",
            "una",
            "se",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "de",
            "et",
            "que",
            "en",
            "mon",
            "ma",
            "mes",
            "avec",
            "pour",
            "était",
            "nous",
            "un",
            "une",
            "est",
            "je",
        ]
    ),
}
# Each stop word with the languages it belongs to ("la", "que", "en" to several).
_STOPWORD_LANGUAGES: dict[str, tuple[str, ...]] = {
    w: tuple(lang for lang, stops in _STOPWORDS.items() if w in stops)
    for w in set().union(*_STOPWORDS.values())
}
_WORD = re.compile(r"[^\W\d_]+")
_ARABIC = re.compile(r"[\u0600-\u06FF]")


def guess_language(text: str) -> str:
    """Guess en/es/fr/ar from script and stop-word counts; English when unsure."""
    sample = text[:4000]
    arabic = len(_ARABIC.findall(sample))
    if arabic:
        letters = sum(map(str.isalpha, sample))
        if letters and arabic / letters > 0.3:
            return "ar"
    counts = dict.fromkeys(_STOPWORDS, 0)
    for w in _WORD.findall(sample.lower()):
        for lang in _STOPWORD_LANGUAGES.get(w, ()):
            counts[lang] += 1
    best = max(counts, key=lambda k: (counts[k], k == "en"))
    return best if counts[best] else "en"


@lru_cache(maxsize=262144)
def zipf(word: str, lang: str) -> float:
    """Zipf frequency of a (lower-case) word in a language; 0 when unknown."""
    if lang in _COMPARE:
        if _is_plain(word):
            return _plain_zipf(word, lang)
        if _SAME_TOKENISER:
            return _tokens_zipf(_compare_tokens(word), lang)
    elif lang == "ar" and _PLAIN_ARABIC_WORD.match(word):
        return _plain_zipf(word, lang)
    z: float = wordfreq.zipf_frequency(word, lang, wordlist="best")
    return z


def _tokeniser_settings(lang: str) -> dict[str, object]:
    return dict(get_language_info(lang))


# wordfreq tokenises a word by its language's settings only (script, tokeniser, normal form,
# marks, dotless i, transliteration: wordfreq.tokens.tokenize and preprocess_text read nothing
# else of the language). When the compared languages all have the same settings, a word has the
# same tokens in each of them: it is tokenised once for all seven (its tokens are the costly
# part of wordfreq.zipf_frequency, about 20 times a table lookup), not once per language.
_SAME_TOKENISER = all(
    _tokeniser_settings(lang) == _tokeniser_settings(_COMPARE[0]) for lang in _COMPARE
)


@lru_cache(maxsize=65536)
def _compare_tokens(word: str) -> tuple[str, ...]:
    """wordfreq's tokens of a word in any of the compared languages (see _SAME_TOKENISER)."""
    return tuple(wordfreq.lossy_tokenize(word, _COMPARE[0]))


def _tokens_zipf(tokens: tuple[str, ...], lang: str) -> float:
    """wordfreq.zipf_frequency(word, lang, wordlist="best") of a word with these tokens in a
    compared language: the same steps as wordfreq's _word_frequency (whose regex tokeniser
    they use: no Jieba correction) and zipf_frequency, from its own helpers and tables."""
    if not tokens:
        return _UNKNOWN_ZIPF
    table = _TABLES.get(lang)
    if table is None:
        table = _TABLES[lang] = _frequencies(lang)
    one_over_result = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        found = table.get(smashed)
        if found is None:
            return _UNKNOWN_ZIPF  # a missing token: wordfreq's minimum
        freq = found
        if smashed != token:
            freq *= digit_freq(token)
        one_over_result += 1.0 / freq
    unrounded = max(1.0 / one_over_result, _MIN_FREQ)
    rounded = round(unrounded, math.floor(-math.log(unrounded, 10)) + 3)
    return round(math.log(rounded, 10) + 9, 2)


# Lower-case Latin letters only: wordfreq's tokeniser leaves such a word as it is.
_PLAIN_WORD = re.compile(r"^[a-zß-öø-ÿā-ɏ]+\Z")  # \Z: "$" would accept a final line break
# Arabic letters only (no tatweel, no marks): the same holds in Arabic (checked against every
# word of wordfreq's Arabic list and random letter strings; test_language_tables.py).
_PLAIN_ARABIC_WORD = re.compile(r"^[\u0621-\u063A\u0641-\u064A]+\Z")


def _median(values: list[float]) -> float:
    """statistics.median, without its overhead (same result)."""
    data = sorted(values)
    n = len(data)
    if n % 2:
        return data[n // 2]
    return (data[n // 2 - 1] + data[n // 2]) / 2


@lru_cache(maxsize=16)
def _frequencies(lang: str) -> dict[str, float]:
    table: dict[str, float] = wordfreq.get_frequency_dict(lang, wordlist="best")
    return table


def _plain_zipf(word: str, lang: str) -> float:
    """wordfreq.zipf_frequency for a plain word (which wordfreq tokenises to itself), computed
    the same way but without its tokeniser: about 15 times faster."""
    table = _TABLES.get(lang)
    if table is None:
        table = _TABLES[lang] = _frequencies(lang)
    freq = table.get(word)
    if freq is None:
        return _UNKNOWN_ZIPF
    # wordfreq's frequencies take few distinct values (they come from whole centibels), so the
    # Zipf value of each is computed once (a pure function of the frequency: same result).
    z = _ZIPF_OF_FREQ.get(freq)
    if z is None:
        z = _ZIPF_OF_FREQ[freq] = _freq_to_zipf(freq)
    return z


def warm_up_zipf() -> None:
    """Load the frequency tables, compute the Zipf value of each distinct frequency and the
    name-likeness tables of the usual languages now."""
    for lang in _COMPARE:
        table = _TABLES.get(lang)
        if table is None:
            table = _TABLES[lang] = _frequencies(lang)
        for freq in set(table.values()) - _ZIPF_OF_FREQ.keys():
            _ZIPF_OF_FREQ[freq] = _freq_to_zipf(freq)
    for lang in ("en", "es", "fr"):  # the languages guess_language() answers with
        _likeness_table(lang)


def _freq_to_zipf(freq: float) -> float:
    """What wordfreq.zipf_frequency computes from a word's frequency."""
    freq = max(1.0 / (1.0 / freq), _MIN_FREQ)
    rounded = round(freq, math.floor(-math.log(freq, 10)) + 3)
    return round(math.log(rounded, 10) + 9, 2)  # wordfreq.freq_to_zipf, inlined


# Constants and tables of _plain_zipf (the same values wordfreq computes on every call).
_MIN_FREQ = wordfreq.zipf_to_freq(0.0)
_UNKNOWN_ZIPF: float = round(wordfreq.freq_to_zipf(_MIN_FREQ), 2)
_TABLES: dict[str, dict[str, float]] = {}
_ZIPF_OF_FREQ: dict[float, float] = {}
# Words less frequent than this have a Zipf value below _RARE_ZIPF (with margin: the exact
# test is made on the Zipf value itself when the likeness table is built).
_MIN_COMMON_FREQ = wordfreq.zipf_to_freq(2.9)


@lru_cache(maxsize=131072)
def name_likeness(word: str, lang: str) -> float:
    """How name-like a word is in a language: 1 for rare or cross-lingual words, 0 for common.

    A common word is frequent in its own language but much rarer elsewhere; a personal or place
    name is about equally frequent in all languages' corpora.
    """
    w = word.lower()
    if lang != "ar" and _is_plain(w):
        # Every zipf() below would take the plain path: read the precomputed answer.
        return _likeness_table(lang if lang in _COMPARE else _OTHER).get(w, 1.0)
    return _likeness(w, lang)


def _likeness(w: str, lang: str, zipf_of: Callable[[str, str], float] = zipf) -> float:
    """name_likeness of a lower-case word, computed from the frequency tables."""
    if lang == "ar":
        return 1.0 if zipf_of(w, "ar") < 3.5 else 0.0
    own = zipf_of(w, lang if lang in _COMPARE else "en")
    if own < _RARE_ZIPF:
        return 1.0
    others = _median([zipf_of(w, o) for o in _COMPARE if o != lang])
    diff = own - others
    if diff < 0.7:
        return 0.9 if own < 5.2 else 0.6
    if diff < 1.0:
        return 0.5
    if own < 3.5:
        return 0.6
    return 0.0


# Below this Zipf value in its own language a word counts as rare, so as name-like.
_RARE_ZIPF = 3.0


def _is_plain(w: str) -> bool:
    """Whether w is a plain word of the Latin-script languages, which wordfreq tokenises to
    itself, so that zipf() reads it straight from the frequency tables."""
    if w.isascii():
        # _PLAIN_WORD's letters in ASCII are a-z: an ASCII word of letters with no capital
        # (no regex call; casefold() and NFC change nothing in such a word).
        return w.isalpha() and w.islower()
    return (
        _PLAIN_WORD.match(w) is not None
        and w.casefold() == w
        and (w.isascii() or unicodedata.is_normalized("NFC", w))
    )


# Stands for every language outside _COMPARE: they all compare English with all of _COMPARE.
_OTHER = "*"


@lru_cache(maxsize=len(_COMPARE) + 1)
def _likeness_table(lang: str) -> dict[str, float]:
    """name_likeness of every plain word that is not rare in the language's own table (all
    others are 1.0), computed once per language: the first sight of a word then costs one dict
    lookup instead of up to seven frequency lookups and a median."""
    own = lang if lang in _COMPARE else "en"
    table = _TABLES.get(own) or _frequencies(own)
    threshold = _MIN_COMMON_FREQ
    return {
        w: like
        for w, freq in table.items()
        # zipf() of a plain word is _plain_zipf(); calling it directly keeps these ~30,000
        # words per language out of zipf()'s cache.
        if freq >= threshold and _is_plain(w) and (like := _likeness(w, lang, _plain_zipf)) != 1.0
    }


def is_common_word(word: str, lang: str) -> bool:
    """True for an ordinary word of the language (not name-like)."""
    return name_likeness(word, lang) < 0.5
