"""The precomputed name-likeness tables give the answer the frequency lookups give."""

from __future__ import annotations

import random

import pytest
import wordfreq

from moderation.redaction import language

_LANGS = ("en", "es", "fr", "de", "nl", "ar", "fa", "sw")


def _words() -> list[str]:
    words: set[str] = {"Samir", "the", "Homs", "Zoë", "o'brien", "İstanbul", "straße", "ǅemal"}
    for lang in ("en", "es", "fr"):
        common = list(language._frequencies(lang))
        words.update(common[:40000:7])  # frequent words, where the likeness is not 1
        words.update(common[40000::997])  # and rare ones
    return sorted(words)


@pytest.mark.parametrize("lang", _LANGS)
def test_table_lookup_equals_frequency_computation(lang: str) -> None:
    compute = language._likeness
    lookup = language.name_likeness.__wrapped__  # without the lru_cache in front
    words = _words()
    for word in words:
        for form in (word, word.capitalize(), word.upper()):
            assert lookup(form, lang) == compute(form.lower(), lang), (form, lang)
    # The fixture is not trivial: common, in-between and rare words are all there.
    values = {lookup(w, lang) for w in words}
    assert {0.0, 1.0} <= values


def test_plain_arabic_words_read_straight_from_the_table() -> None:
    rnd = random.Random(3)
    letters = [chr(c) for c in [*range(0x621, 0x63B), *range(0x641, 0x64B)]]
    words = list(language._frequencies("ar"))[::50]
    words += ["".join(rnd.choice(letters) for _ in range(rnd.randint(1, 8))) for _ in range(3000)]
    words += ["كتاب", "الكتاب", "بالكتاب", "حلب", "سمير", "ـمخيم", "مَخيم", "ﻻ", "مخيم1"]
    plain = 0
    for word in words:
        plain += bool(language._PLAIN_ARABIC_WORD.match(word))
        assert language.zipf.__wrapped__(word, "ar") == wordfreq.zipf_frequency(
            word, "ar", wordlist="best"
        ), word
    assert plain > len(words) // 2  # the fast path is exercised, not only the fallback
