# ruff: noqa: RUF001  (multilingual text: Arabic letters and typographic quotes are data)
"""folding's non-ASCII runs come from a pattern that starts with a character class (so re scans
fast for it): the same runs as the plain [^\\x00-\\x7f]+, and fold_with_map() still folds each
character as fold_char() does."""

from __future__ import annotations

import random
import re

from moderation.redaction import folding


def test_non_ascii_runs_are_the_plain_patterns_runs() -> None:
    rnd = random.Random(5)
    alphabet = "aZ '`\x7f\x80éÉ\u0301ـأ\u200cﬁİ😀\n"
    plain = re.compile(r"[^\x00-\x7f]+")
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(16)))
        new = [m.span() for m in folding._NON_ASCII.finditer(text)]
        assert new == [m.span() for m in plain.finditer(text)], text


def test_fold_with_map_of_mostly_ascii_text_folds_each_character() -> None:
    rnd = random.Random(9)
    alphabet = "abcXYZ '`.-é" + "ÉñÑçÇüÜ’ʼ" + "\u0301ﬁİßΣ" + "أة😀"
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(30)))
        folding.fold_with_map.cache_clear()
        folded, index = folding.fold_with_map(text)
        assert folded == "".join(folding.fold_char(c) for c in text), text
        assert list(index) == [i for i, c in enumerate(text) for _ in folding.fold_char(c)] + [
            len(text)
        ], text
