# ruff: noqa: RUF001  (dotless i and typographic apostrophes are test data)
"""zipf() tokenises a word once for all compared languages: the same values as wordfreq."""

from __future__ import annotations

import random
import re

import wordfreq

from moderation.redaction import language


def _words() -> set[str]:
    rnd = random.Random(11)
    alphabet = "abcdeéèçñüßıİlÀ'’-._ 0123456789\u0301\u00a0"
    words = {"".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 10))) for _ in range(2500)}
    words |= {
        "here's",
        "yefremova's",
        "c'mon",
        "l'argent",
        "aujourd'hui",
        "e-mail",
        "mazar-i-sharif",
        "bilal.ndiaye",
        "se72",
        "1999",
        "s.a",
        "o'brien",
        "",
        "'",
        "--",
    }
    return words


def test_the_compared_languages_tokenise_alike() -> None:
    # Otherwise zipf() asks wordfreq per language, which is right but slower.
    assert language._SAME_TOKENISER


def test_shared_tokens_give_wordfreqs_zipf_values() -> None:
    for word in _words():
        tokens = language._compare_tokens(word)
        for lang in language._COMPARE:
            expected = wordfreq.zipf_frequency(word, lang, wordlist="best")
            assert language._tokens_zipf(tokens, lang) == expected, (word, lang)


def test_zipf_of_words_with_apostrophes_hyphens_and_digits() -> None:
    for word in ("here's", "l'argent", "e-mail", "mazar-i-sharif", "se72", "4x4"):
        for lang in language._COMPARE:
            assert language.zipf(word, lang) == wordfreq.zipf_frequency(word, lang, wordlist="best")
    assert re.fullmatch(r"\d+\.\d+|\d+", str(language.zipf("here's", "en")))


def test_a_final_line_break_does_not_make_a_word_plain() -> None:
    # "$" in the plain-word patterns used to accept "a\n", whose table lookup found nothing
    # although wordfreq tokenises it to "a".
    for word, lang in (("a\n", "en"), ("casa\n", "es"), ("\u0628\u064a\u062a\n", "ar")):
        assert language.zipf.__wrapped__(word, lang) == wordfreq.zipf_frequency(
            word, lang, wordlist="best"
        )
    assert language._is_plain("samir") and not language._is_plain("Samir")
    assert not language._is_plain("o'brien") and language._is_plain("élodie")
